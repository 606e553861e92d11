import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPasswordHasher } from './password-hasher';

/** The cost parameters argon2 writes into a PHC string: `$argon2id$v=19$m=…,p=…,t=…$salt$hash`. */
const costOf = (hash: string) => Object.fromEntries(hash.split('$')[3]!.split(',').map((kv) => kv.split('=') as [string, string]));
const STRONG = { m: '65536', t: '3', p: '4' };
const CHEAP = { m: '1024', t: '1', p: '1' };

describe('password hashing', () => {
  it('hashes with argon2id at the library defaults (64 MiB, t=3, p=4) unless told otherwise', async () => {
    const hash = await createPasswordHasher().hash('et-godt-passord');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(costOf(hash)).toEqual(STRONG);
  });

  it('hashes cheaply only when asked, and either hash verifies with either hasher', async () => {
    const strong = createPasswordHasher(false);
    const cheap = createPasswordHasher(true);
    const cheapHash = await cheap.hash('et-godt-passord');
    expect(costOf(cheapHash)).toEqual(CHEAP);
    expect(await strong.verify(cheapHash, 'et-godt-passord')).toBe(true);
    expect(await cheap.verify(await strong.hash('et-godt-passord'), 'et-godt-passord')).toBe(true);
    expect(await cheap.verify(cheapHash, 'feil-passord')).toBe(false);
  });

  it('keeps a dummy hash of the same cost as real ones', async () => {
    expect(costOf(await createPasswordHasher().dummyHash())).toEqual(STRONG);
    expect(costOf(await createPasswordHasher(true).dummyHash())).toEqual(CHEAP);
  });

  it('cannot be made cheap through the environment', () => {
    const env = { SESSION_SECRET: 'x'.repeat(48), NODE_ENV: 'test', VERKSTED_TEST_CHEAP_HASH: 'true', CHEAP_PASSWORD_HASHING: 'true' };
    expect(loadConfig(env).cheapPasswordHashing).toBeUndefined();
  });
});
