import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { busChannels, deliverTo, addHandlerTo, type Bus, type BusChannel, type BusHandlers } from './bus';
import type { Logger } from './logger';

/**
 * The Redis connections of one process: one for commands and publishing, one subscribed for the
 * bus, one subscribed for socket.io's adapter (a subscribed connection can do nothing else, and
 * the adapter's channels are not the bus's).
 */
export interface RedisLink {
  pub: Redis;
  busSub: Redis;
  adapterSub: Redis;
  close(): Promise<void>;
}

/**
 * Connects to Redis. The first connection must succeed (the server does not start without it);
 * after that ioredis reconnects on its own and subscribes again. Publishing while Redis is away
 * fails at once instead of queueing: a message that arrives late is worse than one that does not
 * arrive, since receivers read the current state from the database anyway.
 */
export async function openRedis(url: string, log: Logger): Promise<RedisLink> {
  const make = (role: string) => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: role !== 'pub', connectionName: `verksted-${role}` });
    let reported = false;
    client.on('error', (err: unknown) => {
      // Once per outage, not once per retry.
      if (!reported) log.error({ err, role }, 'redis connection lost; reconnecting');
      reported = true;
    });
    client.on('ready', () => {
      if (reported) log.warn({ role }, 'redis connection back');
      reported = false;
    });
    return client;
  };
  const pub = make('pub');
  const busSub = make('bus');
  const adapterSub = make('adapter');
  const all = [pub, busSub, adapterSub];
  try {
    await Promise.all(all.map((c) => c.connect()));
  } catch (err) {
    all.forEach((c) => c.disconnect());
    throw err;
  }
  return {
    pub,
    busSub,
    adapterSub,
    async close() {
      await Promise.all(all.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Keeps the bus's channels apart from other applications on the same Redis. */
const PREFIX = 'verksted:';

interface Envelope {
  from: string;
  payload: unknown;
}

/**
 * The bus on Redis pub/sub: the same contract as PostgreSQL's NOTIFY (at most once, only to
 * listeners at the time, never back to the sender), without NOTIFY's 8000-byte limit and
 * without a database connection per process spent on listening.
 */
export async function createRedisBus(link: RedisLink, log: Logger): Promise<Bus> {
  const id = randomUUID();
  const handlers: BusHandlers = new Map();
  let closed = false;
  link.busSub.on('message', (channel: string, message: string) => {
    if (closed || !channel.startsWith(PREFIX)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (err) {
      log.warn({ err, channel }, 'unreadable bus message');
      return;
    }
    if (envelope.from !== id) deliverTo(handlers, channel.slice(PREFIX.length) as BusChannel, envelope.payload, log);
  });
  await link.busSub.subscribe(...Object.values(busChannels).map((c) => PREFIX + c));
  return {
    publish(channel, payload) {
      if (closed) return;
      link.pub.publish(PREFIX + channel, JSON.stringify({ from: id, payload } satisfies Envelope)).catch((err: unknown) => log.error({ err, channel }, 'bus publish failed'));
    },
    subscribe: (channel, handler) => addHandlerTo(handlers, channel, handler),
    async close() {
      closed = true;
      await link.busSub.unsubscribe().catch(() => undefined);
    },
  };
}
