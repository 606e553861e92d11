import { moduleOf, talliedModules, type ActivityOutcome, type AgendaActivity } from '../activities/registry';
import type { OutcomeAudience, OutcomeContext, OutcomeItem, OutcomeTheme } from '../activities/outcome-kit';
import { batchSize, publishedAnswers } from '../workshop/tally';

export type { ActivityOutcome } from '../activities/registry';
export type { OutcomeAudience, OutcomeItem } from '../activities/outcome-kit';
export type { FindingsOutcome } from '../activities/findings/outcome';
export type { ReflectionOutcome } from '../activities/reflection/outcome';
export type { PlenaryOutcome } from '../activities/plenary/outcome';
export type { ClosingOutcome } from '../activities/closing/outcome';
export type { QuestionOutcome } from '../activities/question/outcome';
export type { QsortOutcome } from '../activities/qsort/outcome';
export type { SupervisionOutcome } from '../activities/supervision/outcome';

/**
 * What a workshop session left behind, activity by activity in agenda order: the model behind
 * the results page, the closing summary on the big screen, the phones' short summary and (at
 * merge) the Word/PDF reports. Renderer-agnostic and JSON-safe (dates as ISO strings), so a
 * route can send it and a report can lay it out without knowing the kinds' tallies.
 *
 * Every part comes from its kind's `outcome` (lib/activities/<kind>/outcome.ts), which applies
 * the same rules as the live public view: hidden and redacted items left out, nothing counted
 * below the workshop's minimum. `audience: 'public'` tallies only the answers published in whole
 * batches (lib/workshop/tally.ts), so the screen and phones never see more than they did live.
 */
export interface SessionResults {
  sessionId: string;
  projectId: string;
  workshopId: string | null;
  title: string;
  status: 'open' | 'ended';
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; null while the session is open. */
  endedAt: string | null;
  audience: OutcomeAudience;
  /** The minimum count the numbers were held back by. */
  minCount: number;
  /** In agenda order; one entry per activity on the agenda, run or not. */
  activities: SessionActivityResult[];
}

/** One agenda activity and what it left (`outcome.kind` is the activity's kind). */
export interface SessionActivityResult {
  activityId: string;
  title: string;
  outcome: ActivityOutcome;
}

/** What the model is built from: the session row, its workshop runtime and every stored item. */
export interface SessionResultsInput {
  session: { id: string; projectId: string; workshopId: string | null; title: string; status: 'open' | 'ended'; createdAt: Date; endedAt: Date | null };
  workshop: { activities: readonly AgendaActivity[]; minRevealCount: number; hiddenItems: readonly string[]; clusters: readonly OutcomeTheme[] };
  /** The session's feedback items (any activity). */
  items: readonly OutcomeItem[];
  findings: OutcomeContext['findings'];
  audience: OutcomeAudience;
}

/** Stored answers that a kind's tally counts (the rest, notes, themes and factors, are not published in batches). */
const talliedKinds = new Set(talliedModules.flatMap((m) => m.results!.answerKinds));

/** The items a public audience may be tallied from: the published batches of answers, and everything else as it is. */
export function publicItems(items: readonly OutcomeItem[], minCount: number): OutcomeItem[] {
  const answers = items.filter((i) => talliedKinds.has(i.kind));
  const published = new Set(publishedAnswers(answers, batchSize(minCount)).map((a) => a.id));
  return items.filter((i) => !talliedKinds.has(i.kind) || published.has(i.id));
}

export function buildSessionResults(input: SessionResultsInput): SessionResults {
  const { session, workshop, audience } = input;
  const minCount = workshop.minRevealCount;
  const items = audience === 'public' ? publicItems(input.items, minCount) : [...input.items];
  const ctx: OutcomeContext = { audience, minCount, hidden: new Set(workshop.hiddenItems), themes: workshop.clusters, findings: input.findings, sessionItems: items };
  return {
    sessionId: session.id,
    projectId: session.projectId,
    workshopId: session.workshopId,
    title: session.title,
    status: session.status,
    startedAt: session.createdAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    audience,
    minCount,
    activities: workshop.activities.flatMap((activity) => {
      const kind = moduleOf(activity);
      if (!kind) return [];
      const own = items.filter((i) => i.activityId === activity.id);
      return [{ activityId: activity.id, title: activity.title, outcome: kind.outcome(activity, own, ctx) }];
    }),
  };
}

/** How much of each list the phones' short summary keeps. */
export const SHORT_SUMMARY = { themes: 3, words: 10 } as const;

/**
 * The phones' short summary: the public model with the long parts left out (comments, notes,
 * free texts) and the lists cut to their top entries. Derived, so it can only hold less.
 */
export function shortSummary(results: SessionResults): SessionResults {
  // A board's notes are the long part: the themes and their dots carry the reflection instead.
  const kept = results.activities.filter((a) => a.outcome.kind !== 'reflection');
  return { ...results, activities: kept.map((a) => ({ ...a, outcome: shorten(a.outcome) })) };
}

function shorten(outcome: ActivityOutcome): ActivityOutcome {
  switch (outcome.kind) {
    case 'findings':
      return { ...outcome, findings: outcome.findings.map((f) => ({ ...f, comments: [] })) };
    case 'reflection':
      return { ...outcome, groups: [] };
    case 'plenary':
      return { ...outcome, themes: outcome.themes.slice(0, SHORT_SUMMARY.themes).map((t) => ({ ...t, notes: [] })), words: outcome.words.slice(0, SHORT_SUMMARY.words) };
    case 'closing':
      return { ...outcome, texts: [] };
    case 'question':
    case 'qsort':
    case 'supervision':
      return outcome;
  }
}
