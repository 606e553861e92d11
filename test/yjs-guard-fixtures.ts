/**
 * Numbers for the Yjs guard's tests, generated (mod-11) rather than one hard-coded example.
 * A stand-in until helper "detect"'s test/personal-numbers.ts lands; then use that instead.
 */
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const c = 11 - (sum % 11);
  return c === 11 ? 0 : c === 10 ? null : c;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A valid fødselsnummer (11 digits, both control digits right) with a random birth date. */
export function validNationalId(random: () => number = Math.random): string {
  for (;;) {
    const day = 1 + Math.floor(random() * 28);
    const month = 1 + Math.floor(random() * 12);
    const year = Math.floor(random() * 100);
    const individual = String(Math.floor(random() * 1000)).padStart(3, '0');
    const digits = Array.from(`${pad(day)}${pad(month)}${pad(year)}${individual}`, Number);
    const k1 = control(digits, K1);
    if (k1 === null) continue;
    const k2 = control([...digits, k1], K2);
    if (k2 === null) continue;
    return [...digits, k1, k2].join('');
  }
}

/** `DDMMYY-IIIKK`: the spelling the old detector let through (needs the new detector). */
export const hyphenated = (id: string) => `${id.slice(0, 6)}-${id.slice(6)}`;

/** A Norwegian mobile number, contiguous. */
export const phoneNumber = (random: () => number = Math.random) => `4${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;

/** Ordinary workshop text with numbers, none of them personal data. */
export const ordinaryTexts = [
  'Møtet 15.03.2024 kl. 10:30 tok 45 minutter',
  'Saken gjelder sak 2023/1234 og § 11-5 i folketrygdloven',
  'Budsjettet er kr 150 000, 12,5 % mer enn i 2023',
  'Vi hadde 3 samtaler i uke 12 og 14 oppfølginger i fjor',
];
