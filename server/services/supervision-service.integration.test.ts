import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { supervisionGroups, supervisionTemplates } from '@/db/schema';
import { templateContentSchema, type TemplateContent } from '@/lib/supervision/template';
import { draftProblems } from '../../app/prosjekter/[id]/kollegaveiledning/maler/[templateId]/template-draft';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import type { Services } from './index';
import { openServices } from '../../test/services';

const config = testConfig({ seedDemo: false });
const FNR = '01019012480'; // synthetic, passes both mod-11 checks
const MISSING = '00000000-0000-4000-8000-000000000000';

for (const driver of testDatabases()) {
  describe(`supervision service on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;
    let userId: string;
    let projectId: string;
    let template: { id: string; content: TemplateContent };

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
      const setup = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!setup.ok) throw new Error(setup.error.code);
      userId = setup.data.user.id;
      const project = await services.projects.create(userId, { name: 'Kollegaveiledning i Nordby' });
      if (!project.ok) throw new Error(project.error.code);
      projectId = project.data.id;
      const templates = await services.supervision.listTemplates(userId, projectId);
      if (!templates.ok) throw new Error(templates.error.code);
      const first = templates.data[0]!;
      template = { id: first.id, content: templateContentSchema.parse(first) };
    });
    afterEach(() => drop());

    const stored = async (id: string) => (await database.db.select().from(supervisionTemplates).where(eq(supervisionTemplates.id, id)))[0];
    const withGuidance = (content: TemplateContent, index: number, guidance: string): TemplateContent => ({
      ...content,
      rounds: content.rounds.map((r, i) => (i === index ? { ...r, guidance } : r)),
    });

    it('seeds the built-in templates once when members open a new project at the same time', async () => {
      const other = await services.projects.create(userId, { name: 'Kollegaveiledning i Sørby' });
      if (!other.ok) throw new Error(other.error.code);
      // Open the pool's connections first, or opening them spaces the requests out.
      await Promise.all(Array.from({ length: 6 }, () => database.db.execute(sql`select pg_sleep(0.05)`)));
      const lists = await Promise.all(Array.from({ length: 6 }, () => services.supervision.listTemplates(userId, other.data.id)));
      const builtins = (await database.db.select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId))).length;
      expect(builtins).toBeGreaterThan(0);
      for (const list of lists) expect(list.ok && list.data.length).toBe(builtins);
      const seeded = await database.db.select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, other.data.id));
      expect(seeded).toHaveLength(builtins);
    });

    it('refuses a template whose texts hold personal data, naming each field by its whole path', async () => {
      const leaking = withGuidance(template.content, 2, `Saksholder nevner aldri fødselsnummer som ${FNR}.`);
      const draft: TemplateContent = {
        ...leaking,
        name: 'Mal fra kari.nordmann@nav.example',
        rounds: leaking.rounds.map((r, i) => (i === 0 ? { ...r, name: 'Ring 912 34 567' } : r)),
      };
      const refused = await services.supervision.saveTemplate(userId, projectId, template.id, draft);
      expect(refused).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
      expect(!refused.ok && refused.error.fields).toEqual({
        name: 'PERSONAL_DATA',
        rounds: 'PERSONAL_DATA',
        'rounds.0.name': 'PERSONAL_DATA',
        'rounds.2.guidance': 'PERSONAL_DATA',
      });
      // Nothing stored: the template is as it was.
      expect(templateContentSchema.parse(await stored(template.id))).toEqual(template.content);

      // A new template is refused the same way, and not created.
      const before = await database.db.select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId));
      const created = await services.supervision.saveTemplate(userId, projectId, null, { ...template.content, description: 'Spør Per på 912 34 567' });
      expect(created).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { description: 'PERSONAL_DATA' } } });
      expect(await database.db.select().from(supervisionTemplates).where(eq(supervisionTemplates.projectId, projectId))).toHaveLength(before.length);

      // Clean text saves.
      expect(await services.supervision.saveTemplate(userId, projectId, template.id, withGuidance(template.content, 2, 'Reflekter høyt, på tur.'))).toMatchObject({ ok: true });
    });

    it('is marked in the editor on the refused round’s own guidance field', async () => {
      const draft = withGuidance(template.content, 2, `Kontakt meg på ${FNR}`);
      const refused = await services.supervision.saveTemplate(userId, projectId, template.id, draft);
      expect(refused).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { 'rounds.2.guidance': 'PERSONAL_DATA' } } });
      // The editor keys round fields by round id; its own check points at the same control.
      const round = draft.rounds[2]!;
      expect([...draftProblems(draft)]).toEqual([[`rounds.${round.id}.guidance`, { code: 'PERSONAL_DATA' }]]);
      // Fixing the text clears the mark.
      expect(draftProblems(withGuidance(draft, 2, 'Kontakt meg etter møtet')).size).toBe(0);
    });

    it('refuses a group name holding personal data: it is the title of every meeting on the big screen', async () => {
      const refused = await services.supervision.createGroup(userId, projectId, { name: 'Karis gruppe 912 34 567', templateId: template.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { name: 'PERSONAL_DATA' } } });
      expect(await database.db.select().from(supervisionGroups).where(eq(supervisionGroups.projectId, projectId))).toEqual([]);
    });

    it('takes a phase only from the group’s own project', async () => {
      const other = await services.projects.create(userId, { name: 'Et annet prosjekt' });
      if (!other.ok) throw new Error(other.error.code);
      const foreign = await services.projects.addPhase(userId, other.data.id, { name: 'Fase 1' });
      const own = await services.projects.addPhase(userId, projectId, { name: 'Fase 1' });
      if (!foreign.ok || !own.ok) throw new Error('phase');

      for (const phaseId of [foreign.data.id, MISSING]) {
        const refused = await services.supervision.createGroup(userId, projectId, { name: 'NAV Nordby', templateId: template.id, phaseId });
        expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { phaseId: 'NOT_FOUND' } } });
      }
      expect(await database.db.select().from(supervisionGroups).where(eq(supervisionGroups.projectId, projectId))).toEqual([]);

      const created = await services.supervision.createGroup(userId, projectId, { name: 'NAV Nordby', templateId: template.id, phaseId: own.data.id });
      expect(created).toMatchObject({ ok: true, data: { name: 'NAV Nordby', phaseId: own.data.id } });
      const without = await services.supervision.createGroup(userId, projectId, { name: 'NAV Sørby', templateId: template.id });
      expect(without).toMatchObject({ ok: true, data: { phaseId: null } });
    });
  });
}
