import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32).optional(),
  SEED_DEMO: booleanish.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  TRUST_PROXY: booleanish.default(false),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  OIDC_LABEL: z.string().min(1).max(60).default('Entra ID'),
});

/** Sign-in with an OpenID Connect provider (e.g. Entra ID), beside local passwords. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Our callback; defaults to PUBLIC_URL + /auth/oidc/callback. */
  redirectUri: string;
  scopes: string;
  /** Shown on the button: "Logg inn med <label>". */
  label: string;
}

export interface Config {
  port: number;
  host: string;
  /** Base for join links and QR codes; when unset, derived from each request's Host. */
  publicUrl: string | null;
  databaseUrl: string | null;
  /**
   * Several processes behind a load balancer: socket.io's Redis adapter and the bus between
   * processes go through Redis. Needs DATABASE_URL (embedded PGlite is one process's database).
   */
  redisUrl?: string | null;
  dataDir: string;
  /** Signs Yjs tokens; generated and kept in the data directory when not configured. */
  sessionSecret: string;
  seedDemo: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  dev: boolean;
  /**
   * Whether X-Forwarded-For/-Host/-Proto come from our own reverse proxy. Off by default: a
   * client could otherwise choose its own address (rate limits) and host (origin checks).
   */
  trustProxy: boolean;
  /** Null when OIDC_ISSUER is unset: only the password form is shown. */
  oidc: OidcConfig | null;
  /**
   * Tests only: argon2 at its cheapest, so making accounts does not dominate a test run.
   * loadConfig never sets it (no environment variable can), so a deployed server always hashes
   * with the strong parameters.
   */
  cheapPasswordHashing?: boolean;
  /** Tests only (loadConfig never sets it): the archive's waits before each retry, instead of the real backoff. */
  archiveRetryDelaysMs?: readonly number[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once at start; a bad value stops the process with a clear message. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) throw new ConfigError('Invalid configuration: REDIS_URL is for several processes on one PostgreSQL database, so DATABASE_URL must be set too');
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    seedDemo: e.SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    dev: e.NODE_ENV === 'development',
    trustProxy: e.TRUST_PROXY,
    oidc: oidcConfig(e, publicUrl),
  };
}

function oidcConfig(e: z.infer<typeof envSchema>, publicUrl: string | null): OidcConfig | null {
  if (!e.OIDC_ISSUER) return null;
  const missing = [
    !e.OIDC_CLIENT_ID && 'OIDC_CLIENT_ID',
    !e.OIDC_CLIENT_SECRET && 'OIDC_CLIENT_SECRET',
    !e.OIDC_REDIRECT_URI && !publicUrl && 'OIDC_REDIRECT_URI or PUBLIC_URL',
  ].filter(Boolean);
  if (missing.length > 0) throw new ConfigError(`Invalid configuration: OIDC_ISSUER is set, so ${missing.join(', ')} must be too`);
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/oidc/callback`,
    scopes: e.OIDC_SCOPES.split(/\s+/).includes('openid') ? e.OIDC_SCOPES : `openid ${e.OIDC_SCOPES}`,
    label: e.OIDC_LABEL,
  };
}

/** With no configuration at all, a secret is made on first start and kept beside the data. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = z.object({ sessionSecret: z.string().min(32) }).safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (stored.success) return stored.data.sessionSecret;
  }
  mkdirSync(dataDir, { recursive: true });
  const sessionSecret = randomBytes(48).toString('base64url');
  writeFileSync(file, JSON.stringify({ sessionSecret }, null, 2), { mode: 0o600 });
  return sessionSecret;
}
