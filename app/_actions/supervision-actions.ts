'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getServices } from '@/server/registry';
import { withUser } from './with-user';
import type { ActionResult } from './result';

/**
 * Preparing kollegaveiledning: groups, templates and starting a meeting. Ids are checked by
 * `withUser`; the supervision service authorises by project membership, checks that groups
 * and templates belong to `projectId`, and validates every input.
 */
const refresh = (projectId: string, templateId?: string) => {
  revalidatePath(`/prosjekter/${projectId}`);
  revalidatePath(`/prosjekter/${projectId}/kollegaveiledning`);
  if (templateId) revalidatePath(`/prosjekter/${projectId}/kollegaveiledning/maler/${templateId}`);
};

/** Creates a standing veiledningsgruppe; the page stays where it is. */
export async function createGroupAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return withUser([projectId], async (userId) => {
    const created = await getServices().supervision.createGroup(userId, projectId, input);
    if (!created.ok) return created;
    refresh(projectId);
    return { ok: true, data: { id: created.data.id, name: created.data.name } };
  });
}

/** Opens a meeting of the group with its template and goes to the live console. */
export async function startMeetingAction(projectId: string, groupId: string): Promise<ActionResult<{ sessionId: string }>> {
  const result = await withUser([projectId, groupId], (userId) => getServices().supervision.openMeeting(userId, projectId, groupId));
  if (result.ok) {
    refresh(projectId);
    redirect(`/prosjekter/${projectId}/live/${result.data.sessionId}`);
  }
  return result;
}

/** A new template as a copy of an existing one, opened in the editor. */
export async function copyTemplateAction(projectId: string, templateId: string): Promise<ActionResult<{ id: string }>> {
  const t = await getTranslations('supervisionPrep.templates');
  const result = await withUser([projectId, templateId], async (userId) => {
    const services = getServices();
    const found = await services.supervision.getTemplate(userId, templateId);
    if (!found.ok) return found;
    const { name, description, allowSkip, rounds } = found.data;
    const saved = await services.supervision.saveTemplate(userId, projectId, null, { name: t('copyName', { name }).slice(0, 80), description, allowSkip, rounds });
    return saved.ok ? { ok: true, data: { id: saved.data.id } } : saved;
  });
  if (result.ok) {
    refresh(projectId);
    redirect(`/prosjekter/${projectId}/kollegaveiledning/maler/${result.data.id}`);
  }
  return result;
}

/** Replaces a template's content; a refused save returns field errors and changes nothing. */
export async function saveTemplateAction(projectId: string, templateId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId, templateId], async (userId) => {
    const saved = await getServices().supervision.saveTemplate(userId, projectId, templateId, input);
    if (!saved.ok) return saved;
    refresh(projectId, templateId);
    return { ok: true, data: null };
  });
}
