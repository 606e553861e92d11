import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { FeedbackKind, LiveSessionRow, NewFeedbackItem } from '@/db/schema';
import type { Result } from '@/lib/errors';
import type { ActivityInput, ActivityKindName, AgendaActivity, PreparedActivity } from '@/lib/activities/registry';
import type { WorkshopRuntime } from '@/lib/workshop/runtime';
import type { Logger } from '../logger';
import type { YjsPersistence } from '../realtime/yjs-persistence';

/**
 * The server half of an activity kind (`server/activities/<kind>/`): checking its settings
 * against the project's material, freezing what it needs when the workshop starts, storing
 * its participants' answers, and keeping what it produced as feedback when the agenda moves on
 * or the session ends. The shared half is `lib/activities/contract.ts`; the registry
 * (`./registry.ts`) has one entry per kind there, checked by the compiler and by a test.
 */

type InputOf<K extends ActivityKindName> = Extract<ActivityInput, { kind: K }>;
type ActivityOf<K extends ActivityKindName> = Extract<AgendaActivity, { kind: K }>;

/** The current activity a participant answers in, and how their answers are signed. */
export interface AnswerContext<K extends ActivityKindName = ActivityKindName> {
  session: LiveSessionRow;
  runtime: WorkshopRuntime;
  activity: ActivityOf<K>;
  phaseId: string | null;
  author: { kind: 'named' | 'anonymous'; name: string | null };
}

/** An answer's columns: its feedback-item kind and key (one answer per participant, kind and key), and its value. */
export type AnswerItem = Pick<NewFeedbackItem, 'kind' | 'itemKey'> & Partial<NewFeedbackItem>;

/** Where a kind stores answers (server/services/feedback-service.ts): one row per participant, kind and key. */
export interface AnswerStore {
  /** The session's current activity, if it is of `kind` and open for input (not locked, not ended). */
  context<K extends ActivityKindName>(sessionId: string, participantId: string, kind: K): Promise<Result<AnswerContext<K>>>;
  /** Stores an answer, replacing the participant's earlier one with the same kind and key. */
  upsert<K extends ActivityKindName>(ctx: AnswerContext<K>, participantId: string, item: AnswerItem): Promise<void>;
  /** Stores several answers all or nothing. */
  upsertAll<K extends ActivityKindName>(ctx: AnswerContext<K>, participantId: string, items: AnswerItem[]): Promise<void>;
  /** Takes back the participant's answer with this kind and key. */
  remove<K extends ActivityKindName>(ctx: AnswerContext<K>, participantId: string, kind: string, itemKey: string): Promise<void>;
}

/**
 * Stores one client event's payload as the participant's answer. The payload arrives validated:
 * the transport checks it at the edge with the event's schema in lib/socket-events.ts, which is
 * the kind's own `answers[event]` (lib/activities/<kind>/; the registry test holds them equal).
 */
export type AnswerHandler = ((store: AnswerStore, sessionId: string, participantId: string, input: unknown) => Promise<Result<null>>) & {
  /** The schema the handler's payload is typed by; the registry test holds it to the edge's. */
  schema: z.ZodType;
};

/**
 * An answer handler typed by the schema its event is validated with at the edge, so the handler
 * reads the parsed payload instead of parsing it again.
 */
export function answerWith<S extends z.ZodType>(
  schema: S,
  store: (store: AnswerStore, sessionId: string, participantId: string, input: z.output<S>) => Promise<Result<null>>,
): AnswerHandler {
  return Object.assign(store as (store: AnswerStore, sessionId: string, participantId: string, input: unknown) => Promise<Result<null>>, { schema });
}

/** What keeping a session's activities needs: the database, stored Yjs documents and the rows' common columns. */
export interface KeepContext {
  db: Db;
  persistence: YjsPersistence;
  log: Logger;
  session: LiveSessionRow;
  runtime: WorkshopRuntime;
  /** Columns every kept row shares (project, phase, workshop, session). */
  base: Pick<NewFeedbackItem, 'projectId' | 'phaseId' | 'workshopId' | 'sessionId'>;
  /** Rows kept by kinds earlier in the registry in this same run (a plenary's clusters quote the boards' notes). */
  keptSoFar: readonly NewFeedbackItem[];
}

/** What one kind keeps in one run; the run replaces the rows of `keptKinds` in one transaction. */
export interface Kept {
  items: NewFeedbackItem[];
  /** Entries that were not well-formed (see `readBoard`). */
  skippedEntries: number;
  /** Documents that would not decode: their earlier rows, matched by these, stay as they were. */
  unreadable: { activityId: string; groupName: string }[];
}

export interface ServerActivityModule<K extends ActivityKindName = ActivityKindName> {
  kind: K;
  /**
   * Checks beyond the schema when a facilitator saves the activity: material from the
   * workshop's own project only, consistent settings. May normalise (e.g. drop duplicates).
   */
  check?(db: Db, projectId: string, activity: InputOf<K>): Promise<Result<InputOf<K>>>;
  /**
   * Freezes what a nested kind needs when the workshop starts; null skips the activity (its
   * material is gone). `earlier`: what was frozen for the activities before it on the agenda,
   * so a second activity of the kind can keep clear of the first (e.g. its Yjs document names).
   */
  prepare?(db: Db, projectId: string, activity: ActivityOf<K>, earlier: readonly PreparedActivity[]): Promise<PreparedActivity | null>;
  /** Stores the kind's answers, by client event (the same keys as the shared module's `answers`). */
  answers: Readonly<Record<string, AnswerHandler>>;
  /** The feedback-item kinds `keep` writes; a run replaces them for the session. */
  keptKinds: readonly FeedbackKind[];
  /**
   * Keeps what the kind's activities produced (board notes, clusters) as feedback items. Runs
   * whenever the agenda moves on and when the session ends, so it must be idempotent.
   */
  keep?(ctx: KeepContext, activities: ActivityOf<K>[]): Promise<Kept>;
}
