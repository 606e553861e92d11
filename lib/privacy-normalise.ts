/**
 * Unicode normalisation for the privacy guard: what a reader sees as "the same digits" must
 * look the same to the detector. Per code point: NFKC (fullwidth ４ → 4, ＠ → @, no-break and
 * other spaces → space), decimal digits of every script mapped to ASCII, and format characters
 * (\p{Cf}: zero-width space/joiners, word joiner, BOM, soft hyphen), combining marks (\p{M}:
 * keycap ⃣, variation selectors, accents) and other invisible characters (Hangul fillers,
 * braille blank) removed, so they cannot split a number. A run of
 * whitespace becomes one character (a newline if it holds one), so indentation or blank lines
 * between the parts of a number count as one separator.
 *
 * NFKC is applied per code point rather than to the whole text so that every output unit has
 * one source code point; the detector only looks at digits, separators, "@" and letters, for
 * which composition across code points makes no difference.
 */

export interface NormalisedText {
  /** The normalised text the detector scans. */
  text: string;
  /** For each UTF-16 unit of `text`: offset in the original of the code point it came from. */
  starts: number[];
  /** For each UTF-16 unit of `text`: end offset (exclusive) in the original of that code point. */
  ends: number[];
}

// Default_Ignorable_Code_Point adds the invisible letters (Hangul fillers) and the like; U+2800
// (braille blank) renders as a space but is a symbol.
const REMOVED = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
const WHITESPACE = /\s/;

const digitValues = new Map<number, string>();

/**
 * Unicode encodes every set of decimal digits as a contiguous run of ten, zero first, and
 * adjacent sets (the mathematical digits) each start with their own zero. So a digit's value
 * is its distance from the start of its run of \p{Nd} code points, modulo ten.
 */
function asciiDigit(codePoint: number): string {
  let value = digitValues.get(codePoint);
  if (value === undefined) {
    let first = codePoint;
    while (first > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(first - 1))) first--;
    value = String((codePoint - first) % 10);
    digitValues.set(codePoint, value);
  }
  return value;
}

export function normaliseForDetection(input: string): NormalisedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (unit: string, start: number, end: number) => {
    const last = out.length - 1;
    if (WHITESPACE.test(unit) && last >= 0 && WHITESPACE.test(out[last] ?? '')) {
      // A run of whitespace is one separator ("150385\r\n    12363"); a newline in it is kept.
      if (unit === '\n' || unit === '\r') out[last] = '\n';
      ends[last] = end;
      return;
    }
    out.push(unit === '\r' ? '\n' : unit);
    starts.push(start);
    ends.push(end);
  };

  for (let i = 0; i < input.length; ) {
    const codePoint = input.codePointAt(i) ?? 0;
    const end = i + (codePoint > 0xffff ? 2 : 1);
    if (codePoint < 0x80) {
      push(input[i] ?? '', i, end);
    } else {
      for (const char of String.fromCodePoint(codePoint).normalize('NFKC')) {
        if (REMOVED.test(char)) continue;
        if (DECIMAL_DIGIT.test(char)) {
          push(asciiDigit(char.codePointAt(0) ?? 0), i, end);
        } else {
          for (let u = 0; u < char.length; u++) push(char[u] ?? '', i, end);
        }
      }
    }
    i = end;
  }
  return { text: out.join(''), starts, ends };
}
