'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import { getServices } from '@/server/registry';
import { withUser } from './with-user';
import type { ActionResult } from './result';

/**
 * Preparing a workshop. Ids are checked by `withUser`; the workshop service authorises by the
 * workshop's own project and validates every input, so `projectId` here only picks the pages
 * to refresh and where to go next.
 */
const refresh = (projectId: string, workshopId?: string) => {
  revalidatePath(`/prosjekter/${projectId}`);
  revalidatePath(`/prosjekter/${projectId}/verksted`);
  if (workshopId) revalidatePath(`/prosjekter/${projectId}/verksted/${workshopId}`);
};

/** Creates the workshop with its default agenda and opens it in the agenda editor. */
export async function createWorkshopAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await withUser([projectId], async (userId) => {
    const created = await getServices().workshops.create(userId, projectId, input);
    return created.ok ? { ok: true, data: { id: created.data.id } } : created;
  });
  if (result.ok) {
    refresh(projectId);
    redirect(`/prosjekter/${projectId}/verksted/${result.data.id}`);
  }
  return result;
}

export async function updateWorkshopAction(projectId: string, workshopId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId, workshopId], async (userId) => {
    const result = await getServices().workshops.update(userId, workshopId, input);
    if (!result.ok) return result;
    refresh(projectId, workshopId);
    return { ok: true, data: null };
  });
}

/** Deletes the workshop with the sessions that ran it and all they produced; `confirmation` is its typed title. */
export async function deleteWorkshopAction(projectId: string, workshopId: string, confirmation: unknown): Promise<ActionResult> {
  const result = await withUser([projectId, workshopId], async (userId) => {
    const deleted = await getServices().deletion.deleteWorkshop(userId, workshopId, confirmation);
    return deleted.ok ? { ok: true, data: null } : deleted;
  });
  if (result.ok) {
    refresh(projectId);
    redirect(`/prosjekter/${projectId}/verksted`);
  }
  return result;
}

export async function addActivityAction(projectId: string, workshopId: string, input: unknown): Promise<ActionResult<AgendaActivity>> {
  return withUser([projectId, workshopId], async (userId) => {
    const result = await getServices().workshops.addActivity(userId, workshopId, input);
    if (result.ok) refresh(projectId, workshopId);
    return result;
  });
}

export async function updateActivityAction(projectId: string, workshopId: string, activityId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId, workshopId, activityId], async (userId) => {
    const result = await getServices().workshops.updateActivity(userId, workshopId, activityId, input);
    if (!result.ok) return result;
    refresh(projectId, workshopId);
    return { ok: true, data: null };
  });
}

export async function removeActivityAction(projectId: string, workshopId: string, activityId: string): Promise<ActionResult> {
  return withUser([projectId, workshopId, activityId], async (userId) => {
    const result = await getServices().workshops.removeActivity(userId, workshopId, activityId);
    if (result.ok) refresh(projectId, workshopId);
    return result;
  });
}

export async function moveActivityAction(projectId: string, workshopId: string, activityId: string, direction: number): Promise<ActionResult> {
  return withUser([projectId, workshopId, activityId], async (userId) => {
    const result = await getServices().workshops.moveActivity(userId, workshopId, activityId, direction < 0 ? -1 : 1);
    if (result.ok) refresh(projectId, workshopId);
    return result;
  });
}

/**
 * Opens a live session that runs this workshop: the session carries the workshop's id and
 * kind, and its agenda is frozen into the session state as it is now.
 */
export async function startWorkshopSessionAction(projectId: string, workshopId: string): Promise<ActionResult<{ id: string }>> {
  const result = await withUser([projectId, workshopId], async (userId) => {
    const services = getServices();
    const found = await services.workshops.get(userId, workshopId);
    if (!found.ok) return found;
    if (found.data.workshop.projectId !== projectId) return { ok: false, error: { code: 'NOT_FOUND', message: 'workshop of another project' } };
    const opened = await services.live.open(userId, projectId, { title: found.data.workshop.title }, { workshopId });
    return opened.ok ? { ok: true, data: { id: opened.data.id } } : opened;
  });
  if (result.ok) {
    refresh(projectId, workshopId);
    redirect(`/prosjekter/${projectId}/live/${result.data.id}`);
  }
  return result;
}
