import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import type { ArchiveStatus } from '@/lib/archive-status';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@/lib/join-code';
import { clientEvents, serverEvents } from '@/lib/protocol';
import { addNote, boardDocName, notesOf, type BoardNote } from '@/lib/workshop/board';
import { yjsLimits } from '@/lib/yjs/limits';
import { allowedSlowdownMs, blob, quietAndLoud } from '../../test/load';
import { eventually } from '../../test/retry';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { emit, rawYjsClient, sessionProbe, workshopRoom, yjsToken } from '../../test/workshop-room';

const note = (id: string, text: string, authorKey: string): BoardNote => ({ id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: 1 });
const randomCode = () => Array.from(randomBytes(JOIN_CODE_LENGTH), (b) => JOIN_CODE_ALPHABET[b % JOIN_CODE_ALPHABET.length]).join('');

/**
 * One hostile participant does everything the probe found at once — floods its group board with
 * maximal Yjs updates and with junk entries next to its real notes (findings 1 and 4), floods
 * answers over its socket, guesses join codes and makes fake participants (finding 5) — while
 * another session works. That session's latency must not rise by 100 ms at p99, and both
 * sessions' archives must hold exactly their real notes afterwards.
 */
describe.each(harnessDrivers())('a hostile participant beside a working session (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
  });
  afterEach(() => h.cleanup());

  it('keeps the other session fast and both archives correct', async () => {
    const victim = await workshopRoom(h, 4);
    await victim.run({ type: 'endSilent' });
    const attack = await workshopRoom(h, 1, 'angriper@nav.example');
    await attack.run({ type: 'endSilent' });
    const [attacker] = attack.phones;

    // Real notes on both sessions' boards, written the way the page writes them.
    const victimBoard = boardDocName(victim.sessionId, victim.activityId, victim.groupOf(victim.phones[0]!));
    const victimDoc = new Y.Doc();
    const victimProvider = h.provider(victimBoard, victimDoc, await yjsToken(victim.phones[0]!.socket, victimBoard));
    const attackBoard = boardDocName(attack.sessionId, attack.activityId, attack.groupOf(attacker!));
    const attackDoc = new Y.Doc();
    const attackProvider = h.provider(attackBoard, attackDoc, await yjsToken(attacker!.socket, attackBoard));
    await eventually(() => expect(victimProvider.synced && attackProvider.synced).toBe(true));
    const keyOf = (participantId: string, docName: string) => h.server.services.yjsTokens.boardAuthorKey(participantId, docName)!;
    addNote(victimDoc, note('v1', 'Vi mangler tid til oppfølging', keyOf(victim.phones[0]!.id, victimBoard)));
    addNote(attackDoc, note('a1', 'En ekte lapp', keyOf(attacker!.id, attackBoard)));
    // Finding 4: entries that are not notes at all, pushed beside the real one.
    notesOf(attackDoc).push(['søppel', 42, { id: 7 }]);
    const stored = async (docName: string) => {
      const doc = new Y.Doc();
      const { state } = await h.server.services.yjsPersistence.fetch(docName);
      if (state) Y.applyUpdate(doc, state);
      return notesOf(doc).length;
    };
    await eventually(async () => expect(await stored(victimBoard)).toBe(1));
    await eventually(async () => expect(await stored(attackBoard)).toBe(4));

    const probe = sessionProbe(h, victim.phones);

    const blobs = Array.from({ length: 16 }, () => blob(yjsLimits.maxMessageBytes - 64));
    const counts = { yjsSent: 0, answersSent: 0, answersRefused: 0, guesses: 0, guessesRefused: 0, fakeJoins: 0, fakeJoinsRefused: 0 };
    let flooding = false;
    let stopped = false;
    const idle = () => new Promise((resolve) => setTimeout(resolve, 5));

    // Finding 1: maximal updates as fast as the socket takes them, reconnecting when closed.
    const yjsFlood = (async () => {
      while (!stopped) {
        if (!flooding) {
          await idle();
          continue;
        }
        const raw = await rawYjsClient(h.server.port, attackBoard, await yjsToken(attacker!.socket, attackBoard));
        while (flooding && raw.closeCode() === null) {
          raw.sendUpdate(blobs[counts.yjsSent++ % blobs.length]!);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        raw.ws.close();
      }
    })();
    // Finding 5: answers in bursts, without waiting for acknowledgements.
    const findingId = crypto.randomUUID();
    const answerFlood = (async () => {
      while (!stopped) {
        if (!flooding) {
          await idle();
          continue;
        }
        const burst = Array.from({ length: 50 }, () => {
          counts.answersSent++;
          return emit(attacker!.socket, clientEvents.respond, { findingId, response: 'kjenner_igjen', comment: '' }).then((r) => {
            if (!r.ok && r.error.code === 'RATE_LIMITED') counts.answersRefused++;
          });
        });
        await Promise.all(burst);
      }
    })();
    // Finding 5: guessing codes, and making fake participants in its own session.
    const code = (await h.server.services.live.byId(attack.sessionId))!.code;
    const joinFlood = (async () => {
      while (!stopped) {
        if (!flooding) {
          await idle();
          continue;
        }
        const guess = await h.joinHttp(randomCode(), null);
        counts.guesses++;
        if (guess.status === 429) counts.guessesRefused++;
        const fake = await h.joinHttp(code, null);
        counts.fakeJoins++;
        if (!fake.body.ok) counts.fakeJoinsRefused++;
      }
    })();

    const measured = await quietAndLoud(probe, {
      async start() {
        flooding = true;
        const before = counts.yjsSent;
        await eventually(() => expect(counts.yjsSent - before).toBeGreaterThan(20), 20_000);
        // The guesser must be past its miss budget while the other session is measured.
        await eventually(() => expect(counts.guessesRefused).toBeGreaterThan(0), 60_000);
      },
      stop: () => (flooding = false),
    });
    stopped = true;
    await Promise.all([yjsFlood, answerFlood, joinFlood]);

    // The attack was real, and refused.
    expect(counts.yjsSent * (yjsLimits.maxMessageBytes - 64)).toBeGreaterThan(2 * yjsLimits.subjectBudgetBytes.participant);
    expect(counts.answersRefused).toBeGreaterThan(counts.answersSent / 2);
    expect(counts.guesses).toBeGreaterThan(30);
    expect(counts.guessesRefused).toBeGreaterThan(0);

    const report = { ...measured, counts };
    expect(report.loud.event - report.quiet.event, JSON.stringify(report)).toBeLessThan(allowedSlowdownMs(report.quiet.event));
    expect(report.loud.health - report.quiet.health, JSON.stringify(report)).toBeLessThan(allowedSlowdownMs(report.quiet.health));

    // Both rooms move on; each archive keeps exactly its real notes, the junk left out.
    const archived = async (room: typeof victim) => {
      const statuses: ArchiveStatus[] = [];
      room.fac.on(serverEvents.archiveStatus, (s) => statuses.push(s));
      await room.run({ type: 'next' });
      await eventually(() => expect(statuses.at(-1)?.state).toBe('saved'), 30_000);
      const rows = await h.server.services.database.db
        .select({ key: feedbackItems.itemKey, text: feedbackItems.text })
        .from(feedbackItems)
        .where(and(eq(feedbackItems.sessionId, room.sessionId), eq(feedbackItems.kind, 'note')));
      return { rows, status: statuses.at(-1)! };
    };
    const kept = await archived(victim);
    expect(kept.rows).toEqual([{ key: 'v1', text: 'Vi mangler tid til oppfølging' }]);
    const hostile = await archived(attack);
    expect(hostile.rows).toEqual([{ key: 'a1', text: 'En ekte lapp' }]);
    expect(hostile.status.skippedEntries).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
