import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { feedbackItems, findings, qsorts, statementSets, statements, supervisionGroups, workshops } from '@/db/schema';
import type { Result } from '@/lib/errors';
import { roundNotesDocName, sessionNotesDocName } from '@/lib/protocol';
import { subjectUsageKey } from '@/lib/yjs/limits';
import { seedDemoProject } from '@/server/demo/seed-demo';
import type { Services } from '@/server/services';
import { currentConsent } from '@/server/services/consent-service';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`fixture: ${r.error.code} ${r.error.message}`);
  return r.data;
};

/** A Yjs update that writes `text` into a document's shared text. */
export function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

export interface FilledProject {
  projectId: string;
  name: string;
  workshopId: string;
  /** The workshop's run, the Q-sort and the kollegaveiledning meeting. */
  sessionIds: string[];
  docNames: string[];
  /** Written into every free-text place the fixture fills, to scan for afterwards. */
  marker: string;
}

/**
 * A project with something in every table a project owns, made through the services where
 * that is one call and by insert where reaching it would take a whole live run: the demo's
 * phases, findings, workshop, statement set and kollegaveiledning; a status change; an
 * invitation; consent versions with acceptances; a workshop session, a Q-sort session and a meeting with participants, answers,
 * a saved sort, a per-session rate-limit row and Yjs documents (updates, a snapshot, usage).
 */
export async function fillProject(services: Services, ownerId: string, label: string): Promise<FilledProject> {
  const db = services.database.db;
  const marker = `MERKE${label}`;
  const projectId = await seedDemoProject(db, ownerId);
  const name = `Prosjekt ${label}`;
  unwrap(await services.projects.update(ownerId, projectId, { name, description: `Om ${marker}`, ethicsReference: '', consentText: `Samtykke ${marker}` }));
  await services.auth.createInvitation(ownerId, projectId);
  const [finding] = await db.select({ id: findings.id }).from(findings).where(eq(findings.projectId, projectId));
  unwrap(await services.findings.setStatus(ownerId, projectId, finding!.id, { status: 'bekreftet', note: `Notat ${marker}` }));

  const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
  const run = unwrap(await services.live.open(ownerId, projectId, { title: `Verksted ${label}` }, { workshopId: workshop!.id }));
  const [set] = await db.select({ id: statementSets.id }).from(statementSets).innerJoin(statements, eq(statements.setId, statementSets.id)).where(eq(statementSets.projectId, projectId)).limit(1);
  const qsort = unwrap(await services.qsort.open(ownerId, projectId, set!.id));
  const [group] = await db.select({ id: supervisionGroups.id }).from(supervisionGroups).where(eq(supervisionGroups.projectId, projectId));
  const meeting = unwrap(await services.supervision.openMeeting(ownerId, projectId, group!.id));
  const sessionIds = [run.id, qsort.sessionId, meeting.sessionId];

  const docNames: string[] = [];
  for (const sessionId of sessionIds) {
    const session = (await services.live.byId(sessionId))!;
    const consent = await currentConsent(db, projectId);
    const joined = unwrap(await services.live.join(session.code, `Deltaker ${label}`, undefined, { kontor: `Kontor ${marker}` }, consent?.version ?? null));
    const participantId = joined.participant.id;
    await services.limits.take('joinsPerSession', sessionId);
    await db.insert(feedbackItems).values({
      projectId,
      workshopId: sessionId === run.id ? workshop!.id : null,
      sessionId,
      kind: 'note',
      authorKind: 'anonymous',
      participantId,
      itemKey: `note-${label}`,
      text: `Lapp ${marker}`,
      data: { colour: 'gul' },
    });
    await db.insert(feedbackItems).values({ projectId, sessionId, kind: 'vote_count', authorKind: 'group', value: 4, theme: `Tema ${label}` });
    if (sessionId === qsort.sessionId) {
      await db.insert(qsorts).values({
        sessionId,
        participantId,
        setId: set!.id,
        state: { step: 'done', piles: {}, columns: [], comments: { s1: `Kommentar ${marker}` }, missing: `Mangler ${marker}`, pseudonym: `Pseudo${label}` },
      });
    }
    for (const docName of [sessionNotesDocName(sessionId), roundNotesDocName(sessionId, 'r1')]) {
      const quota = { subjectKey: subjectUsageKey(sessionId, `p:${participantId}`), subjectBudget: 1_000_000, docBudget: 1_000_000 };
      const first = await services.yjsPersistence.append(docName, textUpdate(`Tavle ${marker}`), quota);
      if (!first.ok) throw new Error(`fixture: ${first.code}`);
      await services.yjsPersistence.compact(docName);
      const second = await services.yjsPersistence.append(docName, textUpdate(`Mer ${marker}`), quota);
      if (!second.ok) throw new Error(`fixture: ${second.code}`);
      docNames.push(docName);
    }
  }
  // The archive's tags (archive_tags, feedback_item_tags): one of the notes carries one.
  const [note] = await db.select({ id: feedbackItems.id }).from(feedbackItems).where(and(eq(feedbackItems.projectId, projectId), eq(feedbackItems.kind, 'note'))).limit(1);
  unwrap(await services.archiveSearch.tagItem(ownerId, projectId, note!.id, { name: `Tagg ${marker}` }));
  return { projectId, name, workshopId: workshop!.id, sessionIds, docNames, marker };
}
