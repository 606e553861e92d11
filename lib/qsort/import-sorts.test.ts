import { describe, expect, it } from 'vitest';
import { pqmethodIds, toPqmethodDat } from '@/lib/qmethod/exports/pqmethod';
import { sortsToCsv } from '@/lib/qmethod/exports/sorts-csv';
import { validNationalId } from '../../test/personal-numbers';
import { analysisInput } from './analysis';
import { seedGrid } from './grid';
import { importSortsFile } from './import-sorts';
import type { QsortRuntime } from './runtime';
import { qStudy } from '../../test/qsort';

const ids = Array.from({ length: 36 }, (_, i) => String(i + 1));
const runtime: QsortRuntime = { setId: '00000000-0000-4000-8000-000000000009', setName: 'Studie', grid: seedGrid, instructions: {}, statements: ids.map((id) => ({ id, text: `Utsagn ${id}` })), open: false, display: null, factorNames: [], merged: [] };

describe('importing sorts from a qmethod CSV', () => {
  const study = qStudy(4);
  const csv = sortsToCsv(analysisInput(runtime, study));

  it('reads back exactly the sorts Verksted exported, as columns of the grid', () => {
    const imported = importSortsFile(csv, seedGrid, ids);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    expect(imported.sorts.map((s) => s.name)).toEqual(study.map((s) => s.name));
    imported.sorts.forEach((s, j) => expect(s.columns.map((c) => [...c].sort())).toEqual(study[j]!.state.columns.map((c) => [...c].sort())));
  });

  it('reads a PQMethod .DAT of the set as well, statements by place', () => {
    const input = analysisInput(runtime, study);
    const dat = toPqmethodDat(input, { studyName: 'Studie' });
    if (!dat.ok) throw new Error(dat.error.message);
    const imported = importSortsFile(dat.value, seedGrid, ids);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    expect(imported.sorts.map((s) => s.name)).toEqual(pqmethodIds(study.map((s) => s.name)));
    imported.sorts.forEach((s, j) => expect(s.columns.map((c) => [...c].sort())).toEqual(study[j]!.state.columns.map((c) => [...c].sort())));
    // A .DAT of another set (fewer statements) is not this set's.
    const other = toPqmethodDat({ ...input, statements: input.statements.slice(0, 35), scores: input.scores.slice(0, 35) }, { studyName: 'Annen' });
    if (!other.ok) throw new Error(other.error.message);
    expect(importSortsFile(other.value, seedGrid, ids)).toMatchObject({ ok: false, problem: { code: 'STATEMENTS_DIFFER', missing: ['36'] } });
  });

  it('reads an HTMLQ / FlashQ export of the set, a row per participant, statements by place', () => {
    const input = analysisInput(runtime, study);
    // Statement columns out of order, and the tool's own columns around them.
    const order = [...ids].reverse();
    const rows = study.map((_, j) => [`${j + 1}`, '2026-11-30 10:00:00', ...order.map((id) => String(input.scores[ids.indexOf(id)]![j]!)), 'ja'].join(';'));
    const text = [['sid', 'datetime', ...order.map((id) => `s${id}`), 'consent'].join(';'), ...rows].join('\n');
    const imported = importSortsFile(text, seedGrid, ids);
    if (!imported.ok) throw new Error(JSON.stringify(imported.problem));
    expect(imported.sorts.map((s) => s.name)).toEqual(study.map((_, j) => `q${j + 1}`));
    imported.sorts.forEach((s, j) => expect(s.columns.map((c) => [...c].sort())).toEqual(study[j]!.state.columns.map((c) => [...c].sort())));
    // An export of another set (one statement fewer) is not this set's.
    const fewer = [['sid', ...ids.slice(0, 35).map((id) => `s${id}`)].join(';'), ['1', ...ids.slice(0, 35).map(() => '0')].join(';')].join('\n');
    expect(importSortsFile(fewer, seedGrid, ids)).toMatchObject({ ok: false, problem: { code: 'STATEMENTS_DIFFER', missing: ['36'] } });
  });

  it('names what is wrong: a file that is no CSV, other statements, a sort that breaks the grid, a personal number', () => {
    expect(importSortsFile('statement\n', seedGrid, ids)).toMatchObject({ ok: false, problem: { code: 'BAD_FILE' } });
    const fewer = csv.split('\n').filter((line) => !line.startsWith('36,')).join('\n');
    expect(importSortsFile(fewer, seedGrid, ids)).toMatchObject({ ok: false, problem: { code: 'STATEMENTS_DIFFER', missing: ['36'], unknown: [] } });
    const lines = csv.trim().split('\n');
    const broken = [lines[0], ...lines.slice(1).map((line, s) => (s === 0 ? line.replace(/,(-?\d+)$/, (_, v: string) => (v === '-5' ? ',5' : ',-5')) : line))].join('\n');
    expect(importSortsFile(broken, seedGrid, ids)).toMatchObject({ ok: false, problem: { code: 'SORT_DOES_NOT_FIT', sort: study.at(-1)!.name } });
    const named = csv.replace(study[1]!.name, `Kari ${validNationalId()}`);
    expect(importSortsFile(named, seedGrid, ids)).toEqual({ ok: false, problem: { code: 'PERSONAL_DATA', position: 2 } });
  });
});
