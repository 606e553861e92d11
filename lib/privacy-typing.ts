/**
 * A national id being typed. Where text reaches the server one keystroke at a time (Yjs text,
 * the Q-sort's comment saves), the detector refuses only the keystroke that completes a
 * number, so everything before it would be stored. But the first nine digits of a
 * fødselsnummer (DDMMYY + individnummer) fix both control digits: that prefix IS the number.
 * So, at the place that just changed, a digit chain whose digits read as a plausible id date
 * followed by three or four more digits is refused as a number on its way.
 *
 * Chains are read as the detector reads them (privacy-national-id.ts, normalised text, the
 * same separators), in windows of whole groups. Ordinary text kept out of it:
 * - the digits must be one run ("150385123"), or a date grouped as dates are (DDMMYY, DD MM YY,
 *   DDMM YY, with or without the century) followed by a group of three or more digits
 *   ("15.03.85 123"): so "01.01.2024–31", "15.03.24 12.30", "10 11 12 13 14" and
 *   "Q1 2024: 1 204" are not read as a date and a personnummer;
 * - a date and a number in separate chains count only with an id keyword between them
 *   ("Fødselsdato 15.03.85, personnr 123"), or with only punctuation between them and an id or
 *   birth keyword just before the date ("fnr: 15.03.85, 123").
 * Not seen before its eleventh digit (then the detector refuses it): a number typed with a
 * separator inside the personnummer's first three digits ("150385 12 363") or digit by digit.
 * Accepted false positive (lib/privacy-typing.test.ts measures it): a date followed by a
 * number of three or more digits with only separators between ("15.03.2024 – 150"), as that is
 * how a fødselsnummer with its century is written.
 */
import { anyRangeWithin, digitChains, forEachWindow, type DigitGroup } from './privacy-digit-chains';
import {
  BIRTH_KEYWORD,
  ID_CHAIN,
  ID_KEYWORD,
  KEYWORD_REACH,
  MAX_SPLIT_GAP,
  isPlausibleIdDate,
  keywordRanges,
  withoutCentury,
} from './privacy-national-id';
import { normaliseForDetection } from './privacy-normalise';

export interface TextRange {
  start: number;
  end: number;
}

/** Nine digits fix the number; a tenth still does; the eleventh is the detector's. */
const isPrefixLength = (n: number) => n === 9 || n === 10;

/** DDMMYY+rest padded to eleven digits, as the date check wants. */
const plausible = (reading: string) => isPlausibleIdDate(reading.padEnd(11, '0'));

/** How people group the date of a national id: DDMMYY, DD MM YY, DDMM YY; with the century DDMMYYYY, DD MM YYYY, DDMM YYYY. */
const DATE_GROUPINGS = new Set(['6', '2,2,2', '4,2', '8', '2,2,4', '4,4']);

/**
 * Does the window `groups` read as a date of `dateLength` digits and a personnummer on its way?
 * Either all of it is one run of digits, or the date is grouped as dates are and the
 * personnummer starts with a group of three or more ("15.03.85 123", "1503 85 1236").
 */
function readsAsPrefix(groups: readonly DigitGroup[], digits: string, dateLength: 6 | 8): boolean {
  const reading = dateLength === 6 ? digits : withoutCentury(digits);
  if (reading === null || !isPrefixLength(reading.length) || !plausible(reading)) return false;
  if (groups.length === 1) return true;
  const sizes: number[] = [];
  let seen = 0;
  for (const group of groups) {
    if (seen === dateLength) return DATE_GROUPINGS.has(sizes.join(',')) && group.digits.length >= 3;
    sizes.push(group.digits.length);
    seen += group.digits.length;
  }
  return false;
}

/** Only punctuation between a date and its personnummer: "15.03.85, 123", "150385 (1236". */
const BARE_GAP = /^[\s,;:()[\]«»"']{1,3}$/;

const touches = (changes: readonly TextRange[], start: number, end: number) =>
  changes.some((change) => change.start <= end && change.end >= start);

/**
 * Where, in `text`, a national id is being typed at one of the `changes` (ranges of the
 * original text that just changed; a deletion is an empty range at its place). Offsets are
 * UTF-16 offsets into the original text, end exclusive.
 */
export function findNumbersBeingTyped(text: string, changes: readonly TextRange[]): TextRange[] {
  if (text.length === 0 || changes.length === 0 || !/\p{N}/u.test(text)) return [];
  const normalised = normaliseForDetection(text);
  const plain = normalised.text;
  const original = (start: number, end: number) => ({ start: normalised.starts[start] ?? 0, end: normalised.ends[end - 1] ?? text.length });
  const found: TextRange[] = [];
  const chains = digitChains(plain, ID_CHAIN);

  for (const { groups } of chains) {
    forEachWindow(groups, 12, (first, last, digits) => {
      const window = groups.slice(first, last + 1);
      const range = original(window[0]!.start, window.at(-1)!.end);
      if (!touches(changes, range.start, range.end)) return;
      if (readsAsPrefix(window, digits, 6) || readsAsPrefix(window, digits, 8)) found.push(range);
    });
  }

  // "Fødselsdato 15.03.85, personnr 123": a labelled date and the start of its personnummer.
  const idKeywords = keywordRanges(plain, ID_KEYWORD);
  const keywords = [...idKeywords, ...keywordRanges(plain, BIRTH_KEYWORD)].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < chains.length; i++) {
    const a = chains[i]!.groups;
    const b = chains[i + 1]!.groups;
    const bStart = b[0]!.start;
    const bEnd = b.at(-1)!.end;
    const pnr = b.map((g) => g.digits).join('');
    const aEnd = a.at(-1)!.end;
    if (bStart - aEnd > MAX_SPLIT_GAP || pnr.length < 3 || pnr.length > 4) continue;
    const labelled = (dateStart: number) =>
      anyRangeWithin(idKeywords, aEnd, bStart) || (BARE_GAP.test(plain.slice(aEnd, bStart)) && anyRangeWithin(keywords, dateStart - KEYWORD_REACH, dateStart));
    let date = '';
    for (let g = a.length - 1; g >= 0 && date.length < 8; g--) {
      date = a[g]!.digits + date;
      const ddmmyy = date.length === 6 ? date : date.length === 8 ? withoutCentury(date) : null;
      const dateStart = a[g]!.start;
      if (ddmmyy === null || !plausible(ddmmyy + pnr) || !labelled(dateStart)) continue;
      const range = original(dateStart, bEnd);
      if (touches(changes, range.start, range.end)) {
        found.push(range);
        break;
      }
    }
  }
  return found;
}

/** Whether a national id is being typed at one of `changes`; see {@link findNumbersBeingTyped}. */
export const isNumberBeingTyped = (text: string, changes: readonly TextRange[]): boolean =>
  findNumbersBeingTyped(text, changes).length > 0;

/** The whole text as the change: for a field saved whole at every keystroke. */
export const wholeTextChanged = (text: string): TextRange[] => [{ start: 0, end: text.length }];

/**
 * Where `after` differs from `before`, for a field saved whole at every keystroke: between
 * their common start and common end (an empty range where only something was deleted).
 */
export function changedRange(before: string, after: string): TextRange[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return [{ start, end: after.length - end }];
}
