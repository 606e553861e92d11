import type { BackupContent } from './format';

/**
 * "The whole project as JSON" for researchers: the same rows a backup collects, shaped to be
 * read rather than restored. Links are kept as ids beside names; nothing that is hidden,
 * redacted or below a minimum count is in it, and nothing about access (participants' rows,
 * join codes, accounts) is. Pure.
 */

export const READABLE_FORMAT = 'verksted-project';
/** Used for sessions that run no workshop, as the workshop editor's default. */
export const DEFAULT_MIN_COUNT = 3;

type Row = Record<string, unknown>;
const individual = new Set(['named', 'anonymous', 'pseudonym']);

const sorted = (rows: Row[], order: (a: Row, b: Row) => number): Row[] => [...rows].sort(order);
const byPosition = (a: Row, b: Row) => Number(a.position ?? 0) - Number(b.position ?? 0);
const byTime = (key: string) => (a: Row, b: Row) => String(a[key] ?? '').localeCompare(String(b[key] ?? ''));

/** A countable answer of one person: a vote, a score, a finding response. The minimum applies to these. */
const isCountedAnswer = (item: Row) => individual.has(String(item.authorKind)) && (item.value !== null || item.response !== null);

/**
 * Feedback a reader may see: not hidden, not redacted, and no countable answers of an activity
 * that fewer people than its minimum gave (they are listed as withheld, without a count).
 */
export function visibleFeedback(items: Row[], minimumOf: (sessionId: unknown) => number) {
  const shown = items.filter((i) => i.hiddenAt === null && i.redactedAt === null);
  const groups = new Map<string, { sessionId: unknown; activityId: unknown; kind: unknown; people: Set<string> }>();
  const keyOf = (i: Row) => `${String(i.sessionId)}|${String(i.activityId)}|${String(i.kind)}`;
  for (const item of shown.filter(isCountedAnswer)) {
    const group = groups.get(keyOf(item)) ?? { sessionId: item.sessionId, activityId: item.activityId, kind: item.kind, people: new Set<string>() };
    group.people.add(String(item.participantId ?? item.authorName ?? item.id));
    groups.set(keyOf(item), group);
  }
  const below = new Set([...groups].filter(([, g]) => g.people.size < minimumOf(g.sessionId)).map(([key]) => key));
  return {
    items: shown.filter((i) => !(isCountedAnswer(i) && below.has(keyOf(i)))),
    withheld: [...groups].filter(([key]) => below.has(key)).map(([, g]) => ({ sessionId: g.sessionId, activityId: g.activityId, kind: g.kind, reason: 'below-minimum' as const })),
  };
}

export function readableProject(content: BackupContent, createdAt: Date) {
  const t = (name: string): Row[] => content.tables[name] ?? [];
  const [project] = t('projects');
  const workshopMinimum = new Map(t('workshops').map((w) => [w.id, Number(w.minRevealCount)]));
  const sessionMinimum = new Map(t('live_sessions').map((s) => [s.id, workshopMinimum.get(s.workshopId) ?? DEFAULT_MIN_COUNT]));
  const feedback = visibleFeedback(t('feedback_items'), (sessionId) => sessionMinimum.get(sessionId) ?? DEFAULT_MIN_COUNT);
  return {
    format: READABLE_FORMAT,
    createdAt: createdAt.toISOString(),
    project: project && {
      id: project.id,
      name: project.name,
      description: project.description,
      ethicsReference: project.ethicsReference,
      consentText: project.consentText,
      retainFreeTextUntil: project.retainFreeTextUntil,
      createdAt: project.createdAt,
      archivedAt: project.archivedAt,
    },
    consentVersions: sorted(t('consent_versions'), (a, b) => Number(a.version) - Number(b.version)).map((v) => ({ version: v.version, text: v.text, createdAt: v.createdAt })),
    phases: sorted(t('phases'), byPosition).map((p) => ({ id: p.id, name: p.name, description: p.description, startsOn: p.startsOn, endsOn: p.endsOn })),
    findings: sorted(t('findings'), byPosition)
      .map((f) => ({
        id: f.id,
        phaseId: f.phaseId,
        title: f.title,
        summary: f.summary,
        quotes: f.quotes,
        reflectionQuestion: f.reflectionQuestion,
        theme: f.theme,
        status: f.status,
        history: t('finding_status_changes')
          .filter((c) => c.findingId === f.id)
          .sort(byTime('changedAt'))
          .map((c) => ({ from: c.fromStatus, to: c.toStatus, note: c.note, at: c.changedAt })),
      })),
    statementSets: t('statement_sets').map((s) => ({
      id: s.id,
      name: s.name,
      statements: t('statements')
        .filter((st) => st.setId === s.id)
        .sort(byPosition)
        .map((st) => ({ code: st.code, text: st.text })),
    })),
    workshops: sorted(t('workshops'), byTime('date'))
      .map((w) => ({
        id: w.id,
        phaseId: w.phaseId,
        title: w.title,
        date: w.date,
        place: w.place,
        minRevealCount: w.minRevealCount,
        agenda: t('workshop_activities')
          .filter((a) => a.workshopId === w.id)
          .sort(byPosition)
          .map((a) => ({ id: a.id, kind: a.kind, title: a.title })),
      })),
    supervisionGroups: t('supervision_groups').map((g) => ({ id: g.id, phaseId: g.phaseId, name: g.name })),
    sessions: sorted(t('live_sessions'), byTime('createdAt'))
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        workshopId: s.workshopId,
        supervisionGroupId: s.supervisionGroupId,
        startedAt: s.createdAt,
        endedAt: s.endedAt,
        participants: t('participants').filter((p) => p.sessionId === s.id).length,
      })),
    feedback: sorted(feedback.items, byTime('createdAt')).map((i) => ({
      id: i.id,
      kind: i.kind,
      authorKind: i.authorKind,
      // A name only where the participant chose to give it.
      authorName: i.authorKind === 'named' ? i.authorName : null,
      phaseId: i.phaseId,
      workshopId: i.workshopId,
      sessionId: i.sessionId,
      activityId: i.activityId,
      findingId: i.findingId,
      theme: i.theme,
      groupName: i.groupName,
      response: i.response,
      text: i.text,
      value: i.value,
      data: i.data,
      createdAt: i.createdAt,
    })),
    withheld: feedback.withheld,
  };
}
export type ReadableProject = ReturnType<typeof readableProject>;
