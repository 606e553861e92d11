'use server';

import { revalidatePath } from 'next/cache';
import { getServices } from '@/server/registry';
import type { ActionResult } from './result';
import { withUser } from './with-user';

/** Tags an archived feedback item with one of the project's tags (made on first use, by name). */
export async function tagItemAction(projectId: string, itemId: string, name: unknown): Promise<ActionResult<{ tagId: string }>> {
  return withUser([projectId, itemId], async (userId) => {
    const result = await getServices().archiveSearch.tagItem(userId, projectId, itemId, { name });
    if (result.ok) revalidatePath(`/prosjekter/${projectId}/tilbakemeldinger`, 'layout');
    return result;
  });
}

/** Takes a tag off an item; the tag stays in the project. */
export async function untagItemAction(projectId: string, itemId: string, tagId: string): Promise<ActionResult> {
  return withUser([projectId, itemId, tagId], async (userId) => {
    const result = await getServices().archiveSearch.untagItem(userId, projectId, itemId, tagId);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}/tilbakemeldinger`, 'layout');
    return result;
  });
}
