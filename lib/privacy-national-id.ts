/**
 * Norwegian fødselsnummer, D-nummer and H-nummer in any grouping, in normalised text
 * (see privacy-normalise.ts). Two mod-11 control digits make a random 11-digit string pass
 * only about once in 500 tries, so any grouping of the digits is accepted; a checksum-less
 * reading is used only where a keyword ("fnr", "personnr", …) says the digits are one.
 */
import { anyRangeWithin, chainPattern, digitChains, forEachWindow, type DigitChain, type DigitGroup } from './privacy-digit-chains';

interface Range {
  start: number;
  end: number;
}

/**
 * Whitespace of any kind, dot, slash, underscore, any hyphen or dash (\p{Pd}), minus, and the
 * marks people put between digit groups in place of a space: middle dots and bullets, bars,
 * colons, asterisks, tildes, plus, backslash and fraction or division slashes. Brackets, "§",
 * "%" and commas stay out: they end a number in ordinary text ("01.01.2001) 1985–1986) § 1-1").
 * Up to five of them, so "150385 -- 12363" is one chain (a whitespace run is one character
 * after normalising); the two control digits, not the separator, tell a number from other text.
 */
export const ID_CHAIN = chainPattern('[\\s./_\\p{Pd}\\u2212\\u00B7\\u2022\\u2027\\u2219\\u22C5\\u30FB|:*~+\\\\\\u2044\\u2215]', 5);
/** Punctuation that may stand between a birth date and its personnummer with no word: "15.03.85, 12363", "150385 (12363)". */
const BARE_SPLIT_GAP = /^[\s,;:()[\]«»"']{1,3}$/;

/**
 * Words that say "the digits next to me are a personal number" (fnr, dnr, personnr, pnr,
 * fødselsnummer, D-/H-nummer, ID-nummer, ident — NAV's word for it): enough without a checksum.
 */
export const ID_KEYWORD =
  /(?<![\p{L}\p{N}])(?:[fd]\.?\s?nr|fødsels\.?\s?(?:nr|nummer(?:et)?)|pers(?:on)?\.?\s?(?:nr|nummer(?:et)?)|p\.?nr|[dh][-\s]?nummer(?:et)?|id[-\s]?(?:nr|nummer(?:et)?)|identitetsnummer(?:et)?|(?:person)?ident(?:ifikator)?|personal\s?(?:id|number)|ssn)\.?(?!\p{L})/giu;
/** Words that announce a birth date: a following personnummer must pass the checksum. */
export const BIRTH_KEYWORD = /(?<![\p{L}\p{N}])(?:født|fødd|fødselsdato|f\.\s?dato|fdato|dob|date of birth|born)(?!\p{L})/giu;

/** How far before a number a keyword still labels it. */
export const KEYWORD_REACH = 30;
/** The most text between a birth date and its personnummer when a keyword joins them. */
export const MAX_SPLIT_GAP = 40;

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** 11 - (weighted sum mod 11), where 11 → 0 and 10 → null (no valid control digit). */
function controlDigit(digits: readonly number[], weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  const control = 11 - (sum % 11);
  if (control === 11) return 0;
  if (control === 10) return null;
  return control;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Is DDMMYY (the first six of 11 digits) a calendar date, allowing D-nummer (day + 40),
 * H-nummer and NAV Dolly test numbers (month + 40) and Skatteetaten Tenor numbers (month + 80)?
 * 29 February counts when YY is divisible by four (the century, which the individnummer
 * would tell, is not needed for that except in 1900, which is ignored).
 */
export function isPlausibleIdDate(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let day = Number(digits.slice(0, 2));
  if (day > 40) day -= 40;
  let month = Number(digits.slice(2, 4));
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = Number(digits.slice(4, 6)) % 4 === 0;
  const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

/** Checks an 11-digit string: a plausible date and both mod-11 control digits. */
export function isValidNationalId(digits: string): boolean {
  if (!isPlausibleIdDate(digits)) return false;
  const d = Array.from(digits, Number);
  const k1 = controlDigit(d, K1_WEIGHTS);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = controlDigit(d, K2_WEIGHTS);
  return k2 !== null && k2 === d[10];
}

/**
 * DDMMYY from a date written with a four-digit year (DDMMYYYY, 18xx–20xx), which a birth
 * date followed by a personnummer often is; the century is not part of the number.
 */
export function withoutCentury(digits: string): string | null {
  return /^\d{4}(?:18|19|20)\d{2}/.test(digits) ? digits.slice(0, 4) + digits.slice(6) : null;
}

export function keywordRanges(text: string, pattern: RegExp): Range[] {
  return Array.from(text.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Digits of the last (or first) groups of a chain that add up to exactly `length` digits. */
function edge(groups: readonly DigitGroup[], length: number, from: 'start' | 'end'): { digits: string; start: number; end: number } | null {
  let digits = '';
  const ordered = from === 'start' ? groups : [...groups].reverse();
  for (const group of ordered) {
    digits = from === 'start' ? digits + group.digits : group.digits + digits;
    if (digits.length === length) {
      const outer = from === 'start' ? groups[0] : groups[groups.length - 1];
      return outer ? { digits, start: Math.min(outer.start, group.start), end: Math.max(outer.end, group.end) } : null;
    }
    if (digits.length > length) return null;
  }
  return null;
}

/** Birth-date readings at one edge: the last (or first) 6 digits, or 8 with the century, as DDMMYY. */
function datesAt(groups: readonly DigitGroup[], from: 'start' | 'end'): { ddmmyy: string; start: number; end: number }[] {
  const dates: { ddmmyy: string; start: number; end: number }[] = [];
  const six = edge(groups, 6, from);
  if (six) dates.push({ ddmmyy: six.digits, start: six.start, end: six.end });
  const eight = edge(groups, 8, from);
  const ddmmyy = eight && withoutCentury(eight.digits);
  if (eight && ddmmyy) dates.push({ ddmmyy, start: eight.start, end: eight.end });
  return dates;
}

export function findNationalIds(text: string): Range[] {
  const idKeywords = keywordRanges(text, ID_KEYWORD);
  const birthKeywords = keywordRanges(text, BIRTH_KEYWORD);
  const labelled = (from: number, to: number) => anyRangeWithin(idKeywords, from, to);
  const found: Range[] = [];
  const chains = digitChains(text, ID_CHAIN);

  for (const { groups } of chains) {
    forEachWindow(groups, 13, (first, last, digits) => {
      const candidate =
        digits.length === 11 ? digits : digits.length === 13 ? withoutCentury(digits) : null;
      if (candidate === null) return;
      const start = groups[first]?.start ?? 0;
      const range = { start, end: groups[last]?.end ?? 0 };
      if (isValidNationalId(candidate) || (isPlausibleIdDate(candidate) && labelled(start - KEYWORD_REACH, start))) found.push(range);
    });
  }

  // "Fødselsdato 15.03.85, personnr 12363": date and personnummer in neighbouring chains.
  for (let i = 0; i + 1 < chains.length; i++) findSplit(text, chains[i]!, chains[i + 1]!, idKeywords, birthKeywords, found);
  return found;
}

function findSplit(text: string, a: DigitChain, b: DigitChain, idKeywords: Range[], birthKeywords: Range[], found: Range[]): void {
  const aEnd = a.groups[a.groups.length - 1]?.end ?? 0;
  const bStart = b.groups[0]?.start ?? 0;
  if (bStart - aEnd > MAX_SPLIT_GAP) return;
  const after = edge(b.groups, 5, 'start');
  const before = edge(a.groups, 5, 'end');
  const readings = [
    ...(after ? datesAt(a.groups, 'end').map((date) => ({ date, pnr: after })) : []),
    ...(before ? datesAt(b.groups, 'start').map((date) => ({ date, pnr: before })) : []),
  ];
  // Without any word, only "date, 12363" with the personnummer as one group of five, and a valid checksum.
  const bare = BARE_SPLIT_GAP.test(text.slice(aEnd, bStart)) && b.groups[0]?.digits.length === 5;
  for (const { date, pnr } of readings) {
    const start = Math.min(date.start, pnr.start);
    const end = Math.max(date.end, pnr.end);
    const candidate = date.ddmmyy + pnr.digits;
    const from = start - KEYWORD_REACH;
    const refused = anyRangeWithin(idKeywords, from, end)
      ? isPlausibleIdDate(candidate)
      : (anyRangeWithin(birthKeywords, from, end) || (bare && pnr === after)) && isValidNationalId(candidate);
    if (refused) {
      found.push({ start, end });
      return;
    }
  }
}
