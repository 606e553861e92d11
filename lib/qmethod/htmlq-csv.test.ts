import { describe, expect, it } from 'vitest';
import { looksLikeHtmlqCsv, parseHtmlqCsv } from './htmlq-csv';
import { SEED_GRID, prng, simulateSorts, toCsv } from './test-data';

/** An HTMLQ-style export of a simulated study: a row per sort, statement columns in a shuffled order, other columns around them. */
function htmlqFile(seed: number, { separator = ';', uids = true }: { separator?: ';' | ','; uids?: boolean } = {}) {
  const study = simulateSorts({ grid: SEED_GRID, sorts: 7, views: 2, noise: 0.8, seed });
  const rand = prng(seed);
  const order = study.statements.map((_, s) => s).sort(() => rand() - 0.5);
  const head = ['uid', 'sid', 'datetime', ...order.map((s) => `s${s + 1}`), 'comment'];
  const rows = study.sorts.map((_, j) => [uids || j % 2 ? `u${100 + j}` : '', String(j + 1), `"2026-11-2${j % 9} 10:0${j}:00"`, ...order.map((s) => String(study.scores[s]![j]!)), `"Fritt svar${separator} med skilletegn"`]);
  const text = [head, ...rows].map((r) => r.join(separator)).join('\r\n');
  return { study, text };
}

describe('HTMLQ / FlashQ / easy-HTMLQ exports', () => {
  for (const separator of [';', ','] as const) {
    it(`reads every sort, statements by their number, named by uid (${separator})`, () => {
      for (const seed of [1, 2, 3]) {
        const { study, text } = htmlqFile(seed, { separator });
        expect(looksLikeHtmlqCsv(text)).toBe(true);
        const parsed = parseHtmlqCsv(text);
        if (!parsed.ok) throw new Error(parsed.error.message);
        expect(parsed.value.statements).toEqual(study.statements.map((_, s) => String(s + 1)));
        expect(parsed.value.sorts).toEqual(study.sorts.map((_, j) => `qu${100 + j}`));
        expect(parsed.value.scores).toEqual(study.scores);
      }
    });
  }

  it('names the sorts by sid when not every row has a uid, as qmethod does', () => {
    const parsed = parseHtmlqCsv(htmlqFile(4, { uids: false }).text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.sorts).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7']);
  });

  it('tells a qmethod CSV whose sorts are called s1, s2 from an HTMLQ export', () => {
    const study = simulateSorts({ grid: SEED_GRID, sorts: 4, views: 1, noise: 1, seed: 5 });
    expect(study.sorts).toEqual(['s1', 's2', 's3', 's4']);
    expect(looksLikeHtmlqCsv(toCsv(study))).toBe(false);
  });

  it('refuses statement columns with a gap, and names the sort with a value that is no number', () => {
    expect(parseHtmlqCsv('sid;s1;s3\n1;0;1\n')).toMatchObject({ ok: false, error: { code: 'BAD_CSV', line: 1 } });
    expect(parseHtmlqCsv('sid;s1;s2\n7;0;x\n')).toMatchObject({ ok: false, error: { code: 'NON_NUMERIC', sort: 'q7', statement: '2', line: 2 } });
    expect(parseHtmlqCsv('sid;s1;s2\n7;0\n')).toMatchObject({ ok: false, error: { code: 'BAD_CSV', line: 2 } });
    expect(parseHtmlqCsv('sid;s1;s2\n')).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
  });
});
