import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Logger } from '../logger';
import type { YjsPersistence } from './yjs-persistence';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;

/** Compact after this many appended updates, so loading stays one snapshot plus a short tail. */
const COMPACT_AFTER = 200;

interface ConnectionInfo {
  readOnly: boolean;
  /** Awareness client ids this connection controls, removed when it leaves. */
  awarenessIds: Set<number>;
}

/**
 * One Yjs document held in memory while clients are connected. All writes go through a serial
 * queue: an update is appended to the database, then applied and relayed, so nothing a client
 * sees was not durable first, and the order in the database is the order clients saw.
 */
export class SharedDoc {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Map<WebSocket, ConnectionInfo>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastUpdateId = 0;
  private pendingUpdates = 0;
  private compactedUpTo = 0;

  constructor(
    readonly name: string,
    private readonly persistence: YjsPersistence,
    private readonly log: Logger,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.broadcastUpdate(update, origin));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  async load(): Promise<void> {
    const loaded = await this.persistence.fetch(this.name);
    if (loaded.state) Y.applyUpdate(this.doc, loaded.state, this);
    this.lastUpdateId = loaded.lastUpdateId;
    this.pendingUpdates = loaded.pendingUpdates;
  }

  addConnection(ws: WebSocket, readOnly: boolean): void {
    this.connections.set(ws, { readOnly, awarenessIds: new Set() });
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
    try {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) this.handleSync(ws, info, decoder);
      else if (type === MESSAGE_AWARENESS) {
        const update = decoding.readVarUint8Array(decoder);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, ws);
      }
    } catch (err) {
      this.log.warn({ err, doc: this.name }, 'dropped malformed yjs message');
    }
  }

  private handleSync(ws: WebSocket, info: ConnectionInfo, decoder: decoding.Decoder): void {
    const subType = decoding.readVarUint(decoder);
    if (subType === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_SYNC);
      syncProtocol.readSyncStep1(decoder, reply, this.doc);
      this.send(ws, encoding.toUint8Array(reply));
      return;
    }
    if (subType !== syncProtocol.messageYjsSyncStep2 && subType !== syncProtocol.messageYjsUpdate) return;
    const update = decoding.readVarUint8Array(decoder);
    if (info.readOnly) return;
    this.enqueue(async () => {
      // Parse before storing: bytes Yjs cannot decode must not poison the stored log.
      Y.decodeUpdate(update);
      this.lastUpdateId = await this.persistence.append(this.name, update);
      this.pendingUpdates++;
      Y.applyUpdate(this.doc, update, ws);
      if (this.pendingUpdates >= COMPACT_AFTER) await this.compact();
    });
  }

  /** From now on, updates from this connection are ignored (it keeps reading). */
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

  /** Folds everything appended so far into the snapshot. Runs on the queue. */
  flush(): Promise<void> {
    return this.enqueue(() => this.compact());
  }

  private async compact(): Promise<void> {
    if (this.lastUpdateId === this.compactedUpTo && this.pendingUpdates === 0) return;
    await this.persistence.compact(this.name, Y.encodeStateAsUpdate(this.doc), this.lastUpdateId);
    this.compactedUpTo = this.lastUpdateId;
    this.pendingUpdates = 0;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    // A failed task is logged; the document stays in memory and later tasks still run.
    this.queue = run.catch((err: unknown) => this.log.error({ err, doc: this.name }, 'yjs task failed'));
    return run;
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === this) return; // loading from the database, nobody to tell
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
    ws.send(bytes, (err) => {
      if (err) ws.terminate();
    });
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
