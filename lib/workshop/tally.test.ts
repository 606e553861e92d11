import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from './agenda';
import { publicResults, type ActivityResults } from './results';
import { batchSize, publishedAnswers, tallyActivity, type AnswerRow } from './tally';

const findingId = '00000000-0000-4000-8000-000000000001';
const findings = { id: 'act', kind: 'findings', title: 'Funn', config: { findingIds: [findingId] } } as unknown as AgendaActivity;
const responses = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;

/** What happens to the answers between two broadcasts: someone answers, changes their answer, or withdraws it. */
const operation = fc.record({
  kind: fc.constantFrom('answer', 'answer', 'answer', 'change', 'withdraw'),
  who: fc.nat({ max: 14 }),
  response: fc.constantFrom(...responses),
  comment: fc.boolean(),
});

/** Replays operations on a set of stored answers; the clock moves one tick per operation. */
function replay(ops: { kind: string; who: number; response: (typeof responses)[number]; comment: boolean }[]): AnswerRow[][] {
  let rows: AnswerRow[] = [];
  const states: AnswerRow[][] = [];
  ops.forEach((op, tick) => {
    const id = `p${String(op.who).padStart(2, '0')}`;
    const existing = rows.find((r) => r.participantId === id);
    if (op.kind === 'withdraw') rows = rows.filter((r) => r.participantId !== id);
    else if (op.kind === 'answer' || existing) {
      const row: AnswerRow = {
        id: existing?.id ?? `item-${tick}`,
        kind: 'finding_response',
        participantId: id,
        findingId,
        itemKey: findingId,
        response: op.response,
        text: op.comment ? `kommentar ${tick}` : '',
        value: null,
        data: {},
        updatedAt: tick,
        redactedAt: null,
      };
      rows = [...rows.filter((r) => r.participantId !== id), row];
    }
    states.push(rows);
  });
  return states;
}

const publicView = (rows: AnswerRow[], min: number) => publicResults(tallyActivity(findings, 0, publishedAnswers(rows, batchSize(min))), true, min, []);
const countsOf = (r: ActivityResults | null) => (r?.kind === 'findings' && r.counts ? r.counts : { kjenner_igjen: 0, nyanserer: 0, avkrefter: 0 });
const distance = (a: ActivityResults | null, b: ActivityResults | null) => responses.reduce((sum, key) => sum + Math.abs(countsOf(a)[key] - countsOf(b)[key]), 0);

describe('published answers', () => {
  it('never lets two consecutive public views differ by one answer', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ops, min) => {
        const views = replay(ops).map((rows) => publicView(rows, min));
        for (let i = 1; i < views.length; i++) {
          expect(distance(views[i - 1]!, views[i]!)).not.toBe(1);
          const [before, after] = [views[i - 1], views[i]];
          if (before?.kind === 'findings' && after?.kind === 'findings' && before.total !== null && after.total !== null) {
            expect(Math.abs(after.total - before.total)).not.toBe(1);
          }
        }
      }),
    );
  });

  it('publishes only whole batches, and below the minimum nothing, not even a total', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (ops, min) => {
        for (const rows of replay(ops)) {
          const view = publicView(rows, min);
          if (view?.kind !== 'findings') throw new Error('a findings round has a findings view');
          if (view.total === null) {
            expect(view).toEqual({ kind: 'findings', activityId: 'act', findingId, total: null, counts: null, comments: [] });
          } else {
            expect(view.total % batchSize(min)).toBe(0);
            expect(view.total).toBeGreaterThanOrEqual(min);
            expect(view.total).toBeLessThanOrEqual(rows.length);
          }
        }
      }),
    );
  });

  it('gives facilitators every answer at once', () => {
    const [rows] = replay([{ kind: 'answer', who: 1, response: 'avkrefter', comment: true }]);
    expect(tallyActivity(findings, 0, rows!)).toMatchObject({ total: 1, counts: { avkrefter: 1 }, comments: [{ text: 'kommentar 0' }] });
  });

  it('holds back the newest answers until a whole batch is there', () => {
    const states = replay(responses.map((response, who) => ({ kind: 'answer', who, response, comment: false })));
    expect(states.map((rows) => publishedAnswers(rows, 2).length)).toEqual([0, 2, 2]);
    expect(tallyActivity(findings, 0, publishedAnswers(states[2]!, 2))).toMatchObject({ counts: { kjenner_igjen: 1, nyanserer: 1, avkrefter: 0 } });
  });

  it('lists comments in an order unrelated to when they came', () => {
    const rows = replay([5, 3, 9, 1].map((who) => ({ kind: 'answer', who, response: 'nyanserer', comment: true }))).at(-1)!;
    const shuffled = rows.map((r, i) => ({ ...r, id: ['d', 'b', 'a', 'c'][i]! }));
    const view = tallyActivity(findings, 0, shuffled);
    expect(view?.kind === 'findings' && view.comments.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('batches each closing question and the free texts on their own', () => {
    const closing = { id: 'c', kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'q1', text: 'Nyttig?' }, { id: 'q2', text: 'Trygt?' }] } } as unknown as AgendaActivity;
    const row = (id: string, who: string, kind: string, itemKey: string, value: number | null, t: number): AnswerRow => ({
      id, kind, participantId: who, findingId: null, itemKey, response: null, text: kind === 'evaluation_text' ? 'takk' : '', value, data: {}, updatedAt: t, redactedAt: null,
    });
    // Three answered q1, two q2, one wrote a text: with a batch of 2, q1 shows 2, q2 shows 2, no text.
    const rows = [row('1', 'a', 'evaluation', 'q1', 4, 1), row('2', 'b', 'evaluation', 'q1', 3, 2), row('3', 'c', 'evaluation', 'q1', 0, 3), row('4', 'a', 'evaluation', 'q2', 1, 4), row('5', 'b', 'evaluation', 'q2', 2, 5), row('6', 'c', 'evaluation_text', 'free', null, 6)];
    const view = publicResults(tallyActivity(closing, 0, publishedAnswers(rows, 2)), true, 2, []);
    expect(view).toMatchObject({ respondents: 2, questions: [{ n: 2, mean: 3.5 }, { n: 2, mean: 1.5 }], texts: [] });
  });
});
