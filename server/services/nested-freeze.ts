import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { statements, statementSets, supervisionTemplates } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { gridProblem, suggestGrid } from '@/lib/qsort/grid';
import { instructionsSchema } from '@/lib/qsort/instructions';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { startSupervision, type SupervisionRuntime } from '@/lib/supervision/engine';
import { templateContentSchema } from '@/lib/supervision/template';

const uuid = z.uuid();

/**
 * Freezing what a Q-sort or a kollegaveiledning needs into a runtime, so a running session
 * does not change when the set or template is edited later. Used when a standalone session
 * opens and when a workshop with such activities starts. Callers authorise; these check only
 * that the set or template belongs to the project.
 */

/** A statement set's statements, grid and instructions, ready to sort; the grid must fit. */
export async function freezeStatementSet(db: Db, projectId: string, setId: string): Promise<Result<QsortRuntime>> {
  if (!uuid.safeParse(setId).success) return fail('NOT_FOUND', 'no such statement set', { setId: 'NOT_FOUND' });
  const [set] = await db.select().from(statementSets).where(and(eq(statementSets.id, setId), eq(statementSets.projectId, projectId)));
  if (!set) return fail('NOT_FOUND', 'no such statement set', { setId: 'NOT_FOUND' });
  const rows = await db.select().from(statements).where(eq(statements.setId, setId)).orderBy(asc(statements.position), asc(statements.code));
  const grid = set.grid ?? suggestGrid(rows.length);
  if (rows.length < 2 || gridProblem(grid, rows.length)) return fail('BAD_REQUEST', 'the grid does not fit the statements', { grid: 'GRID_SIZE_MISMATCH', setId: 'GRID_SIZE_MISMATCH' });
  return ok({
    setId,
    setName: set.name,
    grid,
    instructions: instructionsSchema.parse(set.instructions),
    statements: rows.map((s) => ({ id: String(s.code), text: s.text })),
    open: true,
    display: null,
    factorNames: [],
    merged: [],
  });
}

/** A template's rounds as a fresh kollegaveiledning (no standing group, nothing carried over). */
export async function freezeTemplate(db: Db, projectId: string, templateId: string): Promise<Result<SupervisionRuntime>> {
  if (!uuid.safeParse(templateId).success) return fail('NOT_FOUND', 'no such template', { templateId: 'NOT_FOUND' });
  const [row] = await db.select().from(supervisionTemplates).where(and(eq(supervisionTemplates.id, templateId), eq(supervisionTemplates.projectId, projectId)));
  const content = row ? templateContentSchema.safeParse(row) : null;
  if (!content?.success) return fail('NOT_FOUND', 'no such template', { templateId: 'NOT_FOUND' });
  return ok(startSupervision({ groupId: null, templateName: content.data.name, allowSkip: content.data.allowSkip, rounds: content.data.rounds, previousAgreements: [] }));
}
