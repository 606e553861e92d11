import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { yjsCloseCodes } from '@/lib/protocol';
import { subjectBudgetOf, subjectUsageKey, yjsLimits, type YjsRefusalCode } from '@/lib/yjs/limits';
import { createTokenBucket, type TokenBucket } from '@/lib/yjs/token-bucket';
import type { Logger } from '../logger';
import { carriesUpdate, isEmptyUpdate, MESSAGE_AWARENESS, MESSAGE_SYNC, refusalMessage } from './yjs-messages';
import type { YjsPersistence } from './yjs-persistence';
import { awarenessHoldsPersonalData, YjsTextGuard } from './yjs-text-guard';


/** Origin of updates another process stored, applied here only to relay them. */
const RELAY = Symbol('relay');

/** Compact after this many appended updates or bytes, so loading stays one snapshot plus a short tail. */
const COMPACT_AFTER = 200;
const COMPACT_AFTER_BYTES = 256 * 1024;

/** Who a connection is, as its token says. */
export interface ConnectionIdentity {
  readOnly: boolean;
  /** `u:<userId>` or `p:<participantId>`: who pays for what it writes. */
  subject: string;
  /** The live session whose budget the subject's writes count against. */
  sessionId: string | null;
  /**
   * On a board or draft, the author key every note this connection adds must carry (the
   * participant's `boardAuthorKey`); null where notes are not checked (facilitators, other documents).
   */
  authorKey: string | null;
}

interface ConnectionInfo extends ConnectionIdentity {
  /** Awareness client ids this connection controls, removed when it leaves. */
  awarenessIds: Set<number>;
  bucket: TokenBucket;
  /** Sync step 1 requests answered; each answer may be the whole document. */
  syncRequests: TokenBucket;
  /** Messages dropped for the rate since the connection opened; too many closes it. */
  dropped: number;
  /**
   * Set once an update of this connection was refused: its document now holds what the server
   * does not, and later updates may build on the refused one, so none is taken until the client
   * connects again with a fresh document (it was told why).
   */
  diverged: boolean;
}

/**
 * One Yjs document held in memory while clients are connected. All writes go through a serial
 * queue: an update is counted and appended to the database, then applied and relayed, so
 * nothing a client sees was not durable first, and the order in the database is the order
 * clients saw. An update over a limit, or one that writes personal data (`YjsTextGuard`), is
 * neither stored, applied nor relayed; its writer is sent a refusal (`yjsMessageTypes.refused`)
 * with the reason.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, ConnectionInfo>();
  /** Server-side users (a merge) that keep the document loaded without a connection. */
  holds = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Highest stored update id read back from the database (every lower one was read or folded in). */
  private seenUpTo = 0;
  private pendingUpdates = 0;
  private pendingBytes = 0;
  private readonly guard = new YjsTextGuard(this.doc);

  constructor(
    readonly name: string,
    private readonly persistence: YjsPersistence,
    private readonly log: Logger,
    /** Called with the id of every update this document stored, so other processes can catch up. */
    private readonly onStored: (id: number) => void = () => undefined,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  async load(): Promise<void> {
    const loaded = await this.persistence.fetch(this.name);
    if (loaded.state) Y.applyUpdate(this.doc, loaded.state, this);
    this.seenUpTo = loaded.lastUpdateId;
    this.pendingUpdates = loaded.pendingUpdates;
  }

  /**
   * Another process stored update `id` of this document: reads what is stored since this one
   * last looked and applies it as a relay (sent to this process's connections, not stored
   * again). Ids come from one sequence but commit in any order, so an id at or below what was
   * seen is read again from just before it; applying an update twice changes nothing.
   */
  catchUp(id: number): Promise<void> {
    return this.enqueue(async () => {
      const loaded = await this.persistence.since(this.name, Math.min(this.seenUpTo, id - 1));
      this.seenUpTo = Math.max(this.seenUpTo, loaded.lastUpdateId);
      if (!loaded.state) return;
      Y.applyUpdate(this.doc, loaded.state, RELAY);
      this.guard.follow(loaded.state);
    });
  }

  addConnection(ws: WebSocket, who: ConnectionIdentity): void {
    const now = Date.now();
    const bucket = createTokenBucket(yjsLimits.rateBurst, yjsLimits.ratePerSecond, now);
    const syncRequests = createTokenBucket(yjsLimits.syncRequestBurst, yjsLimits.syncRequestsPerSecond, now);
    this.connections.set(ws, { ...who, awarenessIds: new Set(), bucket, syncRequests, dropped: 0, diverged: false });
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(sync, this.doc);
    this.send(ws, encoding.toUint8Array(sync));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(message, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()]));
      this.send(ws, encoding.toUint8Array(message));
    }
  }

  /** Handles one client message; a malformed one is logged and dropped, the connection lives. */
  handleMessage(ws: WebSocket, data: Uint8Array): void {
    const info = this.connections.get(ws);
    if (!info) return;
    if (!info.bucket.take(Date.now())) {
      info.dropped++;
      if (info.dropped >= yjsLimits.floodCloseAfter) {
        info.readOnly = true;
        ws.close(yjsCloseCodes.flooding, 'flooding');
        return;
      }
      if (carriesUpdate(data)) this.refuse(ws, info, 'YJS_RATE_LIMITED');
      return;
    }
    if (data.length > yjsLimits.maxMessageBytes) {
      if (carriesUpdate(data)) this.refuse(ws, info, 'YJS_TOO_LARGE');
      return;
    }
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.handleSync(ws, info, decoder);
      else if (type === MESSAGE_AWARENESS) {
        // Awareness is relayed to everyone at once: a large one would be multiplied, so it is dropped.
        if (data.length > yjsLimits.maxAwarenessBytes) return;
        const update = decoding.readVarUint8Array(decoder);
        // Not stored, but relayed to everyone: personal data in it is dropped, like a refused update.
        if (awarenessHoldsPersonalData(update)) return;
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, ws);
      }
    } catch (err) {
      this.log.warn({ err, doc: this.name }, 'dropped malformed yjs message');
    }
  }

  private handleSync(ws: WebSocket, info: ConnectionInfo, decoder: decoding.Decoder): void {
    const subType = decoding.readVarUint(decoder);
    if (subType === syncProtocol.messageYjsSyncStep1) {
      // An honest client asks once per connection; a repeat past the burst is not answered.
      if (!info.syncRequests.take(Date.now())) return;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      syncProtocol.readSyncStep1(decoder, reply, this.doc);
      this.send(ws, encoding.toUint8Array(reply));
      return;
    }
    if (subType !== syncProtocol.messageYjsSyncStep2 && subType !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    // Parse before anything else: bytes Yjs cannot decode must not poison the stored log.
    if (info.diverged || isEmptyUpdate(update)) return;
    // Every writable document belongs to a session, whose budget the writer spends.
    const sessionId = info.sessionId;
    if (info.readOnly || !sessionId) return this.refuse(ws, info, 'YJS_READ_ONLY');
    this.enqueue(async () => {
      // While this one waited, an earlier update may have been refused, or access withdrawn
      // (restrict() and removeConnection() take effect for updates already queued, too).
      if (info.diverged || !this.connections.has(ws)) return;
      if (info.readOnly) return this.refuse(ws, info, 'YJS_READ_ONLY');
      const quota = {
        subjectKey: subjectUsageKey(sessionId, info.subject),
        subjectBudget: subjectBudgetOf(info.subject),
        docBudget: yjsLimits.docBudgetBytes,
        // The append may wait for the database; access withdrawn meanwhile still counts.
        stillAllowed: () => !info.readOnly && this.connections.has(ws),
      };
      const judged = this.guard.check(update, info.authorKey);
      if (judged) return this.refuse(ws, info, judged);
      const appended = await this.appendChecked(update, quota);
      if (!appended.ok) return this.refuse(ws, info, appended.code);
      this.took(appended.id, update.length);
      Y.applyUpdate(this.doc, update, ws);
      await this.maybeCompact();
    });
  }

  /**
   * Takes what `update` adds to this document as the server's own write (a draft released into
   * a board): counted against the document but no subject, stored, applied and relayed, all of
   * it or (past `docBudget`) none. Resolves false when it did not fit; true when taken or when
   * the document already held it all.
   */
  mergeIn(update: Uint8Array, docBudget: number): Promise<boolean> {
    return this.enqueue(() => this.takeOwn(Y.diffUpdate(update, Y.encodeStateVector(this.doc)), docBudget));
  }

  /**
   * Makes `change` on a copy of this document and takes what it added as the server's own
   * write, within `docBudget` (false: it did not fit, nothing changed).
   */
  change(change: (doc: Y.Doc) => void, docBudget: number): Promise<boolean> {
    return this.enqueue(() => {
      const copy = new Y.Doc({ gc: true });
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
      const before = Y.encodeStateVector(copy);
      change(copy);
      const delta = Y.encodeStateAsUpdate(copy, before);
      copy.destroy();
      return this.takeOwn(delta, docBudget);
    });
  }

  /**
   * The server's own writes come from documents already guarded, but a draft written before
   * the guard existed may hold a number: it is not taken (the merge counts it as left out).
   */
  private async takeOwn(delta: Uint8Array, docBudget: number): Promise<boolean> {
    if (isEmptyUpdate(delta)) return true;
    const judged = this.guard.check(delta, null);
    if (judged) {
      this.log.warn({ doc: this.name, code: judged }, 'server write refused');
      return false;
    }
    const appended = await this.appendChecked(delta, { docBudget });
    if (!appended.ok) return false;
    this.took(appended.id, delta.length);
    Y.applyUpdate(this.doc, delta, 'server');
    await this.maybeCompact();
    return true;
  }

  /** Appends an update the guard passed; if it is not stored, the guard's shadow is dropped. */
  private async appendChecked(update: Uint8Array, quota: Parameters<YjsPersistence['append']>[2]) {
    try {
      const appended = await this.persistence.append(this.name, update, quota);
      if (!appended.ok) this.guard.discard();
      return appended;
    } catch (err) {
      this.guard.discard();
      throw err;
    }
  }

  /** Everything this document holds, once the writes queued before have been taken. */
  async state(): Promise<Uint8Array> {
    let state: Uint8Array = new Uint8Array();
    await this.enqueue(async () => {
      state = Y.encodeStateAsUpdate(this.doc);
    });
    return state;
  }

  /** From now on, updates from this connection are refused (it keeps reading). */
  restrict(ws: WebSocket): void {
    const info = this.connections.get(ws);
    if (info) info.readOnly = true;
  }

  removeConnection(ws: WebSocket): void {
    const info = this.connections.get(ws);
    if (!info) return;
    this.connections.delete(ws);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...info.awarenessIds], null);
  }

  /** Folds everything stored so far into the snapshot. Runs on the queue. */
  flush(): Promise<void> {
    return this.enqueue(() => this.compact());
  }

  private took(id: number, bytes: number): void {
    // `seenUpTo` is not moved on here: ids below this one may be another process's, unseen.
    this.pendingUpdates++;
    this.pendingBytes += bytes;
    this.onStored(id);
  }

  private async maybeCompact(): Promise<void> {
    if (this.pendingUpdates >= COMPACT_AFTER || this.pendingBytes >= COMPACT_AFTER_BYTES) await this.compact();
  }

  /**
   * Folds what is stored (by every process) into the snapshot; this document's memory is not
   * written, so another process's updates it has not seen yet are kept.
   */
  private async compact(): Promise<void> {
    await this.persistence.compact(this.name);
    this.pendingUpdates = 0;
    this.pendingBytes = 0;
  }

  /** Tells the writer once why its update was not taken; it must sync afresh to write again. */
  private refuse(ws: WebSocket, info: ConnectionInfo, code: YjsRefusalCode): void {
    if (info.diverged) return;
    info.diverged = true;
    this.log.info({ doc: this.name, subject: info.subject, code }, 'yjs update refused');
    this.send(ws, refusalMessage(code));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    // A failed task is logged; the document stays in memory and later tasks still run.
    this.queue = run.catch((err: unknown) => this.log.error({ err, doc: this.name }, 'yjs task failed'));
    return run;
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this) return; // loading from the database, nobody to tell
    // Relays from other processes go to this process's connections like any other update.
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MESSAGE_SYNC);
    syncProtocol.writeUpdate(message, update);
    const bytes = encoding.toUint8Array(message);
    for (const ws of this.connections.keys()) this.send(ws, bytes);
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const owner = this.connections.get(origin as WebSocket);
    if (owner) {
      for (const id of added) owner.awarenessIds.add(id);
      for (const id of removed) owner.awarenessIds.delete(id);
    }
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(message, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    const bytes = encoding.toUint8Array(message);
    for (const ws of this.connections.keys()) this.send(ws, bytes);
  };

  private send(ws: WebSocket, bytes: Uint8Array): void {
    if (ws.readyState !== ws.OPEN) return;
    // A client that does not read (or cannot keep up) is cut off rather than buffered for; an
    // honest one reconnects and syncs afresh.
    if (ws.bufferedAmount + bytes.length > yjsLimits.maxBufferedBytes) {
      this.log.info({ doc: this.name, subject: this.connections.get(ws)?.subject, buffered: ws.bufferedAmount }, 'yjs connection cut off: not reading');
      this.removeConnection(ws);
      ws.terminate();
      return;
    }
    ws.send(bytes, (err) => {
      if (err) ws.terminate();
    });
  }

  destroy(): void {
    this.guard.discard();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
