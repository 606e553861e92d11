import http from 'node:http';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSessions, workshops, yjsSnapshots, yjsUpdates } from '@/db/schema';
import { errorCodes } from '@/lib/errors';
import { safeReadLiveState } from '@/lib/live-session';
import { clientEvents, sessionNotesDocName, type JoinResult } from '@/lib/protocol';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { connected, emit as emitRaw, harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';

type AnyAck = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const emit = (socket: TestSocket, event: string, payload: unknown) => emitRaw<AnyAck>(socket, event, payload);

/** An answer is `{ ok: true, data }` or `{ ok: false, error: { code, message } }` with a known code, nothing else. */
function wellFormed(ack: unknown): boolean {
  if (typeof ack !== 'object' || ack === null) return false;
  const a = ack as AnyAck;
  if (a.ok === true) return Object.keys(a).every((k) => k === 'ok' || k === 'data');
  return (
    a.ok === false &&
    typeof a.error === 'object' && a.error !== null &&
    (errorCodes as readonly string[]).includes(a.error.code) &&
    typeof a.error.message === 'string'
  );
}

const eventNames = Object.values(clientEvents) as string[];
const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const payloads = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.record({ sessionId: fc.oneof(fc.uuid(), fc.string()), command: fc.jsonValue({ maxDepth: 3 }), code: fc.string(), as: fc.constantFrom('facilitator', 'participant', 'presenter', 'x') }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((n) => ({ comment: 'x'.repeat(n), findingId: 'y'.repeat(n % 300) })) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 2_000 }).map((d) => deep(d)) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, '__proto__', { __proto__: { ok: true } }, { constructor: { prototype: 1 } }, [], Number.MAX_SAFE_INTEGER) },
);
const socketEvents = fc.record({
  event: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...eventNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }),
  payload: payloads,
  /** with: payload and an ack; without: no ack; ackOnly: just a callback, no payload. */
  mode: fc.constantFrom('with', 'with', 'with', 'without', 'ackOnly'),
});

/** Raw y-websocket frames: message type, then varints and bytes, right or wrong. */
const varint = (n: number) => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
};
const yjsFrames = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Uint8Array.from([0, ...b.map((x) => x | 0x80)])), // truncated varints
  fc.tuple(fc.constantFrom(0, 1, 2), fc.uint8Array({ maxLength: 200 })).map(([step, garbage]) => Uint8Array.from([0, step, ...varint(garbage.length), ...garbage])),
  fc.tuple(fc.constantFrom(1, 3), fc.uint8Array({ maxLength: 100 })).map(([type, garbage]) => Uint8Array.from([type, ...varint(garbage.length), ...garbage])),
  fc.uint8Array({ maxLength: 100 }).map((garbage) => Uint8Array.from([0, 2, ...varint(garbage.length + 1000), ...garbage])), // length past the end
);

const httpRequests = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO'),
  path: fc.oneof(
    fc.constantFrom('/api/sessions/join', '/api/sessions/resume', '/api/health', '/api/', '/api/sessions/join?x=%', '/%E0%A4%A', '/api/%ZZ', '/yjs/%', '/socket.io/?EIO=9', '//api//health', '/api/sessions/join/../../etc/passwd'),
    fc.string({ maxLength: 30 }).map((s) => `/api/${encodeURIComponent(s)}%${s.length % 2 ? 'G' : ''}`),
  ),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', ''),
  body: fc.oneof(fc.string({ maxLength: 200 }), fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.constantFrom('{"code":', '{"code":"ABCDEF","displayName":' + '['.repeat(5000), 'null', '[]', '{"token":1}')),
});

describe.each(harnessDrivers())('a server under a storm of malformed input (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);
  beforeEach(async () => {
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    h = serverHarness({}, undefined, driver);
    await h.start();
  });
  afterEach(async () => {
    await h.cleanup();
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  });

  it('keeps serving well-behaved clients of another session, answers only in the protocol, and stays consistent', async () => {
    const { user, cookie } = await h.facilitator();
    const db = h.server.services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [workshop] = await db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const good = await h.server.services.live.open(user.id, projectId, { title: 'Ordentlig' }, { workshopId: workshop!.id });
    const bad = await h.server.services.live.open(user.id, projectId, { title: 'Uorden' }, { workshopId: workshop!.id });
    if (!good.ok || !bad.ok) throw new Error('open');

    // The well-behaved: a facilitator and a participant in the findings round of session A.
    const fac = h.socket(cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: good.data.id })).toMatchObject({ ok: true });
    const { cookie: goodCookie } = await h.joinHttp(good.data.code, null);
    const phone = h.socket(goodCookie);
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: good.data.code })).toMatchObject({ ok: true });
    expect(await emit(fac, clientEvents.command, { sessionId: good.data.id, command: { type: 'workshop', command: { type: 'next' } } })).toMatchObject({ ok: true });
    expect(await h.server.services.live.command(bad.data.id, { type: 'workshop', command: { type: 'next' } }, { kind: 'facilitator', userId: user.id })).toMatchObject({ ok: true });
    const findingId = (good.data.state as { workshop: { activities: { config: { findingIds: string[] } }[] } }).workshop.activities[0]!.config.findingIds[0]!;

    // The hostile: a participant of session B, and a socket that never joined.
    const { cookie: badCookie } = await h.joinHttp(bad.data.code, null);
    const hostile = h.socket(badCookie);
    const joinHostile = () => emit(hostile, clientEvents.join, { as: 'participant', code: bad.data.code });
    expect(await joinHostile()).toMatchObject({ ok: true });
    // A frame past maxHttpBufferSize drops the connection; the hostile client comes back and joins again.
    hostile.on('connect', () => void joinHostile().catch(() => undefined));
    const stranger = h.socket('');
    await connected(stranger);
    const token = await emit(hostile, clientEvents.yjsToken, { docName: sessionNotesDocName(bad.data.id) });
    if (!token.ok) throw new Error('token');
    const yjsToken = (token.data as { token: string }).token;

    const malformedAnswers: { event: string; ack: unknown }[] = [];
    const tally = { answered: 0, refused: 0, unanswered: 0, dropped: 0, fireAndForget: 0 };
    const wellBehavedFailures: unknown[] = [];
    let storming = true;
    const wellBehaved = (async () => {
      for (let i = 0; storming; i++) {
        const answer = await emit(phone, clientEvents.respond, { findingId, response: 'nyanserer', comment: `Svar nummer ${'abcdefghij'[i % 10]}` }).catch((err: unknown) => err);
        const command = await emit(fac, clientEvents.command, { sessionId: good.data.id, command: { type: 'setMessage', message: `Melding ${i % 7}` } }).catch((err: unknown) => err);
        if (!(answer as AnyAck).ok) wellBehavedFailures.push({ answer });
        if (!(command as AnyAck).ok) wellBehavedFailures.push({ command });
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    })();

    // --- socket.io: thousands of events from both hostile sockets
    const events = fc.sample(socketEvents, 3000);
    const send = async ({ event, payload, mode }: (typeof events)[number], socket: TestSocket) => {
      const raw = socket as unknown as { emit(...args: unknown[]): void; connected: boolean };
      if (!raw.connected) await eventually(() => expect(raw.connected).toBe(true), 10_000).catch(() => undefined);
      if (mode === 'without' || !eventNames.includes(event)) {
        tally.fireAndForget += 1;
        return raw.emit(event, payload);
      }
      const ack = await new Promise<unknown>((resolve) => {
        const timer = setTimeout(() => resolve('NO_ACK'), 5_000);
        const done = (a: unknown) => {
          clearTimeout(timer);
          resolve(a);
        };
        if (mode === 'ackOnly') raw.emit(event, done);
        else raw.emit(event, payload, done);
      });
      // A frame the server refused outright (too large) closes the connection instead of answering.
      if (ack === 'NO_ACK' && !raw.connected) return void (tally.dropped += 1);
      if (ack === 'NO_ACK') tally.unanswered += 1;
      else if ((ack as AnyAck).ok === false) tally.refused += 1;
      else tally.answered += 1;
      if (!wellFormed(ack)) malformedAnswers.push({ event, ack: JSON.stringify(ack).slice(0, 200) });
    };
    for (let i = 0; i < events.length; i += 12) {
      await Promise.all(events.slice(i, i + 12).map((e, j) => send(e, j % 3 === 0 ? stranger : hostile)));
    }

    // Nearly every event with an ack was answered; a few went down with a connection the server dropped.
    expect(tally.refused + tally.answered).toBeGreaterThan(events.length / 2);
    expect(tally.unanswered).toBe(0);
    // --- Yjs: malformed frames on an authorised connection and on unauthorised ones
    const frames = fc.sample(yjsFrames, 3000);
    const yjsUrl = (t: string) => `ws://127.0.0.1:${h.server.port}/yjs/${sessionNotesDocName(bad.data.id)}?token=${encodeURIComponent(t)}`;
    let admitted = 0;
    for (let i = 0; i < frames.length; i += 150) {
      const ws = new WebSocket(yjsUrl(i % 300 === 0 ? 'not-a-token' : yjsToken));
      await new Promise<void>((resolve) => {
        ws.once('open', () => {
          admitted += 1;
          resolve();
        });
        ws.once('error', () => resolve());
        ws.once('close', () => resolve());
      });
      for (const frame of frames.slice(i, i + 150)) if (ws.readyState === WebSocket.OPEN) ws.send(frame);
      await new Promise((resolve) => setTimeout(resolve, 100));
      ws.terminate();
    }
    expect(admitted).toBeGreaterThan(0);

    // --- HTTP: bad JSON, wrong content types, odd methods and paths, bad percent-encoding
    const requests = fc.sample(httpRequests, 600);
    const statuses: number[] = [];
    const serverErrors: unknown[] = [];
    const request = (r: (typeof requests)[number]) =>
      new Promise<void>((resolve) => {
        const req = http.request(
          { host: '127.0.0.1', port: h.server.port, method: r.method, path: r.path, headers: { origin: h.origin, ...(r.contentType ? { 'content-type': r.contentType } : {}) } },
          (res) => {
            statuses.push(res.statusCode ?? 0);
            if ((res.statusCode ?? 0) >= 500) serverErrors.push({ ...r, body: r.body.slice(0, 80), status: res.statusCode });
            res.resume();
            res.on('end', () => resolve());
          },
        );
        req.on('error', () => resolve()); // the server may refuse to parse the request at all
        if (r.method !== 'GET' && r.method !== 'HEAD') req.write(r.body);
        req.end();
      });
    for (let i = 0; i < requests.length; i += 20) await Promise.all(requests.slice(i, i + 20).map(request));

    storming = false;
    await wellBehaved;

    // --- afterwards: up, well-behaved clients still served, invariants hold, nothing crashed
    const health = await fetch(`${h.origin}/api/health`);
    expect(health.status).toBe(200);
    expect(await emit(phone, clientEvents.respond, { findingId, response: 'avkrefter', comment: '' })).toEqual({ ok: true, data: null });
    expect(await emit(fac, clientEvents.command, { sessionId: good.data.id, command: { type: 'setMessage', message: null } })).toMatchObject({ ok: true });
    const late = h.socket((await h.joinHttp(good.data.code, null)).cookie);
    expect(await emit(late, clientEvents.join, { as: 'participant', code: good.data.code })).toMatchObject({ ok: true, data: { role: 'participant' } as Partial<JoinResult> });
    expect(wellBehavedFailures).toEqual([]);
    expect(malformedAnswers).toEqual([]);
    expect(serverErrors).toEqual([]);
    expect(statuses.length).toBeGreaterThan(500);
    for (const row of await db.select().from(liveSessions)) expect(safeReadLiveState(row.state).success).toBe(true);
    await h.server.yjs.close(); // flush, so the stored state is what we check
    const names = new Set([...(await db.select({ n: yjsUpdates.docName }).from(yjsUpdates)), ...(await db.select({ n: yjsSnapshots.docName }).from(yjsSnapshots))].map((r) => r.n));
    for (const name of names) {
      const state = (await h.server.services.yjsPersistence.fetch(name)).state;
      const doc = new Y.Doc();
      if (state) Y.applyUpdate(doc, state);
      doc.destroy();
    }
    expect(crashes).toEqual([]);
  }, 120_000);
});
