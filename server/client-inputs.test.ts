import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { clientEvents } from '@/lib/protocol';
import { activityModules, kindEvents } from '@/lib/activities/registry';
import { isOpaque, parseFailure, personalDataPaths } from '@/lib/privacy/free-text';
import { namedSpellings, seededRng, validNationalId } from '../test/personal-numbers';
import { formSchemas, socketEventSchemas } from './client-inputs';

/**
 * Makes the privacy guard impossible to forget: walks every client→server schema with zod's
 * own definitions and, for each string a person could type (not an id, enum, format, regex or
 * `opaque` key), puts a generated fødselsnummer into an otherwise valid input and expects the
 * parse to fail with PERSONAL_DATA at that field. A new unguarded text field fails here; a new
 * command variant or schema branch with text fails until an example below exercises it.
 */

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
type Path = (string | number)[];

/** A string field a person types: no format (uuid, email, date), no regex, not marked opaque. */
function isFreeTextString(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'string' || def.format || isOpaque(schema)) return false;
  const checks = (def.checks as { _zod: { def: { check: string; format?: string } } }[] | undefined) ?? [];
  return !checks.some((c) => c._zod.def.check === 'string_format');
}

/** A string cleaned up and then checked as a format (`z.string().trim().pipe(z.email())`) is that format. */
const isFormatOutput = (schema: z.ZodType): boolean => defOf(schema).type === 'string' && !isFreeTextString(schema);

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);
const LEAVES = new Set(['literal', 'enum', 'number', 'boolean', 'null', 'undefined', 'unknown', 'any', 'date', 'bigint', 'transform', 'custom', 'never', 'nan', 'void']);

/** Whether any free-text string is reachable inside the schema. */
function hasFreeText(schema: z.ZodType, seen = new Set<z.ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = defOf(schema);
  const inner = (s: unknown) => hasFreeText(s as z.ZodType, seen);
  if (def.type === 'string') return isFreeTextString(schema);
  if (WRAPPERS.has(def.type)) return inner(def.innerType);
  if (LEAVES.has(def.type)) return false;
  switch (def.type) {
    case 'object':
      return Object.values(def.shape as Record<string, z.ZodType>).some(inner);
    case 'array':
      return inner(def.element);
    case 'record':
      return inner(def.keyType) || inner(def.valueType);
    case 'union':
      return (def.options as z.ZodType[]).some(inner);
    case 'intersection':
      return inner(def.left) || inner(def.right);
    case 'pipe':
      return !isFormatOutput(def.out as z.ZodType) && inner(def.in);
    default:
      throw new Error(`schema walk: unknown zod type ${def.type}`);
  }
}

interface Walk {
  leaves: { path: Path; key: boolean }[];
  /** Places the example leaves no value to walk into (an empty list, an absent object). */
  uncovered: string[];
  /** Every union branch the example went through. */
  branches: Set<z.ZodType>;
}

/** The free-text leaves an example reaches, following the example through unions and lists. */
function walk(schema: z.ZodType, value: unknown, path: Path, out: Walk): void {
  const def = defOf(schema);
  if (def.type === 'string') {
    if (isFreeTextString(schema)) out.leaves.push({ path, key: false });
    return;
  }
  if (WRAPPERS.has(def.type)) {
    const inner = def.innerType as z.ZodType;
    // A nullable or defaulted string can be given as a string: its leaf is reachable anyway.
    if ((value === undefined || value === null) && defOf(inner).type !== 'string' && hasFreeText(inner)) out.uncovered.push(path.join('.') || '(root)');
    else walk(inner, value, path, out);
    return;
  }
  if (LEAVES.has(def.type)) return;
  const missing = () => out.uncovered.push(path.join('.') || '(root)');
  switch (def.type) {
    case 'object': {
      const obj = (value ?? {}) as Record<string, unknown>;
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(field, obj[key], [...path, key], out);
      return;
    }
    case 'array': {
      const element = def.element as z.ZodType;
      if (!Array.isArray(value) || value.length === 0) {
        if (hasFreeText(element)) missing();
        return;
      }
      value.forEach((item, i) => walk(element, item, [...path, i], out));
      return;
    }
    case 'record': {
      const entries = Object.entries((value ?? {}) as Record<string, unknown>);
      if (entries.length === 0) {
        if (hasFreeText(def.valueType as z.ZodType) || hasFreeText(def.keyType as z.ZodType)) missing();
        return;
      }
      for (const [key, v] of entries) {
        if (isFreeTextString(def.keyType as z.ZodType)) out.leaves.push({ path: [...path, key], key: true });
        walk(def.valueType as z.ZodType, v, [...path, key], out);
      }
      return;
    }
    case 'union': {
      const branch = (def.options as z.ZodType[]).find((o) => o.safeParse(value).success);
      if (!branch) {
        if (hasFreeText(schema)) out.uncovered.push(`${path.join('.') || '(root)'}: the example fits no branch`);
        return;
      }
      out.branches.add(branch);
      walk(branch, value, path, out);
      return;
    }
    case 'intersection':
      walk(def.left as z.ZodType, value, path, out);
      walk(def.right as z.ZodType, value, path, out);
      return;
    case 'pipe':
      if (!isFormatOutput(def.out as z.ZodType)) walk(def.in as z.ZodType, value, path, out);
      return;
    default:
      throw new Error(`schema walk: unknown zod type ${def.type}`);
  }
}

/** Every union branch in the schema that holds free text: each must be exercised by an example. */
function textBranches(schema: z.ZodType, out = new Set<z.ZodType>(), seen = new Set<z.ZodType>()): Set<z.ZodType> {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const next = (s: unknown) => textBranches(s as z.ZodType, out, seen);
  if (WRAPPERS.has(def.type)) next(def.innerType);
  else if (def.type === 'object') Object.values(def.shape as Record<string, z.ZodType>).forEach(next);
  else if (def.type === 'array') next(def.element);
  else if (def.type === 'record') next(def.valueType);
  else if (def.type === 'intersection') [def.left, def.right].forEach(next);
  else if (def.type === 'pipe' && !isFormatOutput(def.out as z.ZodType)) next(def.in);
  else if (def.type === 'union') {
    for (const option of def.options as z.ZodType[]) {
      if (hasFreeText(option)) out.add(option);
      next(option);
    }
  }
  return out;
}

function withValue(example: unknown, path: Path, key: boolean, text: string): unknown {
  if (path.length === 0) return text;
  const copy = structuredClone(example) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path.slice(0, -1)) target = target[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (key) {
    target[text] = target[last];
    delete target[last];
  } else target[last] = text;
  return copy;
}

// --- examples: one valid input per schema branch that holds text ----------------------

const uuid = '7d0c1f8e-2a4b-4c6d-8e9f-0a1b2c3d4e5f';
const qsortState = { step: 'comments', piles: { '1': 'agree' }, columns: [['1']], comments: { '1': 'Fordi' }, missing: 'Lite', pseudonym: 'Rev' };
const agreement = { specific: 'Vi gjør', measurable: 'Vi ser', acknowledged: 'Leder', realistic: 'Ja', deadline: '2026-12-01', evaluate: 'Neste møte' };
const round = { id: 'a', name: 'Runde', guidance: 'Gjør slik', minutes: 5, speakers: 'all', writers: 'all', turnBased: false };
const command = (c: unknown) => ({ sessionId: uuid, command: c });

const examples: Record<string, { schema: z.ZodType; examples: unknown[] }> = {
  ...Object.fromEntries(
    Object.entries(socketEventSchemas)
      .filter((entry): entry is [string, z.ZodType] => entry[1] !== null)
      .map(([event, schema]) => [event, { schema, examples: [] as unknown[] }]),
  ),
  ...Object.fromEntries(Object.entries(formSchemas).map(([name, schema]) => [name, { schema: schema as z.ZodType, examples: [] as unknown[] }])),
};
const add = (name: string, ...list: unknown[]) => examples[name]!.examples.push(...list);

add(clientEvents.join, { as: 'participant', code: 'ABCDEFGHJ' });
add(
  clientEvents.command,
  command({ type: 'setMessage', message: 'Pause til 10' }),
  command({ type: 'workshop', command: { type: 'clusterCreate', clusterId: 'c1', name: 'Tema' } }),
  command({ type: 'workshop', command: { type: 'clusterRename', clusterId: 'c1', name: 'Tema' } }),
  command({ type: 'supervision', command: { type: 'setCase', case: { framlegg: 'Saken', question: 'Hva nå?' } } }),
  command({ type: 'qsort', command: { type: 'nameFactors', names: [{ name: 'Faktor', description: 'Beskrivelse' }] } }),
  command({ type: 'qsort', command: { type: 'merge', study: { sessionId: '00000000-0000-4000-8000-000000000001', activityId: '' }, merged: true } }),
);
add(clientEvents.updateSelf, { displayName: 'Kari' });
add(clientEvents.yjsToken, { docName: `live.${uuid}.notes` });
add(clientEvents.respond, { findingId: uuid, response: 'nyanserer', comment: 'Delvis' });
add(clientEvents.withdraw, { findingId: uuid });
// Every kind's own events, with the example payload the kind declares.
for (const event of kindEvents) add(event.name, event.example);
add(clientEvents.supervisionOutcome, { type: 'learningPoint', text: 'Lytt mer' }, { type: 'agreement', agreement });
add(clientEvents.qsortSave, { state: qsortState, rev: 1 });
add(clientEvents.qsortHelp, { statement: '1', on: true });
add(clientEvents.qsortResolveHelp, { sortId: uuid });
add(clientEvents.qsortAnalyze, { options: { factors: 2, extraction: 'pca', rotation: 'varimax', flags: { [uuid]: [true, false] } } });
add(clientEvents.qsortCancelAnalysis, {});
add(clientEvents.qsortKeepFactors, { options: { factors: 2, extraction: 'pca', rotation: 'varimax' }, names: [{ name: 'Faktor', description: 'Beskrivelse' }] });
add(clientEvents.qsortAddPaperSort, { columns: [['1', '2'], ['3']], pseudonym: 'Papir' });
add(clientEvents.qsortImportSorts, { text: 'statement,Fil 1\n1,0\n' });
add(clientEvents.qsortMerge, { change: { session: '00000000-0000-4000-8000-000000000001', merged: true } });
add(clientEvents.archiveRetry, { sessionId: uuid });
add('joinBody', { code: 'ABCDEFGH', displayName: 'Kari', attributes: { kontor: 'Oslo' } });
add('resumeBody', { token: 'abc' });
add('registration', { name: 'Ingrid', email: 'ingrid@nav.example', password: 'et-godt-passord' });
add('signIn', { email: 'ingrid@nav.example', password: 'et-godt-passord' });
add('project', { name: 'Prosjekt', description: 'Om', ethicsReference: 'Sikt 1234', consentText: 'Frivillig' });
add('phase', { name: 'Fase 1', description: 'Første' });
add('liveSession', { title: 'Økt' });
add('finding', { title: 'Funn', summary: 'Kort', quotes: ['Sitat'], reflectionQuestion: 'Hvorfor?', theme: 'Tema' });
add('findingStatus', { status: 'bekreftet', note: 'Sett' });
add('findingImport', 'Funn en\nFunn to');
add('workshop', { title: 'Verksted', place: 'Oslo' });
// Every registered kind's default activity, so a new kind's config is walked with no line here;
// the hand-written ones below reach fields and branches the defaults leave empty.
add('activity', ...activityModules.map((m) => m.defaultActivity({ findingIds: [uuid], setId: uuid, templateId: uuid })));
add(
  'activity',
  { kind: 'findings', title: 'Funnrunde', config: { findingIds: [uuid] } },
  { kind: 'reflection', title: 'Refleksjon', config: { prompt: 'Hva?', attribute: 'kontor', grouping: 'attribute' } },
  { kind: 'plenary', title: 'Plenum', config: { wordCloudQuestion: 'Ett ord?' } },
  { kind: 'closing', title: 'Slutt', config: { questions: [{ id: 'q1', text: 'Nyttig?' }], freeTextQuestion: 'Noe mer?' } },
  { kind: 'qsort', title: 'Sortering', config: { setId: uuid } },
  { kind: 'supervision', title: 'Kollegaveiledning', config: { templateId: uuid } },
  { kind: 'question', title: 'Spørsmål', config: { prompt: 'Hvor godt?', format: 'single', options: [{ id: 'o1', text: 'Ja' }, { id: 'o2', text: 'Nei' }], lowLabel: 'Lite', highLabel: 'Mye' } },
);
add('statementSetName', { name: 'Utsagn' });
add('newStatement', { text: 'Jeg trives' });
add('statement', { code: 1, text: 'Jeg trives' });
add('instructions', { read: 'Les alle' });
add('template', { name: 'Mal', description: 'Om', allowSkip: false, rounds: [round] });
add('supervisionGroup', { name: 'Gruppe', templateId: uuid });
add('qsortExport', { format: 'csv' });
add('archiveSearch', { sok: 'veileder', tema: 'Tillit' });
add('archiveTag', { name: 'Relasjon' });

// A generated fødselsnummer (both mod-11 control digits), written the two ways every detector catches.
function nationalId(seed: number): string {
  for (let i = seed; ; i++) {
    const nine = `${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(50 + (i % 40))}${String(100 + ((i * 37) % 800))}`;
    const d = Array.from(nine, Number);
    const c = (ws: number[], ds: number[]) => {
      const r = 11 - (ws.reduce((s, w, j) => s + w * ds[j]!, 0) % 11);
      return r === 11 ? 0 : r === 10 ? null : r;
    };
    const k1 = c([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
    const k2 = k1 === null ? null : c([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
    if (k1 !== null && k2 !== null) return `${nine}${k1}${k2}`;
  }
}

function leavesOf(name: string) {
  const { schema, examples: list } = examples[name]!;
  const out: Walk = { leaves: [], uncovered: [], branches: new Set() };
  const cases: { example: unknown; path: Path; key: boolean }[] = [];
  for (const example of list) {
    const before = out.leaves.length;
    walk(schema, example, [], out);
    for (const leaf of out.leaves.slice(before)) cases.push({ example, ...leaf });
  }
  const missedBranches = [...textBranches(schema)].filter((b) => !out.branches.has(b)).length;
  return { schema, list, cases, uncovered: out.uncovered, missedBranches };
}

describe('every client→server schema guards every typed string', () => {
  it('lists every socket event: the core ones and every kind\'s own', () => {
    expect(Object.keys(socketEventSchemas).sort()).toEqual([...Object.values(clientEvents), ...kindEvents.map((e) => e.name)].sort());
  });

  describe.each(Object.keys(examples))('%s', (name) => {
    const walked = leavesOf(name);

    it('has valid examples that reach every text field and branch', () => {
      const textual = hasFreeText(walked.schema);
      if (textual) expect(walked.list.length, 'add an example for this schema').toBeGreaterThan(0);
      for (const example of walked.list) expect(walked.schema.safeParse(example).error?.issues ?? []).toEqual([]);
      expect(walked.uncovered).toEqual([]);
      expect(walked.missedBranches, 'a union branch with text has no example').toBe(0);
      if (textual) expect(walked.cases.length).toBeGreaterThan(0);
    });

    it.each([
      ['contiguous', (id: string) => `Bruker ${id}`],
      ['DDMMYY IIIKK', (id: string) => `${id.slice(0, 6)} ${id.slice(6)}`],
    ])('refuses a fødselsnummer (%s) in each field with PERSONAL_DATA', (_, spell) => {
      walked.cases.forEach(({ example, path, key }, i) => {
        const id = nationalId(i * 7 + name.length);
        const parsed = walked.schema.safeParse(withValue(example, path, key, spell(id)));
        const where = `${name} at ${path.join('.') || '(root)'}${key ? ' (key)' : ''}`;
        expect(parsed.success, `${where} accepted a fødselsnummer`).toBe(false);
        expect(parseFailure(parsed.error!, 'x').error.code, where).toBe('PERSONAL_DATA');
        if (!key) expect(personalDataPaths(parsed.error!), where).toContain(path.join('.'));
      });
    });
  });
});

/**
 * The same walk with every spelling a probe uses (hyphen, dots, tabs, other scripts, zero-width
 * characters...). Needs the spelling-proof detector from branch i10-detect: on a branch without
 * it, the spellings the old detector misses fail here, and pass once both are merged.
 */
describe('every client→server schema refuses a fødselsnummer in every spelling (needs the i10-detect detector)', () => {
  const rng = seededRng(10);
  describe.each(Object.keys(examples))('%s', (name) => {
    const walked = leavesOf(name);
    it.each(namedSpellings(validNationalId(rng)))('refuses the %s spelling in each field', (_, spelled) => {
      for (const { example, path, key } of walked.cases) {
        const parsed = walked.schema.safeParse(withValue(example, path, key, spelled));
        expect(parsed.success && `${name} at ${path.join('.')} accepted ${JSON.stringify(spelled)}`).toBe(false);
        expect(parseFailure(parsed.error!, 'x').error.code).toBe('PERSONAL_DATA');
      }
    });
  });
});
