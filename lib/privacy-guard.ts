/**
 * Privacy guard for free text. Before anything a participant or facilitator types is saved,
 * the caller checks it here; if personal data that must never be stored is found, the text
 * is refused (nothing stored), it stays in the field and a translated message is shown.
 * This module only returns machine-readable findings, never prose.
 *
 * Detected:
 * - NATIONAL_ID: Norwegian fødselsnummer and D-nummer (day + 40), 11 digits written
 *   contiguously or as "DDMMYY IIIKK" with one (non-breaking) space, passing both mod-11
 *   control digits and with a plausible date. Test/synthetic numbers with month + 40
 *   (NAV Dolly, also H-nummer) or month + 80 (Skatteetaten Tenor) are accepted too.
 * - PHONE: Norwegian 8-digit numbers starting with 2–9, contiguous or grouped
 *   "412 34 567", "41 23 45 67", "4123 4567", optionally prefixed by +47, 0047 or (+47).
 * - EMAIL: local@domain.tld with a tld of at least two letters (any Unicode letters).
 *
 * Deliberately not detected (to avoid refusing ordinary text):
 * - digits that are part of a longer digit run (e.g. 12 or 9 digits in a row);
 * - 8-digit numbers starting with 0 or 1, numbers written with dots ("12.03.2024",
 *   "41.23.45.67") and groupings other than those above ("kr 150 000", "41 234 567");
 * - grouped phone forms that continue a space-separated run of numbers
 *   ("10 20 30 40 50", "41 23 45 67 89"), and a year pair like "2023 2024".
 *   A contiguous 8-digit number is flagged whatever surrounds it, so a date written
 *   without separators ("24122024") is flagged: it cannot be told apart from a phone number.
 *
 * Every regular expression has bounded alternatives and no nested quantifiers, so scanning
 * is linear in the length of the text. Indices are UTF-16 code unit offsets (like
 * String.prototype.slice), end exclusive.
 */

export type PersonalDataKind = 'NATIONAL_ID' | 'PHONE' | 'EMAIL';

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** Index into the input string. */
  start: number;
  /** Index into the input string, exclusive. */
  end: number;
}

export const PERSONAL_DATA_ERROR = 'PERSONAL_DATA' as const;

const KIND_ORDER: readonly PersonalDataKind[] = ['NATIONAL_ID', 'PHONE', 'EMAIL'];

/** Space, no-break space and narrow no-break space (what copy-paste from documents gives). */
const SP = '[ \\u00A0\\u202F]';

// DDMMYY IIIKK, contiguous or with one space; not inside a longer digit run.
const NATIONAL_ID_PATTERN = new RegExp(`(?<!\\d)(\\d{6})${SP}?(\\d{5})(?!\\d)`, 'g');

// Groups: 1 = optional country prefix, 2 = contiguous body, 3 = grouped body.
const PHONE_PATTERN = new RegExp(
  `(?<!\\d)((?:\\+47|0047|\\(\\+47\\))${SP}?)?` +
    `(?:([2-9]\\d{7})(?!\\d)` +
    `|([2-9]\\d{2}${SP}\\d{2}${SP}\\d{3}|[2-9]\\d${SP}\\d{2}${SP}\\d{2}${SP}\\d{2}|[2-9]\\d{3}${SP}\\d{4})(?!\\d|${SP}\\d))`,
  'g',
);

// The lookbehind makes the local part start at a token boundary, so a long run of
// word characters without "@" is scanned once, not once per starting position.
const EMAIL_PATTERN = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

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

/** Checks an 11-digit string: both mod-11 control digits and a plausible DDMM. */
export function isValidNationalId(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const d = Array.from(digits, Number);

  let day = Number(digits.slice(0, 2));
  if (day > 40) day -= 40; // D-nummer
  if (day < 1 || day > 31) return false;

  let month = Number(digits.slice(2, 4));
  if (month > 80) month -= 80; // synthetic (Skatteetaten Tenor)
  else if (month > 40) month -= 40; // test numbers (NAV Dolly), H-nummer
  if (month < 1 || month > 12) return false;

  const k1 = controlDigit(d, K1_WEIGHTS);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = controlDigit(d, K2_WEIGHTS);
  return k2 !== null && k2 === d[10];
}

const YEAR = /^(?:19|20)\d\d$/;

function findNationalIds(text: string, out: PersonalDataMatch[]): void {
  for (const m of text.matchAll(NATIONAL_ID_PATTERN)) {
    if (isValidNationalId(`${m[1]}${m[2]}`)) out.push({ kind: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length });
  }
}

function findPhones(text: string, out: PersonalDataMatch[]): void {
  const re = new RegExp(PHONE_PATTERN.source, PHONE_PATTERN.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const prefix = m[1];
    const grouped = m[3];
    let accept = true;
    if (grouped !== undefined && prefix === undefined) {
      // A grouped form that continues a space-separated run of numbers ("10 20 30 40 50").
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      if (/^\d[ \u00A0\u202F]$/.test(before)) accept = false;
      // "2023 2024" is a pair of years, not "4123 4567".
      const parts = grouped.split(/[ \u00A0\u202F]/);
      if (parts.length === 2 && parts.every((p) => YEAR.test(p))) accept = false;
    }
    if (accept) {
      out.push({ kind: 'PHONE', start: m.index, end: m.index + m[0].length });
    } else {
      // Retry from the next character, in case a shorter reading starts inside the rejected one.
      re.lastIndex = m.index + 1;
    }
  }
}

function findEmails(text: string, out: PersonalDataMatch[]): void {
  for (const m of text.matchAll(EMAIL_PATTERN)) out.push({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length });
}

/**
 * All personal data in the text, sorted by start and non-overlapping. When findings overlap
 * (a phone number or national id inside an e-mail address), the one starting first wins,
 * then the longer one, so the whole address is reported as EMAIL.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (text.length === 0) return [];
  const candidates: PersonalDataMatch[] = [];
  findNationalIds(text, candidates);
  findPhones(text, candidates);
  findEmails(text, candidates);

  candidates.sort(
    (a, b) => a.start - b.start || b.end - a.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const result: PersonalDataMatch[] = [];
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start >= lastEnd) {
      result.push(c);
      lastEnd = c.end;
    }
  }
  return result;
}

export function containsPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** zod-friendly refinement helper: returns the kinds found (deduplicated, in order NATIONAL_ID, PHONE, EMAIL) or [] */
export function personalDataKinds(text: string): PersonalDataKind[] {
  const found = new Set(findPersonalData(text).map((m) => m.kind));
  return KIND_ORDER.filter((kind) => found.has(kind));
}
