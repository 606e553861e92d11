import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { users, workshops } from '@/db/schema';
import { AUTH_COOKIE, participantCookieName } from '@/lib/cookies';
import { DEFAULT_PARTICIPANT_CAP } from '@/lib/participant-cap';
import type { Config } from '@/server/config';
import { seedDemoProject } from '@/server/demo/seed-demo';
import { createLogger } from '@/server/logger';
import { createServices } from '@/server/services';
import { limitBudgets } from '@/server/services/limits-service';
import type { ServerProcessOptions } from '@/server/chaos/server-process';

/** One live session of the demo workshop, and the facilitator who runs it. */
export interface BenchSession {
  sessionId: string;
  code: string;
  /** The consent version participants accept as they join (null: the project asks none). */
  consentVersion: number | null;
  /** The demo findings round's findings, which participants answer in `answers`. */
  findingIds: string[];
  /** The facilitator's auth cookie header. */
  cookie: string;
  /**
   * Participant cookies of people joined in the setup step: only those past the session's join
   * budget (`joinsPerSession`, 600 new participants per 5 minutes), which no address spreading
   * lifts. Everyone else joins over HTTP during the run.
   */
  preJoined: string[];
}

/**
 * What facilitators do in the UI before a workshop, done on the database before the server
 * starts (as the chaos run does, server/chaos/setup.ts): per session its own facilitator (event
 * budgets are per person, and `many` steps 20 agendas at once), the demo project, its workshop
 * with the group reflection in groups of `groupSize` and no silent writing, and a live session
 * admitting its participants (the cap raised past the default 300 when more come).
 * Participants join later over HTTP and socket.io, as phones do (past the per-session join
 * budget, here: see `preJoined`).
 */
export async function prepareSessions(server: ServerProcessOptions, participants: number[], groupSize: number): Promise<BenchSession[]> {
  const database = await openDatabase({ databaseUrl: server.databaseUrl ?? undefined, pgliteDir: server.databaseUrl ? null : path.join(server.dataDir, 'pglite') });
  try {
    const config: Config = { port: server.port, host: '127.0.0.1', publicUrl: null, databaseUrl: server.databaseUrl, dataDir: server.dataDir, sessionSecret: server.sessionSecret, seedDemo: false, logLevel: 'silent', dev: false, trustProxy: false, oidc: null };
    const services = createServices(database, config, createLogger('silent'));
    const sessions: BenchSession[] = [];
    for (const [i, people] of participants.entries()) {
      const account = { name: `Benk ${i + 1}`, email: `benk-${randomBytes(4).toString('hex')}@nav.example`, password: 'et-godt-passord' };
      const [first] = await database.db.select({ id: users.id }).from(users).limit(1);
      const created = first
        ? await services.auth.registerWithInvitation((await services.auth.createInvitation(first.id, null)).token, account)
        : await services.setupFirstAccount(account);
      if (!created.ok) throw new Error(`creating a facilitator failed: ${created.error.code}`);
      const userId = created.data.user.id;
      const projectId = await seedDemoProject(database.db, userId);
      const [workshop] = await database.db.select().from(workshops).where(eq(workshops.projectId, projectId));
      if (!workshop) throw new Error('the demo project has no workshop');
      const agenda = await services.workshops.get(userId, workshop.id);
      if (!agenda.ok) throw new Error(agenda.error.code);
      const reflection = agenda.data.activities.find((a) => a.kind === 'reflection');
      const round = agenda.data.activities.find((a) => a.kind === 'findings');
      if (!reflection || reflection.kind !== 'reflection' || !round || round.kind !== 'findings') throw new Error('the demo workshop lacks a findings round or a group reflection');
      const changed = await services.workshops.updateActivity(userId, workshop.id, reflection.id, {
        kind: 'reflection',
        title: reflection.title,
        config: { ...reflection.config, groupSize, grouping: 'random', silentFirst: false },
      });
      if (!changed.ok) throw new Error(`configuring the reflection failed: ${changed.error.code}`);
      const opened = await services.live.open(userId, projectId, { title: `Benk ${i + 1}` }, { workshopId: workshop.id });
      if (!opened.ok) throw new Error(opened.error.code);
      const consentVersion = (await services.projects.currentConsent(projectId))?.version ?? null;
      if (people > DEFAULT_PARTICIPANT_CAP) {
        // As the facilitator does in the console before a big plenary: allow this many in.
        const raised = await services.sessionCommands.run(opened.data.id, { type: 'setParticipantCap', cap: people }, { kind: 'facilitator', userId }, []);
        if (!raised.ok) throw new Error(`raising the participant cap failed: ${raised.error.code}`);
      }
      const preJoined: string[] = [];
      for (let k = limitBudgets.joinsPerSession.points; k < people; k++) {
        const joined = await services.live.join(opened.data.code, null, undefined, {}, consentVersion);
        if (!joined.ok || !joined.data.token) throw new Error(`joining a participant in the setup failed: ${joined.ok ? 'no token' : joined.error.code}`);
        preJoined.push(`${participantCookieName(opened.data.id)}=${joined.data.token}`);
      }
      sessions.push({ sessionId: opened.data.id, code: opened.data.code, consentVersion, findingIds: round.config.findingIds, cookie: `${AUTH_COOKIE}=${created.data.token}`, preJoined });
    }
    return sessions;
  } finally {
    await database.close();
  }
}
