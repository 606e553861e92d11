import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientEvents, serverEvents } from '@/lib/protocol';
import type { ActivityResults } from '@/lib/workshop/results';
import { eventually } from '../../test/retry';
import { harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';
import { tablesContaining } from '../../test/stored-text';
import { emit, workshopRoom } from '../../test/workshop-room';

/*
 * Review of issue 10, R9: a redacted comment must not come back from the writer's phone. The
 * phone's form still holds the comment after the facilitator redacted it (nothing tells the
 * phone); when the writer then changes only their answer and presses "Send", the form sends
 * the redacted text again.
 */

const soon = <T>(assertion: () => T | Promise<T>) => eventually(assertion, 30_000);

function resultsOf(socket: TestSocket): (ActivityResults | null)[] {
  const received: (ActivityResults | null)[] = [];
  socket.on(serverEvents.results, (r: ActivityResults | null) => received.push(r));
  return received;
}

describe.each(harnessDrivers())('review: a redacted finding comment (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  it('does not come back when the writer re-sends the form with only the answer changed', async () => {
    const db = h.server.services.database.db;
    const room = await workshopRoom(h, 3);
    const index = room.runtime().activities.findIndex((a) => a.kind === 'findings');
    await room.run({ type: 'goTo', index });
    await soon(() => expect(room.runtime().current).toBe(index));
    const activity = room.runtime().activities[index]!;
    if (activity.kind !== 'findings') throw new Error('not a findings round');
    const findingId = activity.config.findingIds[0]!;

    const secret = `Kollegaen min sa det rett ut ${crypto.randomUUID().slice(0, 8)}`;
    const [writer, ...others] = room.phones;
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

    // The writer's form still holds the comment; they change "nyanserer" to "avkrefter" and send.
    expect(await emit(writer!.socket, clientEvents.respond, { findingId, response: 'avkrefter', comment: secret })).toMatchObject({ ok: true });
    // The answer is acknowledged once stored: what the database holds now is what every view is built from.
    expect(await tablesContaining(db, secret)).toEqual([]);
  }, 180_000);
});
