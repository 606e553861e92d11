import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validNationalId, seededRng } from '../../test/personal-numbers';
import { initialLiveSessionState } from '../live-session';
import { isOpaque } from '../privacy/free-text';
import { clientEvents, type YjsDocRef } from '../protocol';
import { startWorkshop, workshopRuntimeSchema, type WorkshopContext } from '../workshop/runtime';
import { namesBeforeRegistry, type ActivityKindModule, type DefaultRefs, type KindEvents, type KindResults } from './contract';
import { activityInputSchema, activityKinds, activityModules, activityResultsSchema, activityTexts, feedbackKindRules, kindEvents, moduleOf, preparedActivitySchema, type AgendaActivity } from './registry';
import type { AnswerRow } from './tally-kit';

/**
 * The registry's promise: a registered kind has every part of the contract, and each part
 * behaves. A new kind that leaves a part out, or leaves a typed text unguarded, fails here.
 */

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** Material enough that every kind has a default. */
const refs: DefaultRefs = { findingIds: [uuid(1), uuid(2)], setId: uuid(3), templateId: uuid(4) };
type Module = ActivityKindModule<string, Record<string, unknown>, KindResults, unknown, KindEvents, string>;
const modules = activityModules as unknown as readonly Module[];

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The paths of every free-text string the example reaches in the schema (not ids, formats, enums or opaque keys). */
function freeTextPaths(schema: z.ZodType, value: unknown, path: string[] = []): string[] {
  const def = defOf(schema);
  if (def.type === 'string') {
    const checks = (def.checks as { _zod: { def: { check: string } } }[] | undefined) ?? [];
    return def.format || isOpaque(schema) || checks.some((c) => c._zod.def.check === 'string_format') ? [] : [path.join('.')];
  }
  if (WRAPPERS.has(def.type)) return freeTextPaths(def.innerType as z.ZodType, value, path);
  if (def.type === 'object') {
    return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, s]) => freeTextPaths(s, (value as Record<string, unknown>)?.[key], [...path, key]));
  }
  if (def.type === 'array') return ((value as unknown[]) ?? []).flatMap((item, i) => freeTextPaths(def.element as z.ZodType, item, [...path, String(i)]));
  if (['number', 'boolean', 'enum', 'literal'].includes(def.type)) return [];
  throw new Error(`config walk: no rule for zod type ${def.type} at ${path.join('.')}`);
}

const at = (value: unknown, path: string) => path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)?.[key], value);
const setAt = (value: unknown, path: string, text: string): unknown => {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((v, key) => v[key] as Record<string, unknown>, copy);
  parent[keys.at(-1)!] = text;
  return copy;
};

const ctx: WorkshopContext = {
  now: 1_000_000,
  participants: [1, 2, 3, 4, 5, 6].map((n) => ({ id: uuid(100 + n), attributes: {} })),
  random: seededRng(7),
  groupName: (n) => `Gruppe ${n}`,
};

const defaultOf = (m: Module): AgendaActivity => ({ ...(m.defaultActivity(refs) as AgendaActivity), id: `a-${m.kind}` });

/** One stored answer of each of the kind's answer kinds, from `participant`, pointing at the activity's first item. */
function answersOf(m: Module, activity: AgendaActivity, participant: string): AnswerRow[] {
  const config = JSON.stringify(activity.config);
  const firstUuid = config.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)?.[0] ?? null;
  const firstId = config.match(/"id":"([^"]+)"/)?.[1] ?? 'item';
  return (m.results?.answerKinds ?? []).map((kind, i) => ({
    id: `${participant}-${i}`,
    kind,
    participantId: participant,
    findingId: firstUuid,
    itemKey: firstId,
    response: 'kjenner_igjen',
    text: 'svar',
    value: 1,
    data: { votes: {} },
    updatedAt: i,
    redactedAt: null,
  }));
}

/** Every number and every answer text in a view (ids and the kind's own tags left out). */
function leaked(view: unknown, key = ''): unknown[] {
  if (typeof view === 'number') return [view];
  if (typeof view === 'string') return ['kind', 'activityId', 'findingId', 'id'].includes(key) ? [] : [view];
  if (Array.isArray(view)) return view.flatMap((v) => leaked(v, key));
  if (view && typeof view === 'object') return Object.entries(view).flatMap(([k, v]) => leaked(v, k));
  return [];
}

describe('the activity registry', () => {
  it('lists each kind once, in menu order, under its own name', () => {
    expect(activityKinds).toEqual(modules.map((m) => m.kind));
    expect(new Set(activityKinds).size).toBe(activityKinds.length);
    for (const m of modules) expect(moduleOf(m.kind)).toBe(m);
  });

  it('gives each event and each stored feedback kind one owner, apart from the core events', () => {
    const names = kindEvents.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(Object.values(clientEvents), name).not.toContain(name);
    const stored = modules.flatMap((m) => Object.keys(m.feedback));
    expect(new Set(stored).size).toBe(stored.length);
    expect(Object.keys(feedbackKindRules).sort()).toEqual([...stored].sort());
  });

  describe.each(modules.map((m) => [m.kind, m] as const))('%s', (_kind, m) => {
    it('has a default that parses with its config schema and the agenda union', () => {
      const draft = m.defaultActivity(refs);
      expect(draft?.kind).toBe(m.kind);
      expect(m.configSchema.parse(draft!.config)).toEqual(draft!.config);
      expect(activityInputSchema.parse(draft)).toEqual(draft);
    });

    it('hands every free-text field of its config to the privacy guard, and each is guarded', () => {
      const { config } = m.defaultActivity(refs)!;
      const fields = freeTextPaths(m.configSchema, config);
      expect(m.texts(config).map(([field]) => field).sort()).toEqual([...fields].sort());
      for (const [field, text] of m.texts(config)) expect(text).toBe(at(config, field));
      for (const field of fields) {
        const refused = m.configSchema.safeParse(setAt(config, field, `Ring ${validNationalId(seededRng(field.length))}`));
        expect(refused.success, field).toBe(false);
      }
      expect(activityTexts(m.defaultActivity(refs) as AgendaActivity)[0]).toEqual(['title', m.defaultActivity(refs)!.title]);
    });

    it('names its answer payloads by client event: a core one or one of its own', () => {
      const own = Object.values(m.events).map((e) => e.name);
      for (const [event, schema] of Object.entries(m.answers)) {
        expect([...Object.values(clientEvents), ...own], event).toContain(event);
        expect(typeof (schema as z.ZodType).safeParse).toBe('function');
      }
    });

    it('declares each of its own events completely, with an example its schema takes', () => {
      for (const [key, event] of Object.entries(m.events)) {
        if (!namesBeforeRegistry.has(event.name)) expect(event.name, key).toMatch(new RegExp(`^${m.kind}:[a-zA-Z]+$`));
        expect(['join', 'answer', 'command', 'read', 'analysis'], key).toContain(event.rateClass);
        expect(['participants', 'sessionMembers', 'facilitators'], key).toContain(event.senders);
        expect(event.refusedOutside, key).toMatch(/^[A-Z_]+$/);
        expect(event.schema.safeParse(event.example).success, key).toBe(true);
        // An event the kind stores answers under is listed with its payloads, under the same schema.
        if (m.answers[event.name]) expect(m.answers[event.name], key).toBe(event.schema);
      }
    });

    it('declares redaction and retention rules for every feedback kind it stores', () => {
      for (const stored of m.results?.answerKinds ?? []) expect(Object.keys(m.feedback), stored).toContain(stored);
      for (const [stored, rules] of Object.entries(m.feedback)) {
        expect(stored).toMatch(/^[a-z_]+$/);
        expect(typeof rules.dataWithoutText, stored).toBe('boolean');
        expect(typeof rules.resendable, stored).toBe('boolean');
        expect(['clear', 'keep', 'word'], stored).toContain(rules.retention.text);
        expect(rules.retention.data === '*' || Array.isArray(rules.retention.data), stored).toBe(true);
      }
    });

    it('keeps the runtime valid when the room enters and leaves it', () => {
      const activity = defaultOf(m);
      const other = defaultOf(modules.find((o) => o.kind !== m.kind && !o.nested)!);
      let rt = startWorkshop({ workshopId: uuid(9), allowNames: false, minRevealCount: 3, activities: [activity, other] });
      rt = { ...rt, current: 0 };
      const entered = m.onEnter ? m.onEnter(rt, activity, ctx, null) : rt;
      expect(workshopRuntimeSchema.parse(entered)).toEqual(entered);
      expect(entered.current).toBe(0);
      const left = m.onLeave ? m.onLeave(entered, activity, ctx) : entered;
      expect(workshopRuntimeSchema.parse(left)).toEqual(left);
      if (m.steps) expect(m.steps(activity)).toBeGreaterThan(0);
      if (m.joinQuestions) expect(m.joinQuestions(activity.config)).toEqual(expect.any(Array));
    });

    it('tallies its answers, and shows nothing of them below the minimum count', () => {
      // A kind without a tally says so explicitly (it reports through its own events).
      if (!m.results) return expect(m.results).toBeNull();
      const activity = defaultOf(m);
      const results = m.results;
      expect(results.answerKinds.length).toBeGreaterThan(0);
      const one = answersOf(m, activity, 'p1');
      const full = results.tally(activity, 0, one);
      expect(results.schema.parse(full)).toEqual(full);
      expect(activityResultsSchema.parse(full)).toEqual(full);
      expect(full).toMatchObject({ kind: m.kind, activityId: activity.id });
      // The facilitator's tally counts the answer; the public one does not show it alone.
      expect(leaked(full).some((v) => typeof v === 'number' && v > 0)).toBe(true);
      expect(leaked(results.publicView(full, 3, new Set()))).toEqual([]);
      for (const row of one) expect(results.streamOf(row)).toEqual(expect.any(String));
      const three = ['p1', 'p2', 'p3'].flatMap((p) => answersOf(m, activity, p));
      const shown = results.publicView(results.tally(activity, 0, three), 3, new Set());
      expect(leaked(shown).some((v) => typeof v === 'number' && v >= 3)).toBe(true);
    });

    it('owns the Yjs documents it declares, and refuses them outside a running activity', () => {
      if (!m.docs) return expect(m.docs).toBeNull();
      expect(m.docs.refKinds.length).toBeGreaterThan(0);
      const others = modules.filter((o) => o !== m).flatMap((o) => o.docs?.refKinds ?? []);
      for (const kind of m.docs.refKinds) {
        expect(others).not.toContain(kind);
        const ref = { kind, sessionId: uuid(20), activityId: 'a', groupId: 'g', participantId: uuid(21), roundId: 'r' } as YjsDocRef;
        const judged = m.docs.access({ status: 'running', state: initialLiveSessionState() }, { role: 'participant', participantId: uuid(21) }, ref, 0);
        expect(judged.ok).toBe(false);
      }
    });

    it('freezes what it needs and follows the agenda when it runs a nested session', () => {
      if (!m.nested) return expect(m.nested).toBeNull();
      const activity = defaultOf(m);
      const elsewhere = startWorkshop({ workshopId: uuid(9), allowNames: false, minRevealCount: 3, activities: [activity] });
      const room = { qsort: null, supervision: null, workshop: elsewhere };
      // Not on the activity yet (welcome screen): nothing is opened or parked.
      expect(m.nested.follow(room, () => [])).toEqual(room);
      expect(preparedActivitySchema.safeParse({ kind: m.kind, runtime: {} }).success).toBe(false);
    });
  });
});
