import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { yjsCloseCodes } from '@/lib/protocol';
import { addNote, boardDocName, readNotes, type BoardNote } from '@/lib/workshop/board';
import { docUsageKey, subjectUsageKey, yjsLimits } from '@/lib/yjs/limits';
import { allowedSlowdownMs, blob, quietAndLoud } from '../../test/load';
import { eventually } from '../../test/retry';
import { serverHarness } from '../../test/server-harness';
import { rawYjsClient, refusalsOf, sessionProbe, workshopRoom, yjsToken } from '../../test/workshop-room';

const note = (id: string, text: string, authorKey = 'facilitator'): BoardNote => ({ id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: 1 });

/**
 * Quotas and limits of the content plane: one participant cannot make the server store, hold
 * or relay more than the budgets allow, and cannot slow down other sessions while trying.
 */
describe('Yjs limits', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  const storedNotes = async (docName: string) => {
    const { state } = await h.server.services.yjsPersistence.fetch(docName);
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return readNotes(doc).map((n) => n.id);
  };

  it('refuses an oversized update with its reason: not stored, not relayed, the socket lives; a fresh document writes again', async () => {
    const room = await workshopRoom(h, 2);
    await room.run({ type: 'endSilent' });
    const [a] = room.phones;
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a!));
    const watch = new Y.Doc();
    const watcher = h.provider(board, watch, await yjsToken(room.fac, board));
    const writer = new Y.Doc();
    const token = await yjsToken(a!.socket, board);
    const provider = h.provider(board, writer, token);
    const refusals = refusalsOf(provider);
    await eventually(() => expect(provider.synced && watcher.synced).toBe(true));

    addNote(writer, note('big', 'x'.repeat(yjsLimits.maxMessageBytes + 1000)));
    await eventually(() => expect(refusals).toEqual(['YJS_TOO_LARGE']));
    // What builds on the refused update is not taken either: the writer's document has diverged.
    addNote(writer, note('after', 'Bygger på den for store'));
    expect(provider.wsconnected).toBe(true);

    // The client's way back (use-yjs-doc.ts): a fresh document, synced from the server.
    const fresh = new Y.Doc();
    const again = h.provider(board, fresh, await yjsToken(a!.socket, board));
    await eventually(() => expect(again.synced).toBe(true));
    addNote(fresh, note('ok', 'Kort lapp', h.server.services.yjsTokens.boardAuthorKey(a!.id, board)!));
    await eventually(() => expect(readNotes(watch).map((n) => n.id)).toEqual(['ok']));
    await eventually(async () => expect(await storedNotes(board)).toEqual(['ok']));
    expect(readNotes(fresh).map((n) => n.id)).toEqual(['ok']);
    expect(refusals).toEqual(['YJS_TOO_LARGE']);
    expect(await h.server.services.yjsPersistence.usage(docUsageKey(board))).toBeLessThan(4096);

    // A frame past the hard limit is cut off by the socket before it is read.
    const raw = await rawYjsClient(h.server.port, board, token);
    raw.sendRaw(new Uint8Array(yjsLimits.maxFrameBytes + 1024));
    await eventually(() => expect(raw.closeCode()).toBe(1009));
  });

  it('a connection that keeps sending past the rate is refused, then closed with 4429', async () => {
    const room = await workshopRoom(h, 1);
    await room.run({ type: 'endSilent' });
    const [a] = room.phones;
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a!));
    const raw = await rawYjsClient(h.server.port, board, await yjsToken(a!.socket, board));
    const tiny = () => {
      const doc = new Y.Doc();
      doc.getText('junk').insert(0, 'x');
      return Y.encodeStateAsUpdate(doc);
    };
    for (let i = 0; i < yjsLimits.rateBurst + yjsLimits.floodCloseAfter + 50; i++) raw.sendUpdate(tiny());
    await eventually(() => expect(raw.closeCode()).toBe(yjsCloseCodes.flooding), 20_000);
    expect(raw.refusals).toEqual(['YJS_RATE_LIMITED']);
    // Beyond the burst nothing was stored.
    const { pendingUpdates } = await h.server.services.yjsPersistence.fetch(board);
    expect(pendingUpdates).toBeLessThanOrEqual(yjsLimits.rateBurst + 5);
  }, 60_000);

  it('a flood of maximal updates is refused past the budgets and does not slow another session down', async () => {
    // Four phones in the other session, so its probes stay inside every per-participant event budget.
    const victim = await workshopRoom(h, 4);
    const room = await workshopRoom(h, 1, 'angriper@nav.example');
    await room.run({ type: 'endSilent' });
    const [flooder] = room.phones;
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(flooder!));

    const probe = sessionProbe(h, victim.phones);

    // The attacker: several connections at once, each sending maximal updates as fast as the
    // socket takes them, reconnecting with a fresh token whenever it is closed. The updates are
    // made up front, so making them does not count against the server (it shares this process).
    const blobs = Array.from({ length: 32 }, () => blob(yjsLimits.maxMessageBytes - 64));
    const refusals = new Set<string>();
    let sent = 0;
    let flooding = false;
    let stopped = false;
    const attackers = Array.from({ length: 3 }, async () => {
      while (!stopped) {
        if (!flooding) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        const raw = await rawYjsClient(h.server.port, board, await yjsToken(flooder!.socket, board));
        while (flooding && raw.closeCode() === null) {
          raw.sendUpdate(blobs[sent++ % blobs.length]!);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
        for (const r of raw.refusals) refusals.add(r);
        raw.ws.close();
      }
    });

    const { quiet: baseline, loud: during } = await quietAndLoud(probe, {
      async start() {
        flooding = true;
        const before = sent;
        await eventually(() => expect(sent - before).toBeGreaterThan(20), 20_000);
      },
      stop: () => (flooding = false),
    });
    stopped = true;
    await Promise.all(attackers);

    // The attack was real: far more than the budget was sent and it was refused.
    expect(sent * (yjsLimits.maxMessageBytes - 64)).toBeGreaterThan(4 * yjsLimits.subjectBudgetBytes.participant);
    expect([...refusals].some((r) => r === 'YJS_QUOTA' || r === 'YJS_RATE_LIMITED')).toBe(true);
    const persistence = h.server.services.yjsPersistence;
    const subjectUsage = await persistence.usage(subjectUsageKey(room.sessionId, `p:${flooder!.id}`));
    expect(subjectUsage).toBeLessThanOrEqual(yjsLimits.subjectBudgetBytes.participant);
    expect(await persistence.usage(docUsageKey(board))).toBeLessThanOrEqual(yjsLimits.docBudgetBytes);
    const { state } = await persistence.fetch(board);
    expect(state?.length ?? 0).toBeLessThanOrEqual(yjsLimits.docBudgetBytes);

    // The other session did not notice (p99 within 100 ms of its own baseline, more on a slow machine).
    console.info(`p99 event ${baseline.event.toFixed(1)} → ${during.event.toFixed(1)} ms, health ${baseline.health.toFixed(1)} → ${during.health.toFixed(1)} ms, ${sent} updates sent`);
    expect(during.event - baseline.event).toBeLessThan(allowedSlowdownMs(baseline.event));
    expect(during.health - baseline.health).toBeLessThan(allowedSlowdownMs(baseline.health));
  }, 180_000);

  /** An awareness message of a fresh client, padded to about `size` bytes. */
  function awarenessMessage(size = 64): Uint8Array {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ pad: 'x'.repeat(size) });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    return encoding.toUint8Array(e);
  }

  /** Fills a board with about `bytes` of junk written by the facilitator (a user's budget is 2 MiB). */
  async function fillBoard(room: Awaited<ReturnType<typeof workshopRoom>>, board: string, bytes: number): Promise<number> {
    const chunk = yjsLimits.maxMessageBytes - 64;
    const writer = await rawYjsClient(h.server.port, board, await yjsToken(room.fac, board));
    const count = Math.floor(bytes / chunk);
    for (let i = 0; i < count; i++) writer.sendUpdate(blob(chunk));
    await eventually(async () => expect(await h.server.services.yjsPersistence.usage(docUsageKey(board))).toBeGreaterThan(count * (chunk - 100)), 30_000);
    writer.ws.close();
    return count * chunk;
  }

  it('a reader that repeats sync step 1 without reading gets a couple of answers, not one per request', async () => {
    const room = await workshopRoom(h, 1);
    await room.run({ type: 'endSilent' });
    const [a] = room.phones;
    const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a!));
    const docBytes = await fillBoard(room, board, 600 * 1024);

    const reader = await rawYjsClient(h.server.port, board, await yjsToken(a!.socket, board));
    await eventually(() => expect(reader.received.messages).toBeGreaterThan(0));
    // It stops reading, asks for the whole document sixty times, then sends a presence change
    // that the server relays back to it after whatever it queued for the requests.
    reader.ws.pause();
    const before = reader.received.bytes;
    let bytesBeforeEcho: number | null = null;
    reader.ws.on('message', (data: Buffer) => {
      if (bytesBeforeEcho === null && decoding.readVarUint(decoding.createDecoder(new Uint8Array(data))) === 1) bytesBeforeEcho = reader.received.bytes - data.length - before;
    });
    for (let i = 0; i < 60; i++) reader.sendSyncStep1();
    reader.sendRaw(awarenessMessage());
    await new Promise((resolve) => setTimeout(resolve, 500));
    reader.ws.resume();
    await eventually(() => expect(bytesBeforeEcho).not.toBeNull(), 30_000);
    // Two answers of the whole document, not sixty: what the server held for it stayed bounded.
    expect(bytesBeforeEcho).toBeGreaterThan(docBytes);
    expect(bytesBeforeEcho).toBeLessThanOrEqual(yjsLimits.syncRequestBurst * (docBytes + 4096));
    expect(reader.closeCode()).toBeNull();
  }, 120_000);

  it('a subject opens at most four connections to a document; one that stops reading is cut off once 2 MiB wait for it, the others go on', async () => {
    // A server of its own, to read what it logs.
    const lines: { msg?: string }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg?: string }) });
    const logged = serverHarness({}, log);
    await logged.start();
    try {
      const room = await workshopRoom(logged, 1);
      await room.run({ type: 'endSilent' });
      const [a] = room.phones;
      const board = boardDocName(room.sessionId, room.activityId, room.groupOf(a!));
      const open = async (socket: typeof room.fac) => rawYjsClient(logged.server.port, board, await yjsToken(socket, board));

      const reader = await open(a!.socket);
      const senders = [await open(a!.socket), await open(a!.socket), await open(a!.socket)];
      const fifth = await open(a!.socket);
      await eventually(() => expect(fifth.closeCode()).toBe(yjsCloseCodes.flooding));
      for (let i = 0; i < 4; i++) senders.push(await open(room.fac));
      await eventually(() => expect([reader, ...senders].every((c) => c.received.messages > 0)).toBe(true));

      // The reader stops reading; the others change their presence as fast as the rate allows,
      // and every change is relayed to it too.
      reader.ws.pause();
      const cutOff = () => lines.some((l) => l.msg === 'yjs connection cut off: not reading');
      const started = Date.now();
      for (const s of senders) for (let i = 0; i < 100; i++) s.sendRaw(awarenessMessage(7 * 1024));
      while (!cutOff() && Date.now() - started < 90_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (const s of senders) for (let i = 0; i < 2; i++) s.sendRaw(awarenessMessage(7 * 1024));
      }
      expect(cutOff()).toBe(true);
      reader.ws.resume();
      await eventually(() => expect(reader.closeCode()).toBe(1006));
      expect(senders.map((s) => s.closeCode())).toEqual(senders.map(() => null));
      // Its place is free again.
      const again = await open(a!.socket);
      await eventually(() => expect(again.received.messages).toBeGreaterThan(0));
      expect(again.closeCode()).toBeNull();
    } finally {
      await logged.cleanup();
    }
  }, 150_000);
});
