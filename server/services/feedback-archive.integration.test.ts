import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, liveSessions, qsorts, type NewFeedbackItem } from '@/db/schema';
import { emptySort } from '@/lib/qsort/sort';
import { followAgenda } from '@/lib/workshop/nested';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import type { Services } from './index';
import { openServices } from '../../test/services';
import { loadWorkshopRuntime } from './workshop-run';

const config = testConfig();
const agreement = {
  specific: 'Kari ringer brukeren hver uke',
  measurable: 'Fire samtaler notert',
  acknowledged: 'Gruppen spør hvordan det gikk',
  realistic: 'Passer i dagens oppfølging',
  deadline: '2026-12-08',
  evaluate: 'Neste møte',
};

for (const driver of testDatabases()) {
  describe(`feedback archive on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
    });
    afterEach(() => drop());

    /** Ingrid owns a project with one veiledningsgruppe, and another project Per is a member of. */
    async function setup() {
      const ingrid = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!ingrid.ok) throw new Error(ingrid.error.code);
      const owner = ingrid.data.user.id;
      const project = await services.projects.create(owner, { name: 'Kollegaveiledning i Nordby' });
      if (!project.ok) throw new Error(project.error.code);
      const other = await services.projects.create(owner, { name: 'Et annet prosjekt' });
      if (!other.ok) throw new Error(other.error.code);
      const { token } = await services.auth.createInvitation(owner, other.data.id);
      const per = await services.auth.registerWithInvitation(token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
      if (!per.ok) throw new Error(per.error.code);
      const templates = await services.supervision.listTemplates(owner, project.data.id);
      if (!templates.ok) throw new Error(templates.error.code);
      const group = await services.supervision.createGroup(owner, project.data.id, { name: 'NAV Nordby', templateId: templates.data[0]!.id });
      if (!group.ok) throw new Error(group.error.code);
      return { owner, per: per.data.user.id, projectId: project.data.id, otherId: other.data.id, groupId: group.data.id };
    }

    async function meeting(owner: string, projectId: string, groupId: string, startedAt: Date) {
      const opened = await services.supervision.openMeeting(owner, projectId, groupId);
      if (!opened.ok) throw new Error(opened.error.code);
      const sessionId = opened.data.sessionId;
      await database.db.update(liveSessions).set({ createdAt: startedAt }).where(eq(liveSessions.id, sessionId));
      return sessionId;
    }

    const end = (sessionId: string, at: Date) => database.db.update(liveSessions).set({ status: 'ended', endedAt: at }).where(eq(liveSessions.id, sessionId));

    it('shows each meeting with its case, notes in round order, learning points, SMART agreements and evaluation', async () => {
      const { owner, projectId, groupId } = await setup();
      const first = await meeting(owner, projectId, groupId, new Date('2026-03-02T09:00:00Z'));
      await end(first, new Date('2026-03-02T10:00:00Z'));
      const second = await meeting(owner, projectId, groupId, new Date('2026-03-16T09:00:00Z'));

      const base = { projectId, sessionId: first };
      const rows: NewFeedbackItem[] = [
        // Archived out of order: the archive sorts notes by the template's rounds.
        { ...base, kind: 'round_notes', authorKind: 'group', itemKey: 'refleksjon', theme: 'Refleksjonsrunde', text: 'Prøv ukentlige samtaler' },
        { ...base, kind: 'round_notes', authorKind: 'group', itemKey: 'framlegg', theme: 'Saksframlegg', text: 'Bruker uten kontakt' },
        { ...base, kind: 'supervision_case', authorKind: 'anonymous', itemKey: 'case', text: 'En bruker har ikke svart på tre måneder.', data: { question: 'Hvordan får jeg kontakt?', template: 'x' } },
        { ...base, kind: 'learning_point', authorKind: 'group', text: 'Små avtaler er lettere å holde' },
        { ...base, kind: 'learning_point', authorKind: 'group', text: 'Skjult punkt', hiddenAt: new Date() },
        { ...base, kind: 'agreement', authorKind: 'facilitator', text: agreement.specific, data: agreement },
        // Three answered "helpedCaseOwner", only two "safeClimate".
        ...[4, 3, 3].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'helpedCaseOwner', value })),
        ...[4, 2].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'safeClimate', value })),
        // Another meeting's items stay with that meeting.
        { projectId, sessionId: second, kind: 'learning_point', authorKind: 'group', text: 'Fra møte to' },
      ];
      await database.db.insert(feedbackItems).values(rows);

      const result = await services.feedbackArchive.supervisionMeetings(owner, projectId);
      if (!result.ok) throw new Error(result.error.code);
      expect(result.data.map((m) => m.sessionId)).toEqual([second, first]);
      const [latest, earlier] = result.data;
      expect(latest).toMatchObject({ groupName: 'NAV Nordby', endedAt: null, case: null, learningPoints: [{ text: 'Fra møte to' }], evaluation: { respondents: 0 } });
      expect(earlier).toMatchObject({
        source: 'kollegaveiledning',
        groupId,
        groupName: 'NAV Nordby',
        templateName: 'Kollegaveiledning – fem runder',
        startedAt: new Date('2026-03-02T09:00:00Z'),
        endedAt: new Date('2026-03-02T10:00:00Z'),
        case: { text: 'En bruker har ikke svart på tre måneder.', question: 'Hvordan får jeg kontakt?' },
        roundNotes: [
          { roundId: 'framlegg', roundName: 'Saksframlegg', text: 'Bruker uten kontakt' },
          { roundId: 'refleksjon', roundName: 'Refleksjonsrunde', text: 'Prøv ukentlige samtaler' },
        ],
      });
      expect(earlier?.learningPoints.map((p) => p.text)).toEqual(['Små avtaler er lettere å holde']);
      expect(earlier?.agreements).toEqual([{ id: expect.any(String), ...agreement }]);
      expect(earlier?.evaluation.respondents).toBe(3);
      expect(earlier?.evaluation.questions).toEqual([
        { question: 'helpedCaseOwner', answers: 3, average: 10 / 3 },
        { question: 'followedRounds', answers: 0, average: null },
        // Two answers could identify who gave which: held back.
        { question: 'safeClimate', answers: 2, average: null },
        { question: 'usefulForMe', answers: 0, average: null },
      ]);

      const all = await services.feedbackArchive.entries(owner, projectId);
      expect(all.ok && all.data.map((e) => e.sessionId)).toEqual([second, first]);
      const none = await services.feedbackArchive.entries(owner, projectId, []);
      expect(none).toEqual({ ok: true, data: [] });
    });

    /**
     * A workshop whose agenda runs a kollegaveiledning and then a closing round, opened at
     * `startedAt` as its live session would be, and standing at the kollegaveiledning.
     */
    async function workshopWithMeeting(owner: string, projectId: string, startedAt: Date) {
      const templates = await services.supervision.listTemplates(owner, projectId);
      if (!templates.ok) throw new Error(templates.error.code);
      const workshop = await services.workshops.create(owner, projectId, { title: 'Verksted i Nordby' });
      if (!workshop.ok) throw new Error(workshop.error.code);
      const workshopId = workshop.data.id;
      const meetingStep = await services.workshops.addActivity(owner, workshopId, { kind: 'supervision', title: 'Kollegaveiledning i plenum', config: { templateId: templates.data[0]!.id } });
      const closing = await services.workshops.addActivity(owner, workshopId, {
        kind: 'closing',
        title: 'Avslutning',
        config: { questions: [{ id: 'helpedCaseOwner', text: 'Hjalp dagen deg?' }] },
      });
      if (!meetingStep.ok || !closing.ok) throw new Error('activity');
      const runtime = await loadWorkshopRuntime(database.db, projectId, workshopId);
      if (!runtime) throw new Error('no runtime');
      const at = { ...runtime, current: runtime.activities.findIndex((a) => a.id === meetingStep.data.id) };
      const nested = followAgenda({ qsort: null, supervision: null }, at, () => []);
      const [session] = await database.db
        .insert(liveSessions)
        .values({ projectId, code: 'WKV333', kind: 'workshop', title: 'Verksted i Nordby', workshopId, state: { joinOpen: true, message: null, ...nested }, createdAt: startedAt })
        .returning({ id: liveSessions.id });
      return { sessionId: session!.id, workshopId, activityId: meetingStep.data.id, closingId: closing.data.id };
    }

    it('shows a kollegaveiledning run inside a workshop, with its own items only and the workshop’s title', async () => {
      const { owner, projectId, groupId } = await setup();
      const standalone = await meeting(owner, projectId, groupId, new Date('2026-03-02T09:00:00Z'));
      const { sessionId, workshopId, activityId, closingId } = await workshopWithMeeting(owner, projectId, new Date('2026-03-09T09:00:00Z'));

      const base = { projectId, sessionId, workshopId, activityId };
      const rows: NewFeedbackItem[] = [
        { ...base, kind: 'supervision_case', authorKind: 'anonymous', itemKey: 'case', text: 'En bruker uteblir fra møtene.', data: { question: 'Hva gjør vi?' } },
        { ...base, kind: 'round_notes', authorKind: 'group', itemKey: 'oppsummering', theme: 'Oppsummering', text: 'Ring før møtet' },
        { ...base, kind: 'round_notes', authorKind: 'group', itemKey: 'framlegg', theme: 'Saksframlegg', text: 'Tre avlyste møter' },
        { ...base, kind: 'learning_point', authorKind: 'group', text: 'Spør hva som hindrer' },
        { ...base, kind: 'agreement', authorKind: 'facilitator', text: agreement.specific, data: agreement },
        ...[1, 2, 3].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'helpedCaseOwner', value })),
        // The workshop's own closing round asks a question with the same id: not the meeting's.
        ...[4, 4, 4, 4].map((value) => ({ ...base, activityId: closingId, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'helpedCaseOwner', value })),
      ];
      await database.db.insert(feedbackItems).values(rows);

      const result = await services.feedbackArchive.supervisionMeetings(owner, projectId);
      if (!result.ok) throw new Error(result.error.code);
      expect(result.data.map((m) => [m.sessionId, m.activityId])).toEqual([
        [sessionId, activityId],
        [standalone, null],
      ]);
      const [inWorkshop, alone] = result.data;
      expect(inWorkshop).toMatchObject({
        source: 'kollegaveiledning',
        groupId: null,
        groupName: 'Kollegaveiledning i plenum',
        workshopTitle: 'Verksted i Nordby',
        templateName: 'Kollegaveiledning – fem runder',
        startedAt: new Date('2026-03-09T09:00:00Z'),
        case: { text: 'En bruker uteblir fra møtene.', question: 'Hva gjør vi?' },
        roundNotes: [
          { roundId: 'framlegg', roundName: 'Saksframlegg', text: 'Tre avlyste møter' },
          { roundId: 'oppsummering', roundName: 'Oppsummering', text: 'Ring før møtet' },
        ],
        learningPoints: [{ text: 'Spør hva som hindrer' }],
        agreements: [{ id: expect.any(String), ...agreement }],
      });
      expect(inWorkshop?.evaluation.respondents).toBe(3);
      expect(inWorkshop?.evaluation.questions[0]).toEqual({ question: 'helpedCaseOwner', answers: 3, average: 2 });
      expect(alone).toMatchObject({ groupName: 'NAV Nordby', workshopTitle: null, case: null, learningPoints: [] });

      // Once the room has moved on to the closing round, the meeting is still the same one.
      const [session] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      const state = session!.state as { workshop: { current: number } };
      await database.db
        .update(liveSessions)
        .set({ state: { ...state, workshop: { ...state.workshop, current: state.workshop.current + 1 } } })
        .where(eq(liveSessions.id, sessionId));
      const later = await services.feedbackArchive.entries(owner, projectId, ['kollegaveiledning']);
      expect(later.ok && later.data.map((e) => e.sessionId)).toEqual([sessionId, standalone]);
      expect(later.ok && later.data[0]).toMatchObject({ activityId, evaluation: { respondents: 3 } });
    });

    it('leaves out a workshop that never reached its kollegaveiledning', async () => {
      const { owner, projectId } = await setup();
      const { sessionId } = await workshopWithMeeting(owner, projectId, new Date('2026-03-09T09:00:00Z'));
      const [session] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      const state = session!.state as { workshop: Record<string, unknown> };
      await database.db
        .update(liveSessions)
        .set({ state: { ...state, workshop: { ...state.workshop, current: -1 }, supervision: null } })
        .where(eq(liveSessions.id, sessionId));
      expect(await services.feedbackArchive.supervisionMeetings(owner, projectId)).toEqual({ ok: true, data: [] });
    });

    /** A standalone Q-sort on a five-statement set of the project, opened at `startedAt`. */
    async function qsortSession(owner: string, projectId: string, startedAt: Date) {
      const set = await services.statementSets.create(owner, projectId, { name: 'Utsagn om oppfølging' });
      if (!set.ok) throw new Error(set.error.code);
      for (const text of ['Brukeren skal møtes', 'Loven går foran', 'Tid er viktigst', 'Veilederen vet best', 'Tiltak hjelper']) {
        const added = await services.statementSets.addStatement(owner, set.data.id, { text });
        if (!added.ok) throw new Error(added.error.code);
      }
      const opened = await services.qsort.open(owner, projectId, set.data.id);
      if (!opened.ok) throw new Error(opened.error.code);
      const sessionId = opened.data.sessionId;
      await database.db.update(liveSessions).set({ createdAt: startedAt }).where(eq(liveSessions.id, sessionId));
      return { sessionId, setId: set.data.id };
    }

    it('shows a Q-sort study with its finished sorts, named factors and comments by statement, hidden ones left out', async () => {
      const { owner, projectId, groupId } = await setup();
      const meetingId = await meeting(owner, projectId, groupId, new Date('2026-03-02T09:00:00Z'));
      const { sessionId, setId } = await qsortSession(owner, projectId, new Date('2026-03-09T09:00:00Z'));
      const [session] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, sessionId));
      const grid = (session!.state as { qsort: { grid: { min: number; counts: number[] } } }).qsort.grid;
      // Two finished sorts and one still sorting: only the finished count.
      const sort = (status: 'sorting' | 'done') => ({ sessionId, setId, state: { ...emptySort(grid), step: status === 'done' ? ('done' as const) : ('grid' as const) }, status, submittedAt: status === 'done' ? new Date() : null });
      await database.db.insert(qsorts).values([sort('done'), sort('done'), sort('sorting')]);

      const base = { projectId, sessionId };
      const options = { factors: 2, extraction: 'centroid', rotation: 'varimax' };
      const array = { '1': 1, '2': -1, '3': 0, '4': 0, '5': 0 };
      const factorData = (number: number, name: string) => ({ number, name, array: number === 1 ? array : null, distinguishing: number === 1 ? [{ id: '1', value: 1, z: 1.4 }] : [], options, sortCount: 2, setId, setName: 'Utsagn om oppfølging' });
      const rows: NewFeedbackItem[] = [
        // Kept out of order: the archive gives them in factor order.
        { ...base, kind: 'q_factor', authorKind: 'facilitator', itemKey: 'f2', theme: 'Lovverket først', text: '', value: 0, data: factorData(2, 'Lovverket først') },
        { ...base, kind: 'q_factor', authorKind: 'facilitator', itemKey: 'f1', theme: 'Brukeren først', text: 'Relasjonen bærer oppfølgingen.', value: 2, data: factorData(1, 'Brukeren først') },
        { ...base, kind: 'q_comment', authorKind: 'anonymous', text: 'Tid til oppfølging mangler', data: { statement: null, setId } },
        { ...base, kind: 'q_comment', authorKind: 'pseudonym', authorName: 'Måke', text: 'Dette er kjernen', data: { statement: '3', statementText: 'Tid er viktigst', setId } },
        { ...base, kind: 'q_comment', authorKind: 'anonymous', text: 'Enig i det', data: { statement: '1', statementText: 'Brukeren skal møtes', setId } },
        { ...base, kind: 'q_comment', authorKind: 'anonymous', text: 'Skjult kommentar', data: { statement: '1', statementText: 'Brukeren skal møtes', setId }, hiddenAt: new Date() },
      ];
      await database.db.insert(feedbackItems).values(rows);
      // A plain session that left only a comment behind still counts as a Q-sort study.
      const [plain] = await database.db
        .insert(liveSessions)
        .values({ projectId, code: 'QQQ111', kind: 'plain', title: 'Q-sort i verkstedet', state: {}, createdAt: new Date('2026-03-01T09:00:00Z') })
        .returning({ id: liveSessions.id });
      await database.db.insert(feedbackItems).values({ projectId, sessionId: plain!.id, kind: 'q_comment', authorKind: 'anonymous', text: 'For mange utsagn', data: { statement: null } });
      // A workshop whose agenda reached its Q-sort holds one in its state, before anything is kept.
      const [workshop] = await database.db
        .insert(liveSessions)
        .values({ projectId, code: 'WWW222', kind: 'workshop', title: 'Verksted i Nordby', state: session!.state, createdAt: new Date('2026-02-20T09:00:00Z') })
        .returning({ id: liveSessions.id });

      const result = await services.feedbackArchive.qsortStudies(owner, projectId);
      if (!result.ok) throw new Error(result.error.code);
      expect(result.data.map((s) => s.sessionId)).toEqual([sessionId, plain!.id, workshop!.id]);
      const [study, other, inWorkshop] = result.data;
      expect(study).toMatchObject({
        source: 'qsort',
        setName: 'Utsagn om oppfølging',
        workshopTitle: null,
        startedAt: new Date('2026-03-09T09:00:00Z'),
        endedAt: null,
        sortCount: 2,
        grid,
        analysis: { factors: 2, extraction: 'centroid', rotation: 'varimax', sortCount: 2 },
      });
      expect(study?.statements.map((s) => s.text)).toEqual(['Brukeren skal møtes', 'Loven går foran', 'Tid er viktigst', 'Veilederen vet best', 'Tiltak hjelper']);
      expect(study?.factors).toEqual([
        { number: 1, name: 'Brukeren først', description: 'Relasjonen bærer oppfølgingen.', definingSorts: 2, array, distinguishing: [{ id: '1', value: 1, z: 1.4 }] },
        { number: 2, name: 'Lovverket først', description: '', definingSorts: 0, array: null, distinguishing: [] },
      ]);
      // By statement in the set's order, "what is missing" last; the hidden comment stays hidden.
      expect(study?.comments.map((c) => ({ statement: c.statement, text: c.text, pseudonym: c.pseudonym }))).toEqual([
        { statement: { id: '1', text: 'Brukeren skal møtes' }, text: 'Enig i det', pseudonym: null },
        { statement: { id: '3', text: 'Tid er viktigst' }, text: 'Dette er kjernen', pseudonym: 'Måke' },
        { statement: null, text: 'Tid til oppfølging mangler', pseudonym: null },
      ]);
      expect(other).toMatchObject({ setName: 'Q-sort i verkstedet', sortCount: 0, grid: null, analysis: null, factors: [], comments: [{ statement: null, text: 'For mange utsagn' }] });
      expect(inWorkshop).toMatchObject({ setName: 'Utsagn om oppfølging', workshopTitle: 'Verksted i Nordby', sortCount: 0, grid, factors: [], comments: [] });

      // Both sources together, newest first; each filter alone.
      const all = await services.feedbackArchive.entries(owner, projectId);
      expect(all.ok && all.data.map((e) => [e.source, e.sessionId])).toEqual([
        ['qsort', sessionId],
        ['kollegaveiledning', meetingId],
        ['qsort', plain!.id],
        ['qsort', workshop!.id],
      ]);
      const onlyQ = await services.feedbackArchive.entries(owner, projectId, ['qsort']);
      expect(onlyQ.ok && onlyQ.data.map((e) => e.sessionId)).toEqual([sessionId, plain!.id, workshop!.id]);
      const onlyMeetings = await services.feedbackArchive.entries(owner, projectId, ['kollegaveiledning']);
      expect(onlyMeetings.ok && onlyMeetings.data.map((e) => e.sessionId)).toEqual([meetingId]);
    });

    it('answers only the project’s members, and only with that project’s meetings', async () => {
      const { owner, per, projectId, otherId, groupId } = await setup();
      await meeting(owner, projectId, groupId, new Date('2026-03-02T09:00:00Z'));
      expect(await services.feedbackArchive.supervisionMeetings(per, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.feedbackArchive.entries(per, projectId, [])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.feedbackArchive.qsortStudies(per, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // Per is a member of the other project, which holds no meetings.
      const elsewhere = await services.feedbackArchive.supervisionMeetings(per, otherId);
      expect(elsewhere).toEqual({ ok: true, data: [] });
    });
  });
}
