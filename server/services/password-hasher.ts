import argon2 from 'argon2';

/** Hashes passwords for storage and checks a password against a stored hash. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** The parameters come from the stored hash, so hashes made with other costs still verify. */
  verify(hash: string, password: string): Promise<boolean>;
  /** A hash of no one's password, to verify against when there is no account (equal timing). */
  dummyHash(): Promise<string>;
}

// argon2id with the library's defaults (64 MiB, t=3, p=4): OWASP's recommended floor.
const STRONG = { type: argon2.argon2id } as const;
// Still argon2id, at the smallest cost argon2 accepts: ~1 ms instead of ~200 ms per account.
const CHEAP = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * `cheap` is for test runs only (Config.cheapPasswordHashing, which no environment variable
 * sets): every integration test makes accounts, and the strong cost dominated their runtime.
 */
export function createPasswordHasher(cheap = false): PasswordHasher {
  const options = cheap ? CHEAP : STRONG;
  const hash = (password: string) => argon2.hash(password, options);
  let dummy: Promise<string> | undefined;
  return {
    hash,
    verify: (stored, password) => argon2.verify(stored, password),
    dummyHash: () => (dummy ??= hash('verksted-timing-equaliser')),
  };
}
