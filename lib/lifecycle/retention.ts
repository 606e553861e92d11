/**
 * Retention: after a project's "delete free text after" date, what people wrote in their own
 * words goes and what was counted stays. Pure: which projects are due, and what of a feedback
 * item, a participant or a Q-sort is raw text. The service (server/services/retention-service.ts)
 * applies it.
 *
 * Raw text (deleted): comments on findings, board notes, free-text evaluations, the case and
 * question of a kollegaveiledning, round notes, learning points, agreements, Q-sort comments,
 * participants' names and join answers, named authors' names and pseudonyms, and every Yjs
 * document (boards, drafts, shared and round notes); in an ended session's state, the
 * facilitator's message to participants, a kollegaveiledning's case, members' names and the
 * agreements carried over from the meeting before.
 * Aggregates (kept): finding responses (kjenner igjen / nyanserer / avkrefter), votes, scale
 * answers, the words of a word cloud (one normalised word each, unlinked from any name: the
 * cloud is the count of them), theme and factor names and the facilitator's questions (written
 * by the research team, not the participants), and the Q-sorts themselves (where each statement
 * was placed is the analysis input, not free text).
 */
import type { FeedbackKind } from '@/db/schema/feedback';
import { feedbackKindRules } from '@/lib/activities/registry';
import type { SortState } from '@/lib/qsort/sort';

/** What of an item of a kind is raw text: its `text`, and which `data` keys hold more of it (`'*'`: all). */
export interface KindRetention {
  /** `word`: kept when it is one word (what a cloud counts), cleared when it is a phrase someone typed. */
  text: 'clear' | 'keep' | 'word';
  data: readonly string[] | '*';
}

/** Each kind's rule, as the activity kind that stores it declares (`feedback` in lib/activities/<kind>/). */
export const feedbackRetention: Readonly<Record<FeedbackKind, KindRetention>> = Object.fromEntries(
  Object.entries(feedbackKindRules).map(([kind, rules]) => [kind, rules.retention]),
) as Record<FeedbackKind, KindRetention>;

/** Marks an item whose raw text retention removed (in `data`, beside what was kept). */
export const RETAINED_MARK = 'retainedAt';

export interface RetainableItem {
  kind: FeedbackKind;
  text: string;
  authorKind: string;
  authorName: string | null;
  data: Record<string, unknown>;
}

export type ItemPatch = Pick<RetainableItem, 'text' | 'authorName' | 'data'>;

/** What an item becomes once its raw text is gone, or null when it holds none (nothing to do). */
export function retainItem(item: RetainableItem, at: Date): ItemPatch | null {
  const rule = feedbackRetention[item.kind];
  const text = rule.text === 'clear' || (rule.text === 'word' && /\s/.test(item.text.trim())) ? '' : item.text;
  // Names of named participants and pseudonyms go; group and facilitator labels are not people's names.
  const authorName = item.authorKind === 'named' || item.authorKind === 'pseudonym' ? null : item.authorName;
  const dropped = rule.data === '*' ? Object.keys(item.data).filter((k) => k !== RETAINED_MARK) : rule.data.filter((k) => k in item.data);
  if (text === item.text && authorName === item.authorName && dropped.length === 0) return null;
  const data = Object.fromEntries(Object.entries(item.data).filter(([k]) => !dropped.includes(k)));
  return { text, authorName, data: { ...data, [RETAINED_MARK]: at.toISOString() } };
}

/** A Q-sort with its comments and pseudonym gone and every placement kept, or null when it has none. */
export function retainSort(state: SortState): SortState | null {
  const hasText = Object.values(state.comments).some((c) => c !== '') || state.missing !== '' || state.pseudonym !== '';
  return hasText ? { ...state, comments: {}, missing: '', pseudonym: '' } : null;
}

/** Today's date in Norway as `YYYY-MM-DD`: retention dates are calendar dates where the project is. */
export const osloDate = (now: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);

/** A project is due the day after its date: the date itself is the last day the text is kept. */
export const isDue = (retainUntil: string | null, today: string): boolean => retainUntil !== null && retainUntil < today;

// The session state's rule is applied through `decide` (the `forgetRawText` system command).
export { retainSessionState } from './session-state-retention';
