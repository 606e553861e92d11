import type { AgendaActivity } from './agenda';
import type { ActivityResults } from './results';

/** One stored answer, as much of a feedback item as a tally needs. */
export interface AnswerRow {
  id: string;
  kind: string;
  participantId: string | null;
  findingId: string | null;
  itemKey: string | null;
  response: 'kjenner_igjen' | 'nyanserer' | 'avkrefter' | null;
  text: string;
  value: number | null;
  data: Record<string, unknown>;
  /** Epoch milliseconds of the answer's last change: answering again counts as answering late. */
  updatedAt: number;
  /** When a facilitator took the text out (epoch milliseconds), else null: shown as a marker. */
  redactedAt: number | null;
}

/**
 * How many answers a public tally moves by at a time. At least two, so the difference between
 * two published views is never one person's answer; at least the minimum count, so the first
 * view that shows anything already hides each answer among that many.
 */
export const batchSize = (minCount: number) => Math.max(2, minCount);

/**
 * Which stream of answers a row counts in. Every public number is a count over one stream, so
 * batching each stream on its own keeps every number moving in whole batches.
 */
function streamOf(row: AnswerRow): string | null {
  switch (row.kind) {
    case 'finding_response':
      return `finding:${row.findingId}`;
    case 'vote_count':
      // An emptied ballot is no vote: it must not count towards a batch either.
      return (row.value ?? 0) > 0 ? 'ballot' : null;
    case 'word':
      return 'word';
    case 'evaluation':
      return row.value === null ? null : `evaluation:${row.itemKey}`;
    case 'evaluation_text':
      return 'evaluation_text';
    default:
      return null;
  }
}

const byTime = (a: AnswerRow, b: AnswerRow) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The answers the public view is computed from: in each stream, the earliest answers (by their
 * last change) in the largest whole number of batches. Derived from the stored answers alone,
 * so every server process publishes the same view without remembering what it sent; a new
 * answer becomes visible only together with `k − 1` others.
 */
export function publishedAnswers(rows: readonly AnswerRow[], k: number): AnswerRow[] {
  const streams = new Map<string, AnswerRow[]>();
  for (const row of rows) {
    const key = streamOf(row);
    if (key === null) continue;
    streams.set(key, [...(streams.get(key) ?? []), row]);
  }
  return [...streams.values()].flatMap((stream) => [...stream].sort(byTime).slice(0, Math.floor(stream.length / k) * k));
}

/**
 * Comments and texts in an order that says nothing about when they came: sorted by their
 * random ids, so a newly published comment is not the last in the list.
 */
const unordered = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Tallies an activity from its answers (all of them for facilitators, the published ones for the rest). */
export function tallyActivity(activity: AgendaActivity, findingIndex: number, rows: readonly AnswerRow[]): ActivityResults | null {
  switch (activity.kind) {
    case 'findings': {
      const findingId = activity.config.findingIds[findingIndex] ?? '';
      const answers = rows.filter((r) => r.kind === 'finding_response' && r.findingId === findingId);
      const counts = { kjenner_igjen: 0, nyanserer: 0, avkrefter: 0 };
      for (const a of answers) if (a.response) counts[a.response]++;
      return {
        kind: 'findings',
        activityId: activity.id,
        findingId,
        total: answers.length,
        counts,
        // Comments carry no author: anonymous to everyone, facilitators included.
        comments: unordered(
          answers
            .filter((a) => a.text || a.redactedAt !== null)
            .map((a) => (a.redactedAt !== null ? { id: a.id, text: '', response: a.response ?? '', redacted: true } : { id: a.id, text: a.text, response: a.response ?? '' })),
        ),
      };
    }
    case 'plenary': {
      const ballots = rows.filter((r) => r.kind === 'vote_count' && (r.value ?? 0) > 0);
      const votes: Record<string, number> = {};
      for (const b of ballots) for (const [key, n] of Object.entries((b.data.votes as Record<string, number>) ?? {})) votes[key] = (votes[key] ?? 0) + n;
      const words = new Map<string, number>();
      // A redacted word has no text left to show; its place in the cloud goes with it.
      for (const w of rows.filter((r) => r.kind === 'word' && r.redactedAt === null)) words.set(w.text, (words.get(w.text) ?? 0) + 1);
      return {
        kind: 'plenary',
        activityId: activity.id,
        voters: ballots.length,
        votes,
        wordTotal: [...words.values()].reduce((a, b) => a + b, 0),
        words: [...words.entries()].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
      };
    }
    case 'closing': {
      const evaluations = rows.filter((r) => r.kind === 'evaluation');
      const questions = activity.config.questions.map((q) => {
        const values = evaluations.filter((e) => e.itemKey === q.id && e.value !== null).map((e) => e.value!);
        const distribution = [0, 0, 0, 0, 0];
        for (const v of values) distribution[v]!++;
        return { id: q.id, n: values.length, distribution, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
      });
      const respondents = new Set(rows.filter((r) => r.kind === 'evaluation' || r.kind === 'evaluation_text').map((r) => r.participantId)).size;
      return {
        kind: 'closing',
        activityId: activity.id,
        respondents,
        questions,
        texts: unordered(rows.filter((r) => r.kind === 'evaluation_text').map((r) => (r.redactedAt !== null ? { id: r.id, text: '', redacted: true } : { id: r.id, text: r.text }))),
      };
    }
    case 'reflection':
    // A Q-sort and a kollegaveiledning report through their own events.
    case 'qsort':
    case 'supervision':
      return null;
  }
}
