import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Result } from '@/lib/errors';
import { parseYjsDocName, yjsCloseCodes } from '@/lib/protocol';
import { docUsageKey, yjsLimits } from '@/lib/yjs/limits';
import type * as Y from 'yjs';
import { z } from 'zod';
import { busChannels, type Bus } from '../bus';
import type { Logger } from '../logger';
import type { YjsTokenSigner } from '../security/tokens';
import { SharedDoc } from './yjs-doc';
import type { YjsPersistence } from './yjs-persistence';

export const YJS_PATH_PREFIX = '/yjs/';

/** What a process announces when it stored an update (see `Bus`). */
const storedUpdate = z.object({ doc: z.string().max(512), id: z.number().int().positive() });

/** Access of a token's subject to a document now: `readOnly`, or a refusal. */
export type YjsJudge = (docName: string, subject: string) => Result<{ readOnly: boolean }>;

/** One connection from the moment its token is verified until it closes. */
interface Connection {
  docName: string;
  /** The live session the document belongs to, if any. */
  sessionId: string | null;
  /** The token's subject: `u:<userId>` or `p:<participantId>`. */
  subject: string;
  /**
   * The sign-in a token was issued under: for `u:` the auth session's key, for `p:` the
   * participant's device (`deviceKey`); null in tokens from before it was carried.
   */
  auth: string | null;
  /** Starts as the token says; only ever goes from false to true. */
  readOnly: boolean;
  /** Set once the document is loaded and the connection takes part in it. */
  doc: SharedDoc | null;
}

/** What an access change can pick connections by. */
export type YjsConnectionInfo = Pick<Connection, 'docName' | 'sessionId' | 'subject' | 'auth'>;

export interface YjsServer {
  /** Takes an HTTP upgrade for `/yjs/<doc name>?token=…`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Names of documents currently in memory (for tests and health). */
  openDocuments(): string[];
  /**
   * Rechecks every open connection to one live session's documents against `judge` (built from
   * a committed state): a connection that may no longer write becomes read-only (its updates
   * are refused with YJS_READ_ONLY from then on), one that may no longer read is closed with 4403. Never widens.
   */
  reauthorise(sessionId: string, judge: YjsJudge): void;
  /** Closes with 4403 every connection `which` picks (a moved participant's old device, a removed member's, a signed-out session's). */
  closeWhere(which: (conn: YjsConnectionInfo) => boolean, reason: string): void;
  /**
   * Takes what the `sources` documents hold into `target` as the server's own write (stored,
   * applied, relayed to the target's connections): each source whole or not at all, smallest
   * first, while the target stays within `yjsLimits.mergeBudgetBytes`. Idempotent: what the
   * target already has is not written again. Loads documents that are not open and lets them
   * go after. Resolves with the sources that did not fit.
   */
  mergeInto(target: string, sources: string[]): Promise<{ leftOut: string[] }>;
  /** Makes `change` to a document as the server's own write, within its budget (false: it did not fit). */
  change(target: string, change: (doc: Y.Doc) => void): Promise<boolean>;
  /**
   * Makes `change` (a removal: see yjs-redact.ts) as the server's own write, relays it to the
   * document's connections, and compacts at once, so no stored update keeps what it removed.
   * Never refused for space: taking text out must always be possible.
   */
  purge(target: string, change: (doc: Y.Doc) => void): Promise<void>;
  /** Flushes every document and closes every connection (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * The content plane: Yjs documents over y-websocket's protocol. A connection is admitted only
 * with a signed token for that very document; otherwise it is closed with 4401/4403, which
 * y-websocket treats as final (no reconnect storm) and surfaces as a `closed` event. The token
 * is a ticket, not a lease: access is checked again on connect and after every committed change
 * of the session (`reauthorise`), and only ever narrowed on an open connection.
 */
export function createYjsServer(deps: {
  persistence: YjsPersistence;
  tokens: YjsTokenSigner;
  log: Logger;
  /** Access checked again when a connection opens, so a token issued before a change cannot outlive it. */
  admit: (docName: string, subject: string, auth: string | null) => Promise<Result<{ readOnly: boolean }>>;
  /**
   * Every stored update is announced on it, and a document open here catches up with what
   * other processes stored, so clients on different processes see each other's edits live.
   */
  bus?: Bus;
}): YjsServer {
  const { persistence, tokens, log, admit, bus } = deps;
  // Frames up to maxFrameBytes are read and, past maxMessageBytes, refused with a reason (the
  // socket lives); larger ones are cut off by ws unread (close 1009), so memory stays bounded.
  const wss = new WebSocketServer({ noServer: true, maxPayload: yjsLimits.maxFrameBytes });
  // Holds the promise, not the doc, so two clients connecting at once share one load.
  const docs = new Map<string, Promise<SharedDoc>>();
  const connections = new Map<WebSocket, Connection>();
  // Set by close(): from then on nothing new reaches the database; close() flushes what is left.
  let closing = false;

  function restrict(ws: WebSocket, conn: Connection): void {
    conn.readOnly = true;
    conn.doc?.restrict(ws);
  }

  /**
   * Closes with 4403. The connection leaves its document at once (the close handshake may take
   * up to 30 s): nothing it sent, queued or not, is taken after access was withdrawn.
   */
  function revoke(ws: WebSocket, conn: Connection, reason: string): void {
    restrict(ws, conn);
    ws.removeAllListeners('message');
    conn.doc?.removeConnection(ws);
    ws.close(yjsCloseCodes.forbidden, reason);
  }

  function getDoc(name: string): Promise<SharedDoc> {
    let pending = docs.get(name);
    if (!pending) {
      const doc = new SharedDoc(name, persistence, log, (id) => bus?.publish(busChannels.yjs, { doc: name, id }));
      pending = doc.load().then(() => doc);
      // Never keep (or later store) a document whose load failed.
      pending.catch(() => docs.delete(name));
      docs.set(name, pending);
    }
    return pending;
  }

  bus?.subscribe(busChannels.yjs, (payload) => {
    const parsed = storedUpdate.safeParse(payload);
    const pending = parsed.success ? docs.get(parsed.data.doc) : undefined;
    if (!parsed.success || !pending || closing) return;
    void pending
      .then((doc) => doc.catchUp(parsed.data.id))
      .catch((err: unknown) => log.error({ err, doc: parsed.data.doc }, 'catching up with another process failed'));
  });

  const inUse = (doc: SharedDoc) => doc.connections.size > 0 || doc.holds > 0;

  async function release(doc: SharedDoc): Promise<void> {
    if (closing || inUse(doc)) return;
    await doc.flush().catch(() => undefined);
    // Someone may have connected while we flushed; then the document stays.
    if (inUse(doc) || (await docs.get(doc.name)) !== doc) return;
    docs.delete(doc.name);
    doc.destroy();
    log.debug({ doc: doc.name }, 'yjs document unloaded');
  }

  async function onConnection(ws: WebSocket, docName: string, token: string | null): Promise<void> {
    if (closing) return ws.close(1001, 'server shutting down');
    const claims = token ? tokens.verify(token) : null;
    if (!claims) return ws.close(yjsCloseCodes.unauthorized, 'unauthorized');
    if (claims.d !== docName) return ws.close(yjsCloseCodes.forbidden, 'forbidden');
    // Each connection costs a full sync and a send buffer: a subject gets a few per document.
    let open = 0;
    for (const [other, c] of connections) if (c.docName === docName && c.subject === claims.s && other.readyState === other.OPEN) open++;
    if (open >= yjsLimits.maxConnectionsPerSubjectDoc) return ws.close(yjsCloseCodes.flooding, 'too many connections');
    // Known from here on, so a change committed while we check and load already applies to it.
    const conn: Connection = { docName, sessionId: parseYjsDocName(docName)?.sessionId ?? null, subject: claims.s, auth: claims.a ?? null, readOnly: claims.ro, doc: null };
    connections.set(ws, conn);
    ws.on('close', () => connections.delete(ws));
    // Buffer messages that arrive while the document loads; order matters for sync.
    const early: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => {
      if (early.length >= yjsLimits.maxEarlyMessages) return ws.close(yjsCloseCodes.flooding, 'flooding');
      early.push(new Uint8Array(data));
    });
    let access: Result<{ readOnly: boolean }>;
    try {
      access = await admit(docName, claims.s, conn.auth);
    } catch (err) {
      log.error({ err, doc: docName }, 'yjs access check failed');
      return ws.close(yjsCloseCodes.loadFailed, 'access check failed');
    }
    if (!access.ok) return ws.close(access.error.code === 'NOT_FOUND' ? yjsCloseCodes.notFound : yjsCloseCodes.forbidden, 'forbidden');
    if (access.data.readOnly) conn.readOnly = true;
    let doc: SharedDoc;
    try {
      if (closing) return ws.close(1001, 'server shutting down');
      doc = await getDoc(docName);
    } catch (err) {
      log.error({ err, doc: docName }, 'yjs document failed to load');
      return ws.close(yjsCloseCodes.loadFailed, 'load failed');
    }
    if (ws.readyState !== ws.OPEN) return void release(doc);
    ws.removeAllListeners('message');
    conn.doc = doc;
    // A participant's notes on a board must carry their key for that board (facilitators' are not theirs to check).
    const authorKey = conn.subject.startsWith('p:') ? tokens.boardAuthorKey(conn.subject.slice(2), docName) : null;
    doc.addConnection(ws, { readOnly: conn.readOnly, subject: conn.subject, sessionId: conn.sessionId, authorKey });
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
    reauthorise(sessionId, judge) {
      for (const [ws, conn] of connections) {
        if (conn.sessionId !== sessionId || ws.readyState !== ws.OPEN) continue;
        let access: ReturnType<YjsJudge>;
        try {
          access = judge(conn.docName, conn.subject);
        } catch (err) {
          log.error({ err, doc: conn.docName }, 'yjs access recheck failed');
          revoke(ws, conn, 'access check failed');
          continue;
        }
        if (!access.ok) revoke(ws, conn, 'access withdrawn');
        else if (access.data.readOnly && !conn.readOnly) restrict(ws, conn);
      }
    },
    closeWhere(which, reason) {
      for (const [ws, conn] of connections) if (which(conn)) revoke(ws, conn, reason);
    },
    async mergeInto(target, sources) {
      const leftOut: string[] = [];
      if (sources.length === 0) return { leftOut };
      // Smallest first, by what each has stored: the most writers' work fits, and one huge
      // source cannot push out the others.
      const sized = await Promise.all(sources.map(async (name) => ({ name, bytes: await persistence.usage(docUsageKey(name)) })));
      sized.sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name));
      const into = await getDoc(target);
      into.holds++;
      try {
        for (const { name } of sized) {
          const source = await getDoc(name);
          source.holds++;
          try {
            if (!(await into.mergeIn(await source.state(), yjsLimits.mergeBudgetBytes))) leftOut.push(name);
          } finally {
            source.holds--;
            void release(source);
          }
        }
      } finally {
        into.holds--;
        void release(into);
      }
      return { leftOut };
    },
    async change(target, change) {
      const doc = await getDoc(target);
      doc.holds++;
      try {
        return await doc.change(change, yjsLimits.docBudgetBytes);
      } finally {
        doc.holds--;
        void release(doc);
      }
    },
    async purge(target, change) {
      const doc = await getDoc(target);
      doc.holds++;
      try {
        await doc.change(change, Number.MAX_SAFE_INTEGER);
        await doc.flush();
      } finally {
        doc.holds--;
        void release(doc);
      }
    },
    async close() {
      closing = true;
      // Updates that arrive after this would be written after the final flush: stop listening first.
      for (const client of wss.clients) {
        client.removeAllListeners('message');
        client.close(1001, 'server shutting down');
      }
      const loaded = await Promise.allSettled([...docs.values()]);
      await Promise.all(
        loaded.flatMap((r) => (r.status === 'fulfilled' ? [r.value.flush().catch((err: unknown) => log.error({ err }, 'flush failed'))] : [])),
      );
      docs.clear();
      wss.close();
    },
  };
}
