'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getServices } from '@/server/registry';
import { publicBaseUrl } from '../_lib/auth';
import type { ActionResult } from './result';
import { withUser } from './with-user';

export async function createProjectAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await withUser([], async (userId) => {
    const created = await getServices().projects.create(userId, input);
    return created.ok ? { ok: true, data: { id: created.data.id } } : created;
  });
  if (result.ok) redirect(`/prosjekter/${result.data.id}`);
  return result;
}

export async function updateProjectAction(projectId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId], async (userId) => {
    const result = await getServices().projects.update(userId, projectId, input);
    if (!result.ok) return result;
    revalidatePath(`/prosjekter/${projectId}`);
    return { ok: true, data: null };
  });
}

export async function setArchivedAction(projectId: string, archived: boolean): Promise<ActionResult> {
  return withUser([projectId], async (userId) => {
    const result = await getServices().projects.setArchived(userId, projectId, archived === true);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}`);
    return result;
  });
}

/** Owners only: deletes the project with everything in it; `confirmation` is its typed name. */
export async function deleteProjectAction(projectId: string, confirmation: unknown): Promise<ActionResult> {
  const result = await withUser([projectId], async (userId) => {
    const deleted = await getServices().deletion.deleteProject(userId, projectId, confirmation);
    return deleted.ok ? { ok: true, data: null } : deleted;
  });
  if (result.ok) {
    revalidatePath('/prosjekter');
    redirect('/prosjekter');
  }
  return result;
}

/** Deletes a live session with everything written in it; `confirmation` is its typed title. */
export async function deleteLiveSessionAction(projectId: string, sessionId: string, confirmation: unknown): Promise<ActionResult> {
  return withUser([projectId, sessionId], async (userId) => {
    const deleted = await getServices().deletion.deleteSession(userId, sessionId, confirmation);
    if (!deleted.ok) return deleted;
    revalidatePath(`/prosjekter/${projectId}`);
    return { ok: true, data: null };
  });
}

export async function addPhaseAction(projectId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId], async (userId) => {
    const result = await getServices().projects.addPhase(userId, projectId, input);
    if (!result.ok) return result;
    revalidatePath(`/prosjekter/${projectId}`);
    return { ok: true, data: null };
  });
}

export async function updatePhaseAction(projectId: string, phaseId: string, input: unknown): Promise<ActionResult> {
  return withUser([projectId, phaseId], async (userId) => {
    const result = await getServices().projects.updatePhase(userId, projectId, phaseId, input);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}`);
    return result;
  });
}

export async function movePhaseAction(projectId: string, phaseId: string, direction: number): Promise<ActionResult> {
  return withUser([projectId, phaseId], async (userId) => {
    const result = await getServices().projects.movePhase(userId, projectId, phaseId, direction < 0 ? -1 : 1);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}`);
    return result;
  });
}

export async function deletePhaseAction(projectId: string, phaseId: string): Promise<ActionResult> {
  return withUser([projectId, phaseId], async (userId) => {
    const result = await getServices().projects.deletePhase(userId, projectId, phaseId);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}`);
    return result;
  });
}

export async function removeMemberAction(projectId: string, memberId: string): Promise<ActionResult> {
  return withUser([projectId, memberId], async (userId) => {
    const result = await getServices().projects.removeMember(userId, projectId, memberId);
    if (result.ok) revalidatePath(`/prosjekter/${projectId}`);
    return result;
  });
}

export async function createInvitationAction(projectId: string): Promise<ActionResult<{ url: string }>> {
  return withUser([projectId], async (userId) => {
    const role = await getServices().projects.authorise(projectId, userId, 'member');
    if (!role.ok) return role;
    const { token } = await getServices().auth.createInvitation(userId, projectId);
    return { ok: true, data: { url: `${await publicBaseUrl()}/invitasjon/${token}` } };
  });
}

export async function openLiveSessionAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await withUser([projectId], async (userId) => {
    const opened = await getServices().live.open(userId, projectId, input);
    return opened.ok ? { ok: true, data: { id: opened.data.id } } : opened;
  });
  if (result.ok) redirect(`/prosjekter/${projectId}/live/${result.data.id}`);
  return result;
}
