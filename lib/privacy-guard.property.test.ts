import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withControlDigits } from '../test/personal-numbers';
import { ORDINARY_SENTENCES } from './privacy-guard.corpus';
import { findPersonalData, isValidNationalId, type PersonalDataKind } from './privacy-guard';

/*
 * Properties: a valid personal number is refused however it is spelled and wherever it
 * stands; ordinary text with numbers is accepted however it is combined.
 */

const RUNS = 1500;

/** Zeros of decimal digit sets a reader would take for digits: ASCII, fullwidth, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, Myanmar, mathematical bold/double-struck/sans/sans bold/monospace. */
const DIGIT_ZEROS = [0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x1040, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6];
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F', '\uFE0F'];
const WORDS = ['Bruker', 'ringte', 'i', 'går', 'og', 'sa', 'at', 'saken', 'gjelder', 'henne', 'veilederen', 'skrev', 'ned', 'notat:', 'se', '—', '«', '»', '(', ')', 'NAV', 'møtet', 'Ærlig', 'talt', 'på', 'tavla'];

const words = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((w) => w.join(' '));

/** Writes each digit in a script of its own, and slips invisible characters in between characters. */
function disguise(text: string, scripts: readonly number[], invisibles: readonly (string | null)[]): string {
  let digitIndex = 0;
  return Array.from(text, (char, i) => {
    const written = /\d/.test(char) ? String.fromCodePoint((scripts[digitIndex++ % scripts.length] ?? 0x30) + Number(char)) : char;
    return written + (invisibles[i % invisibles.length] ?? '');
  }).join('');
}

const disguises = fc.record({
  scripts: fc.array(fc.constantFrom(...DIGIT_ZEROS), { minLength: 1, maxLength: 11 }),
  invisibles: fc.array(fc.option(fc.constantFrom(...INVISIBLES), { freq: 3 }), { minLength: 1, maxLength: 12 }),
});

/** Splits digits into groups at the given cut positions. */
function cut(digits: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < digits.length).sort((a, b) => a - b);
  return [0, ...points].map((from, i) => digits.slice(from, points[i] ?? digits.length));
}

/** Where the first and after the last (decimal) digit of `written` fall in `text`. */
function digitSpan(text: string, offset: number, written: string): { first: number; end: number } {
  const positions = [...written.matchAll(/\p{Nd}/gu)].map((m) => m.index);
  const last = positions[positions.length - 1] ?? 0;
  return { first: offset + (positions[0] ?? 0), end: offset + last + (written.codePointAt(last)! > 0xffff ? 2 : 1) };
}

function expectFound(text: string, offset: number, written: string, kind: PersonalDataKind): void {
  const { first, end } = digitSpan(text, offset, written);
  const found = findPersonalData(text);
  const covering = found.find((m) => m.kind === kind && m.start <= first && m.end >= end);
  expect(covering, `${JSON.stringify(text)} → ${JSON.stringify(found)}`).toBeDefined();
}

// --- national ids --------------------------------------------------------------------------

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const nationalId = fc
  .record({
    year: fc.integer({ min: 1900, max: 2039 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    individual: fc.integer({ min: 0, max: 999 }),
    variant: fc.constantFrom('fødselsnummer', 'D-nummer', 'H-nummer'),
  })
  .map(({ year, month, day: rawDay, individual, variant }) => {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const day = Math.min(rawDay, month === 2 && !leap ? 28 : (DAYS[month - 1] ?? 28));
    const dd = day + (variant === 'D-nummer' ? 40 : 0);
    const mm = month + (variant === 'H-nummer' ? 40 : 0);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const id = withControlDigits(`${p2(dd)}${p2(mm)}${p2(year % 100)}${String(individual).padStart(3, '0')}`);
    return { id: id ?? '', year, variant };
  })
  .filter(({ id }) => id !== ''); // a control digit of 10: no such number

const ID_SEPARATORS = [' ', '  ', '\t', '\n', '\r\n', '\r\n    ', '\n\n', ' \t ', '-', '.', '/', ' - ', '. ', '\u2013', ' \u2014 ', '\u2212', '\u2011', '\u00A0', '\u202F', '\u2009', '\u3000'];
const ID_PREFIXES = ['', 'fnr ', 'f.nr. ', 'Fnr: ', 'Fødselsnummer: ', 'personnr ', 'personnummer ', 'D-nummer ', 'nr ', '(', '«', 'id='];

/** The eleven digits in a random grouping, or as a birth date with a four-digit year and the personnummer. */
const idSpelling = fc.record({
  cuts: fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 10 }),
  separators: fc.array(fc.constantFrom(...ID_SEPARATORS), { minLength: 1, maxLength: 10 }),
  fourDigitYear: fc.boolean(),
});

function spellId(id: string, year: number, spelling: { cuts: number[]; separators: string[]; fourDigitYear: boolean }): string {
  const digits = spelling.fourDigitYear ? `${id.slice(0, 4)}${year}${id.slice(6)}` : id;
  // With a four-digit year the century must stay whole and end a group, as people write it.
  const cuts = spelling.fourDigitYear ? [...spelling.cuts.filter((c) => c < 4 || c > 8), 8] : spelling.cuts;
  return cut(digits, cuts)
    .map((group, i) => (i === 0 ? group : (spelling.separators[i % spelling.separators.length] ?? ' ') + group))
    .join('');
}

describe('national ids in any spelling are refused', () => {
  it('in any grouping, with any separators, scripts, invisible characters, prefixes and surrounding words', () => {
    fc.assert(
      fc.property(nationalId, idSpelling, disguises, fc.constantFrom(...ID_PREFIXES), words, words, (n, spelling, mask, prefix, before, after) => {
        expect(isValidNationalId(n.id)).toBe(true);
        const written = disguise(spellId(n.id, n.year, spelling), mask.scripts, mask.invisibles);
        const head = `${before} ${prefix}`;
        expectFound(`${head}${written} ${after}`, head.length, written, 'NATIONAL_ID');
      }),
      { numRuns: RUNS },
    );
  });

  it('as a birth date and a personnummer with words between them', () => {
    const forms = [
      (d: string, m: string, y: string, p: string) => `Fødselsdato ${d}.${m}.${y}, personnr ${p}`,
      (d: string, m: string, y: string, p: string) => `født ${d}${m}${y} pnr ${p}`,
      (d: string, m: string, y: string, p: string) => `f. ${d}/${m}/${y}; fødselsnummer: ${p}`,
      (d: string, m: string, y: string, p: string) => `Født den ${d}.${m}.${y} (personnummer ${p})`,
      (d: string, m: string, y: string, p: string) => `personnr. ${p}, født ${d}.${m}.${y}`,
      (d: string, m: string, y: string, p: string) => `${d}.${m}.${y} – ${p}`,
      (d: string, m: string, y: string, p: string) => `${d}.${m}.${y}, ${p}`,
    ];
    fc.assert(
      fc.property(nationalId, fc.constantFrom(...forms.keys()), fc.boolean(), disguises, words, (n, form, fourDigitYear, mask, before) => {
        const year = fourDigitYear ? String(n.year) : n.id.slice(4, 6);
        const written = disguise(forms[form]!(n.id.slice(0, 2), n.id.slice(2, 4), year, n.id.slice(6)), mask.scripts, mask.invisibles);
        const text = `${before} ${written}.`;
        expect(findPersonalData(text).map((m) => m.kind), JSON.stringify(text)).toContain('NATIONAL_ID');
      }),
      { numRuns: RUNS },
    );
  });

  it('next to ordinary numbers in ordinary sentences', () => {
    fc.assert(
      fc.property(nationalId, fc.constantFrom(...ORDINARY_SENTENCES), fc.constantFrom(...ORDINARY_SENTENCES), fc.constantFrom('-', ' ', '.', '  '), (n, before, after, sep) => {
        const written = `${n.id.slice(0, 6)}${sep}${n.id.slice(6)}`;
        const head = `${before} Bruker `;
        expectFound(`${head}${written} ${after}`, head.length, written, 'NATIONAL_ID');
      }),
      { numRuns: RUNS },
    );
  });
});

// --- phone numbers -------------------------------------------------------------------------

const phone = fc
  .tuple(fc.constantFrom(...'23456789'), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([first, rest]) => `${first}${String(rest).padStart(7, '0')}`);

/** Groupings people use for phone numbers, with the separators each is written with. */
const PHONE_GROUPINGS: [number[], string[]][] = [
  [[8], ['']],
  [[4, 4], [' ', '  ', '.', '-', '\u2011', ' - ', '\u00A0', '\t']],
  [[2, 2, 2, 2], [' ', '  ', '.', '-', '\u2013', '\u00A0', '\u202F', '\t']],
  [[3, 2, 3], [' ', '  ', '.', '-', '\u00A0']],
  [[3, 3, 2], [' ', '.', '-']],
  [[2, 3, 3], [' ', '-']],
  [[4, 2, 2], [' ']],
  [[2, 2, 4], [' ']],
];
const PHONE_PREFIXES = ['', '+47 ', '+47', '+47-', '0047 ', '0047', '(+47) ', '(+47)', '(0047) ', '+ 47 ', '47 ', 'tlf ', 'Mobil: '];

const phoneSpelling = fc.constantFrom(...PHONE_GROUPINGS.keys()).chain((g) =>
  fc.record({ sizes: fc.constant(PHONE_GROUPINGS[g]![0]), separator: fc.constantFrom(...PHONE_GROUPINGS[g]![1]) }),
);

/** The readings that are documented as "not a phone number" (see privacy-phone.ts). */
function documentedAsSomethingElse(groups: string[], separator: string, prefix: string): boolean {
  if (prefix !== '') return false;
  const dash = /^\s*[-\u2011]\s*$/.test(separator);
  if (groups.length === 2 && groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return true;
  const clock = (g: string) => Number(g.slice(0, 2)) <= 23 && Number(g.slice(2)) <= 59;
  if (groups.length === 2 && dash && groups.every((g) => g.endsWith('00')) && Number(groups[0]) < Number(groups[1])) return true;
  if (groups.length === 2 && dash && groups.every(clock)) return true;
  const isDate = (d = '', m = '', y = '') => Number(d) >= 1 && Number(d) <= 31 && Number(m) >= 1 && Number(m) <= 12 && /^(?:19|20)\d\d$/.test(y);
  const sizes = groups.map((g) => g.length).join('-');
  if (sizes === '4-2-2' && isDate(groups[2], groups[1], groups[0])) return true;
  if (sizes === '2-2-4' && isDate(groups[0], groups[1], groups[2])) return true;
  return sizes === '2-3-3' && groups[2] === '000';
}

describe('phone numbers in any common spelling are refused', () => {
  it('in the usual groupings, with +47/0047 prefixes, any digit script and invisible characters', () => {
    fc.assert(
      fc.property(phone, phoneSpelling, fc.constantFrom(...PHONE_PREFIXES), disguises, words, words, (number, spelling, prefix, mask, before, after) => {
        const cuts = spelling.sizes.map((_, i) => spelling.sizes.slice(0, i + 1).reduce((a, b) => a + b, 0));
        const groups = cut(number, cuts);
        fc.pre(!documentedAsSomethingElse(groups, spelling.separator, prefix));
        const written = disguise(`${prefix}${groups.join(spelling.separator)}`, mask.scripts, mask.invisibles);
        const head = `${before} ring `;
        const text = `${head}${written}${after === '' ? '' : ` ${after}`}`;
        expectFound(text, head.length, written, 'PHONE');
      }),
      { numRuns: RUNS },
    );
  });
});

// --- e-mail addresses ----------------------------------------------------------------------

const label = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøå0123456789'), { minLength: 1, maxLength: 10 }).map((c) => c.join(''));
const AT = ['@', '＠', '﹫', ' @ ', '@ ', ' [at] ', '(at)', ' (krøllalfa) ', '[at]'];
const DOT = ['.', '．', ' [dot] ', '(dot)', ' (punktum) '];

describe('e-mail addresses are refused', () => {
  it('in the plain form, with fullwidth or small "@" and bracketed obfuscations', () => {
    fc.assert(
      fc.property(
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('no', 'com', 'org', 'io', 'nav'),
        fc.constantFrom(...AT),
        fc.constantFrom(...DOT),
        fc.option(fc.constantFrom(...INVISIBLES)),
        words,
        (local, domain, tld, at, dot, invisible, before) => {
          const written = `${local.join('.')}${invisible ?? ''}${at}${domain.join(dot)}${dot}${tld}`;
          const text = `${before} skriv til ${written} i dag`;
          expect(findPersonalData(text).map((m) => m.kind), JSON.stringify(text)).toContain('EMAIL');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
