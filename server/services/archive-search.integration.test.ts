import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, liveSessions, phases, type NewFeedbackItem } from '@/db/schema';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { validPhone } from '../../test/personal-numbers';
import { openServices, ownerWithTwoProjects } from '../../test/services';
import type { Services } from './index';

/** Base forms and the inflections a note may hold (definite, plural, definite plural). */
const words: Record<string, string[]> = {
  veileder: ['veilederen', 'veiledere', 'veilederne'],
  samtale: ['samtalen', 'samtaler', 'samtalene'],
  bruker: ['brukeren', 'brukere', 'brukerne'],
  oppfølging: ['oppfølgingen', 'oppfølginger'],
  møte: ['møtet', 'møter', 'møtene'],
  avtale: ['avtalen', 'avtaler', 'avtalene'],
  tillit: ['tilliten'],
};

for (const driver of testDatabases()) {
  describe(`archive search on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, testConfig()));
    });
    afterEach(() => drop());

    /** Ingrid owns two projects; Per is a member of the second only. */
    async function setup() {
      const { owner, per, projectId, otherId } = await ownerWithTwoProjects(services);
      const [phase] = await database.db.insert(phases).values({ projectId, position: 1, name: 'Fase 1' }).returning();
      const [session] = await database.db.insert(liveSessions).values({ projectId, title: 'Verksted 1', kind: 'workshop', code: 'ABC123', state: {} }).returning();
      return { owner, per, projectId, otherId, phaseId: phase!.id, sessionId: session!.id };
    }

    const search = async (userId: string, projectId: string, query: string, extra: object = {}) => {
      const result = await services.archiveSearch.search(userId, projectId, { query, ...extra });
      if (!result.ok) throw new Error(result.error.code);
      return result.data.hits.map((h) => h.text).sort();
    };

    it('finds every inflected form from the base form, and nothing of another project, hidden, redacted or counted only', async () => {
      const { owner, projectId, otherId, sessionId } = await setup();
      const rows: NewFeedbackItem[] = [];
      for (const [base, forms] of Object.entries(words)) {
        for (const form of forms) rows.push({ projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: `Vi snakket om ${form} i gruppa` });
        // The same words in another project, and hidden, redacted or counted items of this one, never show.
        rows.push({ projectId: otherId, kind: 'note', authorKind: 'anonymous', text: `Annet prosjekt: ${base} og ${forms[0]}` });
        rows.push({ projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: `Skjult ${forms[0]}`, hiddenAt: new Date() });
        rows.push({ projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: `Fjernet ${forms[0]}`, redactedAt: new Date() });
        rows.push({ projectId, sessionId, kind: 'word', authorKind: 'anonymous', text: forms[0]! });
      }
      await database.db.insert(feedbackItems).values(rows);

      for (const [base, forms] of Object.entries(words)) {
        const expected = forms.map((form) => `Vi snakket om ${form} i gruppa`).sort();
        expect(await search(owner, projectId, base), base).toEqual(expected);
        // Upper case and stray operators are only words.
        expect(await search(owner, projectId, `${base.toUpperCase()} & !`), base).toEqual(expected);
      }
      // And the other way: an inflected form finds the base form and the other inflections.
      for (const [base, forms] of Object.entries(words)) {
        const inflected = forms.at(-1)!;
        expect(await search(owner, projectId, inflected), `${base}: ${inflected}`).toEqual(forms.map((form) => `Vi snakket om ${form} i gruppa`).sort());
      }
      // The issue's own example: "veileder" finds "veilederne" and "veiledere".
      expect(await search(owner, projectId, 'veileder')).toEqual(expect.arrayContaining(['Vi snakket om veilederne i gruppa', 'Vi snakket om veiledere i gruppa']));
      // Two words: both must match.
      await database.db.insert(feedbackItems).values({ projectId, sessionId, kind: 'note', authorKind: 'group', text: 'Veilederne ga brukerne tid' });
      expect(await search(owner, projectId, 'veileder bruker')).toEqual(['Veilederne ga brukerne tid']);
      // The other project sees only its own.
      expect(await search(owner, otherId, 'tillit')).toEqual(['Annet prosjekt: tillit og tilliten']);
      expect(await search(owner, projectId, 'prosjekt')).toEqual([]);
    });

    it('refuses non-members and filters by phase, session, kind, author kind and theme', async () => {
      const { owner, per, projectId, phaseId, sessionId } = await setup();
      await database.db.insert(feedbackItems).values([
        { projectId, sessionId, phaseId, kind: 'note', authorKind: 'anonymous', theme: 'Tillit', text: 'Samtalene gikk godt' },
        { projectId, sessionId, kind: 'learning_point', authorKind: 'group', text: 'Samtalen trenger ro' },
        { projectId, kind: 'q_comment', authorKind: 'pseudonym', authorName: 'Rev', text: 'Samtaler tar tid' },
        // A SMART agreement is found by any of its fields, a case by its question.
        { projectId, kind: 'agreement', authorKind: 'facilitator', text: 'Kari ringer brukeren', data: { specific: 'Kari ringer brukeren', measurable: 'Fire samtaler notert', acknowledged: '', realistic: '', deadline: '2026-12-08', evaluate: 'Neste møte' } },
        { projectId, kind: 'supervision_case', authorKind: 'anonymous', text: 'En bruker svarer ikke', data: { question: 'Hvordan får jeg samtalen i gang?' } },
      ]);
      expect(await services.archiveSearch.search(per, projectId, { query: 'samtale' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await search(owner, projectId, 'samtale')).toEqual(['En bruker svarer ikke', 'Kari ringer brukeren', 'Samtalen trenger ro', 'Samtalene gikk godt', 'Samtaler tar tid']);
      expect(await search(owner, projectId, 'samtale', { phaseId })).toEqual(['Samtalene gikk godt']);
      expect(await search(owner, projectId, '', { sessionId })).toEqual(['Samtalen trenger ro', 'Samtalene gikk godt']);
      expect(await search(owner, projectId, '', { kind: 'learning_point' })).toEqual(['Samtalen trenger ro']);
      expect(await search(owner, projectId, '', { authorKind: 'pseudonym' })).toEqual(['Samtaler tar tid']);
      expect(await search(owner, projectId, '', { theme: 'Tillit' })).toEqual(['Samtalene gikk godt']);
      // The theme is searchable too.
      expect(await search(owner, projectId, 'tillit')).toEqual(['Samtalene gikk godt']);
      const hit = (await services.archiveSearch.search(owner, projectId, { query: '', kind: 'q_comment' })) as { ok: true; data: { hits: object[] } };
      // No author name leaves the archive search, not even a pseudonym.
      expect(JSON.stringify(hit.data.hits)).not.toContain('Rev');
      const facets = await services.archiveSearch.facets(owner, projectId);
      expect(facets.ok && facets.data).toMatchObject({ phases: [{ id: phaseId, name: 'Fase 1' }], themes: ['Tillit'], kinds: ['agreement', 'learning_point', 'note', 'q_comment', 'supervision_case'] });
    });

    it('tags items, one tag per name whatever its case, groups them in the tag view and keeps tags to their project', async () => {
      const { owner, per, projectId, otherId, sessionId } = await setup();
      const [a, b, hidden] = await database.db
        .insert(feedbackItems)
        .values([
          { projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: 'Veilederne trenger tid' },
          { projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: 'Brukerne vil bli sett' },
          { projectId, sessionId, kind: 'note', authorKind: 'anonymous', text: 'Skjult', hiddenAt: new Date() },
        ])
        .returning();
      const [foreign] = await database.db.insert(feedbackItems).values({ projectId: otherId, kind: 'note', authorKind: 'anonymous', text: 'Annet' }).returning();

      const first = await services.archiveSearch.tagItem(owner, projectId, a!.id, { name: 'Relasjon' });
      const second = await services.archiveSearch.tagItem(owner, projectId, b!.id, { name: '  relasjon ' });
      const third = await services.archiveSearch.tagItem(owner, projectId, b!.id, { name: 'FS2: Hva lærer veilederne?' });
      if (!first.ok || !second.ok || !third.ok) throw new Error('tagging failed');
      expect(second.data.tagId).toBe(first.data.tagId);
      // Again is harmless.
      expect((await services.archiveSearch.tagItem(owner, projectId, a!.id, { name: 'Relasjon' })).ok).toBe(true);

      expect(await services.archiveSearch.tagItem(owner, projectId, hidden!.id, { name: 'Relasjon' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.archiveSearch.tagItem(owner, projectId, foreign!.id, { name: 'Relasjon' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.archiveSearch.tagItem(per, projectId, a!.id, { name: 'Relasjon' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.archiveSearch.tagItem(owner, projectId, a!.id, { name: '' })).toMatchObject({ ok: false });
      expect(await services.archiveSearch.tagItem(owner, projectId, a!.id, { name: `Ring ${validPhone()}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });

      const view = await services.archiveSearch.tagView(owner, projectId);
      if (!view.ok) throw new Error(view.error.code);
      expect(view.data.map((g) => [g.tag.name, g.items.map((i) => i.text).sort()])).toEqual([
        ['FS2: Hva lærer veilederne?', ['Brukerne vil bli sett']],
        ['Relasjon', ['Brukerne vil bli sett', 'Veilederne trenger tid']],
      ]);
      expect(await search(owner, projectId, '', { tagId: third.data.tagId })).toEqual(['Brukerne vil bli sett']);
      const hits = await services.archiveSearch.search(owner, projectId, { query: 'veileder' });
      expect(hits.ok && hits.data.hits[0]?.tags.map((t) => t.name)).toEqual(['Relasjon']);

      // Untagging: the tag stays, the item leaves it; another project's tag id is unknown.
      expect(await services.archiveSearch.untagItem(owner, otherId, a!.id, first.data.tagId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await services.archiveSearch.untagItem(owner, projectId, a!.id, first.data.tagId)).ok).toBe(true);
      expect(await search(owner, projectId, '', { tagId: first.data.tagId })).toEqual(['Brukerne vil bli sett']);
      const facets = await services.archiveSearch.facets(owner, projectId);
      expect(facets.ok && facets.data.tags.map((t) => [t.name, t.count])).toEqual([
        ['FS2: Hva lærer veilederne?', 1],
        ['Relasjon', 1],
      ]);
      const otherFacets = await services.archiveSearch.facets(owner, otherId);
      expect(otherFacets.ok && otherFacets.data.tags).toEqual([]);
    });
  });
}
