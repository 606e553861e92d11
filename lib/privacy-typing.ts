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
 * - the date must end where a group ends ("15.03.85 123"), or inside the window's last group
 *   (typed contiguously: "150385123"), so "01.01.2024–31" is not read as 010120 + 2431;
 * - a time or day-and-month after the date ("15.03.24 12.30", "01.01.24–31.12.24"): two
 *   groups of two digits joined by one "." or ":";
 * - a date and a number in separate chains count only with a keyword (fnr, personnr, født…)
 *   before them, as in the detector.
 * Accepted false positives (lib/privacy-typing.test.ts measures them): a date followed by a
 * number of three or more digits with only separators between ("15.03.2024 – 150"), and
 * lists of two-digit numbers whose first three make a date ("10 11 12 13 14").
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

/** "12.30", "12:3", "31.12": two groups of two (and one or two) digits joined by one dot or colon. */
function isTimeOrDayMonth(text: string, tail: readonly DigitGroup[]): boolean {
  const [a, b] = tail;
  if (tail.length !== 2 || !a || !b || a.digits.length !== 2 || b.digits.length > 2) return false;
  return /^[.:]$/.test(text.slice(a.end, b.start)) && Number(a.digits) <= 31 && Number(b.digits[0]) <= 5;
}

/** Does the window `groups` read as a date of `dateLength` digits and a personnummer on its way? */
function readsAsPrefix(text: string, groups: readonly DigitGroup[], digits: string, dateLength: 6 | 8): boolean {
  const reading = dateLength === 6 ? digits : withoutCentury(digits);
  if (reading === null || !isPrefixLength(reading.length) || !plausible(reading)) return false;
  let seen = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (seen === dateLength) return !isTimeOrDayMonth(text, groups.slice(i));
    // The date runs into this group: only a contiguous tail, the last group, may hold it.
    if (seen + group.digits.length > dateLength) return i === groups.length - 1;
    seen += group.digits.length;
  }
  return false;
}

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
      if (readsAsPrefix(plain, window, digits, 6) || readsAsPrefix(plain, window, digits, 8)) found.push(range);
    });
  }

  // "Fødselsdato 15.03.85, personnr 123": a labelled date and the start of its personnummer.
  const keywords = [...keywordRanges(plain, ID_KEYWORD), ...keywordRanges(plain, BIRTH_KEYWORD)].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < chains.length; i++) {
    const a = chains[i]!.groups;
    const b = chains[i + 1]!.groups;
    const bStart = b[0]!.start;
    const bEnd = b.at(-1)!.end;
    const pnr = b.map((g) => g.digits).join('');
    if (bStart - a.at(-1)!.end > MAX_SPLIT_GAP || pnr.length < 3 || pnr.length > 4) continue;
    let date = '';
    for (let g = a.length - 1; g >= 0 && date.length < 8; g--) {
      date = a[g]!.digits + date;
      const ddmmyy = date.length === 6 ? date : date.length === 8 ? withoutCentury(date) : null;
      const dateStart = a[g]!.start;
      if (ddmmyy === null || !plausible(ddmmyy + pnr) || !anyRangeWithin(keywords, dateStart - KEYWORD_REACH, bEnd)) continue;
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
