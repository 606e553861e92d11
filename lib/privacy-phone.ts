/**
 * Norwegian phone numbers in normalised text (see privacy-normalise.ts): eight digits, the
 * first 2–9 (4 and 9 mobile; 2, 3, 5, 6, 7 landline; 8 service numbers such as 800 — a
 * business's number, refused anyway since it cannot be told apart). Numbers starting 0 or 1
 * are not eight-digit subscriber numbers.
 *
 * Eight digits have no checksum, so, unlike the fødselsnummer, only the groupings people use
 * for phone numbers count, with one kind of separator throughout, and the number must stand
 * apart from any neighbouring digits in its chain (a different separator, or none): that is
 * what tells "41 23 45 67" from "skår 10 20 30 40 50", "2023–2024", "kl. 20.00–22.30",
 * "24.12.2024" and "kr 25 000 000". A +47, 0047 or (+47) prefix, a bare "47" before exactly
 * eight digits, or a word such as "tlf", "mobil" or "ring" right before says "phone" by itself,
 * so any grouping is accepted after one.
 */
import { chainPattern, digitChains, forEachWindow, type DigitGroup } from './privacy-digit-chains';

interface Range {
  start: number;
  end: number;
}

/** Whitespace of any kind, dot, any hyphen or dash (\p{Pd}) and minus — no slash ("sak 2023/4567"). */
const PHONE_CHAIN = chainPattern('[\\s.\\p{Pd}\\u2212]');

/**
 * Group lengths people use for eight-digit numbers (4-2-2 and 2-2-4 only with spaces: "2024-03-15" is
 * a date). Eight single digits are not among them: that is how Likert answers are read out
 * ("4 3 5 4 2 3 4 5"); after "tlf" or +47 any grouping counts.
 */
const GROUPINGS = new Set(['4-4', '2-2-2-2', '3-2-3', '3-3-2', '2-3-3']);
const SPACE_ONLY_GROUPINGS = new Set(['4-2-2', '2-2-4']);

const PLUS_BEFORE = /(?:\(\s?)?\+\s?$/;
/** "tlf", "mobil", "ring" right before a number say what it is, so any grouping counts. */
const PHONE_KEYWORD_BEFORE = /(?<![\p{L}\p{N}])(?:tlf|tel|telefon(?:nummer|nr)?|mobil(?:nummer|nr|telefon)?|mob|ring|sms|phone|call)\.?:?\s?$/iu;
const PARENTHESISED_PREFIX_BEFORE = /\(\s?(?:\+\s?|00)47\s?\)\s?[.-]?\s?$/;
const YEAR = /^(?:19|20)\d\d$/;
const AMOUNT_BEFORE = /(?:kr\.?|nok|kroner|eur|€|\$|usd|sek|dkk|beløp(?:et)?|sum)\s?[:=]?\s?$/iu;
const AMOUNT_AFTER = /^\s?(?:,-|kr(?!\p{L})|kroner|nok|mill|mrd|euro|€|\$|%|prosent)/iu;

/**
 * How a gap separates: 'space', 'newline', one punctuation mark, or null for a mix. Hyphens
 * count as '-'; en and em dashes and minus as '–', the mark of a typeset range ("3450–3900").
 */
function gapKind(gap: string): string | null {
  const marks = gap.replace(/\s/g, '');
  if (marks === '') return /[\n\r]/.test(gap) ? 'newline' : 'space';
  if (marks.length > 1 || /[\n\r]/.test(gap)) return null;
  if (/[-\u2010\u2011]/.test(marks)) return '-';
  return /[\p{Pd}\u2212]/u.test(marks) ? '–' : marks;
}

/** The kind of each gap in a chain: kinds[i] separates groups i and i + 1. */
function gapKinds(text: string, groups: readonly DigitGroup[]): (string | null)[] {
  return groups.slice(1).map((group, i) => gapKind(text.slice(groups[i]?.end ?? 0, group.start)));
}

/**
 * What before or at the start of a chain says "phone number": a +47 / 0047 / (+47) prefix
 * (its start, and how many digits of the first group it takes), a bare "47" group followed
 * by exactly eight digits, or a word such as "tlf" (no digits taken).
 */
function prefixOf(text: string, groups: readonly DigitGroup[]): { start: number; digits: number; wholeChain: boolean } | null {
  const first = groups[0];
  if (!first) return null;
  const before = text.slice(Math.max(0, first.start - 16), first.start);
  const plus = PLUS_BEFORE.exec(before);
  if (plus && first.digits.startsWith('47')) return { start: first.start - plus[0].length, digits: 2, wholeChain: false };
  if (first.digits.startsWith('0047')) return { start: first.start, digits: 4, wholeChain: false };
  const parenthesised = PARENTHESISED_PREFIX_BEFORE.exec(before);
  if (parenthesised) return { start: first.start - parenthesised[0].length, digits: 0, wholeChain: false };
  if (first.digits === '47' && groups.length > 1) return { start: first.start, digits: 2, wholeChain: true };
  return PHONE_KEYWORD_BEFORE.test(before) ? { start: first.start, digits: 0, wholeChain: true } : null;
}

/** The end of the first eight digits after a prefix, if they end at a group boundary and start 2–9. */
function prefixedNumberEnd(groups: readonly DigitGroup[], skip: number): number | null {
  let digits = '';
  for (const [i, group] of groups.entries()) {
    digits += i === 0 ? group.digits.slice(skip) : group.digits;
    if (digits.length === 8) return /^[2-9]/.test(digits) ? group.end : null;
    if (digits.length > 8) return null;
  }
  return null;
}

/** "2500-3000": two round hundreds, ascending — a range, not "4123-4567". */
function isRoundRange([from = '', to = '']: readonly string[]): boolean {
  return from.endsWith('00') && to.endsWith('00') && Number(from) < Number(to);
}

/** "2030": a time of day written HHMM. */
function isClockTime(hhmm: string): boolean {
  return Number(hhmm.slice(0, 2)) <= 23 && Number(hhmm.slice(2)) <= 59;
}

function isDate(day = '', month = '', year = ''): boolean {
  return Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12 && YEAR.test(year);
}

function looksLikeSomethingElse(text: string, groups: readonly DigitGroup[], first: number, last: number, kind: string, key: string): boolean {
  const parts = groups.slice(first, last + 1).map((g) => g.digits);
  const start = groups[first]?.start ?? 0;
  const end = groups[last]?.end ?? 0;
  if (key === '4-4' && parts.every((p) => YEAR.test(p))) return true; // "2023 2024", "1990–2024"
  if (key === '4-4' && kind === '–') return true; // "3450–3900 brukere": a typeset range
  if (key === '4-4' && kind === '-' && (isRoundRange(parts) || parts.every(isClockTime))) return true; // "2500-3000", "2030-2200"
  if (key === '2-3-3' && (kind === '.' || parts[2] === '000')) return true; // "25.000.000", "25 000 000"
  if (key === '4-2-2' && isDate(parts[2], parts[1], parts[0])) return true; // "2024 03 15"
  if (key === '2-2-4' && isDate(parts[0], parts[1], parts[2])) return true; // "24 12 2024"
  return AMOUNT_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || AMOUNT_AFTER.test(text.slice(end, end + 12));
}

function isGroupedNumber(text: string, groups: readonly DigitGroup[], kinds: readonly (string | null)[], first: number, last: number): boolean {
  const kind = kinds[first];
  if (kind == null) return false;
  for (let i = first + 1; i < last; i++) if (kinds[i] !== kind) return false;
  const key = groups.slice(first, last + 1).map((g) => g.digits.length).join('-');
  if (!GROUPINGS.has(key) && !(kind === 'space' && SPACE_ONLY_GROUPINGS.has(key))) return false;
  // "10 20 30 40 50": a window that continues with the same separator is part of something longer.
  if (kinds[first - 1] === kind || kinds[last] === kind) return false;
  return !looksLikeSomethingElse(text, groups, first, last, kind, key);
}

export function findPhones(text: string): Range[] {
  const found: Range[] = [];
  for (const { groups } of digitChains(text, PHONE_CHAIN)) {
    const prefix = prefixOf(text, groups);
    const prefixedEnd = prefix ? prefixedNumberEnd(groups, prefix.digits) : null;
    const chainEnd = groups[groups.length - 1]?.end;
    if (prefix && prefixedEnd !== null && (!prefix.wholeChain || prefixedEnd === chainEnd)) {
      found.push({ start: prefix.start, end: prefixedEnd });
    }

    const kinds = gapKinds(text, groups);
    forEachWindow(groups, 8, (first, last, digits) => {
      if (digits.length !== 8 || !/^[2-9]/.test(digits)) return;
      // A contiguous eight-digit number is a phone number whatever surrounds it.
      if (first === last || isGroupedNumber(text, groups, kinds, first, last)) {
        found.push({ start: groups[first]?.start ?? 0, end: groups[last]?.end ?? 0 });
      }
    });
  }
  return found;
}
