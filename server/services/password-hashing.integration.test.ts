import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { loadConfig } from '../config';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { openServices } from '../../test/services';

/** The cost parameters of a PHC string (`$argon2id$v=19$m=…,p=…,t=…$salt$hash`), in any order. */
const costOf = (hash: string) => Object.fromEntries(hash.split('$')[3]!.split(',').map((kv) => kv.split('=') as [string, string]));

const account = { name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' };

describe.each(testDatabases())('the password cost the services use ($name)', (driver) => {
  async function storedHashWith(config: ReturnType<typeof testConfig>) {
    const { services, database, drop } = await openServices(driver, config);
    try {
      const created = await services.setupFirstAccount(account);
      if (!created.ok) throw new Error(created.error.code);
      const [row] = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, created.data.user.id));
      const signedIn = await services.auth.signIn({ email: account.email, password: account.password }, '10.0.0.1');
      expect(signedIn.ok).toBe(true);
      return row!.hash!;
    } finally {
      await drop();
    }
  }

  it('is argon2id at the strong defaults with the configuration a deployed server loads', async () => {
    const deployed = loadConfig({ SESSION_SECRET: 'x'.repeat(48), SEED_DEMO: 'false', LOG_LEVEL: 'silent' });
    const hash = await storedHashWith(deployed);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(costOf(hash)).toEqual({ m: '65536', t: '3', p: '4' });
  });

  it('is argon2id at the cheapest cost in the tests’ configuration', async () => {
    const hash = await storedHashWith(testConfig({ seedDemo: false }));
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(costOf(hash)).toEqual({ m: '1024', t: '1', p: '1' });
  });
});
