import type { z } from 'zod';
import type { AppError, ErrorCode, Result } from '../errors';
import type { LiveSessionState } from '../live-session';
import type { YjsDocRef } from '../protocol';
import type { WorkshopContext, WorkshopRuntime } from '../workshop/runtime';
import type { NestedRoom, Seatable } from '../workshop/nested';
import type { AnswerRow } from '../workshop/tally';
import type { KindOutcome, OutcomeContext, OutcomeItem } from './outcome-kit';

/**
 * The contract every activity kind implements: one folder `lib/activities/<kind>/` holds the
 * shared, pure part (this file's `ActivityKindModule`), `server/activities/<kind>/` the server
 * part and `components/activities/<kind>/` the UI. Everything that used to switch on the kind
 * (the agenda's unions, the editor's menu, tallies, the runtime's enter/leave, Yjs access)
 * iterates `lib/activities/registry.ts` instead. Like an excalidraw action: a plain object,
 * named hooks, no classes. Only type imports here, so the kinds can import it freely.
 *
 * Declare a kind's module with an explicit annotation, `ActivityKindModule<'kind', Config,
 * Results>`, not an inferred literal: the workshop runtime's types derive from the registry,
 * so an inferred module type would be circular and TypeScript would quietly make it `any`.
 * Kind modules import only leaf modules (never lib/workshop/runtime.ts or the registry) at runtime.
 */

/** The project's material a default activity may point at; a kind without its material has no default. */
export interface DefaultRefs {
  findingIds: readonly string[];
  /** The statement set a new Q-sort activity starts with (the first one whose grid fits). */
  setId?: string | null;
  /** The template a new kollegaveiledning activity starts with (the project's first). */
  templateId?: string | null;
}

/** An activity of one kind as the editor submits and the database stores it (no id yet). */
export interface KindActivityInput<K extends string, Config> {
  kind: K;
  title: string;
  config: Config;
}
/** An activity of one kind on a workshop's agenda. */
export type KindActivity<K extends string, Config> = KindActivityInput<K, Config> & { id: string };

/** `[form field, text]`: a text the privacy guard checks, named by the field it was typed in. */
export type GuardedText = [field: string, text: string];

/** The least every kind's results carry: they are a discriminated union on `kind`. */
export interface KindResults {
  kind: string;
  activityId: string;
}

/**
 * How a kind tallies its answers and what of the tally the big screen and the phones may see.
 * Absent for kinds that report through their own events (a board, a Q-sort, a kollegaveiledning).
 */
export interface ActivityTally<K extends string, Config, R extends KindResults> {
  /** Zod schema of the results (tagged `kind: K`); the shared `activityResultsSchema` is their union. */
  schema: z.ZodType<R>;
  /** The feedback-item kinds this activity's answers are stored as (`feedback_items.kind`). */
  answerKinds: readonly string[];
  /**
   * Which stream of answers a stored row counts in (null: none). Every public number is a count
   * over one stream, and each stream is published in whole batches (lib/workshop/tally.ts).
   */
  streamOf(row: AnswerRow): string | null;
  /**
   * The results from the given rows: all of them for facilitators, the published batches for
   * everyone else. `step` is the position within the activity (see `steps`).
   */
  tally(activity: KindActivity<K, Config>, step: number, rows: readonly AnswerRow[]): R;
  /**
   * What may be shown beyond the facilitator once revealed: below `minCount` nothing about the
   * answers, not even how many there are; hidden items left out. Called only after reveal.
   */
  publicView(results: R, minCount: number, hidden: ReadonlySet<string>): R;
  /**
   * How many have answered, from results tallied from the published answers: the one number
   * the big screen shows before reveal ("12 har svart"). Left out: the kind shows no count.
   */
  answered?(results: R, minCount: number): number | null;
}

/** How often an event may come, by what it costs (server/realtime/event-limits.ts budgets each class). */
export type EventClass = 'join' | 'answer' | 'command' | 'read' | 'analysis';

/**
 * Who may send a kind's event (server/security/access-matrix.ts turns this into its row):
 * `participants` act on the session they joined; `sessionMembers` are a nested session's
 * members and its facilitators; `facilitators` are the joined session's project members.
 */
export type EventSenders = 'participants' | 'sessionMembers' | 'facilitators';

/**
 * A client → server event a kind owns, named by the kind (`question:answer`). The shared tables
 * (lib/socket-events.ts, server/client-inputs.ts, event limits, the access matrix) take it from
 * the registry, and the generic tests send `example` through the edge and the access matrix.
 * `O` is the answer's type (never set: it only carries the type to the client's `call`).
 */
export interface KindEvent<N extends string = string, S extends z.ZodType = z.ZodType, O = unknown> {
  name: N;
  schema: S;
  rateClass: EventClass;
  senders: EventSenders;
  /** How a refused payload is answered when its form names its fields its own way (see lib/socket-events.ts). */
  refusal?: (error: z.ZodError) => { ok: false; error: AppError };
  /** A valid payload, for the generic tests (the strings walk, the access matrix). */
  example: z.input<S>;
  /** What the service answers an allowed sender when no activity of the kind is current. */
  refusedOutside: ErrorCode;
  output?: O;
}
/**
 * Wire names older than the registry: the first kinds' answers were core events named
 * `workshop:<verb>`, and a kind that takes one of them over keeps its name, so clients and
 * docs/protocol.md stay true. Every other event a kind owns is named `<kind>:<verb>`.
 */
export const namesBeforeRegistry: ReadonlySet<string> = new Set(['workshop:respond', 'workshop:withdraw', 'workshop:word', 'workshop:votes', 'workshop:evaluate']);

/** A kind's own events, by a short key (`answer`). */
export type KindEvents = Readonly<Record<string, KindEvent>>;

/** Declares a kind event answered with `O`, keeping its name and schema types for the tables. */
export const kindEvent =
  <O>() =>
  <const N extends string, S extends z.ZodType>(event: Omit<KindEvent<N, S, O>, 'output'>): KindEvent<N, S, O> =>
    event;

/**
 * What a kind stores as feedback items of one `feedback_items.kind`, and how the privacy rules
 * treat it (server/services/redaction-service.ts, lib/lifecycle/retention.ts).
 */
export interface FeedbackKindRules {
  /** `data` holds no participant text, so a redacted item keeps it (and still shows in its place). */
  dataWithoutText: boolean;
  /** A phone can send the same text again (its form still holds it): redaction leaves a digest to keep it out. */
  resendable: boolean;
  /** What of an item is raw text, cleared by retention: `text` (`word`: kept when one word), and `data` keys (`'*'`: all). */
  retention: { text: 'clear' | 'keep' | 'word'; data: readonly string[] | '*' };
}

/** Who opens a Yjs document: a membership's role, and the participant behind it (null for users). */
export interface DocMember {
  role: 'facilitator' | 'presenter' | 'participant';
  participantId: string | null;
}
/** A committed state of the session access is judged against. */
export interface DocSession {
  status: string;
  state: LiveSessionState;
}

/** The Yjs documents a kind opens, and who may read and write them. */
export interface ActivityDocs {
  /** The document kinds (`parseYjsDocName`'s `kind`) this activity owns. */
  refKinds: readonly YjsDocRef['kind'][];
  /** Access to one of them at time `now`; only called with a ref whose kind is in `refKinds`. Pure. */
  access(session: DocSession, member: DocMember, ref: YjsDocRef, now: number): Result<{ readOnly: boolean }>;
}

/**
 * A kind that runs a whole nested session (a Q-sort, a kollegaveiledning) inside the workshop.
 * What it needs is frozen at start into `workshop.prepared[activityId]` (server side), and the
 * session's nested runtime follows the agenda through `follow`.
 */
export interface ActivityNested<Prepared> {
  /** Schema of what is frozen at start (the statement set, the template's rounds). */
  preparedSchema: z.ZodType<Prepared>;
  /**
   * Brings the session's nested runtimes in line with the workshop after the current activity
   * changed (entering opens or resumes the kind's runtime, leaving closes what must close).
   * The session holds one live runtime per nested kind; entering another activity of the kind
   * parks the live one back into `workshop.prepared` under its activity id, so each activity
   * keeps its own state and the room resumes it on return. Called for every nested kind on
   * every step, so each can wind down when it is left. `people` (who is connected) is asked for
   * only by a kind that seats them: finding out across server processes costs a round trip.
   */
  follow(room: NestedRoom, people: () => readonly Seatable[]): NestedRoom;
}

export interface ActivityKindModule<
  K extends string = string,
  Config = Record<string, unknown>,
  R extends KindResults = never,
  Prepared = never,
  Events extends KindEvents = KindEvents,
  FeedbackKinds extends string = never,
  Outcome extends KindOutcome = KindOutcome,
> {
  /** The kind's name: the `kind` column of `workshop_activities`, the tag of every union. */
  kind: K;
  /** Validates the editor's input, the stored JSON and what the runtime plays; strings are `freeText`. */
  configSchema: z.ZodType<Config>;
  /**
   * A ready-to-run activity, so a facilitator edits rather than fills in from nothing; null when
   * the project lacks the material it needs. Texts are content (stored), in bokmål like the seeds.
   */
  defaultActivity(refs: DefaultRefs): KindActivityInput<K, Config> | null;
  /** Whether a new workshop's agenda starts with one (the classic utviklingsverksted). */
  inDefaultAgenda: boolean;
  /** Every free-text field of the config with its form field (`questions.1.text`), for the privacy guard. */
  texts(config: Config): GuardedText[];
  /**
   * The client→server payloads of the kind, by event name: a core event (`workshop:word`, in
   * lib/protocol.ts's `clientEvents`) or one of its own `events`. The edge validates each with
   * this schema (lib/socket-events.ts; the registry tests hold them equal).
   */
  answers: Readonly<Record<string, z.ZodType>>;
  /**
   * The client events the kind owns and names itself (`question:answer`), typed by the module's
   * annotation (`typeof questionEvents`) so the client's `call` stays typed. The kinds that came
   * before the registry still send core events named in lib/protocol.ts and own none.
   */
  events: Events;
  /** The `feedback_items.kind` values the kind stores, with their redaction and retention rules. */
  feedback: Readonly<Record<FeedbackKinds, FeedbackKindRules>>;
  /** Positions within the activity that `next`/`previous` step through (a findings round: one per finding). */
  steps?(activity: KindActivity<K, Config>): number;
  /**
   * Entering the activity as the current step. `rt` already has the per-step switches reset and
   * `current` pointing at it; `previous` is the activity just left (null from the welcome screen).
   */
  onEnter?(rt: WorkshopRuntime, activity: KindActivity<K, Config>, ctx: WorkshopContext, previous: KindActivity<string, unknown> | null): WorkshopRuntime;
  /** Leaving the activity (before the next one's `onEnter`); pure, on the workshop runtime. */
  onLeave?(rt: WorkshopRuntime, activity: KindActivity<K, Config>, ctx: WorkshopContext): WorkshopRuntime;
  /** Someone joining while the activity is current (e.g. seated in the smallest group); null: nothing changes. */
  onLatecomer?(rt: WorkshopRuntime, activity: KindActivity<K, Config>, participantId: string): WorkshopRuntime | null;
  /**
   * What the big screen and the phones see of the config while the activity is current, when
   * that is less than the whole (absent: all of it; they never see another step's config).
   */
  publicConfig?(config: Config, rt: WorkshopRuntime): Config;
  /** What a participant is asked at join because of this activity (e.g. the attribute groups are formed by). */
  joinQuestions?(config: Config): string[];
  /** Tally and public view of its answers; null when the kind reports through its own events. */
  results: ActivityTally<K, Config, R> | null;
  /** The Yjs documents it opens; null when it opens none. */
  docs: ActivityDocs | null;
  /** Set for kinds that run a nested session inside the workshop. */
  nested: ActivityNested<Prepared> | null;
  /**
   * What the activity left behind, for the session's results page, the closing summary on the
   * screen and the phones' short summary (lib/results/session-results.ts). Pure, from the stored
   * items of this activity only; it must leave out hidden and redacted items and every count
   * below `ctx.minCount`, by the same rules as its live public view (reuse `results.publicView`).
   */
  outcome(activity: KindActivity<K, Config>, items: readonly OutcomeItem[], ctx: OutcomeContext): Outcome;
}
