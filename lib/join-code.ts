/**
 * Join codes are read off a projector and typed on phones, so the alphabet leaves out
 * characters that look alike (0/O, 1/I/L) and the code is read in groups of three.
 *
 * Why nine characters: the code is the only secret between the internet and a room, so it
 * must not be found by guessing while a session is open. A guess costs one failed lookup,
 * and failed lookups are limited per address (`CODE_MISS_BUDGET`, stored in the database so
 * every server process counts together; an IPv6 /64 counts as one address). Under the threat
 * model in `GUESSING_THREAT` — 1,000 attacking addresses guessing for a 12-hour session
 * while 1,000 sessions are open — that allows 1,000 × 180/h × 12 h ≈ 2.2 million guesses
 * against 31^9 ≈ 2.6 × 10^13 codes:
 *   - finding one given session: ≈ 8 × 10^-8,
 *   - finding any of the 1,000 open sessions: ≈ 8 × 10^-5.
 * Six characters (31^6 ≈ 8.9 × 10^8) would give 2 × 10^-3 for one session and near
 * certainty for some session; `guessingOdds` is the computation, join-code.test.ts checks it.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 9;
const GROUP = 3;

/** Failed code lookups (unknown or ended code) one address may make per window. */
export const CODE_MISS_BUDGET = { points: 30, durationSeconds: 10 * 60 } as const;

/** The attacker the code length and `CODE_MISS_BUDGET` are chosen against. */
export const GUESSING_THREAT = { addresses: 1_000, sessionLifetimeSeconds: 12 * 3600, openSessions: 1_000 } as const;

export interface GuessingModel {
  codeSpace: number;
  attemptsPerWindow: number;
  windowSeconds: number;
  addresses: number;
  sessionLifetimeSeconds: number;
  openSessions: number;
}

/**
 * Upper bounds (union bound) on an attacker's chance of finding a given open session and any
 * open session by guessing codes for a session's whole lifetime at the allowed rate.
 */
export function guessingOdds(m: GuessingModel): { guesses: number; oneSession: number; anySession: number } {
  const windows = Math.ceil(m.sessionLifetimeSeconds / m.windowSeconds);
  const guesses = m.attemptsPerWindow * windows * m.addresses;
  const oneSession = Math.min(1, guesses / m.codeSpace);
  return { guesses, oneSession, anySession: Math.min(1, oneSession * m.openSessions) };
}

export const JOIN_CODE_SPACE = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;

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

/** Accepts what people type: lower case, spaces and dashes ("abc 234 xyz", "ABC-234-XYZ"). */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return codePattern.test(code) ? code : null;
}

/** "ABC234XYZ" → "ABC 234 XYZ", easier to read aloud and off a screen. */
export function formatJoinCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join(' ');
}
