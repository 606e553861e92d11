/**
 * The project's timeline, built from plain rows so it can be unit tested: phases in order,
 * each with the workshops and sessions that fell in it, what each left behind (counts per
 * kind) and the workshops' 0–4 evaluations as distributions. Pure.
 */

/** The scale of every evaluation in Verksted (closing round and kollegaveiledning): 0 to 4. */
export const EVALUATION_SCALE = [0, 1, 2, 3, 4] as const;

export interface TimelinePhaseRow {
  id: string;
  name: string;
  position: number;
  startsOn: string | null;
  endsOn: string | null;
}
export interface TimelineWorkshopRow {
  id: string;
  title: string;
  date: string | null;
  phaseId: string | null;
  minRevealCount: number;
  createdAt: Date;
}
export interface TimelineSessionRow {
  id: string;
  kind: string;
  title: string;
  workshopId: string | null;
  createdAt: Date;
  endedAt: Date | null;
}
/** Visible items per session and kind. */
export interface TimelineCountRow {
  sessionId: string;
  kind: string;
  count: number;
}
/** One evaluation answer: the question's key and label, and the value on the 0–4 scale. */
export interface TimelineEvaluationRow {
  sessionId: string;
  question: string;
  label: string;
  value: number;
}

export interface EvaluationDistribution {
  question: string;
  label: string;
  answers: number;
  /** Answers per value 0..4, or null below the minimum count (only how many answered is shown). */
  counts: number[] | null;
  mean: number | null;
}

export interface TimelineEntry {
  type: 'workshop' | 'kollegaveiledning' | 'qsort' | 'session';
  /** The workshop's id for a workshop, else the session's. */
  id: string;
  title: string;
  /** The workshop's date, else when the session started; null for a workshop not yet dated nor run. */
  date: string | null;
  sessions: { id: string; startedAt: Date; endedAt: Date | null }[];
  /** Visible items per kind across the entry's sessions. */
  produced: Record<string, number>;
  evaluation: EvaluationDistribution[];
}

export interface TimelinePhase {
  phase: { id: string; name: string; startsOn: string | null; endsOn: string | null } | null;
  entries: TimelineEntry[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Distributions per question in first-seen order; held back below `min` answers. */
export function evaluationDistributions(rows: readonly TimelineEvaluationRow[], min: number): EvaluationDistribution[] {
  const byQuestion = new Map<string, { label: string; values: number[] }>();
  for (const row of rows) {
    if (!Number.isInteger(row.value) || row.value < 0 || row.value > 4) continue;
    const entry = byQuestion.get(row.question) ?? { label: row.label, values: [] };
    entry.values.push(row.value);
    byQuestion.set(row.question, entry);
  }
  return [...byQuestion].map(([question, { label, values }]) => {
    const enough = values.length >= min;
    return {
      question,
      label,
      answers: values.length,
      counts: enough ? EVALUATION_SCALE.map((v) => values.filter((x) => x === v).length) : null,
      mean: enough ? values.reduce((s, v) => s + v, 0) / values.length : null,
    };
  });
}

/** The phase a date falls in (inclusive ISO dates), or null. */
function phaseByDate(phases: readonly TimelinePhaseRow[], date: string | null): string | null {
  if (!date) return null;
  return phases.find((p) => (p.startsOn === null || p.startsOn <= date) && (p.endsOn === null || date <= p.endsOn) && (p.startsOn || p.endsOn))?.id ?? null;
}

export function buildTimeline(input: {
  phases: readonly TimelinePhaseRow[];
  workshops: readonly TimelineWorkshopRow[];
  sessions: readonly TimelineSessionRow[];
  counts: readonly TimelineCountRow[];
  evaluations: readonly TimelineEvaluationRow[];
  /** The least number of answers a distribution is shown from. */
  minAnswers: number;
}): TimelinePhase[] {
  const produced = (sessionIds: string[]) => {
    const out: Record<string, number> = {};
    for (const c of input.counts) if (sessionIds.includes(c.sessionId)) out[c.kind] = (out[c.kind] ?? 0) + c.count;
    return out;
  };
  const evaluation = (sessionIds: string[], min: number) => evaluationDistributions(input.evaluations.filter((e) => sessionIds.includes(e.sessionId)), min);
  const placed: { phaseId: string | null; entry: TimelineEntry }[] = [];

  for (const w of input.workshops) {
    const sessions = input.sessions.filter((s) => s.workshopId === w.id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const ids = sessions.map((s) => s.id);
    const date = w.date ?? (sessions[0] ? day(sessions[0].createdAt) : null);
    placed.push({
      phaseId: w.phaseId ?? phaseByDate(input.phases, date),
      entry: { type: 'workshop', id: w.id, title: w.title, date, sessions: sessions.map((s) => ({ id: s.id, startedAt: s.createdAt, endedAt: s.endedAt })), produced: produced(ids), evaluation: evaluation(ids, Math.max(input.minAnswers, w.minRevealCount)) },
    });
  }
  const workshopIds = new Set(input.workshops.map((w) => w.id));
  for (const s of input.sessions) {
    if (s.workshopId && workshopIds.has(s.workshopId)) continue;
    const type = s.kind === 'kollegaveiledning' || s.kind === 'qsort' ? s.kind : 'session';
    const date = day(s.createdAt);
    placed.push({
      phaseId: phaseByDate(input.phases, date),
      entry: { type, id: s.id, title: s.title, date, sessions: [{ id: s.id, startedAt: s.createdAt, endedAt: s.endedAt }], produced: produced([s.id]), evaluation: evaluation([s.id], input.minAnswers) },
    });
  }

  // Undated (planned) entries last within their phase; then by date, then title.
  const order = (a: TimelineEntry, b: TimelineEntry) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title, 'nb');
  const phases = [...input.phases].sort((a, b) => a.position - b.position);
  const groups: TimelinePhase[] = phases.map((p) => ({
    phase: { id: p.id, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn },
    entries: placed.filter((x) => x.phaseId === p.id).map((x) => x.entry).sort(order),
  }));
  const known = new Set(phases.map((p) => p.id));
  const loose = placed.filter((x) => x.phaseId === null || !known.has(x.phaseId)).map((x) => x.entry).sort(order);
  return loose.length > 0 ? [...groups, { phase: null, entries: loose }] : groups;
}
