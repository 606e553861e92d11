'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getServices } from '@/server/registry';
import { currentUser } from '../_lib/auth';
import { unauthenticated, type ActionResult } from './result';

/** Moves a finding to a new status with the note that justifies it; history keeps both. */
export async function setFindingStatusAction(projectId: string, findingId: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  const user = await currentUser();
  if (!user) return unauthenticated();
  if (!z.uuid().safeParse(projectId).success || !z.uuid().safeParse(findingId).success) return { ok: false, error: { code: 'NOT_FOUND', message: 'bad id' } };
  const result = await getServices().findingEvidence.setStatus(user.id, projectId, findingId, input);
  if (result.ok) {
    revalidatePath(`/prosjekter/${projectId}/funn/${findingId}`);
    revalidatePath(`/prosjekter/${projectId}`);
  }
  return result;
}
