import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { statements, statementSets, type Statement } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { personalDataKinds } from '@/lib/privacy-guard';
import { gridProblem, gridSchema, seedGrid, suggestGrid, type Grid } from '@/lib/qsort/grid';
import { instructionFor, instructionsSchema, qsortSteps, type Instructions, type QsortStep } from '@/lib/qsort/instructions';
import { readStatementImport, type ImportFormat } from '@/lib/qsort/statement-import';
import { MIN_SUGGESTED, newStatementSchema, setNameSchema, statementSchema, STATEMENT_LIMITS } from '@/lib/qsort/statement-schemas';
import type { AuditService } from './audit-service';
import type { ProjectService } from './project-service';

/** A set as the list page shows it. */
export interface StatementSetSummary {
  id: string;
  name: string;
  count: number;
  /** Whether the saved grid (or, with none saved, the suggested one) has one cell per statement. */
  gridFits: boolean;
  updatedAt: Date;
}

/** Everything a Q-sort of the set needs, in the order participants see it. */
export interface StatementSetView {
  id: string;
  projectId: string;
  name: string;
  /** Statements by position (then code). */
  statements: Statement[];
  /** The grid to sort into: the saved one, or `suggestGrid(n)` when none is saved (n ≥ 4). */
  grid: Grid;
  /** True when no grid is saved and `grid` is the suggestion. */
  gridSuggested: boolean;
  /** Whether `grid` has exactly one cell per statement; a Q-sort cannot start otherwise. */
  gridFits: boolean;
  /** The instruction for each step: the project's own text, else the default. */
  instructions: Record<QsortStep, string>;
  /** Only the steps the project changed (what the editor saves). */
  customInstructions: Instructions;
  updatedAt: Date;
}

/**
 * The grid a set without a saved one is sorted into. `suggestGrid` needs at least 4 statements
 * (below that it gives negative counts), so tiny sets show the seed grid, which does not fit.
 */
const effectiveGrid = (saved: Grid | null, n: number): Grid => saved ?? (n >= MIN_SUGGESTED ? suggestGrid(n) : seedGrid);
const fits = (grid: Grid, n: number) => n > 0 && gridSchema.safeParse(grid).success && gridProblem(grid, n) === null;

const personal = (text: string) => personalDataKinds(text).length > 0;

/** Postgres' unique_violation, wherever the driver put it (drizzle wraps errors in `cause`). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Q-sets of a project: statements with the codes researchers use, their order, the forced grid
 * and the instruction for each step. Every verb authorises by membership of the set's project.
 */
export function createStatementSetService(db: Db, projects: ProjectService, audit: AuditService) {
  const record = (userId: string, action: string, projectId: string, target?: string, details?: Record<string, unknown>) =>
    audit.record({ actorKind: 'user', actorId: userId, action, projectId, target, details });

  /** The set's project, when the user is a member of it; NOT_FOUND otherwise (no leaking). */
  async function authorise(userId: string, setId: string): Promise<Result<{ projectId: string }>> {
    const [set] = await db.select({ projectId: statementSets.projectId }).from(statementSets).where(eq(statementSets.id, setId));
    if (!set) return fail('NOT_FOUND', 'no such statement set');
    const role = await projects.authorise(set.projectId, userId, 'member');
    return role.ok ? ok(set) : role;
  }

  const touch = (setId: string) => db.update(statementSets).set({ updatedAt: new Date() }).where(eq(statementSets.id, setId));
  const ordered = (setId: string) => db.select().from(statements).where(eq(statements.setId, setId)).orderBy(asc(statements.position), asc(statements.code));
  const inSet = (setId: string, statementId: string) => and(eq(statements.id, statementId), eq(statements.setId, setId));

  async function codeTaken(setId: string, code: number, except?: string) {
    const rows = await db.select({ id: statements.id }).from(statements).where(and(eq(statements.setId, setId), eq(statements.code, code)));
    return rows.some((r) => r.id !== except);
  }

  /** The set for trusted server code that has already authorised the caller (e.g. a live session). */
  async function read(setId: string): Promise<StatementSetView | null> {
    const [set] = await db.select().from(statementSets).where(eq(statementSets.id, setId));
    if (!set) return null;
    const rows = await ordered(setId);
    const grid = effectiveGrid(set.grid, rows.length);
    const custom = set.instructions ?? {};
    return {
      id: set.id,
      projectId: set.projectId,
      name: set.name,
      statements: rows,
      grid,
      gridSuggested: set.grid === null,
      gridFits: fits(grid, rows.length),
      instructions: Object.fromEntries(qsortSteps.map((step) => [step, instructionFor(custom, step)])) as Record<QsortStep, string>,
      customInstructions: custom,
      updatedAt: set.updatedAt,
    };
  }

  /** Runs `change` for a member; NOT_FOUND when the set is not theirs. */
  async function asMember<T>(userId: string, setId: string, change: (projectId: string) => Promise<Result<T>>): Promise<Result<T>> {
    const set = await authorise(userId, setId);
    return set.ok ? change(set.data.projectId) : set;
  }

  return {
    read,

    /** The project's sets, oldest first, with statement counts and whether each grid fits. */
    async list(userId: string, projectId: string): Promise<Result<StatementSetSummary[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const rows = await db
        .select({ id: statementSets.id, name: statementSets.name, grid: statementSets.grid, updatedAt: statementSets.updatedAt, count: sql<number>`count(${statements.id})::int` })
        .from(statementSets)
        .leftJoin(statements, eq(statements.setId, statementSets.id))
        .where(eq(statementSets.projectId, projectId))
        .groupBy(statementSets.id)
        .orderBy(asc(statementSets.createdAt), asc(statementSets.name));
      return ok(rows.map(({ grid, ...r }) => ({ ...r, gridFits: fits(effectiveGrid(grid, r.count), r.count) })));
    },

    /** The set with its statements in order, the effective grid and instructions. */
    async get(userId: string, setId: string): Promise<Result<StatementSetView>> {
      const set = await authorise(userId, setId);
      if (!set.ok) return set;
      const view = await read(setId);
      return view ? ok(view) : fail('NOT_FOUND', 'no such statement set');
    },

    async create(userId: string, projectId: string, input: unknown): Promise<Result<{ id: string }>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = setNameSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid set', fieldErrors(parsed.error));
      const [created] = await db.insert(statementSets).values({ projectId, name: parsed.data.name }).returning({ id: statementSets.id });
      if (!created) throw new Error('insert returned no row');
      await record(userId, 'statement_set.create', projectId, created.id);
      return ok(created);
    },

    async rename(userId: string, setId: string, input: unknown): Promise<Result<null>> {
      return asMember(userId, setId, async (projectId) => {
        const parsed = setNameSchema.safeParse(input);
        if (!parsed.success) return parseFailure(parsed.error, 'invalid set', fieldErrors(parsed.error));
        await db.update(statementSets).set({ name: parsed.data.name, updatedAt: new Date() }).where(eq(statementSets.id, setId));
        await record(userId, 'statement_set.rename', projectId, setId);
        return ok(null);
      });
    },

    /** Deletes the set and its statements. */
    async remove(userId: string, setId: string): Promise<Result<{ projectId: string }>> {
      return asMember(userId, setId, async (projectId) => {
        await db.delete(statementSets).where(eq(statementSets.id, setId));
        await record(userId, 'statement_set.delete', projectId, setId);
        return ok({ projectId });
      });
    },

    /** Appends a statement; without a code it gets the highest code + 1. */
    async addStatement(userId: string, setId: string, input: unknown): Promise<Result<Statement>> {
      return asMember(userId, setId, async (projectId) => {
        const parsed = newStatementSchema.safeParse(input);
        if (!parsed.success) return parseFailure(parsed.error, 'invalid statement', fieldErrors(parsed.error));
        const [stats] = await db
          .select({ code: max(statements.code), position: max(statements.position), count: sql<number>`count(*)::int` })
          .from(statements)
          .where(eq(statements.setId, setId));
        if ((stats?.count ?? 0) >= STATEMENT_LIMITS.statements) return fail('BAD_REQUEST', 'set is full', { text: 'TOO_MANY' });
        const code = parsed.data.code ?? (stats?.code ?? 0) + 1;
        if (code > STATEMENT_LIMITS.code) return fail('BAD_REQUEST', 'no free code', { code: 'CODE_INVALID' });
        if (await codeTaken(setId, code)) return fail('CONFLICT', 'code taken', { code: 'CODE_TAKEN' });
        try {
          const [created] = await db
            .insert(statements)
            .values({ setId, code, text: parsed.data.text, position: (stats?.position ?? -1) + 1 })
            .returning();
          if (!created) throw new Error('insert returned no row');
          await touch(setId);
          await record(userId, 'statement.create', projectId, created.id, { setId, code });
          return ok(created);
        } catch (err) {
          if (isUniqueViolation(err)) return fail('CONFLICT', 'code taken', { code: 'CODE_TAKEN' });
          throw err;
        }
      });
    },

    async updateStatement(userId: string, setId: string, statementId: string, input: unknown): Promise<Result<Statement>> {
      return asMember(userId, setId, async (projectId) => {
        const parsed = statementSchema.safeParse(input);
        if (!parsed.success) return parseFailure(parsed.error, 'invalid statement', fieldErrors(parsed.error));
        if (await codeTaken(setId, parsed.data.code, statementId)) return fail('CONFLICT', 'code taken', { code: 'CODE_TAKEN' });
        try {
          const [updated] = await db.update(statements).set(parsed.data).where(inSet(setId, statementId)).returning();
          if (!updated) return fail('NOT_FOUND', 'no such statement');
          await touch(setId);
          await record(userId, 'statement.update', projectId, statementId, { setId, code: updated.code });
          return ok(updated);
        } catch (err) {
          if (isUniqueViolation(err)) return fail('CONFLICT', 'code taken', { code: 'CODE_TAKEN' });
          throw err;
        }
      });
    },

    async removeStatement(userId: string, setId: string, statementId: string): Promise<Result<null>> {
      return asMember(userId, setId, async (projectId) => {
        const deleted = await db.delete(statements).where(inSet(setId, statementId)).returning({ code: statements.code });
        if (deleted.length === 0) return fail('NOT_FOUND', 'no such statement');
        await touch(setId);
        await record(userId, 'statement.delete', projectId, statementId, { setId, code: deleted[0]!.code });
        return ok(null);
      });
    },

    /** Moves a statement one place up (-1) or down (+1); at either end nothing happens. */
    async moveStatement(userId: string, setId: string, statementId: string, direction: -1 | 1): Promise<Result<null>> {
      return asMember(userId, setId, async () => {
        const found = await db.transaction(async (tx) => {
          const rows = await tx.select().from(statements).where(eq(statements.setId, setId)).orderBy(asc(statements.position), asc(statements.code));
          const i = rows.findIndex((s) => s.id === statementId);
          if (i < 0) return false;
          const j = i + direction;
          if (j < 0 || j >= rows.length) return true;
          // Renumber the whole set 0..n-1 with the two swapped: repairs equal or gapped positions too.
          [rows[i], rows[j]] = [rows[j]!, rows[i]!];
          for (const [position, row] of rows.entries()) {
            if (row.position !== position) await tx.update(statements).set({ position }).where(eq(statements.id, row.id));
          }
          return true;
        });
        if (!found) return fail('NOT_FOUND', 'no such statement');
        await touch(setId);
        return ok(null);
      });
    },

    /** Puts the statements in the given order; `ids` must be exactly the set's statements. */
    async reorder(userId: string, setId: string, ids: unknown): Promise<Result<null>> {
      return asMember(userId, setId, async (projectId) => {
        if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail('BAD_REQUEST', 'ids must be strings');
        const done = await db.transaction(async (tx) => {
          const rows = await tx.select({ id: statements.id }).from(statements).where(eq(statements.setId, setId));
          const known = new Set(rows.map((r) => r.id));
          if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) return false;
          for (const [position, id] of (ids as string[]).entries()) await tx.update(statements).set({ position }).where(eq(statements.id, id));
          return true;
        });
        if (!done) return fail('BAD_REQUEST', 'order must list every statement of the set once');
        await touch(setId);
        await record(userId, 'statement_set.reorder', projectId, setId);
        return ok(null);
      });
    },

    /** Appends statements pasted as a text list or CSV (see lib/qsort/statement-import.ts); all or nothing. */
    async importStatements(userId: string, setId: string, text: unknown): Promise<Result<{ count: number; format: ImportFormat }>> {
      return asMember(userId, setId, async (projectId) => {
        if (typeof text !== 'string' || text.length > STATEMENT_LIMITS.importText) return fail('BAD_REQUEST', 'invalid import text', { text: 'TOO_LONG' });
        // The whole text as well as each statement: a number split over two lines is two statements.
        if (personal(text)) return fail('PERSONAL_DATA', 'personal data in import text', { text: 'PERSONAL_DATA' });
        const outcome = await db.transaction(async (tx) => {
          const rows = await tx.select({ code: statements.code, position: statements.position }).from(statements).where(eq(statements.setId, setId));
          const parsed = readStatementImport(text, rows.map((r) => r.code), personal);
          if (!parsed.ok) return parsed;
          const start = Math.max(-1, ...rows.map((r) => r.position)) + 1;
          await tx.insert(statements).values(parsed.statements.map((s, i) => ({ setId, code: s.code!, text: s.text, position: start + i })));
          return parsed;
        });
        if (!outcome.ok) {
          const { code, line } = outcome.error;
          const appCode = code === 'PERSONAL_DATA' ? 'PERSONAL_DATA' : code === 'CODE_TAKEN' ? 'CONFLICT' : 'BAD_REQUEST';
          return fail(appCode, `import refused: ${code}`, { text: code, ...(line === undefined ? {} : { line: String(line) }) });
        }
        await touch(setId);
        await record(userId, 'statement.import', projectId, setId, { count: outcome.statements.length, format: outcome.format });
        return ok({ count: outcome.statements.length, format: outcome.format });
      });
    },

    /**
     * Saves the forced distribution; it must have one cell per statement (field `counts`:
     * GRID_SIZE_MISMATCH). `null` goes back to the suggested grid.
     */
    async saveGrid(userId: string, setId: string, input: unknown): Promise<Result<{ grid: Grid | null }>> {
      return asMember(userId, setId, async (projectId) => {
        let grid: Grid | null = null;
        if (input !== null) {
          const parsed = gridSchema.safeParse(input);
          if (!parsed.success) {
            const edge = parsed.error.issues.some((i) => i.message === 'EMPTY_EDGE');
            return fail('BAD_REQUEST', 'invalid grid', edge ? { counts: 'EMPTY_EDGE' } : fieldErrors(parsed.error));
          }
          const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(statements).where(eq(statements.setId, setId));
          if (gridProblem(parsed.data, count?.n ?? 0)) return fail('BAD_REQUEST', 'grid does not fit the statements', { counts: 'GRID_SIZE_MISMATCH' });
          grid = parsed.data;
        }
        await db.update(statementSets).set({ grid, updatedAt: new Date() }).where(eq(statementSets.id, setId));
        await record(userId, 'statement_set.grid', projectId, setId, { grid });
        return ok({ grid });
      });
    },

    /** Saves the instructions; steps left empty or equal to the default follow the default. */
    async saveInstructions(userId: string, setId: string, input: unknown): Promise<Result<Instructions>> {
      return asMember(userId, setId, async (projectId) => {
        const parsed = instructionsSchema.safeParse(input);
        if (!parsed.success) return parseFailure(parsed.error, 'invalid instructions', fieldErrors(parsed.error));
        const custom: Instructions = {};
        for (const step of qsortSteps) {
          const text = parsed.data[step];
          if (!text || text === instructionFor({}, step)) continue;
          if (personal(text)) return fail('PERSONAL_DATA', 'personal data in instructions', { [step]: 'PERSONAL_DATA' });
          custom[step] = text;
        }
        await db.update(statementSets).set({ instructions: custom, updatedAt: new Date() }).where(eq(statementSets.id, setId));
        await record(userId, 'statement_set.instructions', projectId, setId, { steps: Object.keys(custom) });
        return ok(custom);
      });
    },
  };
}
export type StatementSetService = ReturnType<typeof createStatementSetService>;
