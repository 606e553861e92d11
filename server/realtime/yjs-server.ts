import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { yjsCloseCodes } from '@/lib/protocol';
import type { Logger } from '../logger';
import type { YjsTokenSigner } from '../security/tokens';
import { SharedDoc } from './yjs-doc';
import type { YjsPersistence } from './yjs-persistence';

export const YJS_PATH_PREFIX = '/yjs/';

export interface YjsServer {
  /** Takes an HTTP upgrade for `/yjs/<doc name>?token=…`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Names of documents currently in memory (for tests and health). */
  openDocuments(): string[];
  /** Flushes every document and closes every connection (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * The content plane: Yjs documents over y-websocket's protocol. A connection is admitted only
 * with a signed token for that very document; otherwise it is closed with 4401/4403, which
 * y-websocket treats as final (no reconnect storm) and surfaces as a `closed` event.
 */
export function createYjsServer(deps: { persistence: YjsPersistence; tokens: YjsTokenSigner; log: Logger }): YjsServer {
  const { persistence, tokens, log } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  // Holds the promise, not the doc, so two clients connecting at once share one load.
  const docs = new Map<string, Promise<SharedDoc>>();

  function getDoc(name: string): Promise<SharedDoc> {
    let pending = docs.get(name);
    if (!pending) {
      const doc = new SharedDoc(name, persistence, log);
      pending = doc.load().then(() => doc);
      // Never keep (or later store) a document whose load failed.
      pending.catch(() => docs.delete(name));
      docs.set(name, pending);
    }
    return pending;
  }

  async function release(doc: SharedDoc): Promise<void> {
    if (doc.connections.size > 0) return;
    await doc.flush().catch(() => undefined);
    // Someone may have connected while we flushed; then the document stays.
    if (doc.connections.size > 0 || (await docs.get(doc.name)) !== doc) return;
    docs.delete(doc.name);
    doc.destroy();
    log.debug({ doc: doc.name }, 'yjs document unloaded');
  }

  async function onConnection(ws: WebSocket, docName: string, token: string | null): Promise<void> {
    const claims = token ? tokens.verify(token) : null;
    if (!claims) return ws.close(yjsCloseCodes.unauthorized, 'unauthorized');
    if (claims.d !== docName) return ws.close(yjsCloseCodes.forbidden, 'forbidden');
    // Buffer messages that arrive while the document loads; order matters for sync.
    const early: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => early.push(new Uint8Array(data)));
    let doc: SharedDoc;
    try {
      doc = await getDoc(docName);
    } catch (err) {
      log.error({ err, doc: docName }, 'yjs document failed to load');
      return ws.close(yjsCloseCodes.loadFailed, 'load failed');
    }
    if (ws.readyState !== ws.OPEN) return void release(doc);
    ws.removeAllListeners('message');
    doc.addConnection(ws, claims.ro);
    ws.on('message', (data: Buffer) => doc.handleMessage(ws, new Uint8Array(data)));
    for (const message of early) doc.handleMessage(ws, message);
    ws.on('close', () => {
      doc.removeConnection(ws);
      void release(doc);
    });
    ws.on('error', (err) => log.debug({ err, doc: docName }, 'yjs socket error'));
    // Detect half-open connections (phones that lost Wi-Fi) so documents can unload.
    let alive = true;
    ws.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    ws.on('close', () => clearInterval(ping));
  }

  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let docName: string;
      try {
        docName = decodeURIComponent(url.pathname.slice(YJS_PATH_PREFIX.length));
      } catch {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        void onConnection(ws, docName, url.searchParams.get('token')).catch((err: unknown) => {
          log.error({ err }, 'yjs connection failed');
          ws.terminate();
        });
      });
    },
    openDocuments: () => [...docs.keys()],
    async close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      const loaded = await Promise.allSettled([...docs.values()]);
      await Promise.all(
        loaded.flatMap((r) => (r.status === 'fulfilled' ? [r.value.flush().catch((err: unknown) => log.error({ err }, 'flush failed'))] : [])),
      );
      docs.clear();
      wss.close();
    },
  };
}
