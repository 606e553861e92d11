/**
 * Privacy guard for free text. Before anything a participant, facilitator or presenter types
 * (or imports) is stored or relayed, the caller checks it here; if personal data that must
 * never be stored is found, the text is refused (nothing stored), it stays in the field and
 * a translated message is shown. This module only returns machine-readable findings.
 *
 * The text is first normalised (privacy-normalise.ts): NFKC, digits of every script as ASCII,
 * zero-width characters, soft hyphens, other format characters, combining marks and other
 * invisible characters removed.
 * Numbers are then read as chains of digit groups joined by up to three separator characters
 * (a run of whitespace counts as one; privacy-digit-chains.ts), so any spacing or grouping is
 * seen. A comma never joins digits: it is the decimal mark ("12,5") and the list separator.
 *
 * Detected:
 * - NATIONAL_ID (privacy-national-id.ts): fødselsnummer, D-nummer (day + 40), H-nummer and
 *   NAV Dolly test numbers (month + 40) and Skatteetaten Tenor numbers (month + 80), with a
 *   real calendar date and both mod-11 control digits, in any grouping and with any of
 *   up to five of whitespace, "." "/" "_" "-", dashes, "·", "•", "|", ":", "*", "~", "+", "\\" and fraction slashes between groups ("150385-12363", "15.03.85 12363",
 *   "15 03 85 123 63", "15.03.1985 – 12363": a four-digit year loses its century).
 *   A birth date and a personnummer separated by words count when a keyword joins them
 *   ("Fødselsdato 15.03.85, personnr 12363", "født 150385 pnr 12363"), or by a comma or
 *   bracket alone when the checksum holds ("15.03.85, 12363", "150385 (12363)"). After a
 *   keyword that names the number (fnr, f.nr., dnr, personnr, personnummer, fødselsnummer,
 *   pnr, D-nummer, ID-nummer, ident, …) a plausible date is enough, even if a control digit is wrong: a mistyped number is still
 *   someone's number. After only a birth keyword (født, fødselsdato) the checksum must hold.
 * - PHONE (privacy-phone.ts): Norwegian 8-digit numbers starting 2–9, contiguous or grouped
 *   4-4, 2-2-2-2, 3-2-3, 3-3-2, 2-3-3 or eight single digits (4-2-2 and 2-2-4 with spaces only)
 *   with one kind of separator (whitespace, dot, hyphen, dash); in any grouping after +47,
 *   0047, (+47), a bare "47", or a word like "tlf", "mobil", "ring".
 * - EMAIL (privacy-email.ts): local@domain.tld (tld of two letters or more, Unicode letters),
 *   also with a space around "@", fullwidth or small "@", and the bracketed forms "[at]",
 *   "(at)", "(a)", "(krøllalfa)", "[dot]", "(punktum)".
 *
 * Deliberately not detected, so that ordinary text is not refused:
 * - digits inside a longer contiguous run (12 digits in a row hold no 11-digit number);
 * - groupings of 8 digits people do not use for phones: dates ("24.12.2024", "2024-03-15"),
 *   year pairs ("2023 2024", "1990–2024"), time ranges ("kl. 20.00–22.30", mixed separators),
 *   thousands-grouped amounts ("kr 25 000 000", "25.000.000", "12 345 678 kroner"), 4-4 ranges
 *   (any with an en dash, "3450–3900"; with a hyphen round hundreds "2500-3000" or clock
 *   times "2030-2200"), case numbers with a slash ("sak 2023/4567"), and an 8-digit window that
 *   continues with the same separator ("10 20 30 40 50"); a phone number written that way
 *   inside such a list ("41 23 45 67 89") is missed too;
 * - a birth date alone, or a 5-digit number alone: neither identifies a person;
 * - a bare " at " for "@" ("at" is an ordinary Norwegian word), digits written as words or
 *   letters that look like digits ("O1O19O").
 * Refused although it may be innocent, because it cannot be told apart from a phone number:
 * a contiguous 8-digit number starting 2–9 whatever surrounds it ("24122024"), exactly four
 * two-digit numbers in a row ("varians 37 43 50 55" reads as the landline "37 43 50 55"), and
 * a 2-3-3 grouping with no amount word next to it ("23 456 789"). Likewise a date, a comma or
 * bracket and a contiguous five-digit number that happen to pass the checksum (about one in 130) are
 * refused as a birth date with its personnummer.
 *
 * Every regular expression has bounded alternatives and no nested quantifiers over
 * overlapping classes, and each digit group is looked at in at most 13 windows, so scanning is
 * linear in the length of the text. Indices are UTF-16 code unit offsets into the ORIGINAL
 * text (like String.prototype.slice), end exclusive.
 */
import { findEmails } from './privacy-email';
import { findNationalIds } from './privacy-national-id';
import { normaliseForDetection } from './privacy-normalise';
import { findPhones } from './privacy-phone';

export { isPlausibleIdDate, isValidNationalId } from './privacy-national-id';
export { normaliseForDetection } from './privacy-normalise';

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

const FINDERS: readonly [PersonalDataKind, (text: string) => { start: number; end: number }[]][] = [
  ['NATIONAL_ID', findNationalIds],
  ['PHONE', findPhones],
  ['EMAIL', findEmails],
];

/**
 * All personal data in the text, sorted by start and non-overlapping. When findings overlap
 * (a phone number or national id inside an e-mail address), the one starting first wins,
 * then the longer one, so the whole address is reported as EMAIL.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  if (text.length === 0) return [];
  const normalised = normaliseForDetection(text);
  const candidates: PersonalDataMatch[] = [];
  for (const [kind, find] of FINDERS) {
    for (const { start, end } of find(normalised.text)) {
      candidates.push({ kind, start: normalised.starts[start] ?? 0, end: normalised.ends[end - 1] ?? text.length });
    }
  }

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
