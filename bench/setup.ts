import { participantCookieName } from '@/lib/cookies';
import { DEFAULT_PARTICIPANT_CAP } from '@/lib/participant-cap';
import { openDemoSession, withServerDatabase } from '@/server/chaos/setup';
import type { ServerProcessOptions } from '@/server/chaos/server-process';
import { limitBudgets } from '@/server/services/limits-service';

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
  return withServerDatabase(server, async (services, database) => {
    const sessions: BenchSession[] = [];
    for (const [i, people] of participants.entries()) {
      const { userId, ...session } = await openDemoSession(services, database, { name: `Benk ${i + 1}`, title: `Benk ${i + 1}`, groupSize });
      if (people > DEFAULT_PARTICIPANT_CAP) {
        // As the facilitator does in the console before a big plenary: allow this many in.
        const raised = await services.sessionCommands.run(session.sessionId, { type: 'setParticipantCap', cap: people }, { kind: 'facilitator', userId }, []);
        if (!raised.ok) throw new Error(`raising the participant cap failed: ${raised.error.code}`);
      }
      const preJoined: string[] = [];
      for (let k = limitBudgets.joinsPerSession.points; k < people; k++) {
        const joined = await services.live.join(session.code, null, undefined, {}, session.consentVersion);
        if (!joined.ok || !joined.data.token) throw new Error(`joining a participant in the setup failed: ${joined.ok ? 'no token' : joined.error.code}`);
        preJoined.push(`${participantCookieName(session.sessionId)}=${joined.data.token}`);
      }
      sessions.push({ ...session, preJoined });
    }
    return sessions;
  });
}
