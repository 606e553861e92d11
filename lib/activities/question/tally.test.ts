import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicResults } from '../../workshop/results';
import { batchSize, publishedAnswers } from '../../workshop/tally';
import type { AnswerRow } from '../tally-kit';
import { questionConfigSchema, scaleValues, type QuestionConfig, type QuestionFormat } from './config';
import { median, questionPublicView, resultsOfQuestion, shareOf, tallyQuestion, wordList, type QuestionResults } from './tally';
import { storedAnswer } from './stored';
import type { QuestionAnswer } from './answers';

const config = (format: QuestionFormat): QuestionConfig =>
  questionConfigSchema.parse({ prompt: 'Hvor nyttig?', format, options: [{ id: 'a', text: 'Ja' }, { id: 'b', text: 'Nei' }, { id: 'c', text: 'Kanskje' }] });

const openWords = ['tillit', 'Tillit ', 'tid', 'ro', 'mer tid'];

/** An answer of the question's format, from a few random numbers. */
function answerFor(format: QuestionFormat, pick: number, pick2: number): QuestionAnswer {
  switch (format) {
    case 'single':
      return { type: 'choice', optionIds: [['a', 'b', 'c'][pick % 3]!] };
    case 'multiple':
      return { type: 'choice', optionIds: [...new Set([['a', 'b', 'c'][pick % 3]!, ['a', 'b', 'c'][pick2 % 3]!])] };
    case 'scale4':
    case 'scale10': {
      const values = scaleValues(format);
      return { type: 'scale', value: values[pick % values.length]! };
    }
    case 'open':
      return { type: 'open', text: openWords[pick % openWords.length]! };
  }
}

const operation = fc.record({ kind: fc.constantFrom('answer', 'answer', 'answer', 'change', 'withdraw'), who: fc.nat({ max: 14 }), pick: fc.nat(), pick2: fc.nat() });
type Operation = { kind: string; who: number; pick: number; pick2: number };

/** Replays answering, changing and withdrawing ("trekk tilbake alt"); one clock tick per operation. */
function replay(format: QuestionFormat, ops: Operation[]): AnswerRow[][] {
  let rows: AnswerRow[] = [];
  return ops.map((op, tick) => {
    const participantId = `p${op.who}`;
    const existing = rows.find((r) => r.participantId === participantId);
    if (op.kind === 'withdraw') rows = rows.filter((r) => r.participantId !== participantId);
    else if (op.kind === 'answer' || existing) {
      const stored = storedAnswer(answerFor(format, op.pick, op.pick2));
      const row: AnswerRow = { id: existing?.id ?? `item-${String(tick).padStart(3, '0')}`, participantId, findingId: null, response: null, updatedAt: tick, redactedAt: null, ...stored };
      rows = [...rows.filter((r) => r.participantId !== participantId), row];
    }
    return rows;
  });
}

/** The public view as the server computes it: the registry's batching, then the reveal and the kind's own view. */
const publicView = (format: QuestionFormat, rows: AnswerRow[], min: number, revealed = true) =>
  publicResults(tallyQuestion('act', config(format), publishedAnswers(rows, batchSize(min))), revealed, min, []) as QuestionResults | null;

/** Every count a view shows, so two views can be compared by how many answers moved. */
function countsOf(view: QuestionResults | null): number[] {
  if (!view) return [];
  return [...(view.options ?? []).map((o) => o.count), ...(view.distribution ?? []), ...view.words.map((w) => w.count)];
}
const distance = (a: QuestionResults | null, b: QuestionResults | null) => {
  const [x, y] = [countsOf(a), countsOf(b)];
  const n = Math.max(x.length, y.length);
  // Multiple choice: one person's answer moves up to two counts; the total moves by one.
  return Array.from({ length: n }, (_, i) => Math.abs((x[i] ?? 0) - (y[i] ?? 0))).reduce((s, d) => s + d, 0);
};

const formats = fc.constantFrom<QuestionFormat>('single', 'multiple', 'scale4', 'scale10', 'open');

describe('the public view of a Spørsmål', () => {
  it('shows nothing but "too few" below the minimum, not even how many answered', () => {
    fc.assert(
      fc.property(formats, fc.array(operation, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 8 }), (format, ops, min) => {
        for (const rows of replay(format, ops)) {
          const view = publicView(format, rows, min)!;
          if (view.total === null) {
            expect(view).toEqual({ kind: 'question', activityId: 'act', format: null, total: null, options: null, scale: null, distribution: null, mean: null, median: null, words: [], answers: [] });
            continue;
          }
          expect(view.total).toBeGreaterThanOrEqual(min);
          expect(view.total % batchSize(min)).toBe(0);
          expect(view.total).toBeLessThanOrEqual(rows.length);
          expect(view.answers).toEqual([]);
        }
      }),
    );
  });

  it('never lets two consecutive public totals differ by one answer', () => {
    fc.assert(
      fc.property(formats, fc.array(operation, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 6 }), (format, ops, min) => {
        const totals = replay(format, ops).map((rows) => publicView(format, rows, min)?.total ?? 0);
        for (let i = 1; i < totals.length; i++) expect(Math.abs(totals[i]! - totals[i - 1]!)).not.toBe(1);
      }),
    );
  });

  it('never lets one changed answer show on its own in a single choice or on a scale', () => {
    fc.assert(
      fc.property(fc.constantFrom<QuestionFormat>('single', 'scale4', 'scale10'), fc.array(operation, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 6 }), (format, ops, min) => {
        const views = replay(format, ops).map((rows) => publicView(format, rows, min));
        for (let i = 1; i < views.length; i++) expect(distance(views[i - 1]!, views[i]!)).not.toBe(1);
      }),
    );
  });

  it('shows nothing before the facilitator reveals', () => {
    fc.assert(
      fc.property(formats, fc.array(operation, { minLength: 1, maxLength: 30 }), (format, ops) => {
        for (const rows of replay(format, ops)) expect(publicView(format, rows, 1, false)).toBeNull();
      }),
    );
  });
});

describe('tallying a Spørsmål', () => {
  it('counts every answer for facilitators, whatever the minimum', () => {
    fc.assert(
      fc.property(formats, fc.array(operation, { minLength: 1, maxLength: 50 }), (format, ops) => {
        const rows = replay(format, ops).at(-1)!;
        const full = tallyQuestion('act', config(format), rows);
        expect(full.total).toBe(rows.length);
        if (format === 'single') expect(full.options!.reduce((s, o) => s + o.count, 0)).toBe(rows.length);
        if (format === 'multiple') for (const o of full.options!) expect(o.count).toBeLessThanOrEqual(rows.length);
        if (format === 'scale4' || format === 'scale10') {
          expect(full.distribution!.reduce((s, n) => s + n, 0)).toBe(rows.length);
          const values = rows.map((r) => r.value!);
          if (values.length > 0) {
            expect(full.mean!).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length);
            expect(full.median!).toBeGreaterThanOrEqual(Math.min(...values));
            expect(full.median!).toBeLessThanOrEqual(Math.max(...values));
          }
        }
        if (format === 'open') {
          expect(full.answers).toHaveLength(rows.length);
          expect(full.words.reduce((s, w) => s + w.count, 0)).toBe(rows.length);
        }
      }),
    );
  });

  it('draws a 0–4 scale as five counts with mean and median', () => {
    const rows = [4, 3, 3, 2, 4].map((value, i) => row(`r${i}`, { value }));
    expect(tallyQuestion('act', config('scale4'), rows)).toMatchObject({ total: 5, scale: { min: 0, max: 4 }, distribution: [0, 0, 1, 2, 2], mean: 3.2, median: 3 });
  });

  it('ignores values off the scale and choices the question does not offer', () => {
    expect(tallyQuestion('act', config('scale10'), [row('a', { value: 0 }), row('b', { value: 10 })])).toMatchObject({ total: 1, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(tallyQuestion('act', config('single'), [row('a', { data: { optionIds: ['zz'] } }), row('b', { data: { optionIds: ['b'] } })]).options).toEqual([
      { id: 'a', text: 'Ja', count: 0 },
      { id: 'b', text: 'Nei', count: 1 },
      { id: 'c', text: 'Kanskje', count: 0 },
    ]);
  });

  it('lists open answers as words, without redacted and hidden ones in public', () => {
    const rows = [row('1', { text: 'Tillit' }), row('2', { text: 'tillit ' }), row('3', { text: 'tid' }), row('4', { text: '', redactedAt: 5 })];
    const full = tallyQuestion('act', config('open'), rows);
    expect(full.total).toBe(4);
    expect(full.words).toEqual([{ word: 'tillit', count: 2 }, { word: 'tid', count: 1 }]);
    expect(full.answers.find((a) => a.id === '4')).toEqual({ id: '4', text: '', redacted: true });
    expect(questionPublicView(full, 3, new Set(['3']))).toMatchObject({ total: 4, words: [{ word: 'tillit', count: 2 }], answers: [] });
  });

  it('takes the middle of an even number of values', () => {
    expect(median([1, 4, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('gives shares of those who answered', () => {
    expect(shareOf(1, 3)).toBeCloseTo(1 / 3);
    expect(shareOf(0, null)).toBe(0);
    expect(wordList([{ text: ' ' }])).toEqual([]);
  });
});

function row(id: string, over: Partial<AnswerRow>): AnswerRow {
  return { id, kind: 'question_answer', participantId: id, findingId: null, itemKey: 'answer', response: null, text: '', value: null, data: {}, updatedAt: 0, redactedAt: null, ...over };
}

describe('resultsOfQuestion', () => {
  it("gives a question's views its own results only: not another question's, another kind's or none", () => {
    const mine = tallyQuestion('q1', config('scale4'), []);
    expect(resultsOfQuestion(mine, 'q1')).toEqual(mine);
    expect(resultsOfQuestion(tallyQuestion('q2', config('scale4'), []), 'q1')).toBeNull();
    expect(resultsOfQuestion({ kind: 'finding', activityId: 'q1' }, 'q1')).toBeNull();
    expect(resultsOfQuestion(null, 'q1')).toBeNull();
  });
});
