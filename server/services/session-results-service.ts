import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { feedbackItems, findings, liveSessions, type LiveSessionRow } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { liveCommandSchema, safeReadLiveState, type LiveCommand, type LiveSessionState } from '@/lib/live-session';
import { buildSessionResults, shortSummary, type OutcomeAudience, type OutcomeItem, type SessionResults } from '@/lib/results/session-results';
import type { LiveService } from './live-service';
import type { ProjectService } from './project-service';

export type { SessionResults } from '@/lib/results/session-results';

/**
 * A workshop session's results, read from the database every time (not from a room's memory),
 * so every server process answers the same and an ended session's results outlive the process.
 * The model and its rules are pure (lib/results/session-results.ts); this service only reads,
 * authorises and picks the audience:
 * - `sessionResults`: the project's members, from every stored answer;
 * - `screenSummary`: the big screen, public rules, only while the facilitator shows it;
 * - `phoneSummary`: a participant of the session, public rules, shortened, only after the end
 *   and only when the facilitator allowed it.
 */
/** What the results page may send about an ended session's screen and phones. */
const summaryCommands = new Set<LiveCommand['type']>(['showSummary', 'setPhoneSummary', 'turnScreenPage']);

export function createSessionResults(db: Db, projects: ProjectService, live: Pick<LiveService, 'byId' | 'participantFor' | 'command'>) {
  async function build(session: LiveSessionRow, audience: OutcomeAudience): Promise<Result<SessionResults>> {
    const state = safeReadLiveState(session.state);
    const workshop = state.success ? state.data.workshop : null;
    if (!workshop) return fail('NOT_FOUND', 'not a workshop session');
    const rows = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, session.id));
    const items: OutcomeItem[] = rows.map((r) => ({
      id: r.id,
      activityId: r.activityId,
      kind: r.kind,
      participantId: r.participantId,
      findingId: r.findingId,
      itemKey: r.itemKey,
      response: r.response,
      text: r.text,
      value: r.value,
      data: r.data,
      updatedAt: r.updatedAt.getTime(),
      redactedAt: r.redactedAt?.getTime() ?? null,
      groupName: r.groupName,
      theme: r.theme,
      authorKind: r.authorKind,
      authorName: r.authorName,
      hidden: r.hiddenAt !== null,
    }));
    const findingIds = [...new Set(workshop.activities.flatMap((a) => (a.kind === 'findings' ? a.config.findingIds : [])))];
    const shown = findingIds.length
      ? await db
          .select({ id: findings.id, title: findings.title, status: findings.status })
          .from(findings)
          .where(and(eq(findings.projectId, session.projectId), inArray(findings.id, findingIds)))
      : [];
    return ok(
      buildSessionResults({
        session,
        workshop,
        items,
        findings: new Map(shown.map((f) => [f.id, { title: f.title, status: f.status }])),
        audience,
      }),
    );
  }

  async function endedRows(userId: string, projectId: string, workshopId?: string): Promise<Result<LiveSessionRow[]>> {
    const role = await projects.authorise(projectId, userId, 'member');
    if (!role.ok) return role;
    const rows = await db
      .select()
      .from(liveSessions)
      .where(
        and(
          eq(liveSessions.projectId, projectId),
          eq(liveSessions.status, 'ended'),
          isNotNull(liveSessions.workshopId),
          ...(workshopId ? [eq(liveSessions.workshopId, workshopId)] : []),
        ),
      )
      .orderBy(desc(liveSessions.createdAt));
    return ok(rows);
  }

  return {
    /** The results page: a project member reads a workshop session of that project. */
    async sessionResults(userId: string, projectId: string, sessionId: string): Promise<Result<SessionResults>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const session = await live.byId(sessionId);
      if (!session || session.projectId !== projectId) return fail('NOT_FOUND', 'no such session in this project');
      return build(session, 'members');
    },

    /** The closing summary for the big screen (opened by a project member), while the facilitator shows it. */
    async screenSummary(userId: string, sessionId: string): Promise<Result<SessionResults>> {
      const session = await live.byId(sessionId);
      if (!session || !(await projects.roleOf(session.projectId, userId))) return fail('NOT_FOUND', 'no such session');
      const state = safeReadLiveState(session.state);
      if (!state.success || !state.data.summary.screen) return fail('FORBIDDEN', 'the summary is not shown');
      return build(session, 'public');
    },

    /** A participant's short summary: after the end, when the facilitator allowed it. `token` is the participant cookie. */
    async phoneSummary(sessionId: string, token: string | undefined): Promise<Result<SessionResults>> {
      const session = await live.byId(sessionId);
      if (!session || !(await live.participantFor(sessionId, token))) return fail('NOT_JOINED', 'not a participant of this session');
      const state = safeReadLiveState(session.state);
      if (session.status !== 'ended' || !state.success || !state.data.summary.phones) return fail('FORBIDDEN', 'no summary for the phones');
      const built = await build(session, 'public');
      return built.ok ? ok(shortSummary(built.data)) : built;
    },

    /**
     * A facilitator (a project member) switches the closing summary on the screen or the phones'
     * short summary, from the results page or the ended console, and turns the summary's pages on
     * the screen. `input` is a live command (`showSummary`, `setPhoneSummary` or
     * `turnScreenPage`); it goes through `decide` and the versioned commit
     * like every change of a session's state, and the commit tells the screen and the phones.
     */
    async setSummary(userId: string, projectId: string, sessionId: string, input: unknown): Promise<Result<LiveSessionState['summary']>> {
      const command = liveCommandSchema.safeParse(input);
      if (!command.success || !summaryCommands.has(command.data.type)) return fail('BAD_REQUEST', 'not a summary switch');
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const session = await live.byId(sessionId);
      if (!session || session.projectId !== projectId) return fail('NOT_FOUND', 'no such session in this project');
      const done = await live.command(sessionId, command.data, { kind: 'facilitator', userId });
      return done.ok ? ok(done.data.state.summary) : done;
    },

    /** A project's ended workshop sessions (of one workshop, if named), newest first, with their results by the members' rules. */
    async endedSessions(userId: string, projectId: string, workshopId?: string): Promise<Result<SessionResults[]>> {
      const ended = await endedRows(userId, projectId, workshopId);
      if (!ended.ok) return ended;
      const built = await Promise.all(ended.data.map((s) => build(s, 'members')));
      return ok(built.flatMap((r) => (r.ok ? [r.data] : [])));
    },

    /** Just the list of a workshop's ended sessions, newest first: the workshop page links each one's results. */
    async endedSessionList(userId: string, projectId: string, workshopId: string): Promise<Result<{ sessionId: string; title: string; startedAt: Date; endedAt: Date | null }[]>> {
      const ended = await endedRows(userId, projectId, workshopId);
      return ended.ok ? ok(ended.data.map((s) => ({ sessionId: s.id, title: s.title, startedAt: s.createdAt, endedAt: s.endedAt }))) : ended;
    },
  };
}
export type SessionResultsService = ReturnType<typeof createSessionResults>;
