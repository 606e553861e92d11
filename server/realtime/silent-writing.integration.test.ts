import { eq } from 'drizzle-orm';
import pino from 'pino';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedbackItems } from '@/db/schema';
import { clientEvents } from '@/lib/protocol';
import { addNote, boardDocName, boardDraftDocName, draftsLeftOut, readNotes, type BoardNote } from '@/lib/workshop/board';
import { docUsageKey, yjsLimits } from '@/lib/yjs/limits';
import { blob } from '../../test/load';
import { eventually } from '../../test/retry';
import { serverHarness, type TestSocket } from '../../test/server-harness';
import { emit, rawYjsClient, refusalsOf, workshopRoom, yjsGrant, yjsToken, type Phone } from '../../test/workshop-room';

/** A note under `authorKey`: a member's key for the board (`Open.key`), or 'facilitator'. */
const note = (authorKey: string, id: string, text: string): BoardNote => ({ id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey, createdAt: 1 });

interface Open {
  doc: Y.Doc;
  provider: WebsocketProvider;
  refusals: string[];
  /** The author key this connection's notes must carry ('facilitator' for a facilitator). */
  key: string;
  ids(): string[];
}

/**
 * Silent writing is enforced by the server: while it lasts a member's device never receives
 * another member's notes, by any path; facilitators see everything; when it ends everyone does.
 */
describe('silent writing', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  });
  afterEach(() => h.cleanup());

  async function open(socket: TestSocket, docName: string): Promise<Open> {
    const doc = new Y.Doc();
    const { token, authorKey } = await yjsGrant(socket, docName);
    const provider = h.provider(docName, doc, token);
    const refusals = refusalsOf(provider);
    await eventually(() => expect(provider.synced).toBe(true));
    return { doc, provider, refusals, key: authorKey, ids: () => readNotes(doc).map((n) => n.id).sort() };
  }

  async function pair() {
    const room = await workshopRoom(h, 2);
    const [a, b] = room.phones as [Phone, Phone];
    expect(room.runtime().silent).toBe(true);
    const group = room.groupOf(a);
    expect(room.groupOf(b)).toBe(group);
    const board = boardDocName(room.sessionId, room.activityId, group);
    const draft = (p: Phone) => boardDraftDocName(room.sessionId, room.activityId, group, p.id);
    return { room, a, b, board, draft };
  }

  it('a member never receives another member\'s draft, also after reconnecting; the facilitator sees all; ending it gives everyone everything', async () => {
    const { room, a, b, board, draft } = await pair();

    // Drafts are private: another member (or the big screen) gets no token for one.
    expect(await emit(b.socket, clientEvents.yjsToken, { docName: draft(a) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const aDraft = await open(a.socket, draft(a));
    const bDraft = await open(b.socket, draft(b));
    addNote(aDraft.doc, note(aDraft.key, 'a1', 'Annes tanke'));
    addNote(bDraft.doc, note(bDraft.key, 'b1', 'Bjørns tanke'));

    // The facilitator follows every draft and the board.
    const facA = await open(room.fac, draft(a));
    const facB = await open(room.fac, draft(b));
    await eventually(() => expect([facA.ids(), facB.ids()]).toEqual([['a1'], ['b1']]));

    // The board takes no member's writes while silent writing lasts (that would reach the group).
    const bBoard = await open(b.socket, board);
    addNote(bBoard.doc, note(bBoard.key, 'b-board', 'Rett på tavla'));
    await eventually(() => expect(bBoard.refusals).toEqual(['YJS_READ_ONLY']));
    const facBoard = await open(room.fac, board);
    expect(facBoard.ids()).toEqual([]);

    // B reconnects with fresh documents: still nothing of A's.
    bDraft.provider.destroy();
    bBoard.provider.destroy();
    const bDraftAgain = await open(b.socket, draft(b));
    const bBoardAgain = await open(b.socket, board);
    expect(bDraftAgain.ids()).toEqual(['b1']);
    expect(bBoardAgain.ids()).toEqual([]);
    expect(JSON.stringify(bDraftAgain.doc.toJSON()) + JSON.stringify(bBoardAgain.doc.toJSON())).not.toContain('Annes');

    // The facilitator ends silent writing: the drafts go into the board, everyone has both.
    await room.run({ type: 'endSilent' });
    await eventually(() => expect(bBoardAgain.ids()).toEqual(['a1', 'b1']));
    await eventually(() => expect(facBoard.ids()).toEqual(['a1', 'b1']));
    const aBoard = await open(a.socket, board);
    expect(aBoard.ids()).toEqual(['a1', 'b1']);
    // Now the board is where members write; a draft no longer takes anything.
    addNote(aDraft.doc, note(aDraft.key, 'a2', 'For sent i kladden'));
    await eventually(() => expect(aDraft.refusals).toEqual(['YJS_READ_ONLY']));
    addNote(aBoard.doc, note(aBoard.key, 'a3', 'Sammen nå'));
    await eventually(() => expect(bBoardAgain.ids()).toEqual(['a1', 'a3', 'b1']));
  });

  it('silent writing ends on time with no command: drafts reach the board when the timer runs out', async () => {
    const { room, a, b, board, draft } = await pair();
    await room.run({ type: 'timerStart', seconds: 10 });
    const aDraft = await open(a.socket, draft(a));
    addNote(aDraft.doc, note(aDraft.key, 'a1', 'Før tiden er ute'));
    const bBoard = await open(b.socket, board);
    await eventually(async () => {
      const { state } = await h.server.services.yjsPersistence.fetch(draft(a));
      expect(state).not.toBeNull();
    });
    expect(bBoard.ids()).toEqual([]);
    // Nobody sends anything: the server's own timer releases the drafts at `endsAt`.
    await eventually(() => expect(bBoard.ids()).toEqual(['a1']), 20_000);
    addNote(aDraft.doc, note(aDraft.key, 'a2', 'Etter tiden'));
    await eventually(() => expect(aDraft.refusals).toEqual(['YJS_READ_ONLY']));
  }, 40_000);

  it('a silent phase that ran out while the server was down is released when it starts again', async () => {
    const { room, a, board, draft } = await pair();
    await room.run({ type: 'timerStart', seconds: 10 });
    const startedAt = Date.now();
    const aDraft = await open(a.socket, draft(a));
    addNote(aDraft.doc, note(aDraft.key, 'a1', 'Skrevet før omstart'));
    await eventually(async () => {
      const { state } = await h.server.services.yjsPersistence.fetch(draft(a));
      expect(state).not.toBeNull();
    });
    aDraft.provider.destroy();
    const port = h.server.port;
    await h.stop();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + 11_000 - Date.now())));
    await h.start(port);
    // The new process looks at every open workshop at start and merges what ran out.
    await eventually(async () => {
      const { state } = await h.server.services.yjsPersistence.fetch(board);
      const copy = new Y.Doc();
      if (state) Y.applyUpdate(copy, state);
      expect(readNotes(copy).map((n) => n.id)).toEqual(['a1']);
    }, 10_000);
  }, 60_000);

  it('moving on during silent writing merges the drafts before the boards are archived', async () => {
    const { room, a, draft } = await pair();
    const aDraft = await open(a.socket, draft(a));
    addNote(aDraft.doc, note(aDraft.key, 'a1', 'Kommer med i arkivet'));
    await eventually(async () => expect((await h.server.services.yjsPersistence.fetch(draft(a))).state).not.toBeNull());
    await room.run({ type: 'next' });
    await eventually(async () => {
      const kept = await h.server.services.database.db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, room.sessionId));
      expect(kept.filter((k) => k.kind === 'note').map((k) => k.text)).toEqual(['Kommer med i arkivet']);
    }, 10_000);
  });

  it('drafts over the board\'s budget are left out, smallest first: the board stays writable and the facilitator is told', async () => {
    // A server of its own, to read what it logs.
    const lines: { msg?: string; leftOut?: string[] }[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg?: string }) });
    const logged = serverHarness({}, log);
    await logged.start();
    try {
      const room = await workshopRoom(logged, 4);
      const group = room.groupOf(room.phones[0]!);
      const members = room.phones.filter((p) => room.groupOf(p) === group);
      expect(members.length).toBeGreaterThanOrEqual(3);
      const [honest, ...fillers] = members as [Phone, ...Phone[]];
      const board = boardDocName(room.sessionId, room.activityId, group);
      const draft = (p: Phone) => boardDraftDocName(room.sessionId, room.activityId, group, p.id);
      const persistence = logged.server.services.yjsPersistence;

      // Every other member fills a draft with about 448 KiB (within a participant's 512 KiB):
      // together far more than the board's 1 MiB.
      const chunk = yjsLimits.maxMessageBytes - 64;
      for (const p of fillers) {
        const raw = await rawYjsClient(logged.server.port, draft(p), await yjsToken(p.socket, draft(p)));
        for (let i = 0; i < 7; i++) raw.sendUpdate(blob(chunk));
        await eventually(async () => expect(await persistence.usage(docUsageKey(draft(p)))).toBeGreaterThan(7 * (chunk - 100)), 30_000);
        raw.ws.close();
      }
      const honestDraft = new Y.Doc();
      const honestProvider = logged.provider(draft(honest), honestDraft, await yjsToken(honest.socket, draft(honest)));
      await eventually(() => expect(honestProvider.synced).toBe(true));
      const honestKey = logged.server.services.yjsTokens.boardAuthorKey(honest.id, board)!;
      addNote(honestDraft, note(honestKey, 'mine', 'En ærlig tanke'));
      await eventually(async () => expect((await persistence.fetch(draft(honest))).state).not.toBeNull());

      await room.run({ type: 'endSilent' });
      // Smallest first: the honest draft and one filler fit under the merge budget, the others not.
      const facBoard = new Y.Doc();
      const facProvider = logged.provider(board, facBoard, await yjsToken(room.fac, board));
      await eventually(() => expect(draftsLeftOut(facBoard)).toBe(fillers.length - 1), 30_000);
      expect(readNotes(facBoard).map((n) => n.id)).toEqual(['mine']);
      expect(facBoard.getText('junk').length).toBeGreaterThan(6 * chunk);
      expect(facBoard.getText('junk').length).toBeLessThan(8 * chunk);
      expect(await persistence.usage(docUsageKey(board))).toBeLessThanOrEqual(yjsLimits.mergeBudgetBytes);
      expect(lines.filter((l) => l.msg === 'drafts did not fit on the board').map((l) => l.leftOut?.length)).toEqual([fillers.length - 1]);

      // The group and the facilitator write on: the room left above the merge budget is theirs.
      const memberBoard = new Y.Doc();
      const memberProvider = logged.provider(board, memberBoard, await yjsToken(honest.socket, board));
      const refusals = refusalsOf(memberProvider);
      await eventually(() => expect(memberProvider.synced).toBe(true));
      addNote(memberBoard, note(honestKey, 'after', 'Skrevet etter stilleskrivingen'));
      addNote(facBoard, note('facilitator', 'fac-after', 'Fasilitatoren skriver også'));
      await eventually(async () => {
        const { state } = await persistence.fetch(board);
        const copy = new Y.Doc();
        if (state) Y.applyUpdate(copy, state);
        expect(readNotes(copy).map((n) => n.id).sort()).toEqual(['after', 'fac-after', 'mine']);
      });
      expect(refusals).toEqual([]);
      expect(facProvider.wsconnected).toBe(true);
      expect(await persistence.usage(docUsageKey(board))).toBeLessThanOrEqual(yjsLimits.docBudgetBytes);
    } finally {
      await logged.cleanup();
    }
  }, 120_000);
});
