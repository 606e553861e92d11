import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { liveSessions, participants, projectMembers, type LiveSessionRow, type ParticipantRow } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { joinCodeFromRandom } from '@/lib/join-code';
import {
  decide,
  initialLiveSessionState,
  readLiveState,
  type Actor,
  type DecideContext,
  systemActor,
  type LiveCommand,
  type SessionCommand,
  type SystemActor,
  type SystemCommand,
} from '@/lib/live-session';
import { liveSessionInputSchema } from '@/lib/project-schemas';
import { personalDataKinds } from '@/lib/privacy-guard';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import type { SupervisionRuntime } from '@/lib/supervision/engine';
import { joinQuestions } from '@/lib/workshop/runtime';
import { displayNameSchema, type SessionSnapshot } from '@/lib/protocol';
import { DEVICE_KEY_LENGTH, hashToken, randomToken } from '../security/tokens';
import type { AuditService } from './audit-service';
import { currentConsent, recordAcceptance } from './consent-service';
import { isUniqueViolation } from './db-errors';
import { createKeyedQueue } from './keyed-queue';
import { loadWorkshopRuntime } from './workshop-run';
import type { ProjectService } from './project-service';

export function toSnapshot(row: LiveSessionRow): SessionSnapshot {
  return {
    sessionId: row.id,
    projectId: row.projectId,
    code: row.code,
    title: row.title,
    kind: row.kind,
    status: row.status,
    version: row.version,
    state: readLiveState(row.state),
    serverNow: Date.now(),
  };
}

export interface JoinedParticipant {
  participant: ParticipantRow;
  /** Set only when a new participant was made: the caller puts it in a cookie. */
  token: string | null;
}

/**
 * Called with every committed snapshot; `elsewhere` when another server process committed it
 * (this process only relays it to its own connections).
 */
type ChangeListener = (snapshot: SessionSnapshot, elsewhere?: true) => void;

/**
 * How often a command is decided again after another process committed first. Commands of
 * one session run one at a time in this process, so conflicts come only from other processes.
 */
const COMMIT_ATTEMPTS = 12;

export interface OpenOptions {
  /** Run this workshop: its agenda is frozen into the session's state now. */
  workshopId?: string;
  /** Run a kollegaveiledning for a standing group (or none), from a prepared runtime. */
  supervision?: { groupId: string | null; runtime: SupervisionRuntime };
  /** Run a Q-sort of a statement set, frozen into the session. */
  qsort?: QsortRuntime;
}

export function createLiveService(db: Db, projects: ProjectService, audit: AuditService) {
  const listeners = new Set<ChangeListener>();
  const serially = createKeyedQueue();

  async function byId(sessionId: string): Promise<LiveSessionRow | null> {
    const [row] = await db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
    return row ?? null;
  }

  async function participantFor(sessionId: string, token: string | undefined): Promise<ParticipantRow | null> {
    if (!token) return null;
    const [row] = await db
      .select()
      .from(participants)
      .where(and(eq(participants.tokenHash, hashToken(token)), eq(participants.sessionId, sessionId)));
    return row ?? null;
  }

  return {
    byId,
    participantFor,

    /** Whether `device` (`deviceKey` of a cookie token) is the participant's current one. */
    async onDevice(sessionId: string, participantId: string, device: string): Promise<boolean> {
      const [row] = await db
        .select({ tokenHash: participants.tokenHash })
        .from(participants)
        .where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId)));
      return row !== undefined && device.length === DEVICE_KEY_LENGTH && row.tokenHash.startsWith(device);
    },

    /** Whether any project the user is in has run a live session: until then the projects page guides them. */
    async anyRunFor(userId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: liveSessions.id })
        .from(liveSessions)
        .innerJoin(projectMembers, eq(projectMembers.projectId, liveSessions.projectId))
        .where(eq(projectMembers.userId, userId))
        .limit(1);
      return row !== undefined;
    },

    /** Ids of a project's live sessions, open or ended (whose connections an access change concerns). */
    async sessionIdsOf(projectId: string): Promise<string[]> {
      const rows = await db.select({ id: liveSessions.id }).from(liveSessions).where(eq(liveSessions.projectId, projectId));
      return rows.map((r) => r.id);
    },

    /**
     * Another process committed a change to this session (heard on the bus): its listeners here
     * get the state as it is stored now, which is at least as new as what was announced.
     */
    async committedElsewhere(sessionId: string): Promise<void> {
      const row = await byId(sessionId);
      if (!row) return;
      const snapshot = toSnapshot(row);
      for (const listener of listeners) listener(snapshot, true);
    },

    /** Called with every committed snapshot, so the realtime layer can broadcast it. */
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /**
     * Opens a live session. With `workshopId` it runs that workshop: its agenda is frozen into
     * the session's state now, so the room plays what was prepared.
     */
    async open(userId: string, projectId: string, input: unknown, options: OpenOptions = {}): Promise<Result<LiveSessionRow>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const parsed = liveSessionInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid session', fieldErrors(parsed.error));
      const workshop = options.workshopId ? await loadWorkshopRuntime(db, projectId, options.workshopId) : null;
      if (options.workshopId && !workshop) return fail('NOT_FOUND', 'no such workshop');
      // A clash with another open session's code is rare (1 in ~10^13 per open session); retry.
      for (let attempt = 0; attempt < 8; attempt++) {
        const code = joinCodeFromRandom((n) => randomBytes(n));
        try {
          const [row] = await db
            .insert(liveSessions)
            .values({
              projectId,
              code,
              title: parsed.data.title,
              createdBy: userId,
              workshopId: options.workshopId ?? null,
              supervisionGroupId: options.supervision?.groupId ?? null,
              kind: workshop ? 'workshop' : options.supervision ? 'kollegaveiledning' : options.qsort ? 'qsort' : 'plain',
              state: { ...initialLiveSessionState(), workshop, supervision: options.supervision?.runtime ?? null, qsort: options.qsort ?? null },
            })
            .returning();
          if (!row) throw new Error('insert returned no row');
          await audit.record({ actorKind: 'user', actorId: userId, action: 'live.open', projectId, target: row.id });
          return ok(row);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
      throw new Error('could not find a free join code');
    },

    async openByCode(code: string): Promise<LiveSessionRow | null> {
      const [row] = await db
        .select()
        .from(liveSessions)
        .where(and(eq(liveSessions.code, code), eq(liveSessions.status, 'open')));
      return row ?? null;
    },

    /**
     * Joins a participant, or recognises one who comes back with their token (a reloaded or
     * reconnected phone stays the same participant, even after joining closed). Someone new
     * must accept the project's current consent (`consentVersion`, when the project asks for
     * consent); the acceptance is stored with them.
     */
    async join(code: string, displayName: unknown, existingToken: string | undefined, attributes: Record<string, string> = {}, consentVersion: number | null = null): Promise<Result<JoinedParticipant & { session: LiveSessionRow }>> {
      let name = displayName === null || displayName === undefined || displayName === '' ? null : displayNameSchema.safeParse(displayName);
      if (name && !name.success) return parseFailure(name.error, 'invalid display name', { displayName: 'TOO_LONG' });
      const [session] = await db.select().from(liveSessions).where(and(eq(liveSessions.code, code), eq(liveSessions.status, 'open')));
      if (!session) return fail('NOT_FOUND', 'no open session with that code');
      // A workshop that keeps answers anonymous keeps names out of the room altogether.
      const state = readLiveState(session.state);
      // A Q-sort asks for no personal data at all: a pseudonym is chosen inside the sort.
      // Inside a workshop, the workshop's own choice holds for its Q-sort activity too.
      const namesAllowed = state.workshop ? state.workshop.allowNames : !state.qsort;
      if (!namesAllowed) name = null;
      // In a standalone kollegaveiledning the group gives the word by name, so a name is
      // needed; inside a workshop members without one get a neutral label instead.
      const known = await participantFor(session.id, existingToken);
      if (state.supervision && !state.workshop && !name && !known) return fail('BAD_REQUEST', 'a name is needed', { displayName: 'REQUIRED' });
      // Only the questions the workshop asks are kept, trimmed, and never with personal data.
      const asked = new Set(state.workshop ? joinQuestions(state.workshop.activities) : []);
      const kept: Record<string, string> = {};
      for (const [question, answer] of Object.entries(attributes)) if (asked.has(question) && answer.trim()) kept[question] = answer.trim();
      const leaking = Object.entries(kept).find(([, v]) => personalDataKinds(v).length > 0);
      if (leaking) return fail('PERSONAL_DATA', 'personal data in a join answer', { [`attribute.${leaking[0]}`]: 'PERSONAL_DATA' });
      if (known) {
        if (!name) return ok({ session, participant: known, token: null });
        const [renamed] = await db.update(participants).set({ displayName: name.data }).where(eq(participants.id, known.id)).returning();
        return ok({ session, participant: renamed ?? known, token: null });
      }
      if (!state.joinOpen) return fail('JOIN_CLOSED', 'joining is closed');
      const consent = await currentConsent(db, session.projectId);
      if (consent && consentVersion !== consent.version) return fail('CONSENT_REQUIRED', 'accept the current consent text first', { consent: 'CONSENT_REQUIRED' });
      const token = randomToken();
      const participant = await db.transaction(async (tx) => {
        // The session row is locked so that parallel joins, on any server process, are
        // counted one after another and the cap holds exactly; the cap is read under the lock.
        const [locked] = await tx.select({ state: liveSessions.state }).from(liveSessions).where(eq(liveSessions.id, session.id)).for('update');
        const cap = readLiveState(locked?.state ?? session.state).participantCap;
        const [joined] = await tx.select({ n: count() }).from(participants).where(eq(participants.sessionId, session.id));
        if ((joined?.n ?? 0) >= cap) return null;
        const [row] = await tx
          .insert(participants)
          .values({ sessionId: session.id, tokenHash: hashToken(token), displayName: name ? name.data : null, attributes: kept })
          .returning();
        if (!row) throw new Error('insert returned no row');
        if (consent) await recordAcceptance(tx as unknown as Db, row.id, consent.id);
        return row;
      });
      if (!participant) return fail('SESSION_FULL', 'the session has as many participants as its facilitator allows');
      return ok({ session, participant, token });
    },

    /**
     * Seats a participant who (re)joins (the `seat` system command): a latecomer to group work
     * goes to the smallest group, a kollegaveiledning gains a member. Retried on a version
     * conflict like any command. Returns the new snapshot if it changed.
     */
    async seat(sessionId: string, participantId: string, displayName: string | null): Promise<SessionSnapshot | null> {
      const seated = await system(sessionId, { type: 'seat', participantId, displayName });
      return seated.ok ? seated.data : null;
    },

    /**
     * After a facilitator erased a participant's contributions: a kollegaveiledning member keeps
     * their seat (and role) under "Deltaker N" instead of their name.
     */
    async forgetMemberName(sessionId: string, participantId: string, number: number): Promise<void> {
      await required(system(sessionId, { type: 'forgetMemberName', participantId, number }));
    },

    /** After a facilitator redacted a plenary theme: `marker` becomes its name in the running workshop. */
    async forgetClusterName(sessionId: string, clusterId: string, marker: string): Promise<void> {
      await required(system(sessionId, { type: 'forgetClusterName', clusterId, marker }));
    },

    /** After a facilitator redacted a kollegaveiledning's case: `marker` replaces its texts in the running state (that activity's only, in a workshop, live or parked). */
    async forgetCase(sessionId: string, marker: string, activityId: string | null = null): Promise<void> {
      await required(system(sessionId, { type: 'forgetCase', marker, activityId }));
    },

    /**
     * Retention, after the project's date: an ended session's state loses its raw text (the
     * `forgetRawText` system command). True when it had some, so this call changed the state.
     */
    async forgetRawText(sessionId: string): Promise<boolean> {
      const done = await system(sessionId, { type: 'forgetRawText' });
      if (!done.ok && done.error.code !== 'NOT_FOUND') throw new Error(`forgetting in the live state failed: ${done.error.code}`);
      return done.ok && done.data !== null;
    },

    async rename(sessionId: string, participantId: string, displayName: string | null): Promise<Result<null>> {
      const row = await byId(sessionId);
      const state = row ? readLiveState(row.state) : null;
      if (state?.workshop && !state.workshop.allowNames && displayName !== null) return fail('FORBIDDEN', 'this workshop is anonymous');
      if (state?.supervision && !state.workshop && displayName === null) return fail('BAD_REQUEST', 'a name is needed', { displayName: 'REQUIRED' });
      if (state?.qsort && !state.workshop && displayName !== null) return fail('FORBIDDEN', 'a Q-sort takes no names');
      await db.update(participants).set({ displayName }).where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId)));
      return ok(null);
    },

    async touchParticipant(participantId: string): Promise<void> {
      await db.update(participants).set({ lastSeenAt: new Date() }).where(eq(participants.id, participantId));
    },

    /** Every open workshop session, as snapshots (what a process looks at after a restart). */
    async openWorkshops(): Promise<SessionSnapshot[]> {
      const rows = await db.select().from(liveSessions).where(and(eq(liveSessions.status, 'open'), eq(liveSessions.kind, 'workshop')));
      return rows.map(toSnapshot);
    },

    async listParticipants(sessionId: string): Promise<ParticipantRow[]> {
      return db.select().from(participants).where(eq(participants.sessionId, sessionId)).orderBy(asc(participants.joinedAt));
    },

    /**
     * The command pipeline: decide on the committed state, write it only if nobody else
     * committed in between (version check), then tell listeners. Commands for one session run
     * in order here; the version check and retry cover other server processes.
     */
    command(sessionId: string, command: LiveCommand, actor: Actor, connected: ConnectedParticipants = []): Promise<Result<SessionSnapshot>> {
      return serially(sessionId, () => commit(sessionId, command, actor, connected));
    },
  };

  /** A command the server issues itself; null data: it changed nothing. */
  function system(sessionId: string, command: SystemCommand): Promise<Result<SessionSnapshot | null>> {
    return serially(sessionId, () => commit(sessionId, command, systemActor, []));
  }

  /** Forgetting after a removal must not be lost: a failure is a fault, not an answer. */
  async function required(result: Promise<Result<unknown>>): Promise<void> {
    const done = await result;
    if (!done.ok && done.error.code !== 'NOT_FOUND') throw new Error(`forgetting in the live state failed: ${done.error.code}`);
  }

  /** The connected participants' rows, in the order they joined (groups are formed from them). */
  async function connectedRows(sessionId: string, command: SessionCommand, connected: ConnectedParticipants): Promise<DecideContext['participants']> {
    // Only workshop steps can form groups or seat a kollegaveiledning.
    if (command.type !== 'workshop') return [];
    const ids = typeof connected === 'function' ? await connected() : connected;
    if (ids.length === 0) return [];
    return db
      .select({ id: participants.id, attributes: participants.attributes, displayName: participants.displayName })
      .from(participants)
      .where(and(eq(participants.sessionId, sessionId), inArray(participants.id, [...ids])))
      .orderBy(asc(participants.joinedAt));
  }

  async function commit(sessionId: string, command: LiveCommand, actor: Actor, connected: ConnectedParticipants): Promise<Result<SessionSnapshot>>;
  async function commit(sessionId: string, command: SystemCommand, actor: SystemActor, connected: ConnectedParticipants): Promise<Result<SessionSnapshot | null>>;
  async function commit(sessionId: string, command: SessionCommand, actor: Actor | SystemActor, connected: ConnectedParticipants): Promise<Result<SessionSnapshot | null>> {
    const people = onDemand(() => connectedRows(sessionId, command, connected));
    const ctx: DecideContext = {
      now: Date.now(),
      random: Math.random,
      groupName: String,
      get participants() {
        return people.read();
      },
    };
    for (let attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
      // Another process committed in between: wait a little, at random, so retries spread out.
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      const row = await byId(sessionId);
      if (!row) return fail('NOT_FOUND', 'no such session');
      if (actor.kind === 'facilitator') {
        const access = await projects.memberAccess(row.projectId, actor.userId);
        if (!access) return fail('FORBIDDEN', 'not a member of this project');
        // An archived project is frozen: its rooms take no more facilitator commands.
        if (access.archived) return fail('PROJECT_ARCHIVED', 'the project is archived');
      }
      const current = { status: row.status, state: readLiveState(row.state) };
      let decision = decide(current, command, actor, ctx);
      // Who is connected is found out only when the decision asks (forming groups, seating a
      // kollegaveiledning): with several processes that costs a round trip through Redis,
      // which most steps need not pay. `decide` is pure, so deciding again with them is exact.
      if (await people.fill()) decision = decide(current, command, actor, ctx);
      if (!decision.ok) return fail(decision.code, `command ${command.type} refused`);
      if (decision.next === current) return ok(actor.kind === 'system' ? null : toSnapshot(row));
      const [saved] = await db
        .update(liveSessions)
        .set({
          status: decision.next.status,
          state: decision.next.state,
          version: row.version + 1,
          ...(decision.next.status === 'ended' && row.status !== 'ended' ? { endedAt: new Date() } : {}),
        })
        .where(and(eq(liveSessions.id, sessionId), eq(liveSessions.version, row.version)))
        .returning();
      if (!saved) continue;
      const snapshot = toSnapshot(saved);
      for (const listener of listeners) listener(snapshot);
      if (command.type === 'end' && actor.kind === 'facilitator') {
        await audit.record({ actorKind: 'user', actorId: actor.userId, action: 'live.end', projectId: row.projectId, target: sessionId });
      }
      return ok(snapshot);
    }
    return fail('CONFLICT', 'session is changing too fast, try again');
  }
}
export type LiveService = ReturnType<typeof createLiveService>;

/**
 * Who is connected to a session: their ids, or how to find them out, which is then done only
 * if a decision needs them.
 */
export type ConnectedParticipants = readonly string[] | (() => Promise<readonly string[]>);

/**
 * A list loaded only once something reads it: a read before then returns nothing and is
 * remembered, and `fill` loads it (once), saying whether the reader must look again.
 */
function onDemand<T>(load: () => Promise<T[]>) {
  let value: T[] | null = null;
  let missed = false;
  return {
    read(): T[] {
      if (value) return value;
      missed = true;
      return [];
    },
    async fill(): Promise<boolean> {
      if (!missed || value) return false;
      value = await load();
      return true;
    },
  };
}
