/**
 * "What changed since the last workshop" for one finding, from the evidence per workshop and
 * the status history the finding page already has. Pure.
 */

export const responseKeys = ['kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
export type ResponseKey = (typeof responseKeys)[number];
type Counts = Record<ResponseKey, number>;

export interface EvidenceSource {
  key: string;
  title: string | null;
  /** The workshop's date (YYYY-MM-DD), when it has one. */
  date: string | null;
  counts: Counts;
}
export interface StatusChange {
  id: string;
  fromStatus: string;
  toStatus: string;
  note: string;
  changedAt: Date;
  changedBy: string | null;
}

export interface FindingChanges {
  latest: EvidenceSource | null;
  previous: EvidenceSource | null;
  /** Percentage points each response's share moved from the previous workshop to the latest; null without both. */
  shift: Counts | null;
  /** Status changes made on or after the latest workshop's date (all of them when it has no date), oldest first. */
  changesSince: StatusChange[];
}

const total = (c: Counts) => c.kjenner_igjen + c.nyanserer + c.avkrefter;
/** A response's share of its workshop's answers, in whole percent. */
export const share = (c: Counts, key: ResponseKey): number => (total(c) === 0 ? 0 : Math.round((c[key] / total(c)) * 100));

/** Sources come newest first (as the evidence lists them); the first two are compared. */
export function findingChanges(sources: readonly EvidenceSource[], history: readonly StatusChange[]): FindingChanges {
  const [latest = null, previous = null] = sources;
  const shift = latest && previous ? (Object.fromEntries(responseKeys.map((k) => [k, share(latest.counts, k) - share(previous.counts, k)])) as Counts) : null;
  const since = latest?.date ?? null;
  const changesSince = latest
    ? history.filter((c) => since === null || c.changedAt.toISOString().slice(0, 10) >= since).sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
    : [];
  return { latest, previous, shift, changesSince };
}

/** Sources oldest first, for a side-by-side table that reads left to right in time. */
export const chronological = (sources: readonly EvidenceSource[]): EvidenceSource[] => [...sources].reverse();
