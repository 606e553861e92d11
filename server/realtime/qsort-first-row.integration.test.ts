import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, qsorts, statementSets } from '@/db/schema';
import { type Ack, clientEvents, type JoinResult } from '@/lib/protocol';
import { seedGrid } from '@/lib/qsort/grid';
import { emptySort, place, type SortState } from '@/lib/qsort/sort';
import { seedDemoProject } from '../demo/seed-demo';
import { sortIn } from '../../test/qsort';
import { emit, harnessDrivers, sharedServerHarness, type TestSocket } from '../../test/server-harness';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
const PHONES = 4;
const ROUNDS = 16;

/** What a round asks for: a half-way or a submitted sort, with help asked for, for a statement, or withdrawn. */
function roundOf(round: number, phone: number) {
  const submitted = round % 4 === 3;
  const partial: SortState = { ...place(emptySort(seedGrid), seedGrid, String(((round + phone) % 36) + 1), round % seedGrid.counts.length)!, step: 'grid' };
  const state: SortState = submitted ? { ...sortIn([...ids.slice(round), ...ids.slice(0, round)], `P${phone}`), comments: { '1': `Runde ${round}` } } : partial;
  const help = [{ statement: String(phone + 1), on: true }, { statement: null, on: true }, { statement: null, on: false }][(round + phone) % 3]!;
  // Which of the two leaves the phone first, so both orders race in every round.
  const helpFirst = (round + phone) % 2 === 0;
  return { state, help, helpFirst };
}

// A phone may ask for help before its first save, and both start the participant's row: each
// round here clears the rows, so every save and help request below races for the first row.
describe.each(harnessDrivers())('a Q-sort save and a help request racing for the first row (%s)', (driver) => {
  const h = sharedServerHarness({}, undefined, driver);
  beforeAll(() => h.start(), 60_000);
  afterAll(() => h.cleanup());

  it(`keeps both, ${ROUNDS} rounds of ${PHONES} phones`, async () => {
    const { user } = await h.facilitator();
    const { database, qsort, live } = h.server.services;
    const db = database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const opened = await qsort.open(user.id, projectId, set!.id);
    if (!opened.ok) throw new Error(opened.error.code);
    const session = (await live.byId(opened.data.sessionId))!;

    const phones: { socket: TestSocket; participantId: string }[] = [];
    for (let i = 0; i < PHONES; i++) {
      const { cookie } = await h.joinHttp(session.code, null);
      const socket = h.socket(cookie);
      const join = await emit<Ack<JoinResult>>(socket, clientEvents.join, { as: 'participant', code: session.code });
      if (!join.ok || !join.data.participantId) throw new Error('join');
      phones.push({ socket, participantId: join.data.participantId });
    }

    // Revision 0 is what a row holds before its first save (a help request may have started it),
    // so a save at 0 would be kept or dropped by who came first: it is refused at the edge.
    expect(await emit(phones[0]!.socket, clientEvents.qsortSave, { rev: 0, state: emptySort(seedGrid) })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    let rev = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await db.delete(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
      await db.delete(qsorts).where(eq(qsorts.sessionId, session.id));
      const sent = phones.map((phone, i) => ({ ...phone, ...roundOf(round, i), rev: ++rev }));
      const acks = await Promise.all(
        sent.map(async ({ socket, state, help, helpFirst, rev: r }) => {
          const save = () => emit<Ack<{ status: string }>>(socket, clientEvents.qsortSave, { rev: r, state });
          const ask = () => emit<Ack<null>>(socket, clientEvents.qsortHelp, help);
          const [first, second] = helpFirst ? [ask(), save()] : [save(), ask()];
          return helpFirst ? { help: await first, save: await second } : { save: await first, help: await second };
        }),
      );

      for (const [i, { participantId, state, help, rev: r }] of sent.entries()) {
        const where = `round ${round}, phone ${i}`;
        expect(acks[i], where).toEqual({ save: { ok: true, data: { status: state.step === 'done' ? 'done' : 'sorting' } }, help: { ok: true, data: null } });
        const rows = await db.select().from(qsorts).where(and(eq(qsorts.sessionId, session.id), eq(qsorts.participantId, participantId)));
        expect(rows, where).toHaveLength(1);
        const [row] = rows;
        expect({ state: row!.state, rev: row!.rev, status: row!.status }, where).toEqual({ state, rev: r, status: state.step === 'done' ? 'done' : 'sorting' });
        expect({ asked: row!.helpRequestedAt !== null, statement: row!.helpStatement }, where).toEqual({ asked: help.on, statement: help.on ? help.statement : null });
        expect(await qsort.mine(session.id, participantId), where).toEqual({ state, rev: r });
      }
      // A submitted sort's comment is kept once, whichever of the two started the row.
      const comments = await db.select({ text: feedbackItems.text }).from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'q_comment')));
      expect(comments.map((c) => c.text), `round ${round}`).toEqual(sent.filter((s) => s.state.step === 'done').map(() => `Runde ${round}`));
    }
  }, 240_000);
});
