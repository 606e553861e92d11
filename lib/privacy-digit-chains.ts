/**
 * Digit chains: maximal runs of digit groups joined by short separators ("15.03.85 12363",
 * "412 34 567", "0 1 0 1 9 0"), the unit in which the privacy guard looks for numbers.
 * A number may be grouped any way its writer likes, so the detectors look at windows of
 * whole groups inside a chain rather than at fixed patterns.
 */

export interface DigitGroup {
  /** Offset of the first digit in the (normalised) text. */
  start: number;
  /** Offset after the last digit, exclusive. */
  end: number;
  digits: string;
}

export interface DigitChain {
  groups: DigitGroup[];
}

/** At most this many separator characters join two groups ("DD.MM.YY - IIIKK" needs three). */
const MAX_GAP = 3;

/**
 * The pattern for chains whose groups are joined by 1–3 characters of the `separator` class
 * (a regular expression character class, Unicode property escapes allowed). Linear: digits and separators are disjoint, so the
 * pattern never backtracks more than one gap.
 */
export function chainPattern(separator: string, maxGap = MAX_GAP): RegExp {
  return new RegExp(`\\d+(?:${separator}{1,${maxGap}}\\d+)*`, 'gu');
}

/** All chains in `text` matched by a {@link chainPattern}. */
export function digitChains(text: string, pattern: RegExp): DigitChain[] {
  const chains: DigitChain[] = [];
  for (const chain of text.matchAll(pattern)) {
    const groups: DigitGroup[] = [];
    for (const group of chain[0].matchAll(/\d+/g)) {
      const start = chain.index + group.index;
      groups.push({ start, end: start + group[0].length, digits: group[0] });
    }
    chains.push({ groups });
  }
  return chains;
}

/**
 * Calls `visit(first, last, digits)` for every window of consecutive groups whose digits
 * number at most `maxDigits`. Each start visits at most `maxDigits` groups, so this is linear.
 */
export function forEachWindow(
  groups: readonly DigitGroup[],
  maxDigits: number,
  visit: (first: number, last: number, digits: string) => void,
): void {
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += groups[last]?.digits ?? '';
      if (digits.length > maxDigits) break;
      visit(first, last, digits);
    }
  }
}

/** Binary search in start-sorted, non-overlapping ranges: is one entirely inside [from, to]? */
export function anyRangeWithin(ranges: readonly { start: number; end: number }[], from: number, to: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid]?.start ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  const range = ranges[lo];
  return range !== undefined && range.end <= to;
}
