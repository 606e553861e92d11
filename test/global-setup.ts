import { createTemplates } from './templates';

/** Vitest globalSetup of the integration project: the migrated template databases, once per run. */
export default function setup(): Promise<() => Promise<void>> {
  return createTemplates();
}
