import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents } from '@/lib/protocol';
import type { MyAnswers } from '@/lib/workshop/answers';
import { normalizeWord, type ActivityResults } from '@/lib/workshop/results';
import { eventually } from '../../test/retry';
import { harnessDrivers, serverHarness, sharedServerHarness, type TestSocket } from '../../test/server-harness';
import { tablesContaining, uniqueMarker } from '../../test/stored-text';
import { emit, workshopRoom } from '../../test/workshop-room';

/*
 * Issue 10, review finding R9: a redacted answer must not come back from the writer's phone.
 * The phone's form still holds the text after the facilitator redacted it; when the writer
 * then changes only their answer and presses "Send", the form sends the redacted text again.
 * The server keeps it out (a keyed digest of the redacted text stays on the row), and tells the
 * writer's phone to fetch its own answers again so the form lets go of the text.
 */

const soon = <T>(assertion: () => T | Promise<T>) => eventually(assertion, 30_000);

/** Letters only: a random suffix of digits could read as a phone number and be refused. */
const marker = (label: string) => uniqueMarker(`${label} `);

type Room = Awaited<ReturnType<typeof workshopRoom>>;

function resultsOf(socket: TestSocket): (ActivityResults | null)[] {
  const received: (ActivityResults | null)[] = [];
  socket.on(serverEvents.results, (r: ActivityResults | null) => received.push(r));
  return received;
}

/** How many times the server asked this phone to fetch its own answers again. */
function mineChangesOf(socket: TestSocket): () => number {
  let n = 0;
  socket.on(serverEvents.mineChanged, () => n++);
  return () => n;
}

async function goTo(room: Room, kind: string) {
  const index = room.runtime().agenda.findIndex((a) => a.kind === kind);
  await room.run({ type: 'goTo', index });
  await soon(() => expect(room.runtime().current).toBe(index));
  return room.runtime().activity!;
}

describe.each(harnessDrivers())('a redacted answer sent again from the writer\'s phone (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  // One server for the file: each test opens its own workshop room and looks only at its rows.
  beforeAll(async () => {
    h = sharedServerHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  it('a finding comment stays redacted while the changed answer is taken; the writer\'s phone is told; a new comment is shown', async () => {
    const db = h.server.services.database.db;
    const room = await workshopRoom(h, 3);
    const activity = await goTo(room, 'findings');
    if (activity.kind !== 'findings') throw new Error('not a findings round');
    const findingId = activity.config.findingIds[0]!;

    const secret = marker('Kollegaen min sa det rett ut');
    const [writer, ...others] = room.phones;
    const told = mineChangesOf(writer!.socket);
    const othersTold = others.map((p) => mineChangesOf(p.socket));
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'nyanserer', comment: secret })).toMatchObject({ ok: true });
    for (const phone of others) expect(await emit(phone.socket, clientEvents.respond, { findingId, response: 'kjenner_igjen', comment: '' })).toMatchObject({ ok: true });
    const facilitatorResults = resultsOf(room.fac);
    await room.run({ type: 'setRevealed', revealed: true });
    await soon(() => expect(JSON.stringify(facilitatorResults.at(-1))).toContain(secret));
    const full = facilitatorResults.at(-1);
    if (full?.kind !== 'findings') throw new Error('no findings results');
    const target = full.comments.find((c) => c.text === secret)!;
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: target.id } })).toMatchObject({ ok: true });
    await soon(async () => expect(await tablesContaining(db, secret)).toEqual([]));

    // Only the writer's phone is asked to fetch its answers again, and they no longer hold the text.
    await soon(() => expect(told()).toBe(1));
    expect(othersTold.map((n) => n())).toEqual([0, 0]);
    const mine = await emit<MyAnswers>(writer!.socket, clientEvents.mine, {});
    expect(mine).toMatchObject({ ok: true, data: { responses: { [findingId]: { response: 'nyanserer', comment: '' } } } });

    // A stale form (or a modified client) sends the comment again, with only the answer changed,
    // then once more spelled with other case and spacing.
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'avkrefter', comment: secret })).toMatchObject({ ok: true });
    expect(await tablesContaining(db, secret)).toEqual([]);
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'avkrefter', comment: `  ${secret.toUpperCase()}\n` })).toMatchObject({ ok: true });
    expect(await tablesContaining(db, secret.toUpperCase())).toEqual([]);
    const rowOf = async () => {
      const [row] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.participantId, writer!.id), eq(feedbackItems.kind, 'finding_response')));
      return row!;
    };
    expect(await rowOf()).toMatchObject({ response: 'avkrefter', text: '', redactedAt: expect.any(Date) });
    await soon(() => {
      const r = facilitatorResults.at(-1);
      if (r?.kind !== 'findings') throw new Error('no findings results');
      expect(r.comments.find((c) => c.id === target.id)).toMatchObject({ text: '', redacted: true });
      expect(JSON.stringify(r)).not.toContain(secret);
    });

    // A different comment is a new contribution, shown as usual; the old one still cannot come back after it.
    const fresh = marker('Et nytt og annet svar');
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'avkrefter', comment: fresh })).toMatchObject({ ok: true });
    expect(await rowOf()).toMatchObject({ text: fresh, redactedAt: null });
    await soon(() => expect(JSON.stringify(facilitatorResults.at(-1))).toContain(fresh));
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'nyanserer', comment: secret })).toMatchObject({ ok: true });
    expect(await rowOf()).toMatchObject({ response: 'nyanserer', text: '', redactedAt: expect.any(Date) });
    expect(await tablesContaining(db, secret)).toEqual([]);
    expect(JSON.stringify((await rowOf()).data)).not.toContain(secret);
  }, 180_000);

  it('a redacted word and a redacted closing text stay redacted when the writer sends them again', async () => {
    const db = h.server.services.database.db;
    const room = await workshopRoom(h, 3);
    const [writer, ...others] = room.phones;
    const told = mineChangesOf(writer!.socket);

    const plenary = await goTo(room, 'plenary');
    const word = normalizeWord(marker('ord').replace(' ', ''));
    expect(await emit(writer!.socket, plenaryEvents.word.name, { word })).toMatchObject({ ok: true });
    for (const phone of others) expect(await emit(phone.socket, plenaryEvents.word.name, { word: 'tillit' })).toMatchObject({ ok: true });
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'word', activityId: plenary.id, word } })).toMatchObject({ ok: true });
    await soon(() => expect(told()).toBe(1));
    expect(await emit<MyAnswers>(writer!.socket, clientEvents.mine, {})).toMatchObject({ ok: true, data: { word: '' } });
    expect(await emit(writer!.socket, plenaryEvents.word.name, { word })).toMatchObject({ ok: true });
    expect(await tablesContaining(db, word)).toEqual([]);

    const closing = await goTo(room, 'closing');
    if (closing.kind !== 'closing') throw new Error('not a closing round');
    const question = closing.config.questions[0]!.id;
    const text = marker('Fint, men');
    expect(await emit(writer!.socket, closingEvents.evaluate.name, { answers: { [question]: 1 }, text })).toMatchObject({ ok: true });
    const [row] = await db.select().from(feedbackItems).where(and(eq(feedbackItems.participantId, writer!.id), eq(feedbackItems.kind, 'evaluation_text')));
    expect(await emit(room.fac, clientEvents.redact, { sessionId: room.sessionId, target: { type: 'item', itemId: row!.id } })).toMatchObject({ ok: true });
    await soon(() => expect(told()).toBe(2));
    expect(await emit(writer!.socket, closingEvents.evaluate.name, { answers: { [question]: 4 }, text })).toMatchObject({ ok: true });
    expect(await tablesContaining(db, text)).toEqual([]);
    const answers = await db.select().from(feedbackItems).where(and(eq(feedbackItems.participantId, writer!.id), eq(feedbackItems.activityId, closing.id)));
    expect(answers.find((a) => a.kind === 'evaluation')).toMatchObject({ itemKey: question, value: 4 });
    expect(answers.find((a) => a.kind === 'evaluation_text')).toMatchObject({ text: '', redactedAt: expect.any(Date) });
  }, 180_000);
});
