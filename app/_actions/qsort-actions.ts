'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getServices } from '@/server/registry';
import { withUser } from './with-user';
import type { ActionResult } from './result';

/** Opens a live Q-sort of a statement set and goes to its console. */
export async function startQsortAction(projectId: string, setId: string): Promise<ActionResult<{ sessionId: string }>> {
  const result = await withUser([projectId, setId], (userId) => getServices().qsort.open(userId, projectId, setId));
  if (result.ok) {
    revalidatePath(`/prosjekter/${projectId}`);
    redirect(`/prosjekter/${projectId}/live/${result.data.sessionId}`);
  }
  return result;
}
