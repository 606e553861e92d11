import type { Config } from '@/server/config';
import { createLogger } from '@/server/logger';
import { createServices, type Services } from '@/server/services';
import { testConfig } from './config';
import type { TestDatabase } from './databases';

/** A fresh, migrated database on `driver` with the services built on it, as each service test starts. */
export async function openServices(driver: TestDatabase, config: Config = testConfig()) {
  const { database, drop } = await driver.open();
  return { database, drop, services: createServices(database, config, createLogger('silent')) };
}

/**
 * Ingrid (the first account) owns two projects; Per is a member of the second only — the world
 * in which a service must show a project's items to its members and nothing of the other one.
 */
export async function ownerWithTwoProjects(services: Services) {
  const ingrid = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
  if (!ingrid.ok) throw new Error(ingrid.error.code);
  const owner = ingrid.data.user.id;
  const project = await services.projects.create(owner, { name: 'Veiledning i Nordby' });
  const other = await services.projects.create(owner, { name: 'Et annet prosjekt' });
  if (!project.ok || !other.ok) throw new Error('project');
  const { token } = await services.auth.createInvitation(owner, other.data.id);
  const per = await services.auth.registerWithInvitation(token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
  if (!per.ok) throw new Error(per.error.code);
  return { owner, per: per.data.user.id, projectId: project.data.id, otherId: other.data.id };
}
