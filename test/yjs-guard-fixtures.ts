/**
 * What the Yjs guard's tests write: generated numbers (test/personal-numbers.ts) in the
 * spelling the old detector let through, and ordinary text that must pass.
 */
export { validNationalId } from './personal-numbers';

/** `DDMMYY-IIIKK`: the spelling the old detector let through. */
export const hyphenated = (id: string) => `${id.slice(0, 6)}-${id.slice(6)}`;

/** A Norwegian phone number, contiguous. */
export { validPhone as phoneNumber } from './personal-numbers';

/** Ordinary workshop text with numbers, none of them personal data. */
export const ordinaryTexts = [
  'Møtet 15.03.2024 kl. 10:30 tok 45 minutter',
  'Saken gjelder sak 2023/1234 og § 11-5 i folketrygdloven',
  'Budsjettet er kr 150 000, 12,5 % mer enn i 2023',
  'Vi hadde 3 samtaler i uke 12 og 14 oppfølginger i fjor',
];
