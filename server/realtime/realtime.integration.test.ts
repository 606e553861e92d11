import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yjsSnapshots } from '@/db/schema';
import { mergePresence } from '@/lib/presence';
import { clientEvents, serverEvents, sessionNotesDocName, yjsCloseCodes, type Presence, type SnapshotView } from '@/lib/protocol';
import { eventually } from '../../test/retry';
import { connected, emit, serverHarness } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;

async function openSession(h: Harness) {
  const facilitator = await h.facilitator();
  const project = await h.server.services.projects.create(facilitator.user.id, { name: 'Prosjekt' });
  if (!project.ok) throw new Error('project');
  const session = await h.server.services.live.open(facilitator.user.id, project.data.id, { title: 'Økt' });
  if (!session.ok) throw new Error('session');
  return { facilitator, projectId: project.data.id, session: session.data };
}


const provider = (h: Harness, docName: string, doc: Y.Doc, token: string | null) => h.provider(docName, doc, token);

const yjsOpen = (h: Harness) => h.server.yjs.openDocuments();

describe('the realtime server', () => {
  let h: Harness;

  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('answers health with the database kind and version', async () => {
    const res = await fetch(`${h.origin}/api/health`);
    expect(await res.json()).toEqual({ status: 'ok', db: 'pglite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('joins a participant over HTTP and socket.io, and shows them to the facilitator', async () => {
    const { facilitator, session } = await openSession(h);
    const fac = h.socket(facilitator.cookie);
    // What the console shows: the whole list once, then merged changes.
    const presences: Presence[] = [];
    fac.on(serverEvents.presence, (p) => presences.push(mergePresence(presences.at(-1) ?? null, p)));
    const facJoin = await emit<{ ok: boolean; data: { role: string; snapshot: SnapshotView } }>(fac, clientEvents.join, {
      as: 'facilitator',
      sessionId: session.id,
    });
    expect(facJoin).toMatchObject({ ok: true, data: { role: 'facilitator', snapshot: { code: session.code, version: 1 } } });

    const joined = await h.joinHttp(session.code.toLowerCase(), 'Kari');
    expect(joined.status).toBe(200);
    expect(joined.cookie).toMatch(/^verksted_p_[0-9a-f]{32}=/);
    const kari = h.socket(joined.cookie);
    const kariJoin = await emit(kari, clientEvents.join, { as: 'participant', code: session.code });
    expect(kariJoin).toMatchObject({ ok: true, data: { role: 'participant', displayName: 'Kari', participantId: joined.body.ok && joined.body.data.participantId } });

    await eventually(() => {
      const last = presences.at(-1);
      expect(last).toMatchObject({ connectedCount: 1, joinedCount: 1, participants: [{ displayName: 'Kari', connected: true }] });
    });

    // Coming back with the cookie is the same participant, not a new one.
    const again = await h.joinHttp(session.code, null, joined.cookie);
    expect(again.body).toMatchObject({ ok: true, data: { participantId: joined.body.ok && joined.body.data.participantId } });

    kari.disconnect();
    await eventually(() => expect(presences.at(-1)).toMatchObject({ connectedCount: 0, joinedCount: 1 }));
  });

  it('broadcasts committed commands to everyone in the session with growing versions', async () => {
    const { facilitator, session } = await openSession(h);
    const fac = h.socket(facilitator.cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const { cookie } = await h.joinHttp(session.code, null);
    const phone = h.socket(cookie);
    const seen: SnapshotView[] = [];
    phone.on(serverEvents.snapshot, (s) => seen.push(s));
    await emit(phone, clientEvents.join, { as: 'participant', code: session.code });

    const result = await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'setMessage', message: 'Hei' } });
    expect(result).toEqual({ ok: true, data: { version: 2 } });
    await eventually(() => expect(seen.at(-1)).toMatchObject({ version: 2, state: { message: 'Hei' } }));
  });

  it('rejects invalid and unauthorised events without dropping the connection', async () => {
    const { session } = await openSession(h);
    const { cookie } = await h.joinHttp(session.code, null);
    const phone = h.socket(cookie);
    await connected(phone);

    const cases: [string, unknown, string][] = [
      [clientEvents.join, { as: 'participant', code: 'not a code' }, 'BAD_REQUEST'],
      [clientEvents.join, 'garbage', 'BAD_REQUEST'],
      [clientEvents.join, { as: 'facilitator', sessionId: session.id }, 'UNAUTHENTICATED'],
      [clientEvents.command, { sessionId: session.id, command: { type: 'end' } }, 'NOT_JOINED'],
      [clientEvents.command, { sessionId: session.id, command: { type: 'explode' } }, 'BAD_REQUEST'],
      [clientEvents.yjsToken, { docName: sessionNotesDocName(session.id) }, 'FORBIDDEN'],
      [clientEvents.updateSelf, { displayName: 'x'.repeat(500) }, 'BAD_REQUEST'],
    ];
    for (const [event, payload, code] of cases) {
      expect(await emit(phone, event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code } });
    }
    // Events without an ack callback, unknown events and huge payloads are survived as well.
    (phone as unknown as { emit(e: string, p: unknown): void }).emit(clientEvents.command, { nonsense: true });
    (phone as unknown as { emit(e: string, p: unknown): void }).emit('no-such-event', 1);
    await emit(phone, clientEvents.join, { as: 'participant', code: session.code });
    expect(await emit(phone, clientEvents.command, { sessionId: session.id, command: { type: 'end' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(phone.connected).toBe(true);

    // A facilitator of another project cannot open this session's console.
    const stranger = await h.facilitator('per@nav.example');
    const strangerSocket = h.socket(stranger.cookie);
    expect(await emit(strangerSocket, clientEvents.join, { as: 'facilitator', sessionId: session.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(strangerSocket.connected).toBe(true);
  });

  it('refuses cross-origin state changes and socket handshakes', async () => {
    const { session } = await openSession(h);
    const res = await fetch(`${h.origin}/api/sessions/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ code: session.code }),
    });
    expect(res.status).toBe(403);
    const noOrigin = await fetch(`${h.origin}/api/sessions/join`, { method: 'POST', body: JSON.stringify({ code: session.code }) });
    expect(noOrigin.status).toBe(403);
    const evil = h.socket('', 'https://evil.example');
    await expect(connected(evil)).rejects.toBeTruthy();
    evil.disconnect();
  });

  it('admits a Yjs provider only with a valid token for that document', async () => {
    const { facilitator, session } = await openSession(h);
    const docName = sessionNotesDocName(session.id);
    const closes: number[] = [];

    const noToken = provider(h, docName, new Y.Doc(), null);
    noToken.on('connection-close', (e) => e && closes.push(e.code));
    await eventually(() => expect(closes).toContain(yjsCloseCodes.unauthorized));

    const forged = provider(h, docName, new Y.Doc(), 'v1.eyJkIjoieCJ9.AAAA');
    forged.on('connection-close', (e) => e && closes.push(e.code + 10_000));
    await eventually(() => expect(closes).toContain(yjsCloseCodes.unauthorized + 10_000));

    const fac = h.socket(facilitator.cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const other = await emit<{ ok: boolean }>(fac, clientEvents.yjsToken, { docName: sessionNotesDocName('00000000-0000-4000-8000-000000000000') });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrongDoc = h.server.services.yjsTokens.issue({ d: 'live.other.notes', s: 'u:x', ro: false });
    const mismatched = provider(h, docName, new Y.Doc(), wrongDoc.token);
    mismatched.on('connection-close', (e) => e && closes.push(e.code + 20_000));
    await eventually(() => expect(closes).toContain(yjsCloseCodes.forbidden + 20_000));
  });

  it('makes two providers on one document converge, and keeps the content across a restart', async () => {
    const { facilitator, session } = await openSession(h);
    const docName = sessionNotesDocName(session.id);
    const fac = h.socket(facilitator.cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    const { cookie } = await h.joinHttp(session.code, 'Kari');
    const phone = h.socket(cookie);
    await emit(phone, clientEvents.join, { as: 'participant', code: session.code });
    const tokenA = await emit<{ ok: true; data: { token: string } }>(fac, clientEvents.yjsToken, { docName });
    const tokenB = await emit<{ ok: true; data: { token: string } }>(phone, clientEvents.yjsToken, { docName });

    const a = new Y.Doc();
    const b = new Y.Doc();
    const pa = provider(h, docName, a, tokenA.data.token);
    const pb = provider(h, docName, b, tokenB.data.token);
    await eventually(() => expect(pa.synced && pb.synced).toBe(true));
    a.getText('notes').insert(0, 'Fra fasilitator. ');
    b.getText('notes').insert(0, 'Fra Kari. ');
    await eventually(() => {
      expect(a.getText('notes').toString()).toBe(b.getText('notes').toString());
      expect(a.getText('notes').toString()).toContain('Fra Kari.');
      expect(a.getText('notes').toString()).toContain('Fra fasilitator.');
    });
    const content = a.getText('notes').toString();
    pa.destroy();
    pb.destroy();
    // The last client gone, the document is flushed into a snapshot and leaves memory.
    await eventually(() => expect(yjsOpen(h)).toEqual([]));
    const [snapshot] = await h.server.services.database.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.docName, docName));
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, snapshot!.state);
    expect(fromSnapshot.getText('notes').toString()).toBe(content);

    const port = h.server.port;
    await h.stop();
    await h.start(port);
    const token = h.server.services.yjsTokens.issue({ d: docName, s: `u:${facilitator.user.id}`, a: facilitator.authKey, ro: false }).token;
    const c = new Y.Doc();
    provider(h, docName, c, token);
    await eventually(() => expect(c.getText('notes').toString()).toBe(content));
  });

  it('stores each Yjs update before relaying it, without waiting for a flush', async () => {
    const { facilitator, session } = await openSession(h);
    const docName = sessionNotesDocName(session.id);
    const token = h.server.services.yjsTokens.issue({ d: docName, s: `u:${facilitator.user.id}`, a: facilitator.authKey, ro: false }).token;
    const a = new Y.Doc();
    const pa = provider(h, docName, a, token);
    await eventually(() => expect(pa.synced).toBe(true));
    for (let i = 0; i < 20; i++) a.getText('notes').insert(a.getText('notes').length, `linje ${i}\n`);
    // A second client seeing all 20 lines means the server applied them, which it does only
    // after each update is in the database.
    const b = new Y.Doc();
    provider(h, docName, b, token);
    await eventually(() => expect(b.getText('notes').toString()).toBe(a.getText('notes').toString()));
    const { createYjsPersistence } = await import('./yjs-persistence');
    const loaded = await createYjsPersistence(h.server.services.database.db).fetch(docName);
    expect(loaded.pendingUpdates).toBeGreaterThanOrEqual(20); // not compacted: straight from the update log
    const fromDb = new Y.Doc();
    Y.applyUpdate(fromDb, loaded.state!);
    expect(fromDb.getText('notes').toString()).toBe(a.getText('notes').toString());
  });

  it('lets a reconnecting client resync by itself after a server restart', async () => {
    const { facilitator, session } = await openSession(h);
    const fac = h.socket(facilitator.cookie);
    const snapshots: SnapshotView[] = [];
    fac.on(serverEvents.snapshot, (s) => snapshots.push(s));
    // What the browser hook does: (re)join on every connect.
    fac.on('connect', () => void emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id }));
    await connected(fac);
    await eventually(async () => expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'setMessage', message: 'før' } })).toMatchObject({ ok: true }));

    const port = h.server.port;
    await h.stop();
    await eventually(() => expect(fac.connected).toBe(false));
    await h.start(port);
    await eventually(() => expect(fac.connected).toBe(true), 10_000);
    await eventually(async () =>
      expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'setMessage', message: 'etter' } })).toEqual({
        ok: true,
        data: { version: 3 },
      }),
    );
    await eventually(() => expect(snapshots.at(-1)).toMatchObject({ version: 3, state: { message: 'etter' } }));
  });
});
