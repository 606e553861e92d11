import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';

const messageSync = 0;
const messageAwareness = 1;

interface Room {
  doc: Y.Doc;
  conns: Set<WebSocket>;
}

/**
 * The bare y-websocket relay Verksted's boards are measured against: one in-memory Y.Doc per
 * name under /yjs/<name>, the sync protocol, every update relayed to the other connections,
 * awareness passed through. No auth, no persistence, no checks.
 */
export function attachYjsRelay(http: HttpServer): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true });
  const rooms = new Map<string, Room>();

  const roomOf = (name: string): Room => {
    let room = rooms.get(name);
    if (room) return room;
    const doc = new Y.Doc();
    const created: Room = { doc, conns: new Set() };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeUpdate(e, update);
      const message = encoding.toUint8Array(e);
      for (const conn of created.conns) if (conn !== origin && conn.readyState === conn.OPEN) conn.send(message);
    });
    rooms.set(name, (room = created));
    return room;
  };

  wss.on('connection', (conn: WebSocket, req: IncomingMessage) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://relay').pathname.slice('/yjs/'.length));
    const room = roomOf(name);
    room.conns.add(conn);
    conn.binaryType = 'arraybuffer';
    conn.on('message', (data: ArrayBuffer) => {
      const bytes = new Uint8Array(data);
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (type === messageSync) {
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, messageSync);
        syncProtocol.readSyncMessage(decoder, reply, room.doc, conn);
        if (encoding.length(reply) > 1) conn.send(encoding.toUint8Array(reply));
      } else if (type === messageAwareness) {
        for (const other of room.conns) if (other !== conn && other.readyState === other.OPEN) other.send(bytes);
      }
    });
    conn.on('close', () => room.conns.delete(conn));
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, messageSync);
    syncProtocol.writeSyncStep1(step1, room.doc);
    conn.send(encoding.toUint8Array(step1));
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!req.url?.startsWith('/yjs/')) return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  return wss;
}
