import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { feedbackItems, qsorts, statementSets, workshopActivities, workshops } from '@/db/schema';
import type { Result } from '@/lib/errors';
import { readLiveState } from '@/lib/live-session';
import { addNote, boardDocName, newNoteId } from '@/lib/workshop/board';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import type { Services } from '@/server/services';
import { sortIn } from './qsort';
import { currentConsent } from '@/server/services/consent-service';

const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`fixture: ${r.error.code} ${r.error.message}`);
  return r.data;
};

/** Texts that must never reach a report, each withheld for its own reason. */
export const withheld = {
  hiddenComment: 'Skjult kommentar om saksbehandling',
  redactedComment: 'Sladdet kommentar om Kari',
  fewComment: 'Bare to svarte på dette funnet',
  hiddenNote: 'Skjult lapp om pauserommet',
  redactedNote: 'Sladdet lapp om en bruker',
  fewWords: ['travelt', 'lærerikt'],
  hiddenEvaluation: 'Skjult evaluering av lokalet',
};

/** Texts that a report must show. */
export const shown = {
  comment: 'Vi kjenner oss igjen i møtene med brukerne',
  note: 'Tid til oppfølging mangler på våre kontor',
  otherNote: 'Veilederne ønsker mer kollegaveiledning',
  theme: 'Tid og kapasitet',
  evaluation: 'Nyttig å høre andre kontorer, særlig Ålesund',
  statusNote: 'Bekreftet av deltakerne i mars',
};

/**
 * The demo project's workshop run to its end through the services, as a facilitator and four
 * phones would: a findings round (one finding answered by four, one by only two), group notes
 * on the Yjs boards, a plenary with a theme, dots and a two-word cloud, and a closing round
 * with three evaluations. One comment, one note and one evaluation text are hidden, one comment
 * and one note redacted; the second finding and the cloud stay below the minimum count of 3.
 */
export async function finishedDemoWorkshop(services: Services, ownerId: string, projectId: string) {
  const db = services.database.db;
  const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
  const session = unwrap(await services.live.open(ownerId, projectId, { title: 'Verksted på Hamar' }, { workshopId: workshop!.id }));
  const consent = (await currentConsent(db, projectId))?.version ?? null;
  const people: string[] = [];
  for (let i = 0; i < 4; i++) people.push(unwrap(await services.live.join(session.code, null, undefined, {}, consent)).participant.id);
  const run = async (command: WorkshopCommand) => unwrap(await services.sessionCommands.run(session.id, { type: 'workshop', command }, { kind: 'facilitator', userId: ownerId }, people));
  const runtime = async () => readLiveState((await services.live.byId(session.id))!.state).workshop!;
  const agenda = await db.select().from(workshopActivities).where(eq(workshopActivities.workshopId, workshop!.id)).orderBy(workshopActivities.position);
  const findingIds = (agenda[0]!.config as { findingIds: string[] }).findingIds;

  // Findings round: four answer the first finding, two the second.
  await run({ type: 'goTo', index: 0 });
  const responses = ['kjenner_igjen', 'kjenner_igjen', 'nyanserer', 'avkrefter'] as const;
  const comments = [shown.comment, withheld.hiddenComment, withheld.redactedComment, ''];
  for (const [i, p] of people.entries()) unwrap(await services.feedback.respond(session.id, p, { findingId: findingIds[0], response: responses[i], comment: comments[i] }));
  for (const p of people.slice(0, 2)) unwrap(await services.feedback.respond(session.id, p, { findingId: findingIds[1], response: 'avkrefter', comment: withheld.fewComment }));
  const item = async (text: string) => (await db.select({ id: feedbackItems.id }).from(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.text, text))))[0]!.id;
  await run({ type: 'setHidden', itemId: await item(withheld.hiddenComment), hidden: true });
  unwrap(await services.redaction.redactAsMember(ownerId, projectId, await item(withheld.redactedComment)));

  // Group reflection: notes written on the groups' Yjs boards.
  await run({ type: 'goTo', index: 1 });
  const groups = (await runtime()).groups;
  const notes = { shown: newNoteId(), other: newNoteId(), hidden: newNoteId(), redacted: newNoteId() };
  const board = new Y.Doc();
  const note = (id: string, text: string, redacted = false) => addNote(board, { id, text: redacted ? '' : text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: 'k', createdAt: Date.now(), ...(redacted ? { redacted } : {}) });
  note(notes.shown, shown.note);
  note(notes.hidden, withheld.hiddenNote);
  note(notes.redacted, withheld.redactedNote, true);
  await services.yjsPersistence.append(boardDocName(session.id, agenda[1]!.id, groups[0]!.id), Y.encodeStateAsUpdate(board));
  const second = new Y.Doc();
  addNote(second, { id: notes.other, text: shown.otherNote, colour: 'blue', authorKind: 'group', authorName: null, authorKey: 'g', createdAt: Date.now() });
  await services.yjsPersistence.append(boardDocName(session.id, agenda[1]!.id, groups[groups.length - 1]!.id), Y.encodeStateAsUpdate(second));
  await run({ type: 'setHidden', itemId: notes.hidden, hidden: true });

  // Plenary: one theme holding the shown and the hidden note, dots from three, two words.
  await run({ type: 'goTo', index: 2 });
  await run({ type: 'clusterCreate', clusterId: 'tema-1', name: shown.theme });
  await run({ type: 'clusterAssign', noteId: notes.shown, clusterId: 'tema-1' });
  await run({ type: 'clusterAssign', noteId: notes.hidden, clusterId: 'tema-1' });
  await run({ type: 'plenaryVoting', open: true });
  for (const p of people.slice(0, 3)) unwrap(await services.feedback.answer('plenary', plenaryEvents.votes.name)(session.id, p, { votes: { 'tema-1': 2 } }));
  for (const [i, word] of withheld.fewWords.entries()) unwrap(await services.feedback.answer('plenary', plenaryEvents.word.name)(session.id, people[i]!, { word }));

  // Closing round: three evaluate, with two free texts (one hidden).
  await run({ type: 'goTo', index: 3 });
  const questions = (agenda[3]!.config as { questions: { id: string; text: string }[] }).questions;
  const scores = [4, 3, 3];
  const texts = [shown.evaluation, withheld.hiddenEvaluation, ''];
  for (const [i, p] of people.slice(0, 3).entries()) unwrap(await services.feedback.answer('closing', closingEvents.evaluate.name)(session.id, p, { answers: Object.fromEntries(questions.map((q) => [q.id, scores[i]!])), text: texts[i] }));
  await run({ type: 'setHidden', itemId: await item(withheld.hiddenEvaluation), hidden: true });

  unwrap(await services.sessionCommands.run(session.id, { type: 'end' }, { kind: 'facilitator', userId: ownerId }, people));
  await services.archive.archive(session.id);
  unwrap(await services.findings.setStatus(ownerId, projectId, findingIds[0]!, { status: 'bekreftet', note: shown.statusNote }));
  return { sessionId: session.id, workshopId: workshop!.id, findingIds, agenda, questions, people };
}

/** A kollegaveiledning meeting's outcome, as the leader records it in the summary round. */
export const meetingOutcome = {
  learningPoint: 'Små avtaler er lettere å holde',
  hiddenPoint: 'Skjult læringspunkt om Per',
  agreement: { specific: 'Kari ringer brukeren hver uke', measurable: 'Fire samtaler notert', acknowledged: 'Gruppen spør hvordan det gikk', realistic: 'Passer i dagens oppfølging', deadline: '2026-12-08', evaluate: 'Neste møte' },
};

/**
 * The demo's veiledningsgruppe meets once on its own (opened and ended through the services).
 * What the summary round leaves is inserted as the outcome service stores it, as the archive's
 * own tests do: reaching that round takes seated members, roles and five rounds, none of which
 * the report reads. Three answered "safeClimate" (an average is shown), two "usefulForMe" (held back).
 */
export async function finishedMeeting(services: Services, ownerId: string, projectId: string) {
  const db = services.database.db;
  const groups = unwrap(await services.supervision.listGroups(ownerId, projectId));
  const { sessionId } = unwrap(await services.supervision.openMeeting(ownerId, projectId, groups[0]!.id));
  const base = { projectId, sessionId };
  await db.insert(feedbackItems).values([
    { ...base, kind: 'learning_point', authorKind: 'group', text: meetingOutcome.learningPoint },
    { ...base, kind: 'learning_point', authorKind: 'group', text: meetingOutcome.hiddenPoint, hiddenAt: new Date() },
    { ...base, kind: 'agreement', authorKind: 'facilitator', text: meetingOutcome.agreement.specific, data: meetingOutcome.agreement },
    ...[4, 3, 3].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'safeClimate', value })),
    ...[4, 0].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'usefulForMe', value })),
  ]);
  unwrap(await services.sessionCommands.run(sessionId, { type: 'end' }, { kind: 'facilitator', userId: ownerId }, []));
  return { sessionId };
}

/**
 * A Q-sort of the demo's statement set with four finished sorts (inserted: sorting 36 cards
 * through the phone's steps adds nothing here), analysed and kept with two named factors
 * through the facilitator's service, as the console does.
 */
export async function keptQStudy(services: Services, ownerId: string, projectId: string) {
  const db = services.database.db;
  const [set] = await db.select({ id: statementSets.id }).from(statementSets).where(eq(statementSets.projectId, projectId));
  const { sessionId } = unwrap(await services.qsort.open(ownerId, projectId, set!.id));
  const ids = readLiveState((await services.live.byId(sessionId))!.state).qsort!.statements.map((s) => s.id);
  const orders = [ids, [...ids].reverse(), [...ids.slice(18), ...ids.slice(0, 18)], [...ids.slice(9), ...ids.slice(0, 9)]];
  await db.insert(qsorts).values(orders.map((order) => ({ sessionId, setId: set!.id, state: sortIn(order), status: 'done' as const, submittedAt: new Date() })));
  const names = [
    { name: 'De travle', description: 'Ser tid som det største hinderet for god oppfølging' },
    { name: 'De trygge', description: 'Stoler på egne vurderinger og kollegaenes råd' },
  ];
  unwrap(await services.qsortFactors.keep(sessionId, ownerId, { options: { factors: 2, extraction: 'centroid', rotation: 'varimax' }, names }));
  return { sessionId, names };
}
