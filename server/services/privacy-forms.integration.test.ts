import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@/lib/errors';
import { testConfig } from '../../test/config';
import { testDatabases } from '../../test/databases';
import { describeHits, scanDatabase } from '../../test/pii-scan';
import { seededRng, validNationalId, validPhone } from '../../test/personal-numbers';
import { openServices } from '../../test/services';

/**
 * The HTTP forms and server actions: each action is `withUser` around one of these service
 * verbs, so the server-side check is the service's. Each refuses a number with PERSONAL_DATA
 * (naming the field, so the form keeps the text and marks it) and stores nothing.
 */
describe.each(testDatabases())('the privacy guard on every form (%s)', (driver) => {
  let opened: Awaited<ReturnType<typeof openServices>>;
  let userId: string;
  let projectId: string;
  const rng = seededRng(30);
  const fresh = () => {
    const id = validNationalId(rng);
    return { id, spelled: [`Bruker ${id}`, `${id.slice(0, 6)} ${id.slice(6)}`] };
  };
  const services = () => opened.services;

  beforeAll(async () => {
    opened = await openServices(driver, testConfig({ seedDemo: false }));
    const account = await services().setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
    if (!account.ok) throw new Error(account.error.code);
    userId = account.data.user.id;
    const project = await services().projects.create(userId, { name: 'Prosjekt' });
    if (!project.ok) throw new Error(project.error.code);
    projectId = project.data.id;
  });
  afterAll(() => opened.drop());

  async function expectNoTrace(...needles: string[]) {
    const hits = await scanDatabase(opened.database.db, needles);
    expect(hits, describeHits(hits)).toEqual([]);
  }
  const refused = (result: Result<unknown>, field?: string) => {
    expect(result).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    if (field && !result.ok) expect(result.error.fields?.[field]).toBe('PERSONAL_DATA');
  };

  it('projects, phases and live sessions', async () => {
    const { id, spelled } = fresh();
    for (const text of spelled) {
      refused(await services().projects.create(userId, { name: text }), 'name');
      refused(await services().projects.update(userId, projectId, { name: 'Prosjekt', description: text }), 'description');
      refused(await services().projects.update(userId, projectId, { name: 'Prosjekt', consentText: `Kontakt ${text}` }), 'consentText');
      refused(await services().projects.addPhase(userId, projectId, { name: 'Fase', description: text }), 'description');
      refused(await services().live.open(userId, projectId, { title: text }), 'title');
    }
    // The consent text may name whom to contact: a phone number there is the project's own.
    expect(await services().projects.update(userId, projectId, { name: 'Prosjekt', consentText: 'Spørsmål? Ring prosjektleder på 55 55 55 55.' })).toMatchObject({ ok: true });
    await expectNoTrace(id);
  });

  it('findings: the form, the status note and the import', async () => {
    const { id, spelled } = fresh();
    const finding = await services().findings.create(userId, projectId, { title: 'Funn' });
    if (!finding.ok) throw new Error(finding.error.code);
    for (const text of spelled) {
      refused(await services().findings.create(userId, projectId, { title: 'Funn', quotes: ['Et sitat', text] }), 'quotes');
      refused(await services().findings.update(userId, projectId, finding.data.id, { title: 'Funn', summary: text }), 'summary');
      refused(await services().findings.setStatus(userId, projectId, finding.data.id, { status: 'bekreftet', note: text }), 'note');
      refused(await services().findings.importText(userId, projectId, `Første funn\n${text}`, null), 'text');
    }
    await expectNoTrace(id);
  });

  it('workshops and their agenda', async () => {
    const { id, spelled } = fresh();
    const workshop = await services().workshops.create(userId, projectId, { title: 'Verksted' });
    if (!workshop.ok) throw new Error(workshop.error.code);
    for (const text of spelled) {
      refused(await services().workshops.create(userId, projectId, { title: 'Verksted', place: text }), 'place');
      refused(await services().workshops.addActivity(userId, workshop.data.id, { kind: 'reflection', title: 'Refleksjon', config: { prompt: text } }), 'prompt');
      refused(await services().workshops.addActivity(userId, workshop.data.id, { kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'q1', text }] } }));
    }
    await expectNoTrace(id);
  });

  it('statement sets: name, statements, the import (list and CSV) and the instructions', async () => {
    const { id, spelled } = fresh();
    const set = await services().statementSets.create(userId, projectId, { name: 'Utsagn' });
    if (!set.ok) throw new Error(set.error.code);
    const setId = set.data.id;
    const added = await services().statementSets.addStatement(userId, setId, { text: 'Jeg trives' });
    if (!added.ok) throw new Error(added.error.code);
    for (const text of spelled) {
      refused(await services().statementSets.create(userId, projectId, { name: text }), 'name');
      refused(await services().statementSets.rename(userId, setId, { name: text }), 'name');
      refused(await services().statementSets.addStatement(userId, setId, { text }), 'text');
      refused(await services().statementSets.updateStatement(userId, setId, added.data.id, { code: added.data.code, text }), 'text');
      refused(await services().statementSets.importStatements(userId, setId, `Utsagn en\n${text}`), 'text');
      refused(await services().statementSets.importStatements(userId, setId, `kode;utsagn\n5;${text}`), 'text');
      refused(await services().statementSets.saveInstructions(userId, setId, { read: text }), 'read');
    }
    await expectNoTrace(id);
  });

  it('kollegaveiledning templates and groups', async () => {
    const { id, spelled } = fresh();
    const phone = validPhone(rng);
    const templates = await services().supervision.listTemplates(userId, projectId);
    if (!templates.ok) throw new Error(templates.error.code);
    const template = templates.data[0]!;
    const content = { name: template.name, description: template.description, allowSkip: template.allowSkip, rounds: template.rounds };
    for (const text of [...spelled, `Ring ${phone}`]) {
      refused(await services().supervision.saveTemplate(userId, projectId, null, { ...content, description: text }), 'description');
      refused(await services().supervision.saveTemplate(userId, projectId, null, { ...content, rounds: content.rounds.map((r, i) => (i === 1 ? { ...r, guidance: text } : r)) }), 'rounds.1.guidance');
      refused(await services().supervision.createGroup(userId, projectId, { name: text, templateId: template.id }), 'name');
    }
    await expectNoTrace(id, phone);
  });

  it('accounts: a name with a number', async () => {
    const { id, spelled } = fresh();
    const invitation = await services().auth.createInvitation(userId, null);
    for (const name of spelled) refused(await services().auth.registerWithInvitation(invitation.token, { name, email: 'ola@nav.example', password: 'et-godt-passord' }), 'name');
    await expectNoTrace(id);
  });
});
