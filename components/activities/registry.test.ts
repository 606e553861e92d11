import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages } from '@/i18n/catalogue';
import { locales } from '@/i18n/locales';
import { activityKinds, talliedModules } from '@/lib/activities/registry';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import type { EditorOptions } from './contract';
import { activityMessages } from './message-files';
import { phoneParts } from './phone-parts';
import { resultsParts } from './results-parts';
import { activityMessageFiles, activityUi, uiKinds } from './registry';

/** Function components, and the objects React makes of forwardRef / memo components (the Aksel icons). */
const isComponent = (value: unknown) =>
  typeof value === 'function' || (typeof value === 'object' && value !== null && '$$typeof' in value);

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

const readMessages = async (locale: string, file: string) =>
  JSON.parse(await readFile(path.join(__dirname, '../../messages', `${locale}.${file}.json`), 'utf8')) as Record<string, unknown>;

const tallied = new Set<string>(talliedModules.map((m) => m.kind));

describe('activity UI registry', () => {
  it('has a module for every registered kind, in the editor order', () => {
    expect([...uiKinds]).toEqual([...activityKinds]);
    expect(Object.keys(activityUi).sort()).toEqual([...activityKinds].sort());
  });

  describe.each([...activityKinds])('%s', (kind) => {
    const ui = activityUi[kind];

    it('provides every part of the contract', () => {
      expect(ui.kind).toBe(kind);
      expect(isComponent(ui.icon)).toBe(true);
      expect(isComponent(ui.editor.Fields)).toBe(true);
      expect(typeof ui.editor.useSummary).toBe('function');
      expect(typeof ui.editor.blockedReason).toBe('function');
      expect(ui.controls).toBeTypeOf('object');
      expect(isComponent(ui.Participant)).toBe(true);
      expect(isComponent(ui.Console)).toBe(true);
      expect(isComponent(ui.Screen)).toBe(true);
      for (const part of [ui.ConsoleAfterwards, ui.ScreenAfterwards]) if (part !== undefined) expect(isComponent(part)).toBe(true);
    });

    it(tallied.has(kind) ? 'shows its tally (it has results)' : 'has no results view (it keeps no tally)', () => {
      expect(isComponent(ui.Results)).toBe(tallied.has(kind));
    });

    it('has its own message file in every locale, with the same keys', async () => {
      const { namespace, file } = ui.messages;
      const byLocale = await Promise.all(locales.map((locale) => readMessages(locale, file)));
      for (const messages of byLocale) {
        const own = messages[namespace] as Record<string, unknown> | undefined;
        expect(own, `${file}: namespace ${namespace}`).toBeTypeOf('object');
        expect(own!.kind).toBeTypeOf('string');
        expect(own!.kindHelp).toBeTypeOf('string');
        expect(keys(messages).sort()).toEqual(keys(byLocale[0]!).sort());
      }
    });

    it('has its message file loaded by the catalogue', async () => {
      const { namespace, file } = ui.messages;
      expect(activityMessageFiles).toContain(file);
      // The light list the server's i18n reads names the same file as the kind's UI module.
      expect(activityMessages[ui.kind]).toBe(ui.messages);
      for (const locale of locales) {
        const loaded = (await loadMessages(locale)) as unknown as Record<string, unknown>;
        expect(loaded[namespace]).toEqual((await readMessages(locale, file))[namespace]);
      }
    });
  });

  it('gives the phone a part of its own for every kind, loaded per kind', () => {
    expect(Object.keys(phoneParts).sort()).toEqual([...uiKinds].sort());
    for (const kind of uiKinds) expect(phoneParts[kind], kind).not.toBe(activityUi[kind].Participant);
  });

  it('draws every tally through a part loaded per kind, for exactly the kinds with results', () => {
    expect(Object.keys(resultsParts).sort()).toEqual(uiKinds.filter((kind) => activityUi[kind].Results).sort());
  });

  it('uses one message namespace per kind', () => {
    const namespaces = uiKinds.map((kind) => activityUi[kind].messages.namespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
});

describe('add menu: why a kind cannot be added now', () => {
  const none: EditorOptions = { findings: [], sets: [], templates: [] };
  const some: EditorOptions = {
    findings: [{ id: 'f1', title: 'Funn', theme: '' }],
    sets: [{ id: 's1', name: 'Sett', count: 9, gridFits: true }],
    templates: [{ id: 't1', name: 'Mal', rounds: 5 }],
  };
  const agendaWith = (...kinds: AgendaActivity['kind'][]) => kinds.map((kind, i) => ({ id: `a${i}`, kind }) as AgendaActivity);
  const reasons = (agenda: readonly AgendaActivity[], options: EditorOptions) =>
    Object.fromEntries(uiKinds.map((kind) => [kind, activityUi[kind].editor.blockedReason(agenda, options)]));

  it('blocks the kinds whose material the project lacks', () => {
    expect(reasons([], none)).toEqual({ findings: 'noFindingsToAdd', reflection: null, plenary: null, closing: null, qsort: 'noSetsToAdd', supervision: 'noTemplatesToAdd', question: null });
  });

  it('offers every kind when the material is there', () => {
    expect(Object.values(reasons([], some)).every((why) => why === null)).toBe(true);
  });

  it('refuses a Q-sort whose only set does not fit its grid', () => {
    expect(activityUi.qsort.editor.blockedReason([], { ...some, sets: [{ id: 's1', name: 'Sett', count: 9, gridFits: false }] })).toBe('noSetsToAdd');
  });

  it('offers a second Q-sort and kollegaveiledning on an agenda that has one', () => {
    expect(reasons(agendaWith('qsort', 'supervision', 'plenary'), some)).toMatchObject({ qsort: null, supervision: null, plenary: null });
  });
});
