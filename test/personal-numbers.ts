/**
 * Generated personal numbers and the spellings people (and probes) use for them, for tests
 * that must show a guard refuses personal data whatever its form. Numbers are generated, not
 * hard-coded, so a test cannot pass by recognising one example.
 *
 * Every generator takes an optional `rng` (a function returning [0, 1), like Math.random);
 * pass `seededRng(n)` to make a failing test reproducible.
 */

import { seededRandom } from '@/lib/seeded-random';

export type Rng = () => number;

/** mulberry32: a small deterministic generator for reproducible test data. */
export const seededRng: (seed: number) => Rng = seededRandom;

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: readonly number[], weights: readonly number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const c = 11 - (sum % 11);
  return c === 11 ? 0 : c === 10 ? null : c;
}

/** Appends both mod-11 control digits to 9 digits (DDMMYYIII), or null when either would be 10. */
export function withControlDigits(nineDigits: string): string | null {
  const d = Array.from(nineDigits, Number);
  const k1 = control(d, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = control([...d, k1], K2_WEIGHTS);
  return k2 === null ? null : `${nineDigits}${k1}${k2}`;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real birth date (1940–2024) with an individnummer that follows the century rules. */
function birth(rng: Rng): { day: number; month: number; year: number; individual: number } {
  const year = int(rng, 1940, 2024);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, daysIn(month, year));
  const individual = year >= 2000 ? int(rng, 500, 999) : rng() < 0.8 ? int(rng, 0, 499) : int(rng, 900, 999);
  return { day, month, year, individual };
}

function generate(rng: Rng, dayOffset: number, monthOffset: number): string {
  for (;;) {
    const b = birth(rng);
    const id = withControlDigits(`${pad(b.day + dayOffset)}${pad(b.month + monthOffset)}${pad(b.year % 100)}${pad(b.individual, 3)}`);
    if (id) return id;
  }
}

/** A valid fødselsnummer (11 digits, both control digits right). */
export const validNationalId = (rng: Rng = Math.random): string => generate(rng, 0, 0);
/** A valid D-nummer (day + 40). */
export const validDNumber = (rng: Rng = Math.random): string => generate(rng, 40, 0);
/** A valid H-nummer (month + 40). */
export const validHNumber = (rng: Rng = Math.random): string => generate(rng, 0, 40);

/** A Norwegian 8-digit phone number: mobile (4, 9) or landline (2, 3, 5, 6, 7). */
export function validPhone(rng: Rng = Math.random): string {
  const first = '4923567'[int(rng, 0, 6)]!;
  let rest = '';
  for (let i = 0; i < 7; i++) rest += String(int(rng, 0, 9));
  return first + rest;
}

/** Rewrites ASCII digits in another script, given that script's zero (e.g. 0x0660 Arabic-Indic). */
export function inScript(text: string, zero: number): string {
  return text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
}

export const FULLWIDTH_ZERO = 0xff10;
export const ARABIC_INDIC_ZERO = 0x0660;
export const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
export const DEVANAGARI_ZERO = 0x0966;
export const MATH_BOLD_ZERO = 0x1d7ce;

const interleave = (text: string, insert: string) => Array.from(text).join(insert);

/**
 * Named spellings of an 11-digit national id or an 8-digit phone number, each of which a
 * guard must refuse. For an 11-digit number: hyphen, dot, two spaces, tab, newline,
 * `DD.MM.YY IIIKK`, `DD MM YY IIIKK`, "Fødselsdato DD.MM.YY, personnr IIIKK", fullwidth and
 * Arabic-Indic digits, zero-width spaces and soft hyphens inside. For a phone number: the
 * usual groupings, +47/0047 prefixes and the same Unicode tricks.
 */
export function namedSpellings(number: string): [name: string, text: string][] {
  if (/^\d{11}$/.test(number)) {
    const [dd, mm, yy, pnr] = [number.slice(0, 2), number.slice(2, 4), number.slice(4, 6), number.slice(6)];
    const date = `${dd}${mm}${yy}`;
    return [
      ['contiguous', number],
      ['space', `${date} ${pnr}`],
      ['hyphen', `${date}-${pnr}`],
      ['dot', `${date}.${pnr}`],
      ['two spaces', `${date}  ${pnr}`],
      ['tab', `${date}\t${pnr}`],
      ['newline', `${date}\n${pnr}`],
      ['DD.MM.YY IIIKK', `${dd}.${mm}.${yy} ${pnr}`],
      ['DD MM YY IIIKK', `${dd} ${mm} ${yy} ${pnr}`],
      ['DDMM YY III KK', `${dd}${mm} ${yy} ${pnr.slice(0, 3)} ${pnr.slice(3)}`],
      ['birth date and personnr', `Fødselsdato ${dd}.${mm}.${yy}, personnr ${pnr}`],
      ['fullwidth', inScript(`${date}-${pnr}`, FULLWIDTH_ZERO)],
      ['Arabic-Indic', inScript(`${date} ${pnr}`, ARABIC_INDIC_ZERO)],
      ['zero-width spaces', interleave(number, '\u200B')],
      ['soft hyphens', `${date}\u00AD${pnr.slice(0, 2)}\u00AD${pnr.slice(2)}`],
    ];
  }
  if (/^\d{8}$/.test(number)) {
    const p = number;
    return [
      ['contiguous', p],
      ['3-2-3', `${p.slice(0, 3)} ${p.slice(3, 5)} ${p.slice(5)}`],
      ['2-2-2-2', `${p.slice(0, 2)} ${p.slice(2, 4)} ${p.slice(4, 6)} ${p.slice(6)}`],
      ['4-4', `${p.slice(0, 4)} ${p.slice(4)}`],
      ['dots', `${p.slice(0, 2)}.${p.slice(2, 4)}.${p.slice(4, 6)}.${p.slice(6)}`],
      ['hyphen', `${p.slice(0, 4)}-${p.slice(4)}`],
      ['+47', `+47 ${p}`],
      ['0047', `0047 ${p.slice(0, 3)} ${p.slice(3, 5)} ${p.slice(5)}`],
      ['(+47)', `(+47) ${p.slice(0, 2)} ${p.slice(2, 4)} ${p.slice(4, 6)} ${p.slice(6)}`],
      ['fullwidth', inScript(p, FULLWIDTH_ZERO)],
      ['Arabic-Indic', inScript(`${p.slice(0, 3)} ${p.slice(3, 5)} ${p.slice(5)}`, ARABIC_INDIC_ZERO)],
      ['zero-width spaces', interleave(p, '\u200B')],
      ['soft hyphens', `${p.slice(0, 4)}\u00AD${p.slice(4)}`],
    ];
  }
  throw new Error(`spellings: expected 11 or 8 digits, got ${number.length}`);
}

/** The spellings of {@link namedSpellings} without their names. */
export const spellings = (number: string): string[] => namedSpellings(number).map(([, text]) => text);
