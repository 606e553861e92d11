import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingsOutcome } from '../activities/findings/outcome';
import { summaryScreenPages } from './screen-pages';
import type { SessionActivityResult } from './session-results';

const finding = (n: number): FindingsOutcome['findings'][number] => ({ findingId: `f${n}`, title: `Funn ${n}`, status: 'foreløpig', total: 3, counts: { kjenner_igjen: 2, nyanserer: 1, avkrefter: 0 }, comments: [] });
const findings = (id: string, count: number): SessionActivityResult => ({ activityId: id, title: 'Funnrunde', outcome: { kind: 'findings', findings: Array.from({ length: count }, (_, i) => finding(i + 1)) } });
const closing = (id: string): SessionActivityResult => ({ activityId: id, title: 'Avslutning', outcome: { kind: 'closing', respondents: null, questions: [], freeTextQuestion: '', texts: [] } });

describe('summaryScreenPages', () => {
  it('splits a long findings round into pages of two, each numbered as the activity', () => {
    const pages = summaryScreenPages([findings('a', 5), closing('b')]);
    expect(pages.map((p) => [p.number, p.activity.activityId])).toEqual([[1, 'a'], [1, 'a'], [1, 'a'], [2, 'b']]);
    expect(pages.slice(0, 3).map((p) => (p.activity.outcome as FindingsOutcome).findings.map((f) => f.findingId))).toEqual([['f1', 'f2'], ['f3', 'f4'], ['f5']]);
  });

  it('keeps every finding once, in order, for any agenda', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(-1)), { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (shape, per) => {
        const activities = shape.map((n, i) => (n < 0 ? closing(`x${i}`) : findings(`x${i}`, n)));
        const pages = summaryScreenPages(activities, per);
        // Every activity appears, in agenda order, with its own number.
        expect([...new Set(pages.map((p) => `${p.number}:${p.activity.activityId}`))]).toEqual(activities.map((a, i) => `${i + 1}:${a.activityId}`));
        for (const [i, a] of activities.entries()) {
          if (a.outcome.kind !== 'findings') continue;
          const parts = pages.filter((p) => p.number === i + 1).map((p) => (p.activity.outcome as FindingsOutcome).findings);
          expect(parts.flat()).toEqual(a.outcome.findings);
          expect(parts.every((part) => part.length <= per)).toBe(true);
        }
      }),
    );
  });
});
