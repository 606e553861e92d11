'use server';

import { revalidatePath } from 'next/cache';
import { getServices } from '@/server/registry';
import { withUser } from './with-user';
import type { ActionResult } from './result';

/**
 * Statement sets (Q-sets). Ids are checked by `withUser`; the statement-set service authorises
 * by membership of the set's project, validates with zod and runs the privacy guard.
 */
const refresh = (projectId: string, setId?: string) => {
  revalidatePath(`/prosjekter/${projectId}`);
  revalidatePath(`/prosjekter/${projectId}/utsagn`);
  if (setId) revalidatePath(`/prosjekter/${projectId}/utsagn/${setId}`);
};

/** Drops the row data: the pages re-render from the server after `refresh`. */
const done = <T>(result: ActionResult<T>): ActionResult => (result.ok ? { ok: true, data: null } : result);

/** Runs a set-scoped verb and refreshes the set's pages when it worked. */
async function onSet<T>(projectId: string, setId: string, ids: unknown[], run: (userId: string) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  return withUser([projectId, setId, ...ids], async (userId) => {
    const result = await run(userId);
    if (result.ok) refresh(projectId, setId);
    return result;
  });
}

export async function createStatementSetAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return withUser([projectId], async (userId) => {
    const result = await getServices().statementSets.create(userId, projectId, input);
    if (result.ok) refresh(projectId);
    return result;
  });
}

export async function renameStatementSetAction(projectId: string, setId: string, input: unknown): Promise<ActionResult> {
  return onSet(projectId, setId, [], (userId) => getServices().statementSets.rename(userId, setId, input));
}

export async function deleteStatementSetAction(projectId: string, setId: string): Promise<ActionResult> {
  return done(await onSet(projectId, setId, [], (userId) => getServices().statementSets.remove(userId, setId)));
}

export async function addStatementAction(projectId: string, setId: string, input: unknown): Promise<ActionResult> {
  return done(await onSet(projectId, setId, [], (userId) => getServices().statementSets.addStatement(userId, setId, input)));
}

export async function updateStatementAction(projectId: string, setId: string, statementId: string, input: unknown): Promise<ActionResult> {
  return done(await onSet(projectId, setId, [statementId], (userId) => getServices().statementSets.updateStatement(userId, setId, statementId, input)));
}

export async function deleteStatementAction(projectId: string, setId: string, statementId: string): Promise<ActionResult> {
  return onSet(projectId, setId, [statementId], (userId) => getServices().statementSets.removeStatement(userId, setId, statementId));
}

export async function moveStatementAction(projectId: string, setId: string, statementId: string, direction: number): Promise<ActionResult> {
  return onSet(projectId, setId, [statementId], (userId) => getServices().statementSets.moveStatement(userId, setId, statementId, direction < 0 ? -1 : 1));
}

/** Appends the statements in pasted text (a list or CSV). */
export async function importStatementsAction(projectId: string, setId: string, text: unknown): Promise<ActionResult<{ count: number }>> {
  return onSet(projectId, setId, [], async (userId) => {
    const result = await getServices().statementSets.importStatements(userId, setId, text);
    return result.ok ? { ok: true, data: { count: result.data.count } } : result;
  });
}

/** Saves the grid; `null` goes back to the suggested one. */
export async function saveGridAction(projectId: string, setId: string, grid: unknown): Promise<ActionResult> {
  return done(await onSet(projectId, setId, [], (userId) => getServices().statementSets.saveGrid(userId, setId, grid)));
}

export async function saveInstructionsAction(projectId: string, setId: string, input: unknown): Promise<ActionResult> {
  return done(await onSet(projectId, setId, [], (userId) => getServices().statementSets.saveInstructions(userId, setId, input)));
}
