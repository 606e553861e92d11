import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { feedbackItems, findings, findingStatusChanges, liveSessions, participants, workshops, type NewFeedbackItem } from '@/db/schema';
import { testDatabases } from '../../test/databases';
import type { Services } from './index';
import { openServices } from '../../test/services';
import { testConfig } from '../../test/config';

const config = testConfig({ seedDemo: false });
const FNR = '01019012480'; // synthetic, passes both mod-11 checks
const MISSING = '00000000-0000-4000-8000-000000000000';

for (const driver of testDatabases()) {
  describe(`findings service on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;
    let userId: string;
    let projectId: string;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
      const setup = await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
      if (!setup.ok) throw new Error(setup.error.code);
      userId = setup.data.user.id;
      const project = await services.projects.create(userId, { name: 'Arbeid først' });
      if (!project.ok) throw new Error(project.error.code);
      projectId = project.data.id;
    });
    afterEach(() => drop());

    async function create(title: string, extra: Record<string, unknown> = {}) {
      const created = await services.findings.create(userId, projectId, { title, ...extra });
      if (!created.ok) throw new Error(created.error.code);
      return created.data;
    }
    async function titles() {
      const list = await services.findings.list(userId, projectId);
      if (!list.ok) throw new Error(list.error.code);
      return list.data.map((f) => f.title);
    }

    it('creates, lists with phase names, updates and removes findings', async () => {
      await services.projects.addPhase(userId, projectId, { name: 'Fase 1' });
      const phaseId = (await database.db.query.phases.findFirst())!.id;
      const first = await create('  Tid til oppfølging mangler ', { summary: 'For mange brukere', quotes: ['Vi rekker ikke alt', ''], phaseId });
      expect(first).toMatchObject({ title: 'Tid til oppfølging mangler', quotes: ['Vi rekker ikke alt'], status: 'forelopig', position: 0 });
      const second = await create('Språket former holdninger');
      expect(second.position).toBe(1);

      const list = await services.findings.list(userId, projectId);
      expect(list).toMatchObject({ ok: true, data: [{ title: 'Tid til oppfølging mangler', phaseName: 'Fase 1' }, { title: 'Språket former holdninger', phaseName: null }] });

      const updated = await services.findings.update(userId, projectId, second.id, { title: 'Språket', theme: 'Holdninger', reflectionQuestion: 'Hva tenker dere?' });
      expect(updated).toMatchObject({ ok: true, data: { title: 'Språket', theme: 'Holdninger', reflectionQuestion: 'Hva tenker dere?' } });
      expect(await services.findings.update(userId, projectId, second.id, { title: '' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { title: 'REQUIRED' } } });
      expect(await services.findings.update(userId, projectId, MISSING, { title: 'X' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

      expect(await services.findings.remove(userId, projectId, first.id)).toEqual({ ok: true, data: null });
      expect(await services.findings.remove(userId, projectId, first.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await titles()).toEqual(['Språket']);
    });

    it('refuses a phase from another project', async () => {
      const other = await services.projects.create(userId, { name: 'Annet' });
      if (!other.ok) throw new Error('project');
      await services.projects.addPhase(userId, other.data.id, { name: 'Fremmed fase' });
      const phase = await database.db.query.phases.findFirst();
      expect(await services.findings.create(userId, projectId, { title: 'A', phaseId: phase!.id })).toMatchObject({ ok: false, error: { fields: { phaseId: 'INVALID' } } });
    });

    it('shows nothing to someone outside the project', async () => {
      const finding = await create('Hemmelig funn');
      const invited = await services.auth.registerWithInvitation((await services.auth.createInvitation(userId, null)).token, { name: 'Per', email: 'per@nav.example', password: 'et-annet-passord' });
      if (!invited.ok) throw new Error('stranger');
      const stranger = invited.data.user.id;
      const refused = { ok: false, error: { code: 'NOT_FOUND' } };
      expect(await services.findings.list(stranger, projectId)).toMatchObject(refused);
      expect(await services.findings.get(stranger, projectId, finding.id)).toMatchObject(refused);
      expect(await services.findings.create(stranger, projectId, { title: 'Inn' })).toMatchObject(refused);
      expect(await services.findings.update(stranger, projectId, finding.id, { title: 'Endret' })).toMatchObject(refused);
      expect(await services.findings.move(stranger, projectId, finding.id, 1)).toMatchObject(refused);
      expect(await services.findings.remove(stranger, projectId, finding.id)).toMatchObject(refused);
      expect(await services.findings.importText(stranger, projectId, 'Funn', null)).toMatchObject(refused);
      expect(await services.findings.setStatus(stranger, projectId, finding.id, { status: 'bekreftet' })).toMatchObject(refused);
      expect(await services.findings.history(stranger, projectId, finding.id)).toMatchObject(refused);
      expect(await services.findings.evidence(stranger, projectId, finding.id)).toMatchObject(refused);
      // A member must still name the finding's own project.
      const other = await services.projects.create(userId, { name: 'Annet' });
      if (!other.ok) throw new Error('project');
      expect(await services.findings.get(userId, other.data.id, finding.id)).toMatchObject(refused);
      expect(await titles()).toEqual(['Hemmelig funn']);
    });

    it('reorders by swapping with the neighbour', async () => {
      const [a, b, c] = [await create('A'), await create('B'), await create('C')];
      expect(await services.findings.move(userId, projectId, c.id, -1)).toEqual({ ok: true, data: null });
      expect(await titles()).toEqual(['A', 'C', 'B']);
      await services.findings.move(userId, projectId, a.id, -1); // already first
      await services.findings.move(userId, projectId, a.id, 1);
      expect(await titles()).toEqual(['C', 'A', 'B']);
      await services.findings.move(userId, projectId, b.id, 1); // already last
      expect(await titles()).toEqual(['C', 'A', 'B']);
      expect(await services.findings.move(userId, projectId, MISSING, 1)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('imports pasted text after the existing findings, all or nothing', async () => {
      await create('Fra før');
      const text = '# Arbeidsretting\nTid mangler\nFor mange brukere.\n> Vi rekker ikke alt\n? Kjenner dere igjen?\n\nSamarbeid\nFaste kontaktpersoner.';
      expect(await services.findings.importText(userId, projectId, text, null)).toEqual({ ok: true, data: { count: 2 } });
      const list = await services.findings.list(userId, projectId);
      if (!list.ok) throw new Error('list');
      expect(list.data.map((f) => [f.title, f.position, f.theme])).toEqual([['Fra før', 0, ''], ['Tid mangler', 1, 'Arbeidsretting'], ['Samarbeid', 2, 'Arbeidsretting']]);
      expect(list.data[1]).toMatchObject({ summary: 'For mange brukere.', quotes: ['Vi rekker ikke alt'], reflectionQuestion: 'Kjenner dere igjen?' });

      expect(await services.findings.importText(userId, projectId, ' \n ', null)).toMatchObject({ ok: false, error: { fields: { text: 'REQUIRED' } } });
      expect(await services.findings.importText(userId, projectId, `Greit\n${'x'.repeat(201)}`, null)).toMatchObject({ ok: false, error: { fields: { text: 'TOO_LONG' } } });
      expect(await services.findings.importText(userId, projectId, 'Greit', 'ikke-en-fase')).toMatchObject({ ok: false, error: { fields: { phaseId: 'INVALID' } } });
      expect(await services.findings.importText(userId, projectId, `Greit\n> Ring meg på 412 34 567`, null)).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { text: 'PERSONAL_DATA' } } });
      expect(await titles()).toEqual(['Fra før', 'Tid mangler', 'Samarbeid']);
    });

    it('refuses personal data in every free-text field and stores nothing', async () => {
      const cases: [string, Record<string, unknown>][] = [
        ['title', { title: `Bruker ${FNR}` }],
        ['summary', { title: 'A', summary: 'Kontakt ola@nav.no' }],
        ['quotes', { title: 'A', quotes: ['helt greit', 'ring 41234567'] }],
        ['reflectionQuestion', { title: 'A', reflectionQuestion: `Hva med ${FNR}?` }],
        ['theme', { title: 'A', theme: 'post@example.com' }],
      ];
      for (const [field, input] of cases) {
        expect(await services.findings.create(userId, projectId, input)).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { [field]: 'PERSONAL_DATA' } } });
      }
      const finding = await create('Rent funn');
      expect(await services.findings.update(userId, projectId, finding.id, { title: 'Rent funn', summary: `Se ${FNR}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
      expect(await services.findings.setStatus(userId, projectId, finding.id, { status: 'bekreftet', note: 'Ring 412 34 567' })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { note: 'PERSONAL_DATA' } } });
      const rows = await database.db.select().from(findings);
      expect(rows).toMatchObject([{ title: 'Rent funn', summary: '', status: 'forelopig' }]);
      expect(await database.db.select().from(findingStatusChanges)).toEqual([]);
    });

    it('keeps the status history with notes, in order', async () => {
      const finding = await create('Tid mangler');
      expect(await services.findings.setStatus(userId, projectId, finding.id, { status: 'nyansert', note: ' Gjelder ikke alle kontor ' })).toEqual({ ok: true, data: { status: 'nyansert' } });
      await services.findings.setStatus(userId, projectId, finding.id, { status: 'bekreftet' });
      expect(await services.findings.setStatus(userId, projectId, finding.id, { status: 'ferdig' })).toMatchObject({ ok: false, error: { fields: { status: 'INVALID' } } });
      expect(await services.findings.setStatus(userId, projectId, MISSING, { status: 'bekreftet' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const history = await services.findings.history(userId, projectId, finding.id);
      expect(history).toMatchObject({
        ok: true,
        data: [
          { fromStatus: 'forelopig', toStatus: 'nyansert', note: 'Gjelder ikke alle kontor', changedBy: 'Ingrid' },
          { fromStatus: 'nyansert', toStatus: 'bekreftet', note: '', changedBy: 'Ingrid' },
        ],
      });
      expect(await services.findings.get(userId, projectId, finding.id)).toMatchObject({ ok: true, data: { status: 'bekreftet' } });
    });

    it('counts responses per workshop and shows comments without revealing anonymous authors', async () => {
      const finding = await create('Tid mangler');
      const other = await create('Annet funn');
      const db = database.db;
      const [w1] = await db.insert(workshops).values({ projectId, title: 'Verksted 1', date: '2026-03-01' }).returning();
      const [w2] = await db.insert(workshops).values({ projectId, title: 'Verksted 2', date: '2026-04-01' }).returning();
      const [session] = await db.insert(liveSessions).values({ projectId, code: 'ABC234', title: 'Økt', workshopId: w2!.id, state: {} }).returning();
      const [participant] = await db.insert(participants).values({ sessionId: session!.id, tokenHash: 'hash', displayName: 'Kari Nordmann' }).returning();
      const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 10, minute));
      const base = { projectId, findingId: finding.id, kind: 'finding_response' as const, authorKind: 'anonymous' as const };
      const rows: NewFeedbackItem[] = [
        { ...base, workshopId: w1!.id, response: 'kjenner_igjen', createdAt: at(1) },
        { ...base, workshopId: w1!.id, response: 'kjenner_igjen', text: 'Stemmer hos oss', createdAt: at(2) },
        { ...base, workshopId: w2!.id, sessionId: session!.id, participantId: participant!.id, authorName: 'Kari Nordmann', response: 'nyanserer', text: 'Gjelder ikke alle kontor', createdAt: at(3) },
        { ...base, workshopId: w2!.id, authorKind: 'named', authorName: 'Ola', response: 'avkrefter', text: 'Ikke hos oss', createdAt: at(4) },
        { ...base, workshopId: w2!.id, response: 'avkrefter', text: 'Skjult innlegg', hiddenAt: at(5), createdAt: at(5) },
        { ...base, workshopId: w2!.id, response: 'kjenner_igjen', text: '   ', createdAt: at(6) },
        { ...base, workshopId: w2!.id, kind: 'note', text: 'Et notat, ikke et svar', createdAt: at(7) },
        { ...base, findingId: other.id, workshopId: w2!.id, response: 'avkrefter', text: 'Annet funn', createdAt: at(8) },
      ];
      await db.insert(feedbackItems).values(rows);

      const evidence = await services.findings.evidence(userId, projectId, finding.id);
      if (!evidence.ok) throw new Error(evidence.error.code);
      expect(evidence.data.counts).toEqual({ kjenner_igjen: 3, nyanserer: 1, avkrefter: 1 });
      expect(evidence.data.sources).toEqual([
        { key: w2!.id, title: 'Verksted 2', date: '2026-04-01', counts: { kjenner_igjen: 1, nyanserer: 1, avkrefter: 1 } },
        { key: w1!.id, title: 'Verksted 1', date: '2026-03-01', counts: { kjenner_igjen: 2, nyanserer: 0, avkrefter: 0 } },
      ]);
      expect(evidence.data.comments.map((c) => [c.text, c.response, c.authorName, c.sourceKey])).toEqual([
        ['Ikke hos oss', 'avkrefter', 'Ola', w2!.id],
        ['Gjelder ikke alle kontor', 'nyanserer', null, w2!.id],
        ['Stemmer hos oss', 'kjenner_igjen', null, w1!.id],
      ]);
      // Nothing that could identify an anonymous participant leaves the service.
      const json = JSON.stringify(evidence.data);
      expect(json).not.toContain(participant!.id);
      expect(json).not.toContain('Kari');
      expect(json).not.toContain('participantId');

      // Deleting a finding keeps the workshop feedback, unlinked.
      await services.findings.remove(userId, projectId, finding.id);
      const kept = await db.select().from(feedbackItems).where(eq(feedbackItems.workshopId, w1!.id));
      expect(kept.map((k) => k.findingId)).toEqual([null, null]);
    });
  });
}
