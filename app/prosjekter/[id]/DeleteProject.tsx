'use client';

import { deleteProjectAction } from '@/app/_actions/project-actions';
import { TypedDelete } from '@/components/TypedDelete';

/** Owners only; the action then goes to the project list. */
export function DeleteProject({ projectId, name }: { projectId: string; name: string }) {
  return <TypedDelete what="project" name={name} onDelete={(confirmation) => deleteProjectAction(projectId, confirmation)} />;
}
