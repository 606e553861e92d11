import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'verksted-config-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('runs with no configuration at all: defaults, and a secret generated once and kept', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first).toMatchObject({ port: 3000, host: '0.0.0.0', publicUrl: null, databaseUrl: null, seedDemo: true, dev: false });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ sessionSecret: first.sessionSecret });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://verksted.example.no/',
      DATABASE_URL: 'postgres://u:p@db:5432/verksted',
      DATA_DIR: dataDir(),
      SESSION_SECRET: 'k'.repeat(40),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'https://verksted.example.no',
      databaseUrl: 'postgres://u:p@db:5432/verksted',
      sessionSecret: 'k'.repeat(40),
      seedDemo: false,
      logLevel: 'warn',
      dev: true,
    });
  });

  it('treats empty variables as unset and explains bad ones', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: '', DATABASE_URL: '' })).toMatchObject({ publicUrl: null, databaseUrl: null });
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), SEED_DEMO: 'maybe' })).toThrow(/SEED_DEMO/);
  });

  it('joins processes through Redis only on a shared PostgreSQL database', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).redisUrl).toBeNull();
    const pg = 'postgres://u:p@db:5432/verksted';
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'redis://cache:6379' }).redisUrl).toBe('redis://cache:6379');
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'rediss://u:p@cache:6380/2' }).redisUrl).toBe('rediss://u:p@cache:6380/2');
    expect(() => loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/);
    // Embedded PGlite belongs to one process; Redis would join processes that share nothing.
    expect(() => loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'redis://cache:6379' })).toThrow(/DATABASE_URL/);
  });

  it('trusts forwarded headers only when TRUST_PROXY says so', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'sometimes' })).toThrow(/TRUST_PROXY/);
  });

  it('configures OpenID Connect only when an issuer is set, and then insists on the rest', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).oidc).toBeNull();
    const oidc = { OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'verksted', OIDC_CLIENT_SECRET: 's3cret' };
    expect(loadConfig({ DATA_DIR: dataDir(), PUBLIC_URL: 'https://verksted.example.no/', ...oidc }).oidc).toEqual({
      issuer: 'https://login.example/tenant/v2.0',
      clientId: 'verksted',
      clientSecret: 's3cret',
      redirectUri: 'https://verksted.example.no/auth/oidc/callback',
      scopes: 'openid profile email',
      label: 'Entra ID',
    });
    expect(loadConfig({ DATA_DIR: dataDir(), ...oidc, OIDC_REDIRECT_URI: 'https://v.example/cb', OIDC_SCOPES: 'email', OIDC_LABEL: 'NAV' }).oidc).toMatchObject({
      redirectUri: 'https://v.example/cb',
      scopes: 'openid email',
      label: 'NAV',
    });
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...oidc })).toThrow(/OIDC_REDIRECT_URI or PUBLIC_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), OIDC_ISSUER: oidc.OIDC_ISSUER, PUBLIC_URL: 'https://v.example' })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET/);
  });
});
