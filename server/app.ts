import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@/db/client';
import { CLIENT_IP_HEADER } from '@/lib/cookies';
import type { Config } from './config';
import { createOidcFlow } from './auth/oidc-flow';
import { handleApi } from './http/api';
import { handleOidc } from './http/oidc-routes';
import { sendJson } from './http/body';
import { openBus } from './bus';
import { createRedisBus, openRedis } from './redis';
import { createLogger, type Logger } from './logger';
import { authoriseSubject } from './realtime/doc-access';
import { createYjsServer, YJS_PATH_PREFIX, type YjsServer } from './realtime/yjs-server';
import { createSilentRelease } from './realtime/silent-release';
import { createSocketServer, type VerkstedIo } from './realtime/socket-server';
import { registerServices } from './registry';
import { FORWARDED_HEADERS, isHttpsRequest, requestSource } from './security/forwarded';
import { newNonce, securityHeaders } from './security/headers';
import { isSameOrigin } from './security/origin';
import { isDecodablePath } from './http/request-path';
import { createServices, type Services } from './services';
import { scheduleRetention } from './services/retention-service';
import { scheduleLimitSweep } from './services/limits-service';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_VERSION: string = (JSON.parse(readFileSync(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { version: string }).version;


export interface VerkstedServer {
  services: Services;
  io: VerkstedIo;
  yjs: YjsServer;
  log: Logger;
  /** The address actually bound (port 0 picks a free one). */
  url: string;
  port: number;
  /** Stops archiving, flushes Yjs documents, closes sockets and the database. Safe to call twice. */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  config: Config;
  /** Serve the Next.js pages (off in socket/Yjs integration tests, which need no build). */
  withNext: boolean;
  /** Override where PGlite keeps its files; `null` = in memory. Defaults to DATA_DIR/pglite. */
  pgliteDir?: string | null;
  /** A logger to use instead of one made from config.logLevel (tests read what was logged). */
  log?: Logger;
}

/** One process: Next.js pages, socket.io control plane and Yjs content plane on one port. */
export async function createVerkstedServer(options: CreateServerOptions): Promise<VerkstedServer> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl ?? undefined,
    pgliteDir: options.pgliteDir === undefined ? path.join(config.dataDir, 'pglite') : options.pgliteDir,
  });
  const redis = config.redisUrl ? await openRedis(config.redisUrl, log) : null;
  const bus = redis ? await createRedisBus(redis, log) : await openBus(database, config.databaseUrl ?? null, log);
  const services = createServices(database, config, log, bus);
  registerServices(services);

  const oidc = config.oidc ? createOidcFlow(config.oidc, config.sessionSecret, log) : null;

  const httpServer = http.createServer();
  let nextHandler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  let nextUpgrade: ((req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => Promise<void>) | null = null;
  if (options.withNext) {
    const { default: next } = await import('next');
    const app = next({ dev: config.dev, dir: ROOT_DIR, hostname: config.host, port: config.port, httpServer });
    await app.prepare();
    nextHandler = app.getRequestHandler();
    if (config.dev) nextUpgrade = app.getUpgradeHandler();
  }

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const source = requestSource(req.headers, req.socket.remoteAddress, config.trustProxy);
    const headers = securityHeaders({ nonce: newNonce(), dev: config.dev, https: isHttpsRequest(source, config.publicUrl) });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // Next.js takes its script nonce from the request's CSP, as a proxy.ts would set it.
    req.headers['content-security-policy'] = headers['content-security-policy'];
    // Headers a client may forge are dropped unless our own proxy set them, so nothing
    // downstream (Next's server-action origin check, publicBaseUrl) can be fooled by them.
    if (!config.trustProxy) for (const name of FORWARDED_HEADERS) delete req.headers[name];
    req.headers[CLIENT_IP_HEADER] = source.clientIp;
    if (!isDecodablePath(req.url)) {
      sendJson(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'malformed URL' } });
      return;
    }
    const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS';
    if (!safe && !isSameOrigin(req.headers, config, true)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'cross-origin request refused' } });
      return;
    }
    handleApi(req, res, services, APP_VERSION)
      .then(async (handled) => handled || (await handleOidc(req, res, services, oidc)))
      .then((handled) => {
        if (handled) return;
        if (nextHandler) return nextHandler(req, res);
        sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'not found' } });
      })
      .catch((err: unknown) => {
        log.error({ err, url: req.url }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      });
  });

  const yjs = createYjsServer({
    persistence: services.yjsPersistence,
    tokens: services.yjsTokens,
    log,
    admit: (docName, subject, authKey) => authoriseSubject(services, docName, subject, authKey),
    bus,
  });
  const silent = createSilentRelease({ live: services.live, persistence: services.yjsPersistence, yjs, log });
  // Registered before the control plane's listener; drafts are merged only after it narrowed access.
  // Only the process that committed releases the drafts (the merge is its write).
  services.live.onChange((snapshot, elsewhere) => !elsewhere && silent.observe(snapshot));
  services.redaction.useContent(yjs.purge);
  const io = createSocketServer(httpServer, services, log, { reauthorise: yjs.reauthorise, closeWhere: yjs.closeWhere, purge: yjs.purge, settled: silent.settled }, redis);

  httpServer.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const pathname = (req.url ?? '').split('?')[0] ?? '';
    if (!isDecodablePath(req.url)) return void socket.destroy();
    if (pathname.startsWith('/socket.io')) return; // engine.io's own listener takes it
    if (pathname.startsWith(YJS_PATH_PREFIX)) return yjs.handleUpgrade(req, socket, head);
    if (nextUpgrade) return void nextUpgrade(req, socket, head);
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  await silent.start();
  // Archives a stop or crash cut short are done again now, in the background (close waits).
  void services.archive.resumePending();
  // At start and daily; with several processes the run's advisory lock lets one do it.
  const retention = scheduleRetention(services.retention, log);
  const limitSweep = scheduleLimitSweep(services.limits, log);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | null = null;
  return {
    services,
    io,
    yjs,
    log,
    port,
    url: `http://${shownHost}:${port}`,
    close() {
      // Order matters: nothing may touch the database after it closes. Stop taking new
      // connections, flush and close Yjs, disconnect sockets (whose handlers schedule presence
      // broadcasts), let the database go quiet (in-flight handlers, audit writes, those
      // broadcasts), and only then drop idle HTTP connections and close the database.
      closing ??= (async () => {
        httpServer.close();
        // Archiving stops at once (a retry in backoff is dropped, its session stays marked for
        // the next start); an attempt already running is waited for before the database goes.
        const archiving = services.archive.close();
        const retaining = retention.close();
        const sweeping = limitSweep.close();
        await silent.close();
        await yjs.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await archiving;
        await retaining;
        await sweeping;
        await bus.close();
        await redis?.close();
        await services.analysis.close();
        await database.close();
        httpServer.closeAllConnections();
        registerServices(undefined);
      })();
      return closing;
    },
  };
}
