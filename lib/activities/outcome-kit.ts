import type { AnswerRow } from './tally-kit';

/**
 * What every kind's `outcome` is built from: the session's stored feedback items of one
 * activity, read back after (or during) the session. Kept apart from the contract so the kinds
 * import it without importing the registry that imports them.
 */

/** One stored feedback item, as much as an outcome needs (a tally's `AnswerRow` and more). */
export interface OutcomeItem extends AnswerRow {
  /** The agenda activity it was stored under (null once that activity was deleted). */
  activityId: string | null;
  /** The reflection group it came from ("Gruppe 2"). */
  groupName: string | null;
  /** A plenary theme's name, a Q factor's name. */
  theme: string | null;
  authorKind: string;
  /** Set only for items whose author chose to be named. */
  authorName: string | null;
  /** Hidden by a facilitator (`hidden_at`, or listed in the runtime's `hiddenItems`). */
  hidden: boolean;
}

/**
 * Who the outcome is for. `members`: the project's members on the results page, tallied from
 * every stored answer. `public`: the big screen and the phones, tallied from the published
 * batches only (lib/workshop/tally.ts `publishedAnswers`), as their live views were.
 * Both leave out hidden and redacted items and every count below the minimum.
 */
export type OutcomeAudience = 'members' | 'public';

/** A plenary theme as the runtime kept it: the notes it holds by their board ids. */
export interface OutcomeTheme {
  id: string;
  name: string;
  noteIds: readonly string[];
}

/** What an outcome may depend on besides its items; pure data, so the unit tests build it. */
export interface OutcomeContext {
  audience: OutcomeAudience;
  /** The workshop's minimum count (`minRevealCount`). */
  minCount: number;
  /** Ids and item keys the facilitator hid (`hiddenItems`), plus `word:<word>` entries for words. */
  hidden: ReadonlySet<string>;
  /** The plenary's themes (`runtime.clusters`), so a board's notes can name the theme they went to. */
  themes: readonly OutcomeTheme[];
  /** Titles and current status of the findings the session showed, by id. */
  findings: ReadonlyMap<string, { title: string; status: string }>;
  /** Every stored item of the session (a plenary quotes the boards' notes kept by the reflection before it). */
  sessionItems: readonly OutcomeItem[];
}

/** The least every kind's outcome carries: a discriminated union on `kind`. */
export interface KindOutcome {
  kind: string;
}

/** Whether an item's text may appear: not hidden, not redacted, not empty. */
export const showable = (item: OutcomeItem, ctx: OutcomeContext): boolean =>
  !item.hidden && item.redactedAt === null && !ctx.hidden.has(item.id) && !(item.itemKey !== null && ctx.hidden.has(item.itemKey)) && item.text.trim() !== '';

/** The author line an item may carry: a name only when its author chose one, and never in public. */
export const authorOf = (item: OutcomeItem, ctx: OutcomeContext): string | null =>
  ctx.audience === 'members' && item.authorKind === 'named' && item.authorName ? item.authorName : null;

/** The ids a public view must leave out: the facilitator's list and every item hidden in the archive. */
export const hiddenIds = (items: readonly OutcomeItem[], ctx: OutcomeContext): ReadonlySet<string> =>
  new Set([...ctx.hidden, ...items.filter((i) => i.hidden).flatMap((i) => (i.itemKey ? [i.id, i.itemKey] : [i.id]))]);

/** Items of `kind` whose text may appear, in a stable order (by id: nothing about when they came). */
export const showableOf = (items: readonly OutcomeItem[], kind: string, ctx: OutcomeContext): OutcomeItem[] =>
  items.filter((i) => i.kind === kind && showable(i, ctx)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A count shown only from the minimum up (null below it), like every public number. */
export const countFrom = (n: number, minCount: number): number | null => (n >= minCount ? n : null);
