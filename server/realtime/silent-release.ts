import { parseYjsDocName, type SessionSnapshot } from '@/lib/protocol';
import { boardDocName, boardDraftPrefix, recordDraftsLeftOut } from '@/lib/workshop/board';
import { silentEndsAt, silentFor } from '@/lib/workshop/silent';
import type { Logger } from '../logger';
import type { LiveService } from '../services/live-service';
import { createKeyedQueue } from '../services/keyed-queue';
import { toSnapshot } from '../services/live-service';
import { docJudge } from './doc-access';
import type { YjsPersistence } from './yjs-persistence';
import type { YjsServer } from './yjs-server';

type Facts = Pick<SessionSnapshot, 'sessionId' | 'status' | 'state'>;

/** Slack after `endsAt`, so the timer fires when silent writing has surely ended. */
const AFTER_END_MS = 25;

/**
 * Silent writing enforced by the server. While it lasts, each member writes a private draft
 * document (`boardDraftDocName`) that only they and facilitators open, so no device of the group
 * ever receives another member's notes. When it ends (ended, revealed, the agenda moved on, the
 * session ended, or its timer ran out) the drafts are merged into the group's board, and their
 * connections are made read-only first so nothing is taken after the merge read them. Drafts
 * that do not fit the board's merge budget are left out, logged and counted on the board.
 *
 * Correct across restarts: the drafts and the state are in the database, a merge is idempotent,
 * and each session is judged on first sight in this process (`start` looks at every open
 * workshop), so a silent phase that ran out while the server was down is released at start and
 * one still running gets its timer again.
 */
export function createSilentRelease(deps: {
  live: LiveService;
  persistence: YjsPersistence;
  yjs: Pick<YjsServer, 'mergeInto' | 'change' | 'reauthorise'>;
  log: Logger;
}) {
  const { live, persistence, yjs, log } = deps;
  /** The activity in silent writing at the last look, per session; absent = not looked at yet. */
  const silentNow = new Map<string, string | null>();
  const timers = new Map<string, NodeJS.Timeout>();
  const serially = createKeyedQueue();
  let closed = false;

  function observe(s: Facts): void {
    const rt = s.state.workshop ?? undefined;
    if (!rt || closed) return;
    const now = Date.now();
    const active = rt.activities.find((a) => silentFor(rt, s.status, a.id, now))?.id ?? null;
    const before = silentNow.get(s.sessionId);
    silentNow.set(s.sessionId, active);
    schedule(s.sessionId, silentEndsAt(rt, s.status, now), now);
    // On first sight we do not know what ended while nobody watched: release all but the active.
    const ended = before === undefined
      ? rt.activities.filter((a) => a.kind === 'reflection' && a.id !== active).map((a) => a.id)
      : before !== null && before !== active ? [before] : [];
    for (const activityId of ended) void release(s.sessionId, activityId);
  }

  function schedule(sessionId: string, endsAt: number | null, now: number): void {
    clearTimeout(timers.get(sessionId));
    timers.delete(sessionId);
    if (endsAt === null) return;
    // Nobody sends a command when the time runs out: the server looks again by itself.
    const timer = setTimeout(() => void recheck(sessionId), Math.max(0, endsAt - now) + AFTER_END_MS);
    timer.unref();
    timers.set(sessionId, timer);
  }

  async function recheck(sessionId: string): Promise<void> {
    timers.delete(sessionId);
    try {
      const row = await live.byId(sessionId);
      if (!row || closed) return;
      const snapshot = toSnapshot(row);
      // No commit marks the end of the time: narrow the drafts' connections here, before merging.
      yjs.reauthorise(sessionId, docJudge(sessionId, snapshot));
      observe(snapshot);
    } catch (err) {
      log.error({ err, sessionId }, 'checking silent writing failed');
    }
  }

  /** Merges every draft of one activity into its group's board. */
  function release(sessionId: string, activityId: string): Promise<void> {
    return serially(sessionId, async () => {
      const drafts = await persistence.namesStartingWith(boardDraftPrefix(sessionId, activityId));
      const byBoard = new Map<string, string[]>();
      for (const name of drafts) {
        const ref = parseYjsDocName(name);
        if (ref?.kind !== 'draft') continue;
        const board = boardDocName(sessionId, activityId, ref.groupId);
        byBoard.set(board, [...(byBoard.get(board) ?? []), name]);
      }
      for (const [board, names] of byBoard) {
        // A board takes drafts only up to its merge budget, so the group can write on after.
        const { leftOut } = await yjs.mergeInto(board, names);
        if (leftOut.length > 0) log.warn({ sessionId, activityId, board, leftOut }, 'drafts did not fit on the board');
        if (!(await yjs.change(board, (doc) => recordDraftsLeftOut(doc, leftOut.length)))) log.warn({ sessionId, board }, 'board full: drafts left out not recorded');
      }
      if (byBoard.size > 0) log.debug({ sessionId, activityId, boards: byBoard.size }, 'silent writing released');
    }).catch((err: unknown) => log.error({ err, sessionId, activityId }, 'releasing silent writing failed'));
  }

  return {
    /** Called with every committed snapshot. */
    observe,
    /** Resolves once every release started for this session so far is done (before archiving). */
    settled: (sessionId: string): Promise<void> => serially(sessionId, async () => undefined),
    /** Looks at every open workshop once, after a (re)start. */
    async start(): Promise<void> {
      for (const snapshot of await live.openWorkshops()) observe(snapshot);
    },
    /** Stops the timers and waits for releases under way. */
    async close(): Promise<void> {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...silentNow.keys()].map((id) => serially(id, async () => undefined)));
    },
  };
}
export type SilentRelease = ReturnType<typeof createSilentRelease>;
