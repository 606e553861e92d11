import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ORDINARY_SENTENCES } from './privacy-guard.corpus';
import { findPersonalData } from './privacy-guard';

/*
 * The guard must not refuse ordinary text: dates, amounts, percentages, law and case
 * references, times, years and counts, alone or combined into sentences.
 */

const found = (text: string) => findPersonalData(text).map((m) => [m.kind, text.slice(m.start, m.end)]);

describe('the ordinary-text corpus', () => {
  it('has at least 150 sentences, each with a number', () => {
    expect(ORDINARY_SENTENCES.length).toBeGreaterThanOrEqual(150);
    for (const sentence of ORDINARY_SENTENCES) expect(sentence, sentence).toMatch(/\d/);
  });

  it('is accepted sentence by sentence', () => {
    for (const sentence of ORDINARY_SENTENCES) expect(found(sentence), sentence).toEqual([]);
  });

  it('is accepted as one long text, sentences on lines of their own', () => {
    expect(found(ORDINARY_SENTENCES.join('\n'))).toEqual([]);
  });
});

const int = (min: number, max: number) => fc.integer({ min, max });
const p2 = (n: number) => String(n).padStart(2, '0');
/** Thousands grouping as Norwegians write it: "1 250 000" or "1.250.000". */
const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

const date = fc.tuple(int(1, 28), int(1, 12), int(1990, 2030), int(0, 4)).map(([d, m, y, form]) =>
  [`${p2(d)}.${p2(m)}.${y}`, `${y}-${p2(m)}-${p2(d)}`, `${d}. ${MONTHS[m - 1]} ${y}`, `${p2(d)}.${p2(m)}.${p2(y % 100)}`, `${d}/${m}`][form]!,
);

// Large amounts are written grouped; contiguous ones stay under eight digits, which would be read as a phone number.
const amount = fc.oneof(
  fc.tuple(int(100, 99_999_999), fc.constantFrom(' ', '.', '\u00A0'), int(0, 3)).map(([n, sep, form]) =>
    [`kr ${grouped(n, sep)}`, `${grouped(n, sep)} kroner`, `${grouped(n, sep)},-`, `NOK ${grouped(n, sep)}`][form]!,
  ),
  int(1, 9_999_999).map((n) => `kr ${n}`),
  fc.tuple(int(1, 90), int(1, 50)).map(([a, b]) => `kr ${a * 100}–${(a + b) * 100}`),
  fc.tuple(int(1, 90), int(1, 9)).map(([a, b]) => `${a},${b} millioner kroner`),
);

const percentage = fc.tuple(int(0, 100), int(0, 9), int(0, 2)).map(([a, b, form]) => [`${a},${b} %`, `${a}%`, `${a} prosent`][form]!);

const law = fc.tuple(int(1, 25), int(1, 40), int(1, 5), int(0, 3)).map(([a, b, c, form]) =>
  [`§ ${a}-${b}`, `ftrl. § ${a}-${b}`, `§§ ${a} og ${b}`, `folketrygdloven § ${a}-${b} ${c}. ledd`][form]!,
);

// Case years from this century: a 1981–1992 case number with eleven digits in all could read as a Tenor test number.
const caseNumber = fc.tuple(int(2000, 2030), int(1, 99_999), int(1, 99), int(0, 2)).map(([y, n, k, form]) =>
  [`sak ${y}/${n}`, `saksnr. ${p2(y % 100)}/${n}-${k}`, `arkivsak ${y}/${n}`][form]!,
);

const time = fc.tuple(int(6, 22), fc.constantFrom(0, 15, 30, 45), int(1, 3), fc.constantFrom(0, 15, 30, 45), int(0, 2)).map(([h, m, dh, m2, form]) =>
  [`kl. ${p2(h)}.${p2(m)}–${p2(Math.min(h + dh, 23))}.${p2(m2)}`, `kl ${p2(h)}:${p2(m)}`, `${h}.${p2(m)}`][form]!,
);

const years = fc.tuple(int(1950, 2030), int(1, 10), fc.constantFrom('–', ' ', '-', '/', ' til ')).map(([y, span, sep]) => `${y}${sep}${y + span}`);

// Counts stay under eight digits: Norway has fewer than ten million inhabitants.
const count = fc.tuple(int(0, 9_999_999), int(1, 50), int(0, 3)).map(([n, k, form]) =>
  [`${grouped(n, ' ')} deltakere`, `${k} av ${k + n % 50}`, `rom ${n % 10_000}`, `uke ${k}`][form]!,
);

const piece = fc.oneof(date, amount, percentage, law, caseNumber, time, years, count);
const CONNECTORS = [' og ', ', ', ' i ', ' fra ', ' til ', ' mellom ', ' mot ', ' etter ', ' (jf. ', ') ', '; ', ' med ', ' — se '];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...CONNECTORS), piece), { minLength: 1, maxLength: 6 })
  .map((parts) => `Vi noterte${parts.map(([connector, p]) => `${connector}${p}`).join('')}.`);

describe('generated ordinary text', () => {
  it('is accepted: dates, amounts, percentages, law refs, case numbers, times, years and counts in sentences', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(found(text), text).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
