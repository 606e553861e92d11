import { createTemplates, PGLITE_TEMPLATE_ENV } from './templates';

/**
 * Vitest globalSetup of the integration projects: the migrated template databases, once per run.
 * Both integration projects (parallel and serial) name it and Vitest runs each project's setup in
 * the one main process at the start, so the second finds the first's templates and reuses them.
 */
export default function setup(): Promise<() => Promise<void>> {
  if (process.env[PGLITE_TEMPLATE_ENV]) return Promise.resolve(async () => undefined);
  return createTemplates();
}
