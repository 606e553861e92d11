import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, liveSessions, participants, qsorts, type LiveSessionRow, type NewFeedbackItem, type QsortRow } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { participantNumbers } from '@/lib/participant-number';
import { changedRange, isNumberBeingTyped } from '@/lib/privacy-typing';
import type { QsortProgress } from '@/lib/qsort/progress';
import type { MergedStudy, QsortRuntime } from '@/lib/qsort/runtime';
import { emptySort, isComplete, sortProblem, type SortState } from '@/lib/qsort/sort';
import type { FinishedSort } from '@/lib/qsort/analysis';
import { importSortsFile } from '@/lib/qsort/import-sorts';
import { sameStudy, type MergeCandidate } from '@/lib/qsort/merge';
import { paperSortProblems, paperSortState } from '@/lib/qsort/paper-sort';
import type { HelpInput, PaperSortInput, SaveSortInput } from '@/lib/qsort/socket-schemas';
import { createKeyedQueue } from './keyed-queue';
import { lockRowSet } from './replace-lock';
import type { LiveService } from './live-service';
import { freezeStatementSet } from './nested-freeze';
import type { ProjectService } from './project-service';
import { z } from 'zod';

const uuid = z.uuid();
// The event schemas live in lib/ so the client's calls are typed from them; re-exported here.
export { helpSchema, saveSortSchema } from '@/lib/qsort/socket-schemas';

/** A participant's saved sort with its revision, to resume from. */
export interface SavedSort {
  state: SortState;
  rev: number;
}


/** The sort's free texts under the field names its form knows: `comment.<statement>`, `missing`, `pseudonym`. */
function sortTexts(state: SortState): [field: string, text: string][] {
  return [...Object.entries(state.comments).map(([id, text]): [string, string] => [`comment.${id}`, text]), ['missing', state.missing], ['pseudonym', state.pseudonym]];
}

/**
 * The form saves the whole sort at every keystroke, so a national id would be stored one key
 * short of the detector's refusal; its first nine digits already fix it (lib/privacy-typing.ts).
 * Judged where each field changed since the stored sort.
 */
function numbersBeingTyped(stored: SortState | null, state: SortState): [string, string][] {
  const before = new Map(stored ? sortTexts(stored) : []);
  return sortTexts(state).filter(([field, text]) => isNumberBeingTyped(text, changedRange(before.get(field) ?? '', text)));
}

const personalDataIn = (fields: [string, string][]) =>
  fail('PERSONAL_DATA', 'personal data in the sort', Object.fromEntries(fields.map(([field]) => [field, 'PERSONAL_DATA'])));

/**
 * Q-sorts in a live session: opening one from a statement set, each participant's sort saved
 * whole after every change (the ack follows the commit), help signals, and the finished
 * sorts for the analysis.
 */
export function createQsortService(db: Db, projects: ProjectService, live: LiveService) {
  const serially = createKeyedQueue();
  async function runtimeOf(sessionId: string): Promise<{ session: LiveSessionRow; runtime: QsortRuntime } | null> {
    if (!uuid.safeParse(sessionId).success) return null;
    const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
    const runtime = session ? readLiveState(session.state).qsort : null;
    return session && runtime ? { session, runtime } : null;
  }

  /** The session's live Q-sort's activity ('' standalone): sorts of other Q-sorts in the workshop are not this one's. */
  const activityOf = (runtime: QsortRuntime | null | undefined) => runtime?.activityId ?? '';
  /**
   * The merged Q-sorts that are still there, with their sessions' titles. Checked again here, not
   * only when merged: a study reads only Q-sorts of its own project with the same statements and
   * grid (and still running the same activity), whatever a command may have named.
   */
  async function mergedStudies(sessionId: string, runtime: QsortRuntime | undefined): Promise<{ sessionId: string; activityId: string; title: string }[]> {
    const merged: readonly MergedStudy[] = runtime?.merged ?? [];
    if (!runtime || merged.length === 0) return [];
    const [own] = await db.select({ projectId: liveSessions.projectId }).from(liveSessions).where(eq(liveSessions.id, sessionId));
    const rows = await db.select({ id: liveSessions.id, title: liveSessions.title, projectId: liveSessions.projectId, state: liveSessions.state }).from(liveSessions).where(inArray(liveSessions.id, merged.map((m) => m.sessionId)));
    return merged.flatMap((m) => {
      const row = rows.find((r) => r.id === m.sessionId && r.id !== sessionId && r.projectId === own?.projectId);
      const theirs = row ? readLiveState(row.state).qsort : null;
      return row && theirs && activityOf(theirs) === m.activityId && sameStudy(runtime, theirs) ? [{ sessionId: m.sessionId, activityId: m.activityId, title: row.title }] : [];
    });
  }

  /**
   * The project's other Q-sorts that can join this study (the same statements and grid), each
   * with its finished sorts and whether it is merged. Another project's sessions never show.
   */
  async function mergeCandidates(sessionId: string): Promise<Result<MergeCandidate[]>> {
    const found = await runtimeOf(sessionId);
    if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
    const { session, runtime } = found;
    const others = await db.select({ id: liveSessions.id, title: liveSessions.title, createdAt: liveSessions.createdAt, state: liveSessions.state }).from(liveSessions).where(eq(liveSessions.projectId, session.projectId)).orderBy(asc(liveSessions.createdAt));
    const candidates: MergeCandidate[] = [];
    for (const other of others) {
      if (other.id === sessionId) continue;
      const theirs = readLiveState(other.state).qsort;
      if (!theirs || !sameStudy(runtime, theirs)) continue;
      const activityId = activityOf(theirs);
      const done = await db.$count(qsorts, finishedOf(other.id, activityId));
      const merged = runtime.merged.some((m) => m.sessionId === other.id && m.activityId === activityId);
      candidates.push({ sessionId: other.id, activityId, title: other.title, createdAt: other.createdAt.toISOString(), done, merged });
    }
    return ok(candidates);
  }

  async function currentActivityId(sessionId: string): Promise<string> {
    return activityOf((await runtimeOf(sessionId))?.runtime);
  }
  const sortsOf = (sessionId: string, activityId: string) => and(eq(qsorts.sessionId, sessionId), eq(qsorts.activityId, activityId));
  /** The submitted sorts of one Q-sort: those the analysis, the counts and a merged study read. */
  const finishedOf = (sessionId: string, activityId: string) => and(sortsOf(sessionId, activityId), eq(qsorts.status, 'done'), isNotNull(qsorts.submittedAt));

  /** A sort's comments become feedback when it is submitted (the privacy guard has passed). */
  async function keepComments(tx: Db, session: LiveSessionRow, runtime: QsortRuntime, row: QsortRow) {
    await tx.delete(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'q_comment'), eq(feedbackItems.itemKey, row.id)));
    const author = row.state.pseudonym ? { authorKind: 'pseudonym' as const, authorName: row.state.pseudonym } : { authorKind: 'anonymous' as const, authorName: null };
    const base = { projectId: session.projectId, sessionId: session.id, workshopId: session.workshopId, activityId: runtime.activityId ?? null, kind: 'q_comment' as const, itemKey: row.id, ...author };
    const items: NewFeedbackItem[] = Object.entries(row.state.comments)
      .filter(([, text]) => text.trim())
      .map(([statement, text]) => ({ ...base, text, data: { statement, statementText: runtime.statements.find((s) => s.id === statement)?.text ?? '', setId: runtime.setId } }));
    if (row.state.missing.trim()) items.push({ ...base, text: row.state.missing, data: { statement: null, setId: runtime.setId } });
    if (items.length > 0) await tx.insert(feedbackItems).values(items);
  }

  return {
    runtimeOf,

    /** Opens a Q-sort session on a statement set: its statements and grid are frozen into it. */
    async open(userId: string, projectId: string, setId: string): Promise<Result<{ sessionId: string }>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const frozen = await freezeStatementSet(db, projectId, setId);
      if (!frozen.ok) return frozen.error.code === 'NOT_FOUND' ? fail('NOT_FOUND', 'no such statement set') : fail('BAD_REQUEST', frozen.error.message, { grid: 'GRID_SIZE_MISMATCH' });
      const runtime = frozen.data;
      const opened = await live.open(userId, projectId, { title: runtime.setName }, { qsort: runtime });
      return opened.ok ? ok({ sessionId: opened.data.id }) : opened;
    },

    async mine(sessionId: string, participantId: string): Promise<SavedSort | null> {
      if (!uuid.safeParse(sessionId).success) return null;
      const activityId = await currentActivityId(sessionId);
      const [row] = await db.select({ state: qsorts.state, rev: qsorts.rev }).from(qsorts).where(and(sortsOf(sessionId, activityId), eq(qsorts.participantId, participantId)));
      return row ?? null;
    },

    /** Saves a participant's whole sort (validated by `saveSortSchema` at the socket's edge); `step: 'done'` submits it, which needs every cell filled. */
    async save(sessionId: string, participantId: string, input: SaveSortInput): Promise<Result<{ status: 'sorting' | 'done' }>> {
      const found = await runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      const { session, runtime } = found;
      if (session.status === 'ended') return fail('SESSION_ENDED', 'session ended');
      if (!runtime.open) return fail('LOCKED', 'the facilitator has closed the sorting');
      const state = input.state;
      if (sortProblem(state, runtime.grid, runtime.statements.map((s) => s.id))) return fail('BAD_REQUEST', 'the sort does not fit the grid');
      const done = state.step === 'done';
      if (done && !isComplete(state, runtime.grid)) return fail('BAD_REQUEST', 'not every cell is filled', { grid: 'INCOMPLETE' });
      const status = done ? ('done' as const) : ('sorting' as const);
      const rev = input.rev;
      // One participant's saves are applied one at a time, and never out of order: a save
      // older than the stored revision, or anything but a resubmission once submitted, is
      // acknowledged with what is stored and changes nothing.
      const activityId = activityOf(runtime);
      return serially(`${sessionId}:${participantId}`, () =>
        db.transaction(async (tx) => {
          // Another process saving the same sort waits here, then finds the row this one wrote.
          await lockRowSet(tx, `qsort:${sessionId}:${activityId}:${participantId}`);
          const [current] = await tx.select().from(qsorts).where(and(sortsOf(sessionId, activityId), eq(qsorts.participantId, participantId))).for('update');
          if (current && (current.rev >= rev || (current.status === 'done' && !done))) return ok({ status: current.status });
          const typing = numbersBeingTyped(current?.state ?? null, state);
          if (typing.length > 0) return personalDataIn(typing);
          const now = new Date();
          const values = { state, status, rev, updatedAt: now, submittedAt: done ? now : null };
          const [row] = current
            ? await tx.update(qsorts).set(values).where(eq(qsorts.id, current.id)).returning()
            : // A help request (which takes no lock) may have started the row meanwhile: then this save fills it.
              await tx
                .insert(qsorts)
                .values({ sessionId, activityId, participantId, setId: runtime.setId, ...values })
                .onConflictDoUpdate({ target: [qsorts.sessionId, qsorts.activityId, qsorts.participantId], set: values })
                .returning();
          if (row && done) await keepComments(tx as unknown as Db, session, runtime, row);
          return ok({ status });
        }),
      );
    },

    /**
     * A paper sort the researcher types in: stored as a finished sort of its own (no participant,
     * `source: 'paper'`), so it is analysed and exported with the live ones. It must fill the
     * grid exactly; each wrong column is named. It is taken while sorting is open or closed, and
     * after the session ended, as paper sorts often come in later.
     */
    async addPaperSort(sessionId: string, input: PaperSortInput): Promise<Result<{ id: string }>> {
      const found = await runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      const { runtime } = found;
      const problems = paperSortProblems(input.columns, runtime.grid, runtime.statements.map((s) => s.id));
      if (problems) return fail('BAD_REQUEST', 'the paper sort does not fill the grid', problems);
      const now = new Date();
      const [row] = await db
        .insert(qsorts)
        .values({ sessionId, activityId: activityOf(runtime), participantId: null, setId: runtime.setId, state: paperSortState(input.columns, runtime.grid, input.pseudonym), status: 'done', rev: 1, submittedAt: now, updatedAt: now, source: 'paper' })
        .returning();
      if (!row) throw new Error('insert returned no row');
      return ok({ id: row.id });
    },

    /**
     * Sorts from a qmethod CSV or a PQMethod `.DAT` (`lib/qsort/import-sorts.ts`), stored as finished sorts with
     * `source: 'import'` in one transaction: all or nothing. A refusal names what is wrong in
     * `fields.file` (`BAD_FILE`, `STATEMENTS_DIFFER`, `SORT_DOES_NOT_FIT`, `PERSONAL_DATA`) and,
     * where it is one sort's fault, that sort's name in `fields.sort`.
     */
    async importSorts(sessionId: string, text: string): Promise<Result<{ imported: number }>> {
      const found = await runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      const { runtime } = found;
      const read = importSortsFile(text, runtime.grid, runtime.statements.map((s) => s.id));
      if (!read.ok) {
        const { problem } = read;
        const code = problem.code === 'PERSONAL_DATA' ? 'PERSONAL_DATA' : 'BAD_REQUEST';
        return fail(code, `the file cannot be imported: ${problem.code}`, { file: problem.code, ...('sort' in problem ? { sort: problem.sort } : {}) });
      }
      if (read.sorts.length === 0) return fail('BAD_REQUEST', 'the file holds no sorts', { file: 'BAD_FILE' });
      const now = Date.now();
      const activityId = activityOf(runtime);
      await db.insert(qsorts).values(
        read.sorts.map((s, i) => {
          // A millisecond apart, so they keep the file's order among the finished sorts.
          const at = new Date(now + i);
          return { sessionId, activityId, participantId: null, setId: runtime.setId, state: paperSortState(s.columns, runtime.grid, s.name), status: 'done' as const, rev: 1, submittedAt: at, updatedAt: at, source: 'import' as const };
        }),
      );
      return ok({ imported: read.sorts.length });
    },

    /** "I need help": a signal to the facilitator, with the statement in question if any. */
    async help(sessionId: string, participantId: string, input: HelpInput): Promise<Result<null>> {
      const found = await runtimeOf(sessionId);
      if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
      if (found.session.status === 'ended') return fail('SESSION_ENDED', 'session ended');
      if (!found.runtime.open && input.on) return fail('LOCKED', 'the facilitator has closed the sorting');
      const statement = input.statement && found.runtime.statements.some((s) => s.id === input.statement) ? input.statement : null;
      const values = input.on ? { helpRequestedAt: new Date(), helpStatement: statement } : { helpRequestedAt: null, helpStatement: null };
      // Someone may ask before their first save: then the help request starts their row.
      await db
        .insert(qsorts)
        .values({ sessionId, activityId: activityOf(found.runtime), participantId, setId: found.runtime.setId, state: emptySort(found.runtime.grid), ...values })
        .onConflictDoUpdate({ target: [qsorts.sessionId, qsorts.activityId, qsorts.participantId], set: values });
      return ok(null);
    },

    async resolveHelp(sessionId: string, sortId: string): Promise<Result<null>> {
      if (!uuid.safeParse(sortId).success) return fail('NOT_FOUND', 'no such sort');
      await db.update(qsorts).set({ helpRequestedAt: null, helpStatement: null }).where(and(eq(qsorts.sessionId, sessionId), eq(qsorts.id, sortId)));
      return ok(null);
    },

    async progress(sessionId: string): Promise<QsortProgress> {
      const runtime = (await runtimeOf(sessionId))?.runtime;
      const activityId = activityOf(runtime);
      let merged = 0;
      for (const study of await mergedStudies(sessionId, runtime)) {
        merged += await db.$count(qsorts, finishedOf(study.sessionId, study.activityId));
      }
      const rows = await db
        .select({ id: qsorts.id, participantId: qsorts.participantId, status: qsorts.status, source: qsorts.source, help: qsorts.helpRequestedAt, statement: qsorts.helpStatement })
        .from(qsorts)
        .where(sortsOf(sessionId, activityId))
        .orderBy(asc(qsorts.createdAt), asc(qsorts.id));
      // "Deltaker N" as everywhere in the session (join order), so the console's participant
      // list and a help request name the same person by the same number.
      const numbers = participantNumbers(await db.select({ id: participants.id, joinedAt: participants.joinedAt }).from(participants).where(eq(participants.sessionId, sessionId)));
      return {
        sorting: rows.filter((r) => r.status === 'sorting').length,
        // The study's finished sorts: the analysis runs on all of them, merged ones included.
        done: rows.filter((r) => r.status === 'done').length + merged,
        paper: rows.filter((r) => r.status === 'done' && r.source === 'paper').length,
        merged,
        help: rows.flatMap((r) => {
          const number = r.participantId ? numbers.get(r.participantId) : undefined;
          // A sort's participant is gone only once their contributions were erased (the sort with them).
          return r.help && number ? [{ sortId: r.id, number, statement: r.statement, at: r.help.toISOString() }] : [];
        }),
      };
    },

    /**
     * The submitted sorts named by pseudonym (or a number) for the analysis: this Q-sort's own,
     * oldest first, then those of each Q-sort merged into the study, in the order merged, each
     * with the title of the session it was sorted in. Merged sorts are read where they live, so
     * an erased or deleted one is gone from the study too.
     */
    async finished(sessionId: string): Promise<FinishedSort[]> {
      const runtime = (await runtimeOf(sessionId))?.runtime;
      const studies = [{ sessionId, activityId: activityOf(runtime), title: null as string | null }, ...(await mergedStudies(sessionId, runtime))];
      const rows = [];
      for (const study of studies) {
        const own = await db
          .select({ id: qsorts.id, state: qsorts.state, source: qsorts.source, submittedAt: qsorts.submittedAt })
          .from(qsorts)
          .where(finishedOf(study.sessionId, study.activityId))
          .orderBy(asc(qsorts.submittedAt), asc(qsorts.id));
        rows.push(...own.map((r) => ({ ...r, study: study.title })));
      }
      const used = new Set<string>();
      return rows.map((r, i) => {
        let name = r.state.pseudonym.trim() || `Q${i + 1}`;
        for (let n = 2; used.has(name); n++) name = `${r.state.pseudonym.trim() || `Q${i + 1}`} (${n})`;
        used.add(name);
        return { id: r.id, name, state: r.state, source: r.source, ...(r.submittedAt ? { submittedAt: r.submittedAt.toISOString() } : {}), ...(r.study === null ? {} : { study: r.study }) };
      });
    },

    /** The project's other Q-sorts that can join this study (`mergeCandidates`). */
    studies: mergeCandidates,

    /** Takes a candidate's sorts into this study, or lets them go (a command, so every console sees it); answers the candidates. */
    async merge(sessionId: string, userId: string, change: { session: string; merged: boolean }): Promise<Result<MergeCandidate[]>> {
      const before = await mergeCandidates(sessionId);
      if (!before.ok) return before;
      const candidate = before.data.find((c) => c.sessionId === change.session);
      if (!candidate) return fail('NOT_FOUND', 'no Q-sort of the same statements in this project', { study: 'NOT_FOUND' });
      const study = { sessionId: candidate.sessionId, activityId: candidate.activityId };
      const done = await live.command(sessionId, { type: 'qsort', command: { type: 'merge', study, merged: change.merged } }, { kind: 'facilitator', userId });
      if (!done.ok) return done;
      return mergeCandidates(sessionId);
    },

    /** Keeps the named factors (name, description, array) as feedback, replacing earlier ones of the same Q-sort. */
    keepFactors(session: LiveSessionRow, items: NewFeedbackItem[]): Promise<void> {
      const activityId = activityOf(readLiveState(session.state).qsort);
      const own = activityId ? eq(feedbackItems.activityId, activityId) : undefined;
      return serially(`${session.id}:factors`, () => db.transaction(async (tx) => {
        await lockRowSet(tx, `q-factors:${session.id}:${activityId}`);
        await tx.delete(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), inArray(feedbackItems.kind, ['q_factor']), own));
        if (items.length > 0) await tx.insert(feedbackItems).values(items);
      }));
    },
  };
}
export type QsortService = ReturnType<typeof createQsortService>;
