import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, findings, liveSessions } from '@/db/schema';
import { testDatabases } from '../../test/databases';
import type { Services } from './index';
import { openServices } from '../../test/services';
import { testConfig } from '../../test/config';

const config = testConfig();
const nobody = '00000000-0000-4000-8000-000000000000';
const reflection = { kind: 'reflection', title: 'Refleksjon', config: { prompt: 'Hva mangler?' } } as const;

for (const driver of testDatabases()) {
  describe(`workshop service on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
    });
    afterEach(() => drop());

    /** Ingrid owns the demo project (six findings) and an empty one; Per is a member of the empty one only. */
    async function people() {
      const setup = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!setup.ok) throw new Error(setup.error.code);
      const owner = setup.data.user;
      const [demo] = await services.projects.listForUser(owner.id);
      const empty = await services.projects.create(owner.id, { name: 'Tomt prosjekt' });
      if (!demo || !empty.ok) throw new Error('projects');
      const { token } = await services.auth.createInvitation(owner.id, empty.data.id);
      const per = await services.auth.registerWithInvitation(token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
      if (!per.ok) throw new Error(per.error.code);
      return { owner: owner.id, per: per.data.user.id, demoId: demo.id, emptyId: empty.data.id };
    }

    async function created(userId: string, projectId: string, input: object = { title: 'Verksted' }) {
      const result = await services.workshops.create(userId, projectId, input);
      if (!result.ok) throw new Error(result.error.code);
      return result.data;
    }

    it('starts a new workshop with the default agenda and all of the project’s findings', async () => {
      const { owner, demoId, emptyId } = await people();
      const workshop = await created(owner, demoId, { title: 'Verksted 2', date: '2026-05-04', place: 'Hamar' });
      const detail = await services.workshops.get(owner, workshop.id);
      if (!detail.ok) throw new Error(detail.error.code);
      expect(detail.data.workshop).toMatchObject({ title: 'Verksted 2', date: '2026-05-04', place: 'Hamar', allowNames: false, minRevealCount: 3 });
      expect(detail.data.activities.map((a) => a.kind)).toEqual(['findings', 'reflection', 'plenary', 'closing']);
      const own = await database.db.select({ id: findings.id }).from(findings).where(eq(findings.projectId, demoId)).orderBy(asc(findings.position));
      const [round, groups, plenary, closing] = detail.data.activities;
      expect(round?.kind === 'findings' && round.config.findingIds).toEqual(own.map((f) => f.id));
      expect(groups).toMatchObject({ config: { prompt: 'Hva kjenner dere igjen fra egen praksis, og hva mangler?', groupSize: 4, grouping: 'random', minutes: 15, silentFirst: true, silentMinutes: 5 } });
      expect(plenary).toMatchObject({ config: { dotVotes: 3, wordCloudQuestion: 'Ett ord som beskriver dagens tema for deg?' } });
      expect(closing?.kind === 'closing' && closing.config.questions.map((q) => q.text)).toEqual([
        'Hvor nyttig var verkstedet for deg?',
        'Hvor godt fikk du fram dine synspunkter?',
        'Hvor godt kjente du deg igjen i funnene?',
      ]);
      expect(closing).toMatchObject({ config: { freeTextQuestion: 'Er det noe du vil si til forskerne?' } });

      // Without findings there is no findings round to start with.
      const bare = await created(owner, emptyId);
      const bareAgenda = await services.workshops.agendaForRun(bare.id);
      expect(bareAgenda?.activities.map((a) => a.kind)).toEqual(['reflection', 'plenary', 'closing']);

      const list = await services.workshops.list(owner, demoId);
      expect(list.ok && list.data.map((w) => [w.title, w.activityCount])).toEqual([
        ['Verksted 2', 4],
        ['Utviklingsverksted 1: foreløpige funn fra Fase 1', 4],
      ]);
      const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.target, workshop.id));
      expect(audit?.action).toBe('workshop.create');
    });

    it('validates workshop details and keeps them inside the project', async () => {
      const { owner, per, demoId, emptyId } = await people();
      expect(await services.workshops.create(owner, demoId, { title: '', date: '15.03.2026' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { title: 'REQUIRED' } },
      });
      expect(await services.workshops.create(owner, demoId, { title: 'Ring 412 34 567' })).toMatchObject({
        ok: false,
        error: { code: 'PERSONAL_DATA', fields: { title: 'PERSONAL_DATA' } },
      });
      const workshop = await created(owner, emptyId);
      const demo = await services.projects.get(owner, demoId);
      const demoPhase = demo.ok ? demo.data.phases[0]?.id : undefined;
      expect(await services.workshops.update(owner, workshop.id, { title: 'X', phaseId: demoPhase })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { phaseId: 'INVALID' } },
      });
      expect(await services.workshops.update(per, workshop.id, { title: 'Nytt', place: 'Gjøvik', allowNames: true, minRevealCount: 5, date: '' })).toMatchObject({
        ok: true,
        data: { title: 'Nytt', place: 'Gjøvik', allowNames: true, minRevealCount: 5, date: null },
      });

      // Per is not in the demo project: its workshops do not exist for him.
      const demoList = await services.workshops.list(owner, demoId);
      const demoWorkshop = demoList.ok ? demoList.data[0] : undefined;
      expect(await services.workshops.get(per, demoWorkshop!.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.workshops.list(per, demoId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.workshops.update(per, demoWorkshop!.id, { title: 'Kapret' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.workshops.get(owner, nobody)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.workshops.get(owner, 'not-a-uuid')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

      expect(await services.deletion.deleteWorkshop(per, demoWorkshop!.id, demoWorkshop!.title)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.deletion.deleteWorkshop(owner, workshop.id, 'Feil')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await services.deletion.deleteWorkshop(owner, workshop.id, 'Nytt')).toMatchObject({ ok: true });
      expect(await services.workshops.agendaForRun(workshop.id)).toBeNull();
    });

    it('edits, orders and removes activities', async () => {
      const { owner, demoId } = await people();
      const workshop = await created(owner, demoId);
      const added = await services.workshops.addActivity(owner, workshop.id, reflection);
      if (!added.ok) throw new Error(added.error.code);
      // Defaults from the schema fill in what the input left out.
      expect(added.data).toMatchObject({ kind: 'reflection', config: { groupSize: 4, grouping: 'random', minutes: 15, silentFirst: true } });

      const changed = { kind: 'plenary', title: 'Plenum 2', config: { dotVotes: 5, wordCloudQuestion: '' } };
      expect(await services.workshops.updateActivity(owner, workshop.id, added.data.id, changed)).toMatchObject({ ok: true, data: { id: added.data.id, title: 'Plenum 2' } });
      await services.workshops.moveActivity(owner, workshop.id, added.data.id, -1);
      await services.workshops.moveActivity(owner, workshop.id, added.data.id, -1);
      const first = (await services.workshops.get(owner, workshop.id)) as { ok: true; data: { activities: { id: string; title: string }[] } };
      expect(first.data.activities.map((a) => a.title)).toEqual(['Funnrunde: kjenner dere igjen funnene?', 'Refleksjon i grupper', 'Plenum 2', 'Plenum', 'Hvordan var det å delta?']);
      // Moving past either end changes nothing.
      const firstId = first.data.activities[0]!.id;
      await services.workshops.moveActivity(owner, workshop.id, firstId, -1);
      const again = (await services.workshops.agendaForRun(workshop.id))!;
      expect(again.activities[0]?.id).toBe(firstId);

      expect(await services.workshops.removeActivity(owner, workshop.id, added.data.id)).toMatchObject({ ok: true });
      expect((await services.workshops.agendaForRun(workshop.id))?.activities).toHaveLength(4);
      // An activity id from another workshop is not found through this one.
      const other = await created(owner, demoId);
      expect(await services.workshops.updateActivity(owner, other.id, firstId, changed)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('refuses invalid settings, foreign findings and personal data, field by field', async () => {
      const { owner, demoId, emptyId } = await people();
      const workshop = await created(owner, emptyId);
      const add = (input: unknown) => services.workshops.addActivity(owner, workshop.id, input);

      expect(await add({ kind: 'reflection', title: '', config: { prompt: '', groupSize: 7 } })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { title: 'REQUIRED', prompt: 'REQUIRED', groupSize: 'INVALID' } },
      });
      expect(await add({ kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'a', text: '' }] } })).toMatchObject({
        error: { fields: { 'questions.0.text': 'REQUIRED' } },
      });
      expect(await add({ kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'a', text: 'En' }, { id: 'a', text: 'To' }] } })).toMatchObject({
        error: { code: 'BAD_REQUEST', fields: { questions: 'INVALID' } },
      });
      expect(await add({ kind: 'findings', title: 'Funn', config: { findingIds: [] } })).toMatchObject({ error: { fields: { findingIds: 'FINDINGS_REQUIRED' } } });

      const demoFindings = await database.db.select({ id: findings.id }).from(findings).where(eq(findings.projectId, demoId));
      expect(await add({ kind: 'findings', title: 'Funn', config: { findingIds: [demoFindings[0]!.id] } })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { findingIds: 'INVALID' } },
      });

      expect(await add({ ...reflection, config: { prompt: 'Ring Kari på 412 34 567' } })).toMatchObject({
        ok: false,
        error: { code: 'PERSONAL_DATA', fields: { prompt: 'PERSONAL_DATA' } },
      });
      expect(await add({ kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'a', text: 'Ok' }], freeTextQuestion: 'Skriv til kari@nav.no' } })).toMatchObject({
        error: { code: 'PERSONAL_DATA', fields: { freeTextQuestion: 'PERSONAL_DATA' } },
      });
      expect((await services.workshops.agendaForRun(workshop.id))?.activities).toHaveLength(3);

      // Duplicated findings are stored once, in the order given.
      const own = await created(owner, demoId);
      const ids = demoFindings.map((f) => f.id);
      const picked = await services.workshops.addActivity(owner, own.id, { kind: 'findings', title: 'Funn', config: { findingIds: [ids[2], ids[0], ids[2]] } });
      expect(picked.ok && picked.data.kind === 'findings' && picked.data.config.findingIds).toEqual([ids[2], ids[0]]);
    });

    it('opens a live session that runs the prepared workshop', async () => {
      const { owner, demoId } = await people();
      const workshop = await created(owner, demoId, { title: 'Kjør meg' });
      const opened = await services.live.open(owner, demoId, { title: workshop.title }, { workshopId: workshop.id });
      if (!opened.ok) throw new Error(opened.error.code);
      const [row] = await database.db.select().from(liveSessions).where(eq(liveSessions.id, opened.data.id));
      expect(row).toMatchObject({ workshopId: workshop.id, kind: 'workshop', title: 'Kjør meg' });
    });
  });
}
