import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { users, workshops } from '@/db/schema';
import { AUTH_COOKIE } from '@/lib/cookies';
import type { Config } from '../config';
import { seedDemoProject } from '../demo/seed-demo';
import { createLogger } from '../logger';
import { createServices, type Services } from '../services';
import type { ServerProcessOptions } from './server-process';

export interface ChaosSession {
  sessionId: string;
  code: string;
  findingIds: string[];
  /** The consent version participants accept as they join (null: the project asks none). */
  consentVersion: number | null;
  /** The facilitator's auth cookie header. */
  cookie: string;
}

/** A session `openDemoSession` made, with who runs it. */
export type DemoSession = ChaosSession & { userId: string };

/**
 * The database of a server process that has not started yet, with its services, for
 * `work`; closed after. The chaos run and the benchmark set up their sessions this way.
 */
export async function withServerDatabase<T>(server: ServerProcessOptions, work: (services: Services, database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: server.databaseUrl ?? undefined, pgliteDir: server.databaseUrl ? null : path.join(server.dataDir, 'pglite') });
  try {
    const config: Config = { port: server.port, host: '127.0.0.1', publicUrl: null, databaseUrl: server.databaseUrl, dataDir: server.dataDir, sessionSecret: server.sessionSecret, seedDemo: false, logLevel: 'silent', dev: false, trustProxy: false, oidc: null };
    return await work(createServices(database, config, createLogger('silent')), database);
  } finally {
    await database.close();
  }
}

/**
 * What a facilitator does in the UI before a workshop, done through the services: an account of
 * their own (an invitation when the installation has one already), the demo project, its
 * workshop with the group reflection in groups of `groupSize` without silent writing (so every
 * copy of a board sees every note at once), and a live session of it.
 */
export async function openDemoSession(services: Services, database: Database, who: { name: string; title: string; groupSize: number }): Promise<DemoSession> {
  const account = { name: who.name, email: `${who.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}@nav.example`, password: 'et-godt-passord' };
  const [first] = await database.db.select({ id: users.id }).from(users).limit(1);
  const created = first
    ? await services.auth.registerWithInvitation((await services.auth.createInvitation(first.id, null)).token, account)
    : await services.setupFirstAccount(account);
  if (!created.ok) throw new Error(`creating the facilitator failed: ${created.error.code}`);
  const userId = created.data.user.id;
  const projectId = await seedDemoProject(database.db, userId);
  const [workshop] = await database.db.select().from(workshops).where(eq(workshops.projectId, projectId));
  if (!workshop) throw new Error('the demo project has no workshop');
  const agenda = await services.workshops.get(userId, workshop.id);
  if (!agenda.ok) throw new Error(agenda.error.code);
  const reflection = agenda.data.activities.find((a) => a.kind === 'reflection');
  const round = agenda.data.activities.find((a) => a.kind === 'findings');
  if (!reflection || reflection.kind !== 'reflection' || !round || round.kind !== 'findings') throw new Error('the demo workshop lacks a findings round or a reflection');
  const changed = await services.workshops.updateActivity(userId, workshop.id, reflection.id, {
    kind: 'reflection',
    title: reflection.title,
    config: { ...reflection.config, groupSize: who.groupSize, grouping: 'random', silentFirst: false },
  });
  if (!changed.ok) throw new Error(`configuring the reflection failed: ${changed.error.code}`);
  const opened = await services.live.open(userId, projectId, { title: who.title }, { workshopId: workshop.id });
  if (!opened.ok) throw new Error(opened.error.code);
  // The participants accept the demo project's consent text, as each would by ticking the box.
  const consentVersion = (await services.projects.currentConsent(projectId))?.version ?? null;
  return { userId, sessionId: opened.data.id, code: opened.data.code, consentVersion, findingIds: round.config.findingIds, cookie: `${AUTH_COOKIE}=${created.data.token}` };
}

/**
 * What a facilitator does in the UI before a workshop, done straight on the database before
 * the server starts: an account, a project with findings, a workshop (findings round, group
 * reflection with `groupSize`, …) and a live session of it.
 */
export async function prepareSession(server: ServerProcessOptions, groupSize: number): Promise<ChaosSession> {
  return withServerDatabase(server, async (services, database) => {
    const { sessionId, code, findingIds, consentVersion, cookie } = await openDemoSession(services, database, { name: 'Kaos', title: 'Kaostest', groupSize });
    return { sessionId, code, findingIds, consentVersion, cookie };
  });
}
