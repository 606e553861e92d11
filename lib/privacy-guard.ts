/**
 * Catches personal data before free text is stored: Norwegian fødselsnummer and D-nummer
 * (11 digits passing both mod-11 control digits), Norwegian phone numbers and e-mail
 * addresses. Callers refuse the text and keep it in the field; nothing is saved.
 */
export type PersonalDataKind = 'NATIONAL_ID' | 'PHONE' | 'EMAIL';
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
}
export const PERSONAL_DATA_ERROR = 'PERSONAL_DATA' as const;

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const rest = 11 - (sum % 11);
  if (rest === 11) return 0;
  return rest === 10 ? null : rest;
}

/** Both control digits, and a plausible date (D-nummer: day + 40; test numbers: month + 40/80). */
export function isValidNationalId(id: string): boolean {
  if (!/^\d{11}$/.test(id)) return false;
  const d = [...id].map(Number);
  if (control(d, K1) !== d[9] || control(d, K2) !== d[10]) return false;
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

// Digit runs are found whole (never part of a longer run), with single spaces allowed inside.
const NATIONAL_ID = /(?<![\d])(\d{6})[ \u00a0]?(\d{5})(?![\d])/g;
const PHONE = /(?<![\d+])(?:(?:\+|00)47[ \u00a0]?|\(\+47\)[ \u00a0]?)?([2-9]\d{7}|[2-9]\d{2} \d{2} \d{3}|[2-9]\d \d{2} \d{2} \d{2}|[2-9]\d{3} \d{4})(?![\d])(?! ?\d)/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  for (const m of text.matchAll(NATIONAL_ID)) {
    if (isValidNationalId(m[1]! + m[2]!)) found.push({ kind: 'NATIONAL_ID', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    // A digit group glued to the left by a space ("12 41234567") is part of something else.
    if (/\d $/.test(text.slice(Math.max(0, start - 2), start))) continue;
    if (!found.some((f) => f.start < end && start < f.end)) found.push({ kind: 'PHONE', start, end });
  }
  for (const m of text.matchAll(EMAIL)) found.push({ kind: 'EMAIL', start: m.index, end: m.index + m[0].length });
  found.sort((a, b) => a.start - b.start);
  return found.filter((f, i) => i === 0 || f.start >= found[i - 1]!.end);
}

export const containsPersonalData = (text: string): boolean => findPersonalData(text).length > 0;

const ORDER: PersonalDataKind[] = ['NATIONAL_ID', 'PHONE', 'EMAIL'];

/** The kinds of personal data in a text, each once; [] when the text is clean. */
export function personalDataKinds(text: string): PersonalDataKind[] {
  const kinds = new Set(findPersonalData(text).map((f) => f.kind));
  return ORDER.filter((k) => kinds.has(k));
}
