import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Db } from '@/db/client';
import type { Logger } from './logger';

/**
 * The channels processes tell each other about. Payloads are small JSON (ids and versions, never
 * state): PostgreSQL NOTIFY carries at most 8000 bytes, and the receiver reads what changed from
 * the database anyway.
 */
export const busChannels = {
  /** A live session's state was committed: `{ sessionId, version }`. */
  live: 'verksted_live',
  /** Data behind a session's view changed (answers, outcome, sorts): `{ view, sessionId }`. */
  views: 'verksted_views',
  /** An update of a Yjs document was stored: `{ doc, id }`. */
  yjs: 'verksted_yjs',
  /** Access ended for someone (an `AccessChange`). */
  access: 'verksted_access',
  /** A participant moved to another device: `{ sessionId, participantId }`. */
  moved: 'verksted_moved',
  /** An archive run's status (an `ArchiveStatus`). */
  archive: 'verksted_archive',
  /** Participants' own answers are due: `{ sessionId, reason, participantIds? }` (none: those connected). */
  mine: 'verksted_mine',
} as const;
export type BusChannel = (typeof busChannels)[keyof typeof busChannels];

/**
 * Tells the other server processes on the same database what happened here. Each process acts on
 * what it did itself at once; `publish` is for the others, and a process never hears its own
 * messages back. Delivery is at most once and only to processes listening at the time, so a
 * receiver must read the current state rather than trust the payload to be the latest; every
 * privileged step rechecks access in the database anyway. The interface is kept this small so the
 * Redis implementation (./redis) can take the place of the PostgreSQL one.
 */
export interface Bus {
  /** Sends `payload` to every other process subscribed to `channel`. Never throws (logged). */
  publish(channel: BusChannel, payload: unknown): void;
  /** Calls `handler` with every payload another process publishes on `channel` from now on. */
  subscribe(channel: BusChannel, handler: (payload: unknown) => void): () => void;
  /** Stops listening; later publishes are dropped. */
  close(): Promise<void>;
}

interface Envelope {
  /** The publishing bus, so a process skips its own messages. */
  from: string;
  payload: unknown;
}

export type BusHandlers = Map<BusChannel, Set<(payload: unknown) => void>>;
type Handlers = BusHandlers;

/** Calls every handler of `channel`; one that throws is logged and does not stop the others. */
export function deliverTo(handlers: Handlers, channel: BusChannel, payload: unknown, log: Logger): void {
  for (const handler of handlers.get(channel) ?? []) {
    try {
      handler(payload);
    } catch (err) {
      log.error({ err, channel }, 'a bus handler failed');
    }
  }
}

export function addHandlerTo(handlers: Handlers, channel: BusChannel, handler: (payload: unknown) => void): () => void {
  let set = handlers.get(channel);
  if (!set) handlers.set(channel, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

/**
 * Buses in one Node process that hear each other: what one publishes reaches the others made
 * from the same hub. Embedded PGlite is one process's database, so a server on it has a hub of
 * its own and nobody to tell; tests put two servers on one hub.
 */
export function createMemoryHub() {
  const members = new Set<{ id: string; handlers: Handlers; log: Logger }>();
  return {
    bus(log: Logger): Bus {
      const me = { id: randomUUID(), handlers: new Map() as Handlers, log };
      members.add(me);
      return {
        publish(channel, payload) {
          const copy = JSON.parse(JSON.stringify(payload)) as unknown;
          // Asynchronous like a real channel, so a publisher never runs a receiver's code inline.
          for (const other of members) if (other !== me) queueMicrotask(() => deliverTo(other.handlers, channel, copy, other.log));
        },
        subscribe: (channel, handler) => addHandlerTo(me.handlers, channel, handler),
        async close() {
          members.delete(me);
        },
      };
    },
  };
}

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const NOTIFY_LIMIT_BYTES = 8000;

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 1000;

/**
 * The bus on PostgreSQL: NOTIFY through the pool's connections, LISTEN on one dedicated
 * connection. If that connection is lost it is opened again; what was published meanwhile is not
 * heard (documents and sessions are read afresh when clients reconnect). Resolves once it listens.
 */
export async function createPgBus(databaseUrl: string, db: Db, log: Logger): Promise<Bus> {
  const id = randomUUID();
  const handlers: Handlers = new Map();
  let client: pg.Client | null = null;
  let closed = false;
  let connecting: Promise<void> | null = null;

  async function listen(): Promise<void> {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      if (!message.payload) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message.payload) as Envelope;
      } catch (err) {
        log.warn({ err, channel: message.channel }, 'unreadable bus message');
        return;
      }
      if (envelope.from !== id) deliverTo(handlers, message.channel as BusChannel, envelope.payload, log);
    });
    next.on('error', (err) => {
      log.error({ err }, 'bus connection lost; listening again');
      if (client === next) client = null;
      void next.end().catch(() => undefined);
      if (!closed) setTimeout(() => void ensureListening(), RECONNECT_MS);
    });
    await next.connect();
    for (const channel of Object.values(busChannels)) await next.query(`LISTEN ${channel}`);
    if (closed) return void (await next.end());
    client = next;
  }

  function ensureListening(): Promise<void> {
    connecting ??= listen()
      .catch((err: unknown) => {
        log.error({ err }, 'bus could not listen; trying again');
        if (!closed) setTimeout(() => void ensureListening(), RECONNECT_MS);
      })
      .finally(() => (connecting = null));
    return connecting;
  }

  // The first time a failure is the caller's to see (the server does not start without it).
  await listen();
  return {
    publish(channel, payload) {
      if (closed) return;
      const text = JSON.stringify({ from: id, payload } satisfies Envelope);
      if (Buffer.byteLength(text) >= NOTIFY_LIMIT_BYTES) return log.error({ channel, bytes: Buffer.byteLength(text) }, 'bus message too large, not sent');
      db.execute(sql`select pg_notify(${channel}, ${text})`).catch((err: unknown) => log.error({ err, channel }, 'bus publish failed'));
    },
    subscribe: (channel, handler) => addHandlerTo(handlers, channel, handler),
    async close() {
      closed = true;
      await connecting;
      const last = client;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}

/**
 * The bus for a database: PostgreSQL's channel, or, on embedded PGlite (one process), a hub of its
 * own. With Redis configured the server uses `createRedisBus` (./redis) instead.
 */
export async function openBus(database: Database, databaseUrl: string | null, log: Logger): Promise<Bus> {
  if (database.kind === 'postgres' && databaseUrl) return createPgBus(databaseUrl, database.db, log);
  return createMemoryHub().bus(log);
}
