import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackItems, workshops } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import { myGroup } from '@/lib/live-view';
import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import type { ClosingOutcome, FindingsOutcome, PlenaryOutcome, ReflectionOutcome, SessionResults } from '@/lib/results/session-results';
import { addNote, boardDocName } from '@/lib/workshop/board';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { workshopViewOf } from '@/lib/workshop/view';
import { seedDemoProject } from '../demo/seed-demo';
import { eventually } from '../../test/retry';
import { emitAck as emit, harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';


interface Phone {
  socket: TestSocket;
  id: string;
  /** The participant cookie's value, as the phone's browser sends it to the summary route. */
  token: string;
  snapshots: SnapshotView[];
}

const outcome = <T>(results: SessionResults, kind: string) => results.activities.find((a) => a.outcome.kind === kind)!.outcome as T;

/**
 * A short demo workshop run to the end through real socket.io and y-websocket clients (a
 * facilitator, four phones and the big screen), then its results read back from the database:
 * the members' results page, the screen's closing summary and a phone's short summary.
 */
describe.each(harnessDrivers())('session results of a workshop run to the end (%s)', (driver) => {
  const h = serverHarness({}, undefined, driver);
  let userId = '';
  let projectId = '';
  let sessionId = '';
  let agenda: { id: string; kind: string }[] = [];
  let fac: TestSocket;
  let screen: SnapshotView[] = [];
  const phones: Phone[] = [];
  const texts = { hiddenComment: 'Skjult kommentar', redactedComment: 'Fjernet kommentar', hiddenNote: 'Skjult lapp', outside: 'Lapp utenfor tema', themed: 'Tid til oppfølging mangler' };

  const run = async (command: WorkshopCommand) => {
    const r = await emit<{ version: number }>(fac, clientEvents.command, { sessionId, command: { type: 'workshop', command } });
    if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
  };
  const goTo = async (kind: string) => {
    const index = agenda.findIndex((a) => a.kind === kind);
    await run({ type: 'goTo', index });
    await eventually(() => expect(phones.every((p) => p.snapshots.at(-1)?.state.workshop?.current === index)).toBe(true), 15_000);
  };

  beforeAll(async () => {
    await h.start();
    const { user, cookie } = await h.facilitator();
    userId = user.id;
    const db = h.server.services.database.db;
    projectId = await seedDemoProject(db, user.id);
    const [workshop] = await db.select().from(workshops).where(eq(workshops.projectId, projectId));
    const opened = await h.server.services.live.open(user.id, projectId, { title: 'Verksted om oppfølging' }, { workshopId: workshop!.id });
    if (!opened.ok) throw new Error(opened.error.code);
    sessionId = opened.data.id;
    fac = h.socket(cookie);
    const joined = await emit<JoinResult>(fac, clientEvents.join, { as: 'facilitator', sessionId });
    if (!joined.ok) throw new Error('join');
    agenda = workshopViewOf(joined.data.snapshot.state.workshop!).agenda;
    const presenter = h.socket(cookie);
    screen = [];
    presenter.on(serverEvents.snapshot, (s) => screen.push(s));
    if (!(await emit<JoinResult>(presenter, clientEvents.join, { as: 'presenter', sessionId })).ok) throw new Error('presenter');
    for (let i = 0; i < 4; i++) {
      const { cookie: pc } = await h.joinHttp(opened.data.code, null);
      const socket = h.socket(pc);
      const snapshots: SnapshotView[] = [];
      socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: opened.data.code });
      if (!join.ok) throw new Error('join');
      phones.push({ socket, id: join.data.participantId!, token: pc.slice(pc.indexOf('=') + 1), snapshots });
    }

    // --- findings round: four answers to the first finding; one comment hidden, one redacted
    await goTo('findings');
    const stored = readLiveState((await h.server.services.live.byId(sessionId))!.state).workshop!;
    const findingsStep = stored.activities.find((a) => a.kind === 'findings');
    const findingId = findingsStep?.kind === 'findings' ? findingsStep.config.findingIds[0]! : '';
    const comments = ['Stemmer godt med vår hverdag', texts.hiddenComment, texts.redactedComment, ''];
    for (const [i, p] of phones.entries()) {
      const r = await emit(p.socket, clientEvents.respond, { findingId, response: i === 3 ? 'nyanserer' : 'kjenner_igjen', comment: comments[i] });
      if (!r.ok) throw new Error(`respond: ${r.error.code}`);
    }
    const rows = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, sessionId));
    await run({ type: 'setHidden', itemId: rows.find((r) => r.text === texts.hiddenComment)!.id, hidden: true });
    const redacted = await emit(fac, clientEvents.redact, { sessionId, target: { type: 'item', itemId: rows.find((r) => r.text === texts.redactedComment)!.id } });
    if (!redacted.ok) throw new Error('redact');

    // --- group reflection: one board, three notes (one hidden, one in no theme)
    await goTo('reflection');
    await run({ type: 'endSilent' });
    const view = phones[0]!.snapshots.at(-1)!.state.workshop!;
    const reflectionId = workshopViewOf(view).activity!.id;
    const group = myGroup(view)!;
    const docName = boardDocName(sessionId, reflectionId, group.id);
    const token = await emit<{ token: string; authorKey: string }>(phones[0]!.socket, clientEvents.yjsToken, { docName });
    if (!token.ok) throw new Error('token');
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, token.data.token);
    await eventually(() => expect(provider.synced).toBe(true));
    for (const [id, text] of [['n1', texts.themed], ['n2', texts.outside], ['n3', texts.hiddenNote]] as const) {
      addNote(doc, { id, text, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: token.data.authorKey, createdAt: 1 });
    }
    await run({ type: 'setHidden', itemId: 'n3', hidden: true });

    // --- plenary: a theme with one note, dots from three, three words
    await goTo('plenary');
    await run({ type: 'clusterCreate', clusterId: 'c1', name: 'Tid og kapasitet' });
    await run({ type: 'clusterAssign', noteId: 'n1', clusterId: 'c1' });
    await run({ type: 'plenaryVoting', open: true });
    for (const [i, p] of phones.slice(0, 3).entries()) {
      expect(await emit(p.socket, plenaryEvents.votes.name, { votes: { c1: 2 } })).toMatchObject({ ok: true });
      expect(await emit(p.socket, plenaryEvents.word.name, { word: i === 2 ? 'Tid' : 'Tillit' })).toMatchObject({ ok: true });
    }

    // --- closing round: three evaluations, then the phones' summary allowed and the end
    await goTo('closing');
    for (const [i, p] of phones.slice(0, 3).entries()) {
      expect(await emit(p.socket, closingEvents.evaluate.name, { answers: { nytte: 4 - i, stemme: 3 }, text: i === 0 ? 'Takk for en fin dag' : '' })).toMatchObject({ ok: true });
    }
    expect(await emit(fac, clientEvents.command, { sessionId, command: { type: 'setPhoneSummary', on: true } })).toMatchObject({ ok: true });
    expect(await emit(fac, clientEvents.command, { sessionId, command: { type: 'end' } })).toMatchObject({ ok: true });
    await eventually(async () => {
      const kept = await db.select().from(feedbackItems).where(eq(feedbackItems.sessionId, sessionId));
      expect(kept.filter((k) => k.kind === 'note')).toHaveLength(3);
      expect(kept.filter((k) => k.kind === 'cluster')).toHaveLength(1);
    }, 20_000);
  }, 120_000);
  afterAll(() => h.cleanup());

  it('gives the project’s members every activity in agenda order, by the public rules', async () => {
    const results = await h.server.services.sessionResults.sessionResults(userId, projectId, sessionId);
    if (!results.ok) throw new Error(results.error.code);
    const r = results.data;
    expect(r).toMatchObject({ sessionId, projectId, status: 'ended', audience: 'members', minCount: 3 });
    expect(r.activities.map((a) => a.activityId)).toEqual(agenda.map((a) => a.id));

    const findings = outcome<FindingsOutcome>(r, 'findings').findings;
    expect(findings[0]).toMatchObject({ total: 4, counts: { kjenner_igjen: 3, nyanserer: 1, avkrefter: 0 }, comments: [{ text: 'Stemmer godt med vår hverdag' }], status: 'forelopig' });
    expect(findings[1]).toMatchObject({ total: null, counts: null, comments: [] });

    const reflection = outcome<ReflectionOutcome>(r, 'reflection');
    expect(reflection.groups).toHaveLength(1);
    expect(reflection.groups[0]!.notes.map((n) => [n.text, n.themes]).sort()).toEqual([
      [texts.outside, []],
      [texts.themed, ['Tid og kapasitet']],
    ]);

    const plenary = outcome<PlenaryOutcome>(r, 'plenary');
    expect(plenary.themes).toEqual([{ id: 'c1', name: 'Tid og kapasitet', dots: 6, notes: [texts.themed] }]);
    expect(plenary).toMatchObject({ voters: 3, wordTotal: 3, words: [{ word: 'tillit', count: 2 }, { word: 'tid', count: 1 }] });

    const closing = outcome<ClosingOutcome>(r, 'closing');
    expect(closing.respondents).toBe(3);
    expect(closing.questions.find((q) => q.id === 'nytte')).toMatchObject({ n: 3, distribution: [0, 0, 1, 1, 1], mean: 3 });
    expect(closing.questions.find((q) => q.id === 'gjenkjenning')).toMatchObject({ n: null, distribution: null });
    expect(closing.texts.map((t) => t.text)).toEqual(['Takk for en fin dag']);

    const json = JSON.stringify(r);
    for (const secret of [texts.hiddenComment, texts.redactedComment, texts.hiddenNote]) expect(json).not.toContain(secret);
  });

  it('lists the session on the archive as utviklingsverksted, and nobody outside the project gets it', async () => {
    const archive = await h.server.services.feedbackArchive.entries(userId, projectId, ['utviklingsverksted']);
    expect(archive.ok && archive.data.map((e) => [e.source, e.sessionId])).toEqual([['utviklingsverksted', sessionId]]);
    const stranger = await h.facilitator('per@nav.example');
    expect(await h.server.services.sessionResults.sessionResults(stranger.user.id, projectId, sessionId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.server.services.sessionResults.screenSummary(stranger.user.id, sessionId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows the closing summary on the screen only while the facilitator shows it, after the end too', async () => {
    const summaries = h.server.services.sessionResults;
    expect(await summaries.screenSummary(userId, sessionId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await emit(phones[0]!.socket, clientEvents.command, { sessionId, command: { type: 'showSummary', show: true } })).toMatchObject({ ok: false });
    expect(await emit(fac, clientEvents.command, { sessionId, command: { type: 'showSummary', show: true } })).toMatchObject({ ok: true });
    await eventually(() => expect(screen.at(-1)?.state.summary).toEqual({ screen: true, phones: true }));
    const shown = await summaries.screenSummary(userId, sessionId);
    if (!shown.ok) throw new Error(shown.error.code);
    expect(shown.data.audience).toBe('public');
    expect(shown.data.activities.map((a) => a.activityId)).toEqual(agenda.map((a) => a.id));
    // Batches of three: the fourth answer to the finding is not published, as it was not live.
    expect(outcome<FindingsOutcome>(shown.data, 'findings').findings[0]).toMatchObject({ total: 3 });
    expect(JSON.stringify(shown.data)).not.toContain(texts.hiddenNote);
    // The same switch, from the results page's server action: the service runs it through decide.
    expect(await summaries.setSummary(userId, projectId, sessionId, { type: 'showSummary', show: false })).toEqual({ ok: true, data: { screen: false, phones: true } });
    await eventually(() => expect(screen.at(-1)?.state.summary.screen).toBe(false));
    expect(await summaries.setSummary(userId, projectId, sessionId, { type: 'end' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // The results page turns the summary's pages on the screen; the phones' view does not move.
    const phoneVersions = phones[1]!.snapshots.length;
    expect(await summaries.setSummary(userId, projectId, sessionId, { type: 'turnScreenPage', step: 1 })).toMatchObject({ ok: true });
    await eventually(() => expect(screen.at(-1)?.state.screenTurns).toBe(1));
    expect(phones[1]!.snapshots.slice(phoneVersions).every((s) => s.state.screenTurns === 0)).toBe(true);
  });

  it('gives a participant of the ended session a short summary when allowed, and nobody else', async () => {
    const summaries = h.server.services.sessionResults;
    await eventually(() => expect(phones[1]!.snapshots.at(-1)).toMatchObject({ status: 'ended', state: { summary: { phones: true } } }));
    const short = await summaries.phoneSummary(sessionId, phones[1]!.token);
    if (!short.ok) throw new Error(short.error.code);
    expect(short.data.activities.map((a) => a.outcome.kind)).not.toContain('reflection');
    expect(outcome<FindingsOutcome>(short.data, 'findings').findings[0]!.comments).toEqual([]);
    expect(outcome<ClosingOutcome>(short.data, 'closing').texts).toEqual([]);
    expect(await summaries.phoneSummary(sessionId, 'not-a-token')).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    expect(await summaries.setSummary(userId, projectId, sessionId, { type: 'setPhoneSummary', on: false })).toMatchObject({ ok: true });
    expect(await summaries.phoneSummary(sessionId, phones[1]!.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
