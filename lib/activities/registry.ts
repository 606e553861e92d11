import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import type { WorkshopRuntime } from '../workshop/runtime';
import { closingActivity } from './closing';
import type { ActivityKindModule, DefaultRefs, FeedbackKindRules, GuardedText, KindActivityInput, KindEvent, KindEvents } from './contract';
import { findingsActivity } from './findings';
import { plenaryActivity } from './plenary';
import { qsortActivity } from './qsort';
import { questionActivity } from './question';
import { reflectionActivity } from './reflection';
import { supervisionActivity } from './supervision';

/**
 * Every activity kind, in the order the agenda editor offers them (the order an
 * utviklingsverksted usually runs them). Adding a kind is one folder and one line here; the
 * unions below, the editor's menu, tallies, runtime hooks and Yjs access all follow.
 */
export const activityModules = [findingsActivity, reflectionActivity, plenaryActivity, closingActivity, qsortActivity, supervisionActivity, questionActivity] as const;

type Modules = typeof activityModules;
type AnyKindModule = Modules[number];
export type ActivityKindName = AnyKindModule['kind'];

type ConfigOf<M extends AnyKindModule> = z.output<M['configSchema']>;
type InputOf<M> = M extends AnyKindModule ? KindActivityInput<M['kind'], ConfigOf<M>> : never;
type ResultsOf<M> = M extends { results: { schema: z.ZodType<infer R> } | null } ? R : never;
type EventsOf<M> = M extends { events: infer E extends KindEvents } ? E[keyof E] : never;
type OutcomeOf<M> = M extends { outcome: (...args: never[]) => infer O } ? O : never;
type FeedbackOf<M> = M extends { feedback: Readonly<Record<infer F extends string, FeedbackKindRules>> } ? F : never;
type PreparedOf<M> = M extends { kind: infer K; nested: { preparedSchema: z.ZodType<infer P> } | null } ? ([P] extends [never] ? never : { kind: K; runtime: P }) : never;

/** An activity as the editor submits and the database stores it: a union on `kind`. */
export type ActivityInput = InputOf<AnyKindModule>;
/** An activity on a workshop's agenda. */
export type AgendaActivity = ActivityInput & { id: string };
/** Results of any tallied kind: a union on `kind`. */
export type ActivityResults = ResultsOf<AnyKindModule>;
/** What a nested kind froze at start, tagged with its kind. */
export type PreparedActivity = PreparedOf<AnyKindModule>;
/** What an activity of any kind left behind (its kind's `outcome`): a union on `kind`. */
export type ActivityOutcome = OutcomeOf<AnyKindModule>;

/** Every event a kind owns (`question:answer`), with its literal name and schema type. */
export type AnyKindEvent = EventsOf<AnyKindModule>;
export type KindEventName = AnyKindEvent['name'];
/** Every `feedback_items.kind` a registered kind stores. */
export type KindFeedbackKind = FeedbackOf<AnyKindModule>;

/**
 * A module typed for calls with any activity: the registry pairs each activity with the module
 * of its own kind, so the hook always gets the config its schema made.
 */
export type LooseActivityModule = ActivityKindModule<ActivityKindName, ActivityInput['config'], ActivityResults, PreparedActivity['runtime'], KindEvents, never, ActivityOutcome>;
const loose = (m: AnyKindModule) => m as unknown as LooseActivityModule;

/** The kinds the editor offers, in menu order. */
export const activityKinds: readonly ActivityKindName[] = activityModules.map((m) => m.kind);

const byKind = new Map<string, LooseActivityModule>(activityModules.map((m) => [m.kind, loose(m)]));

/** The module of a kind, with that kind's types. */
export function activityModule<K extends ActivityKindName>(kind: K): Extract<AnyKindModule, { kind: K }> {
  return byKind.get(kind) as unknown as Extract<AnyKindModule, { kind: K }>;
}

/** The module of an activity (or a stored kind name), typed for calling its hooks; null for an unknown kind. */
export function moduleOf(activity: { kind: string } | string): LooseActivityModule | null {
  return byKind.get(typeof activity === 'string' ? activity : activity.kind) ?? null;
}

export const isActivityKind = (kind: string): kind is ActivityKindName => byKind.has(kind);

/** The events the kinds own, in registry order; the socket-event table, limits and access matrix add them. */
export const kindEvents: readonly KindEvent[] = activityModules.flatMap((m) => Object.values(m.events as KindEvents));

/**
 * Every feedback-item kind the registered kinds store, with its redaction and retention rules.
 * The `feedback_items.kind` column's enum (db/schema/feedback.ts) is this list's keys.
 */
export const feedbackKindRules = Object.fromEntries(activityModules.flatMap((m) => Object.entries(m.feedback as Readonly<Record<string, FeedbackKindRules>>))) as Readonly<
  Record<KindFeedbackKind, FeedbackKindRules>
>;
export const kindFeedbackKinds = Object.keys(feedbackKindRules) as [KindFeedbackKind, ...KindFeedbackKind[]];

/** Kinds that run a nested session (a Q-sort, a kollegaveiledning) inside the workshop. */
export const nestedModules = activityModules.map(loose).filter((m) => m.nested !== null);
/** Kinds with a tally of their own answers. */
export const talliedModules = activityModules.map(loose).filter((m) => m.results !== null);

const title = freeText(200).min(1, { error: 'REQUIRED' });
const inputBranch = (m: AnyKindModule) => z.object({ kind: z.literal(m.kind), title, config: m.configSchema as z.ZodType });

/** Validates what the editor submits and what is stored: one branch per registered kind. */
export const activityInputSchema = z.discriminatedUnion('kind', activityModules.map(inputBranch) as [ReturnType<typeof inputBranch>, ...ReturnType<typeof inputBranch>[]]) as unknown as z.ZodType<ActivityInput>;

/** The results every tallied kind may send: one branch per kind with a tally. */
export const activityResultsSchema = z.discriminatedUnion(
  'kind',
  talliedModules.map((m) => m.results!.schema as unknown as z.ZodObject<{ kind: z.ZodLiteral<string> }>) as [z.ZodObject<{ kind: z.ZodLiteral<string> }>],
) as unknown as z.ZodType<ActivityResults>;

/** What a nested kind freezes at start, tagged with its kind. */
export const preparedActivitySchema = z.discriminatedUnion(
  'kind',
  nestedModules.map((m) => z.object({ kind: z.literal(m.kind), runtime: m.nested!.preparedSchema as z.ZodType })) as [z.ZodObject<{ kind: z.ZodLiteral<string>; runtime: z.ZodType }>],
) as unknown as z.ZodType<PreparedActivity>;

/** A ready-to-run activity of the kind (see `ActivityKindModule.defaultActivity`). */
export const defaultActivity = (kind: ActivityKindName, refs: DefaultRefs): ActivityInput | null => (moduleOf(kind)?.defaultActivity(refs) ?? null) as ActivityInput | null;

/** The current activity as the screen and phones see it: its kind's `publicConfig`, or the whole config. */
export function publicActivity(activity: AgendaActivity, rt: WorkshopRuntime): AgendaActivity {
  const shape = moduleOf(activity)?.publicConfig;
  return shape ? ({ ...activity, config: shape(activity.config, rt) } as AgendaActivity) : activity;
}

/** Every free-text field of an activity with its form field, the title first, for the privacy guard. */
export function activityTexts(activity: ActivityInput): GuardedText[] {
  return [['title', activity.title], ...(moduleOf(activity)?.texts(activity.config) ?? [])];
}
