import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { defaultInstructions } from '@/lib/qsort/instructions';
import { seedGrid } from '@/lib/qsort/grid';
import { testDatabases } from '../../test/databases';
import type { Services } from './index';
import { openServices } from '../../test/services';
import { testConfig } from '../../test/config';

const config = testConfig();
const FNR = '01019012480'; // synthetic, passes both mod-11 checks
const MISSING = '00000000-0000-4000-8000-000000000000';

const unwrap = <T>(result: { ok: true; data: T } | { ok: false; error: { code: string } }): T => {
  if (!result.ok) throw new Error(result.error.code);
  return result.data;
};

for (const driver of testDatabases()) {
  describe(`statement set service on ${driver.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let services: Services;
    let userId: string;
    let outsiderId: string;
    let projectId: string;

    beforeEach(async () => {
      ({ database, drop, services } = await openServices(driver, config));
      userId = unwrap(await services.setupFirstAccount({ name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' })).user.id;
      projectId = (await database.db.query.projects.findFirst())!.id; // the demo project
      // Someone with an account but no place in the project.
      const [outsider] = await database.db.insert(users).values({ email: 'ola@nav.example', name: 'Ola', passwordHash: 'x' }).returning();
      outsiderId = outsider!.id;
    });
    afterEach(() => drop());

    const demoSet = async () => unwrap(await services.statementSets.list(userId, projectId))[0]!;
    const view = async (setId: string) => unwrap(await services.statementSets.get(userId, setId));

    it('gives the demo set with 36 statements in order, the seed grid and the default instructions', async () => {
      const summary = await demoSet();
      expect(summary).toMatchObject({ name: 'Q-utsagn fra Arbeid først', count: 36, gridFits: true });
      const set = await view(summary.id);
      expect(set.statements.map((s) => s.code)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
      expect(set).toMatchObject({ projectId, grid: seedGrid, gridSuggested: false, gridFits: true, customInstructions: {} });
      expect(set.instructions).toEqual(defaultInstructions);
    });

    it('hides sets from people outside the project', async () => {
      const { id } = await demoSet();
      expect(await services.statementSets.get(outsiderId, id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.statementSets.list(outsiderId, projectId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.statementSets.addStatement(outsiderId, id, { text: 'Inntrenger' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await services.statementSets.get(userId, MISSING)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('creates, renames and deletes a set; an empty set suggests a grid that does not fit', async () => {
      const { id } = unwrap(await services.statementSets.create(userId, projectId, { name: '  Nye utsagn ' }));
      expect(await services.statementSets.create(userId, projectId, { name: ' ' })).toMatchObject({ error: { code: 'BAD_REQUEST', fields: { name: 'REQUIRED' } } });
      unwrap(await services.statementSets.rename(userId, id, { name: 'Utsagn fase 2' }));
      expect(await view(id)).toMatchObject({ name: 'Utsagn fase 2', statements: [], gridSuggested: true, gridFits: false });
      expect((await services.statementSets.list(userId, projectId)).ok && (await demoSet()).name).toBe('Q-utsagn fra Arbeid først');
      unwrap(await services.statementSets.remove(userId, id));
      expect(unwrap(await services.statementSets.list(userId, projectId))).toHaveLength(1);
      const actions = (await database.db.select().from(auditLog)).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['statement_set.create', 'statement_set.rename', 'statement_set.delete']));
    });

    it('adds, edits and deletes statements with unique codes and the privacy guard', async () => {
      const { id } = await demoSet();
      const added = unwrap(await services.statementSets.addStatement(userId, id, { code: '', text: 'Et nytt utsagn' }));
      expect(added).toMatchObject({ code: 37, position: 36 });
      expect(await services.statementSets.addStatement(userId, id, { code: 5, text: 'Dobbelt' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { code: 'CODE_TAKEN' } } });
      expect(await services.statementSets.addStatement(userId, id, { text: `Bruker ${FNR}` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { text: 'PERSONAL_DATA' } } });
      expect(await services.statementSets.addStatement(userId, id, { code: 0, text: 'Null' })).toMatchObject({ error: { fields: { code: 'CODE_INVALID' } } });
      expect(await services.statementSets.updateStatement(userId, id, added.id, { code: 1, text: 'x' })).toMatchObject({ error: { fields: { code: 'CODE_TAKEN' } } });
      expect(unwrap(await services.statementSets.updateStatement(userId, id, added.id, { code: '40', text: ' Endret ' }))).toMatchObject({ code: 40, text: 'Endret' });
      expect(await view(id)).toMatchObject({ gridFits: false, gridSuggested: false });
      expect((await demoSet()).gridFits).toBe(false);
      unwrap(await services.statementSets.removeStatement(userId, id, added.id));
      expect(await services.statementSets.removeStatement(userId, id, added.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await view(id)).gridFits).toBe(true);
    });

    it('moves statements up and down and sets a whole order', async () => {
      const { id } = await demoSet();
      const before = (await view(id)).statements;
      unwrap(await services.statementSets.moveStatement(userId, id, before[2]!.id, -1));
      unwrap(await services.statementSets.moveStatement(userId, id, before[0]!.id, -1)); // already first
      expect((await view(id)).statements.slice(0, 4).map((s) => s.code)).toEqual([1, 3, 2, 4]);
      const reversed = before.map((s) => s.id).reverse();
      unwrap(await services.statementSets.reorder(userId, id, reversed));
      expect((await view(id)).statements.map((s) => s.id)).toEqual(reversed);
      expect(await services.statementSets.reorder(userId, id, reversed.slice(1))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await services.statementSets.reorder(userId, id, [...reversed.slice(1), reversed[1]])).toMatchObject({ ok: false });
    });

    it('imports a text list and CSV, all or nothing', async () => {
      const { id } = await demoSet();
      expect(unwrap(await services.statementSets.importStatements(userId, id, 'Første nye\n50. Andre nye'))).toEqual({ count: 2, format: 'list' });
      expect((await view(id)).statements.slice(-2).map((s) => [s.code, s.text, s.position])).toEqual([
        [51, 'Første nye', 36],
        [50, 'Andre nye', 37],
      ]);
      const csv = 'code,statement\n60,"Tid, ikke penger"\n61,"To\nlinjer"';
      expect(unwrap(await services.statementSets.importStatements(userId, id, csv))).toEqual({ count: 2, format: 'csv' });
      expect((await view(id)).statements.at(-1)!.text).toBe('To\nlinjer');
      expect(await services.statementSets.importStatements(userId, id, 'Ny\n3. Finnes')).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { text: 'CODE_TAKEN', line: '2' } } });
      expect(await services.statementSets.importStatements(userId, id, 'id,text\n70,"open')).toMatchObject({ ok: false, error: { fields: { text: 'CSV_UNTERMINATED' } } });
      expect(await services.statementSets.importStatements(userId, id, `Ny\nRing ${FNR}`)).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
      expect((await view(id)).statements).toHaveLength(40);
    });

    it('saves a grid only when it fits the statements, and instructions apart from the defaults', async () => {
      const { id } = await demoSet();
      expect(await services.statementSets.saveGrid(userId, id, { min: -4, counts: [1, 2, 3, 4, 5, 4, 3, 2, 1] })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: { counts: 'GRID_SIZE_MISMATCH' } },
      });
      expect(await services.statementSets.saveGrid(userId, id, { min: -1, counts: [0, 36, 0] })).toMatchObject({ error: { fields: { counts: 'EMPTY_EDGE' } } });
      const wide = { min: -4, counts: [2, 3, 4, 6, 6, 6, 4, 3, 2] };
      unwrap(await services.statementSets.saveGrid(userId, id, wide));
      expect(await view(id)).toMatchObject({ grid: wide, gridSuggested: false, gridFits: true });
      unwrap(await services.statementSets.saveGrid(userId, id, null));
      expect(await view(id)).toMatchObject({ grid: seedGrid, gridSuggested: true });

      const saved = unwrap(await services.statementSets.saveInstructions(userId, id, { read: ' Les alle utsagnene rolig. ', piles: defaultInstructions.piles, grid: '' }));
      expect(saved).toEqual({ read: 'Les alle utsagnene rolig.' });
      const set = await view(id);
      expect(set.instructions.read).toBe('Les alle utsagnene rolig.');
      expect(set.instructions.grid).toBe(defaultInstructions.grid);
      expect(await services.statementSets.saveInstructions(userId, id, { pseudonym: `Skriv til ola@nav.no` })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { pseudonym: 'PERSONAL_DATA' } } });
    });
  });
}
