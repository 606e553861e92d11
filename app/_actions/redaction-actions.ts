'use server';

import { revalidatePath } from 'next/cache';
import { getServices } from '@/server/registry';
import type { ActionResult } from './result';
import { withUser } from './with-user';

/**
 * Redacting a contribution after its session, from the archive or a finding's page: its text
 * is emptied (and taken out of the board or notes it came from), the audit log records who.
 */
export async function redactFeedbackItemAction(projectId: string, itemId: string): Promise<ActionResult> {
  return withUser([projectId, itemId], async (userId) => {
    const result = await getServices().redaction.redactAsMember(userId, projectId, itemId);
    if (!result.ok) return result;
    revalidatePath(`/prosjekter/${projectId}`, 'layout');
    return { ok: true, data: null };
  });
}
