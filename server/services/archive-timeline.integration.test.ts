import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, liveSessions, phases, workshops } from '@/db/schema';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { openServices } from '../../test/services';
import type { Services } from './index';

for (const driver of testDatabases()) {
  describe(`archive timeline on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, testConfig()));
    });
    afterEach(() => drop());

    it('lists phases with their workshops and meetings, counting only visible items of the project, members only', async () => {
      const ingrid = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!ingrid.ok) throw new Error(ingrid.error.code);
      const owner = ingrid.data.user.id;
      const project = await services.projects.create(owner, { name: 'Veiledning i Nordby' });
      const other = await services.projects.create(owner, { name: 'Et annet prosjekt' });
      if (!project.ok || !other.ok) throw new Error('project');
      const projectId = project.data.id;
      const { token } = await services.auth.createInvitation(owner, other.data.id);
      const per = await services.auth.registerWithInvitation(token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
      if (!per.ok) throw new Error(per.error.code);

      const [phase] = await database.db.insert(phases).values({ projectId, position: 1, name: 'Kartlegging', startsOn: '2026-01-01', endsOn: '2026-06-30' }).returning();
      const [workshop] = await database.db.insert(workshops).values({ projectId, phaseId: phase!.id, title: 'Utviklingsverksted 1', date: '2026-03-02', minRevealCount: 3 }).returning();
      const [run, meeting, foreign] = await database.db
        .insert(liveSessions)
        .values([
          { projectId, workshopId: workshop!.id, kind: 'workshop', title: 'Utviklingsverksted 1', code: 'AAA111', state: {}, createdAt: new Date('2026-03-02T09:00:00Z') },
          { projectId, kind: 'kollegaveiledning', title: 'NAV Nordby', code: 'BBB222', state: {}, createdAt: new Date('2026-04-10T09:00:00Z') },
          { projectId: other.data.id, kind: 'plain', title: 'Annet', code: 'CCC333', state: {}, createdAt: new Date('2026-03-03T09:00:00Z') },
        ])
        .returning();
      const base = { projectId, sessionId: run!.id, workshopId: workshop!.id };
      await database.db.insert(feedbackItems).values([
        { ...base, kind: 'note', authorKind: 'anonymous', text: 'En' },
        { ...base, kind: 'note', authorKind: 'anonymous', text: 'To' },
        { ...base, kind: 'note', authorKind: 'anonymous', text: 'Skjult', hiddenAt: new Date() },
        { ...base, kind: 'note', authorKind: 'anonymous', text: '', redactedAt: new Date() },
        ...[4, 3, 3].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'nytte', text: 'Hvor nyttig var verkstedet for deg?', value })),
        ...[2, 1].map((value) => ({ ...base, kind: 'evaluation' as const, authorKind: 'anonymous' as const, itemKey: 'stemme', text: 'Hvor godt fikk du fram dine synspunkter?', value })),
        { projectId, sessionId: meeting!.id, kind: 'learning_point', authorKind: 'group', text: 'Små avtaler' },
        { projectId: other.data.id, sessionId: foreign!.id, kind: 'note', authorKind: 'anonymous', text: 'Annet' },
      ]);

      expect(await services.archiveTimeline.timeline(per.data.user.id, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const result = await services.archiveTimeline.timeline(owner, projectId);
      if (!result.ok) throw new Error(result.error.code);
      expect(result.data).toHaveLength(1);
      const [group] = result.data;
      expect(group!.phase?.name).toBe('Kartlegging');
      expect(group!.entries.map((e) => [e.type, e.title, e.date, e.produced])).toEqual([
        ['workshop', 'Utviklingsverksted 1', '2026-03-02', { note: 2, evaluation: 5 }],
        ['kollegaveiledning', 'NAV Nordby', '2026-04-10', { learning_point: 1 }],
      ]);
      expect(group!.entries[0]!.evaluation).toEqual([
        { question: 'nytte', label: 'Hvor nyttig var verkstedet for deg?', answers: 3, counts: [0, 0, 0, 2, 1], mean: 10 / 3 },
        { question: 'stemme', label: 'Hvor godt fikk du fram dine synspunkter?', answers: 2, counts: null, mean: null },
      ]);
    });
  });
}
