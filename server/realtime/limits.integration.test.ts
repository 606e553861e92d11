import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergePresence } from '@/lib/presence';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents, type Presence } from '@/lib/protocol';
import { CODE_MISS_BUDGET, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFromRandom } from '@/lib/join-code';
import { limitBudgets } from '../services/limits-service';
import { eventBudgets } from './event-limits';
import { eventually } from '../../test/retry';
import { connected, emit, serverHarness, type TestSocket } from '../../test/server-harness';

type Harness = ReturnType<typeof serverHarness>;
type Answer = { ok: boolean; error?: { code: string } };

async function openSession(h: Harness, title = 'Økt') {
  const facilitator = await h.facilitator(`${title.toLowerCase().replace(/\W/g, '')}-${Math.random().toString(36).slice(2)}@nav.example`);
  const project = await h.server.services.projects.create(facilitator.user.id, { name: title });
  if (!project.ok) throw new Error('project');
  const session = await h.server.services.live.open(facilitator.user.id, project.data.id, { title });
  if (!session.ok) throw new Error('session');
  return { facilitator, session: session.data };
}

async function joinedParticipant(h: Harness, code: string, name: string | null = null) {
  const joined = await h.joinHttp(code, name);
  if (!joined.body.ok) throw new Error(`join: ${JSON.stringify(joined.body)}`);
  const socket = h.socket(joined.cookie);
  expect(await emit(socket, clientEvents.join, { as: 'participant', code })).toMatchObject({ ok: true });
  return { socket, cookie: joined.cookie, participantId: joined.body.data.participantId };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function roundTrips(socket: TestSocket, sessionId: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    expect(await emit(socket, clientEvents.command, { sessionId, command: { type: 'setMessage', message: `m${i}` } })).toMatchObject({ ok: true });
    times.push(performance.now() - start);
  }
  return times;
}

/** A code in the right format that no session has (9 random characters: a clash is ~10^-13). */
const unknownCode = () => joinCodeFromRandom((n) => crypto.getRandomValues(new Uint8Array(n)));

describe('limits on sockets, joins and presence', () => {
  let h: Harness;

  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('answers a flood of answers with RATE_LIMITED, keeps the socket, and does not slow another session', async () => {
    const a = await openSession(h, 'Flom');
    const b = await openSession(h, 'Rolig');
    const flooder = await joinedParticipant(h, a.session.code);
    const fac = h.socket(b.facilitator.cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: b.session.id })).toMatchObject({ ok: true });

    const baseline = median(await roundTrips(fac, b.session.id, 15));

    const flood = Array.from({ length: 5000 }, () =>
      (flooder.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<Answer> } })
        .timeout(60_000)
        .emitWithAck(plenaryEvents.votes.name, { votes: {} }),
    );
    const during = median(await roundTrips(fac, b.session.id, 15));
    const answers = await Promise.all(flood);

    const limited = answers.filter((r) => r.error?.code === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(5000 - eventBudgets.answer.points);
    expect(answers).toHaveLength(5000); // every event answered
    expect(flooder.socket.connected).toBe(true);
    // Generous for a loaded machine; without limits the calm session waited 0.6–1.5 s.
    expect(during).toBeLessThan(Math.max(baseline * 5, baseline + 250));

    // Another participant of the flooded session is not punished for the flooder.
    const other = await joinedParticipant(h, a.session.code);
    expect(await emit<Answer>(other.socket, plenaryEvents.votes.name, { votes: {} })).not.toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('counts a participant’s events across all their connections', async () => {
    const { session } = await openSession(h);
    const first = await joinedParticipant(h, session.code);
    const second = h.socket(first.cookie);
    expect(await emit(second, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
    const spent = await Promise.all(Array.from({ length: eventBudgets.answer.points }, () => emit<Answer>(first.socket, plenaryEvents.word.name, { word: 'x' })));
    expect(spent.filter((r) => r.error?.code === 'RATE_LIMITED')).toHaveLength(0);
    expect(await emit(second, plenaryEvents.word.name, { word: 'x' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another class of event has its own budget.
    expect(await emit(second, clientEvents.mine, {})).not.toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('answers an event sent with only an acknowledgement callback', async () => {
    const { session } = await openSession(h);
    const { socket } = await joinedParticipant(h, session.code);
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string): Promise<Answer> } };
    for (const event of Object.values(clientEvents)) {
      expect(await raw.timeout(5000).emitWithAck(event), event).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(socket.connected).toBe(true);
  });

  it('stops join-code guessing from one address after the budget, over HTTP and socket alike', async () => {
    const { facilitator, session } = await openSession(h);
    // Successful lookups (a phone rejoining, the page reloading) cost nothing.
    const kari = await h.joinHttp(session.code, 'Kari');
    for (let i = 0; i < CODE_MISS_BUDGET.points + 5; i++) expect((await h.joinHttp(session.code, null, kari.cookie)).status).toBe(200);

    // An ended session's code gets exactly the answer of a code that never existed.
    const ended = await openSession(h, 'Ferdig');
    const endFac = h.socket(ended.facilitator.cookie);
    await emit(endFac, clientEvents.join, { as: 'facilitator', sessionId: ended.session.id });
    expect(await emit(endFac, clientEvents.command, { sessionId: ended.session.id, command: { type: 'end' } })).toMatchObject({ ok: true });
    const endedAnswer = await h.joinHttp(ended.session.code, null);
    const neverAnswer = await h.joinHttp(unknownCode(), null);
    expect(endedAnswer.status).toBe(neverAnswer.status);
    expect(endedAnswer.body).toEqual(neverAnswer.body);
    expect(neverAnswer.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Two misses above; guess the rest of the budget over HTTP and the socket (a few, so the
    // socket's own per-connection event budget is not what stops it).
    const guesser = h.socket();
    await connected(guesser);
    for (let i = 2; i < CODE_MISS_BUDGET.points; i++) {
      const bySocket = i % 4 === 1;
      const answer = bySocket ? await emit(guesser, clientEvents.join, { as: 'participant', code: unknownCode() }) : (await h.joinHttp(unknownCode(), null)).body;
      expect(answer, `guess ${i}`).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const refused = await h.joinHttp(unknownCode(), null);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await emit(guesser, clientEvents.join, { as: 'participant', code: unknownCode() })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Once refused, even the right code tells the guesser nothing.
    expect((await h.joinHttp(session.code, null)).body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(guesser.connected).toBe(true);
    // Project members opening their console are not affected.
    const fac = h.socket(facilitator.cookie);
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id })).toMatchObject({ ok: true });
    expect(JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH).toBeGreaterThan(1e13);
  });

  it('behind a trusted proxy counts socket joins by the client the proxy names, not by the proxy', async () => {
    await h.cleanup();
    h = serverHarness({ trustProxy: true });
    await h.start();
    const { session } = await openSession(h);
    const guesserAddress = { 'x-forwarded-for': '203.0.113.10' };
    // Several connections, so the per-connection event budget is not what stops the guesser.
    const guessers = Array.from({ length: 4 }, () => h.socket('', undefined, guesserAddress));
    for (let i = 0; i < CODE_MISS_BUDGET.points; i++) {
      const answer = await emit(guessers[i % guessers.length]!, clientEvents.join, { as: 'participant', code: unknownCode() });
      expect(answer, `guess ${i}`).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await emit(guessers[0]!, clientEvents.join, { as: 'participant', code: unknownCode() })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });

    // Another participant behind the same proxy joins over HTTP and socket as usual.
    const res = await fetch(`${h.origin}/api/sessions/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin, 'x-forwarded-for': '203.0.113.20' },
      body: JSON.stringify({ code: session.code, displayName: 'Kari' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const phone = h.socket(cookie, undefined, { 'x-forwarded-for': '203.0.113.20' });
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
  });

  it('limits redeeming "continue on another device" links per address', async () => {
    const redeem = (token: string) =>
      fetch(`${h.origin}/api/sessions/resume`, { method: 'POST', headers: { 'content-type': 'application/json', origin: h.origin }, body: JSON.stringify({ token }) });
    for (let i = 0; i < limitBudgets.resumesPerAddress.points; i++) expect((await redeem(`forged-${i}`)).status).toBe(404);
    const refused = await redeem('forged-again');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  it('refuses the participant over the cap, lets a returning one in, and holds the cap under parallel joins', async () => {
    const { facilitator, session } = await openSession(h);
    const fac = h.socket(facilitator.cookie);
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'setParticipantCap', cap: 2 } })).toMatchObject({ ok: true });

    const first = await h.joinHttp(session.code, 'En');
    const second = await h.joinHttp(session.code, 'To');
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await h.joinHttp(session.code, 'Tre');
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({ ok: false, error: { code: 'SESSION_FULL' } });

    const back = await h.joinHttp(session.code, null, first.cookie);
    expect(back.body).toMatchObject({ ok: true, data: { participantId: first.body.ok && first.body.data.participantId } });
    const phone = h.socket(first.cookie);
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });

    // A participant cannot raise the cap.
    expect(await emit(phone, clientEvents.command, { sessionId: session.id, command: { type: 'setParticipantCap', cap: 500 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(await emit(fac, clientEvents.command, { sessionId: session.id, command: { type: 'setParticipantCap', cap: 7 } })).toMatchObject({ ok: true });
    const racing = await Promise.all(Array.from({ length: 12 }, (_, i) => h.joinHttp(session.code, `P${i}`)));
    expect(racing.filter((r) => r.status === 200)).toHaveLength(5);
    expect(racing.filter((r) => r.status === 403 && !r.body.ok && r.body.error.code === 'SESSION_FULL')).toHaveLength(7);
    expect(await h.server.services.live.listParticipants(session.id)).toHaveLength(7);
  });

  it('sends the facilitator coalesced, small presence messages while 220 participants come and go', async () => {
    const { facilitator, session } = await openSession(h);
    const fac = h.socket(facilitator.cookie);
    const raw: { bytes: number; message: Presence }[] = [];
    let view: Presence | null = null;
    fac.on(serverEvents.presence, (p) => {
      raw.push({ bytes: JSON.stringify(p).length, message: p });
      view = mergePresence(view, p);
    });
    await emit(fac, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    await eventually(() => expect(raw.length).toBeGreaterThan(0));

    const n = 220;
    const first = raw.length;
    const start = Date.now();
    const phones = await Promise.all(Array.from({ length: n }, (_, i) => joinedParticipant(h, session.code, `Deltaker ${i}`)));
    await eventually(() => expect(view).toMatchObject({ connectedCount: n, joinedCount: n }), 20_000);
    const elapsed = Date.now() - start;
    expect(view!.participants).toHaveLength(n);
    expect(view!.participants!.every((p) => p.connected)).toBe(true);

    const during = raw.slice(first);
    // At most one per 400 ms (plus the edges), not one per join.
    expect(during.length).toBeLessThanOrEqual(Math.ceil(elapsed / 400) + 2);
    expect(during.length).toBeLessThan(n / 4);
    // Only the first message (before anyone joined) carried a whole list.
    expect(during.every((r) => r.message.participants === undefined)).toBe(true);

    // One phone leaving costs one entry, not the room.
    const before = raw.length;
    phones[0]!.socket.disconnect();
    await eventually(() => expect(view).toMatchObject({ connectedCount: n - 1 }));
    const leaving = raw.slice(before);
    expect(leaving.at(-1)!.message.changes).toHaveLength(1);
    expect(Math.max(...leaving.map((r) => r.bytes))).toBeLessThan(1000);
    expect(view!.participants!.find((p) => p.participantId === phones[0]!.participantId)?.connected).toBe(false);

    // A facilitator arriving later gets the whole list once; participants only ever get counts.
    const late = h.socket(facilitator.cookie);
    const lateSeen: Presence[] = [];
    late.on(serverEvents.presence, (p) => lateSeen.push(p));
    const phoneSeen: Presence[] = [];
    phones[1]!.socket.on(serverEvents.presence, (p) => phoneSeen.push(p));
    await emit(late, clientEvents.join, { as: 'facilitator', sessionId: session.id });
    await eventually(() => expect(lateSeen[0]?.participants).toHaveLength(n));
    await eventually(() => expect(phoneSeen.length).toBeGreaterThan(0));
    expect(phoneSeen.every((p) => p.participants === undefined && p.changes === undefined)).toBe(true);
  });
});
