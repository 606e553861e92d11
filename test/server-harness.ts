import { rmSync } from 'node:fs';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { createVerkstedServer, type VerkstedServer } from '@/server/app';
import type { Config } from '@/server/config';
import type { Logger } from '@/server/logger';
import { testConfig } from './config';
import { consentVersionFor } from './consent';
import { createScratchDatabase, dropScratchDatabase } from './databases';
import { scratchDir } from './scratch-dir';
import { clonePgliteTemplate } from './templates';
import { AUTH_COOKIE } from '@/lib/cookies';
import { authKeyOf } from '@/server/services/auth-service';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type HarnessDriver = 'pglite' | 'postgres';

/** The databases a server test can run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const harnessDrivers = (): HarnessDriver[] => (process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']);

export interface HarnessOptions {
  /**
   * One server for all tests of a file (see sharedServerHarness): each `facilitator()` without
   * an address then gets an account of its own, as the first account is taken by the first test.
   */
  shared?: boolean;
}

/**
 * A real Verksted server (without the Next.js pages) on a random loopback port. On PGlite its
 * data lives in a temporary directory, on PostgreSQL in a scratch database; either survives
 * restarts until `cleanup`.
 */
export function serverHarness(overrides: Partial<Config> = {}, log?: Logger, driver: HarnessDriver = 'pglite', options: HarnessOptions = {}) {
  const dataDir = scratchDir('verksted-it-');
  const sockets: TestSocket[] = [];
  const providers: WebsocketProvider[] = [];
  let server: VerkstedServer | null = null;
  let scratch: URL | null = null;
  let facilitators = 0;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (driver === 'postgres' && !adminUrl) throw new Error('the postgres driver needs TEST_DATABASE_URL');

  const config = (port: number): Config =>
    testConfig({
      port,
      dataDir,
      seedDemo: false,
      logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel'] | undefined) ?? 'silent',
      ...(scratch ? { databaseUrl: scratch.href } : {}),
      ...overrides,
    });

  return {
    get server(): VerkstedServer {
      if (!server) throw new Error('server not started');
      return server;
    },
    get origin() {
      return `http://127.0.0.1:${this.server.port}`;
    },
    async start(port = 0) {
      if (driver === 'postgres' && !scratch) scratch = await createScratchDatabase(adminUrl!);
      const settings = config(port);
      // First start: the run's migrated template instead of initdb and migrations (later starts keep the files).
      if (!settings.databaseUrl) clonePgliteTemplate(path.join(settings.dataDir, 'pglite'));
      server = await createVerkstedServer({ config: settings, withNext: false, ...(log ? { log } : {}) });
      return server;
    },
    /** Stops the server the way SIGTERM does: flush, close sockets, close the database. */
    async stop() {
      await server?.close();
      server = null;
    },
    /**
     * A signed-in facilitator, with a cookie header for HTTP and sockets: the first account, or
     * an invited one. On a shared harness each call without `email` is a new account.
     */
    async facilitator(email = options.shared ? facilitatorAddress(facilitators++) : 'ingrid@nav.example') {
      const services = this.server.services;
      const created = (await services.auth.needsSetup())
        ? await services.setupFirstAccount({ name: 'Ingrid', email, password: 'et-godt-passord' })
        : await services.auth.registerWithInvitation(
            (await services.auth.createInvitation((await firstUserId(services))!, null)).token,
            { name: email, email, password: 'et-godt-passord' },
          );
      if (!created.ok) throw new Error(created.error.code);
      // authKey: what a Yjs token for this user carries (`a`), to forge one in a test.
      return { user: created.data.user, cookie: `${AUTH_COOKIE}=${created.data.token}`, authKey: authKeyOf(created.data.token) };
    },
    /**
     * Joins over HTTP like the participant page does; returns the cookie it set. Accepts the
     * project's current consent text as a participant ticking the box would, unless `consent`
     * names another version (or null: not ticked).
     */
    async joinHttp(code: string, displayName: string | null, cookie = '', consent: 'current' | number | null = 'current') {
      const consentVersion = consent === 'current' ? await consentVersionFor(this.server.services, code) : consent;
      const res = await fetch(`${this.origin}/api/sessions/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: this.origin, cookie },
        body: JSON.stringify({ code, displayName, consentVersion }),
      });
      const body = (await res.json()) as Ack<{ participantId: string; sessionId: string }>;
      const setCookie = res.headers.get('set-cookie');
      return { status: res.status, body, cookie: setCookie ? setCookie.split(';')[0]! : cookie };
    },
    /** A socket.io client as a browser would open it, with cookies and our Origin. */
    socket(cookie = '', origin?: string, headers: Record<string, string> = {}): TestSocket {
      const socket: TestSocket = connect(this.origin, {
        path: '/socket.io',
        transports: ['websocket'],
        extraHeaders: { ...headers, cookie, origin: origin ?? this.origin },
        reconnectionDelay: 100,
        reconnectionDelayMax: 300,
      });
      sockets.push(socket);
      return socket;
    },
    /** A y-websocket provider as the browser uses it, destroyed at cleanup. */
    provider(docName: string, doc: Y.Doc, token: string | null): WebsocketProvider {
      const provider = new WebsocketProvider(`ws://127.0.0.1:${this.server.port}/yjs`, docName, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: token ? { token } : {},
        disableBc: true,
      });
      providers.push(provider);
      return provider;
    },
    /**
     * Closes every socket and provider opened so far, keeping the server: what a shared
     * harness does after each test, so one test's connections never reach into the next.
     */
    closeClients() {
      for (const p of providers.splice(0)) p.destroy();
      for (const s of sockets.splice(0)) s.disconnect();
    },
    async cleanup() {
      this.closeClients();
      await this.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (scratch) await dropScratchDatabase(adminUrl!, scratch);
      scratch = null;
    },
  };
}

/**
 * One server for a whole file: start it in beforeAll, call `closeClients()` in afterEach and
 * `cleanup()` in afterAll. For tests that each make their own project and session and look
 * only at those; a test that needs an empty server (counts, the first account, restarts,
 * rate limits per address) keeps its own serverHarness.
 */
export const sharedServerHarness = (overrides: Partial<Config> = {}, log?: Logger, driver: HarnessDriver = 'pglite') =>
  serverHarness(overrides, log, driver, { shared: true });

const facilitatorAddress = (n: number) => (n === 0 ? 'ingrid@nav.example' : `ingrid.${n + 1}@nav.example`);

async function firstUserId(services: VerkstedServer['services']): Promise<string | undefined> {
  const { users } = await import('@/db/schema');
  const [row] = await services.database.db.select({ id: users.id }).from(users).limit(1);
  return row?.id;
}

export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

type EmitWithAck = { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> } };

/**
 * Sends any event (valid or not, which the typed client would refuse) and waits for the ack:
 * up to 15 s, as a loaded machine running two integration files at once once took more than 5.
 */
export const emit = <T>(socket: TestSocket, event: string, payload: unknown): Promise<T> =>
  (socket as unknown as EmitWithAck).timeout(15_000).emitWithAck(event, payload) as Promise<T>;

/** `emit` for an event answered with the protocol's `Ack<T>`. */
export const emitAck = <T = unknown>(socket: TestSocket, event: string, payload: unknown) => emit<Ack<T>>(socket, event, payload);
