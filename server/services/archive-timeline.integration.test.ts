import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { eq } from 'drizzle-orm';
import { feedbackItems, findingStatusChanges, liveSessions, phases, workshops } from '@/db/schema';
import { findingChanges } from '@/lib/archive/finding-changes';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { openServices, ownerWithTwoProjects } from '../../test/services';
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
      const { owner, per, projectId, otherId } = await ownerWithTwoProjects(services);

      const [phase] = await database.db.insert(phases).values({ projectId, position: 1, name: 'Kartlegging', startsOn: '2026-01-01', endsOn: '2026-06-30' }).returning();
      const [workshop] = await database.db.insert(workshops).values({ projectId, phaseId: phase!.id, title: 'Utviklingsverksted 1', date: '2026-03-02', minRevealCount: 3 }).returning();
      const [run, meeting, foreign] = await database.db
        .insert(liveSessions)
        .values([
          { projectId, workshopId: workshop!.id, kind: 'workshop', title: 'Utviklingsverksted 1', code: 'AAA111', state: {}, createdAt: new Date('2026-03-02T09:00:00Z') },
          { projectId, kind: 'kollegaveiledning', title: 'NAV Nordby', code: 'BBB222', state: {}, createdAt: new Date('2026-04-10T09:00:00Z') },
          { projectId: otherId, kind: 'plain', title: 'Annet', code: 'CCC333', state: {}, createdAt: new Date('2026-03-03T09:00:00Z') },
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
        { projectId: otherId, sessionId: foreign!.id, kind: 'note', authorKind: 'anonymous', text: 'Annet' },
      ]);

      expect(await services.archiveTimeline.timeline(per, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
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

    it('follows a finding across two workshops: evidence per workshop, the shift, and status changes since the latest', async () => {
      const ingrid = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!ingrid.ok) throw new Error(ingrid.error.code);
      const owner = ingrid.data.user.id;
      const project = await services.projects.create(owner, { name: 'Veiledning i Nordby' });
      if (!project.ok) throw new Error(project.error.code);
      const projectId = project.data.id;
      const finding = await services.findings.create(owner, projectId, { title: 'Tid til oppfølging mangler' });
      if (!finding.ok) throw new Error(finding.error.code);
      const findingId = finding.data.id;
      const [w1, w2] = await database.db
        .insert(workshops)
        .values([
          { projectId, title: 'Verksted 1', date: '2026-03-02' },
          { projectId, title: 'Verksted 2', date: '2026-06-01' },
        ])
        .returning();
      const [s1, s2] = await database.db
        .insert(liveSessions)
        .values([
          { projectId, workshopId: w1!.id, kind: 'workshop', title: 'Verksted 1', code: 'AAA111', state: {} },
          { projectId, workshopId: w2!.id, kind: 'workshop', title: 'Verksted 2', code: 'BBB222', state: {} },
        ])
        .returning();
      const response = (sessionId: string, workshopId: string, r: 'kjenner_igjen' | 'nyanserer', at: string) => ({
        projectId, sessionId, workshopId, findingId, kind: 'finding_response' as const, authorKind: 'anonymous' as const, response: r, createdAt: new Date(at),
      });
      await database.db.insert(feedbackItems).values([
        ...['kjenner_igjen', 'kjenner_igjen', 'kjenner_igjen', 'nyanserer'].map((r) => response(s1!.id, w1!.id, r as 'kjenner_igjen', '2026-03-02T10:00:00Z')),
        ...['kjenner_igjen', 'nyanserer', 'nyanserer', 'nyanserer'].map((r) => response(s2!.id, w2!.id, r as 'kjenner_igjen', '2026-06-01T10:00:00Z')),
      ]);
      await services.findings.setStatus(owner, projectId, findingId, { status: 'bekreftet', note: 'Tre av fire kjente igjen' });
      await services.findings.setStatus(owner, projectId, findingId, { status: 'nyansert', note: 'Verksted 2 nyanserte' });
      const [first, second] = await database.db.select().from(findingStatusChanges).where(eq(findingStatusChanges.findingId, findingId)).orderBy(findingStatusChanges.changedAt);
      await database.db.update(findingStatusChanges).set({ changedAt: new Date('2026-03-05T12:00:00Z') }).where(eq(findingStatusChanges.id, first!.id));
      await database.db.update(findingStatusChanges).set({ changedAt: new Date('2026-06-03T12:00:00Z') }).where(eq(findingStatusChanges.id, second!.id));

      const evidence = await services.findings.evidence(owner, projectId, findingId);
      const history = await services.findings.history(owner, projectId, findingId);
      if (!evidence.ok || !history.ok) throw new Error('finding');
      expect(evidence.data.sources.map((s) => [s.title, s.date, s.counts])).toEqual([
        ['Verksted 2', '2026-06-01', { kjenner_igjen: 1, nyanserer: 3, avkrefter: 0 }],
        ['Verksted 1', '2026-03-02', { kjenner_igjen: 3, nyanserer: 1, avkrefter: 0 }],
      ]);
      expect(history.data.map((c) => [c.fromStatus, c.toStatus, c.changedBy, c.note])).toEqual([
        ['forelopig', 'bekreftet', 'Ingrid', 'Tre av fire kjente igjen'],
        ['bekreftet', 'nyansert', 'Ingrid', 'Verksted 2 nyanserte'],
      ]);
      const changes = findingChanges(evidence.data.sources, history.data);
      expect(changes.shift).toEqual({ kjenner_igjen: -50, nyanserer: 50, avkrefter: 0 });
      expect(changes.changesSince.map((c) => c.note)).toEqual(['Verksted 2 nyanserte']);
    });
  });
}
