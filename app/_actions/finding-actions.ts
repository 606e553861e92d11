'use server';

import { revalidatePath } from 'next/cache';
import { getServices } from '@/server/registry';
import { withUser } from './with-user';
import type { ActionResult } from './result';

/**
 * The findings library. Ids are checked by `withUser`; the findings service authorises by
 * project membership, validates every input with zod and runs the privacy guard.
 */
const refresh = (projectId: string, findingId?: string) => {
  revalidatePath(`/prosjekter/${projectId}`);
  revalidatePath(`/prosjekter/${projectId}/funn`);
  if (findingId) revalidatePath(`/prosjekter/${projectId}/funn/${findingId}`);
};

/** Drops the row data: the pages re-render from the server after `refresh`. */
const done = <T>(result: ActionResult<T>): ActionResult => (result.ok ? { ok: true, data: null } : result);

export async function createFindingAction(projectId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId], async (userId) => {
    const result = await getServices().findings.create(userId, projectId, input);
    if (result.ok) refresh(projectId);
    return done(result);
  });
}

export async function updateFindingAction(projectId: string, findingId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId, findingId], async (userId) => {
    const result = await getServices().findings.update(userId, projectId, findingId, input);
    if (result.ok) refresh(projectId, findingId);
    return done(result);
  });
}

export async function deleteFindingAction(projectId: string, findingId: string): Promise<ActionResult> {
  return withUser([projectId, findingId], async (userId) => {
    const result = await getServices().findings.remove(userId, projectId, findingId);
    if (result.ok) refresh(projectId, findingId);
    return result;
  });
}

export async function moveFindingAction(projectId: string, findingId: string, direction: number): Promise<ActionResult> {
  return withUser([projectId, findingId], async (userId) => {
    const result = await getServices().findings.move(userId, projectId, findingId, direction < 0 ? -1 : 1);
    if (result.ok) refresh(projectId);
    return result;
  });
}

/** Appends the findings in pasted text; `phaseId` '' means none. */
export async function importFindingsAction(projectId: string, text: unknown, phaseId: unknown): Promise<ActionResult<{ count: number }>> {
  return withUser([projectId], async (userId) => {
    const phase = typeof phaseId === 'string' && phaseId !== '' ? phaseId : null;
    const result = await getServices().findings.importText(userId, projectId, text, phase);
    if (result.ok) refresh(projectId);
    return result;
  });
}

/** Moves a finding to a new status with the note that justifies it; the history keeps both. */
export async function setFindingStatusAction(projectId: string, findingId: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  return withUser([projectId, findingId], async (userId) => {
    const result = await getServices().findings.setStatus(userId, projectId, findingId, input);
    if (result.ok) refresh(projectId, findingId);
    return result;
  });
}
