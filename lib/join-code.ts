/**
 * Join codes are read off a projector and typed on phones, so the alphabet leaves out
 * characters that look alike (0/O, 1/I/L) and the code is short: 6 characters of 31 give
 * ~887 million codes, plenty for the sessions open at one time.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Makes a code from random bytes; rejection sampling keeps every character equally likely. */
export function joinCodeFromRandom(randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % JOIN_CODE_ALPHABET.length);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < JOIN_CODE_LENGTH) code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
    }
  }
  return code;
}

/** Accepts what people type: lower case, spaces and dashes ("abc 234", "ABC-234"). */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return codePattern.test(code) ? code : null;
}

/** "ABC234" → "ABC 234", easier to read aloud and off a screen. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
