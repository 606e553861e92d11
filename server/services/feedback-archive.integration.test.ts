import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, liveSessions, type NewFeedbackItem } from '@/db/schema';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { createLogger } from '../logger';
import { createServices, type Services } from './index';

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
      ({ database, drop } = await driver.open());
      services = createServices(database, config, createLogger('silent'));
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

    it('answers only the project’s members, and only with that project’s meetings', async () => {
      const { owner, per, projectId, otherId, groupId } = await setup();
      await meeting(owner, projectId, groupId, new Date('2026-03-02T09:00:00Z'));
      expect(await services.feedbackArchive.supervisionMeetings(per, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.feedbackArchive.entries(per, projectId, [])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      // Per is a member of the other project, which holds no meetings.
      const elsewhere = await services.feedbackArchive.supervisionMeetings(per, otherId);
      expect(elsewhere).toEqual({ ok: true, data: [] });
    });
  });
}
