/**
 * What every kind's tally is built from, kept apart from lib/workshop/tally.ts so the kinds can
 * import it without importing the registry that imports them.
 */

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
 * Comments and texts in an order that says nothing about when they came: sorted by their
 * random ids, so a newly published comment is not the last in the list.
 */
export const unordered = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Whether a count may be shown: known and at least the minimum. */
export const atLeast = (n: number | null, minCount: number) => n !== null && n >= minCount;

/** A count the public view leaves out (null) when it is below the minimum; see the kinds' result schemas. */
export type PublicCount = number | null;
