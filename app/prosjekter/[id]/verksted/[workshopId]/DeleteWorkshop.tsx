'use client';

import { deleteWorkshopAction } from '@/app/_actions/workshop-actions';
import { TypedDelete } from '@/components/TypedDelete';

/** Deletes the workshop with the sessions that ran it; the action then goes to the workshop list. */
export function DeleteWorkshop({ projectId, workshopId, title }: { projectId: string; workshopId: string; title: string }) {
  return <TypedDelete what="workshop" name={title} onDelete={(confirmation) => deleteWorkshopAction(projectId, workshopId, confirmation)} />;
}
