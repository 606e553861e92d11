'use server';

import { revalidatePath } from 'next/cache';
import { getServices } from '@/server/registry';
import type { ActionResult } from './result';
import { withUser } from './with-user';

/**
 * Switches a workshop session's closing summary on the big screen, or the phones' short summary
 * after the end. `command` is `{type: 'showSummary', show}` or `{type: 'setPhoneSummary', on}`;
 * the service validates it and runs it through the session's command pipeline.
 */
export async function setSessionSummaryAction(projectId: string, sessionId: string, command: unknown): Promise<ActionResult<{ screen: boolean; phones: boolean }>> {
  return withUser([projectId, sessionId], async (userId) => {
    const result = await getServices().sessionResults.setSummary(userId, projectId, sessionId, command);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}/live/${sessionId}/resultater`);
    return result;
  });
}
