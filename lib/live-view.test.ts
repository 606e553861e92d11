import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialLiveSessionState, type LiveSessionState } from './live-session';
import { myGroup, participantViewKeys, publicSessionStateSchema, viewFor } from './live-view';
import { screenAnalysis, type PublicAnalysis } from './qsort/analysis';
import { startSupervision } from './supervision/engine';
import { activityKinds, activityTexts, defaultActivity, type AgendaActivity } from './activities/registry';
import { startWorkshop } from './workshop/runtime';
import { workshopViewOf } from './workshop/view';

const ids = Array.from({ length: 9 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
const alias = (id: string) => `alias-of-${id.slice(-4)}`;

/** A workshop in group work (three groups) with a kollegaveiledning seated beside it. */
function state(): LiveSessionState {
  const workshop = {
    ...startWorkshop({ workshopId: ids[0]!, allowNames: false, minRevealCount: 3, activities: [] }),
    groups: [
      { id: 'g1', name: 'Gruppe 1', memberIds: [ids[1]!, ids[2]!, ids[3]!] },
      { id: 'g2', name: 'Gruppe 2', memberIds: [ids[4]!, ids[5]!] },
      { id: 'g3', name: 'Gruppe 3', memberIds: [ids[6]!] },
    ],
    ready: ['g2'],
  };
  const supervision = {
    ...startSupervision({ groupId: null, templateName: 'Mal', allowSkip: true, rounds: [], previousAgreements: [] }),
    members: [
      { id: ids[1]!, name: 'Kari', role: 'case_owner' as const },
      { id: ids[4]!, name: 'Ola', role: 'participant' as const },
      { id: ids[7]!, name: 'Per', role: 'referent' as const },
    ],
    turn: { queue: [ids[4]!, ids[7]!], index: 1, passed: [ids[4]!] },
  };
  return { ...initialLiveSessionState(), workshop, supervision };
}

const participantIds = ids.slice(1);
const others = (json: string, me: string | null) => participantIds.filter((id) => id !== me && json.includes(id));

describe('viewFor', () => {
  it('gives facilitators the whole state', () => {
    expect(viewFor(state(), { role: 'facilitator' }, alias)).toEqual(state());
  });

  it('gives a participant no other participant id, only their own group marked and counted', () => {
    for (const me of participantIds) {
      const view = viewFor(state(), { role: 'participant', participantId: me }, alias);
      expect(others(JSON.stringify(view), me)).toEqual([]);
      expect(view.workshop!.groups.map((g) => g.memberCount)).toEqual([3, 2, 1]);
      expect(view.workshop!.groups.every((g) => g.memberIds.length === 0)).toBe(true);
      const own = state().workshop!.groups.find((g) => g.memberIds.includes(me));
      expect(myGroup(view.workshop!)?.id).toBe(own?.id);
      expect(publicSessionStateSchema.safeParse(view).success).toBe(true);
    }
  });

  it('lets kollegaveiledning members see each other by name, and themselves by id', () => {
    const view = viewFor(state(), { role: 'participant', participantId: ids[4]! }, alias);
    expect(view.supervision!.members).toEqual([
      { id: alias(ids[1]!), name: 'Kari', role: 'case_owner' },
      { id: ids[4], name: 'Ola', role: 'participant' },
      { id: alias(ids[7]!), name: 'Per', role: 'referent' },
    ]);
    expect(view.supervision!.turn).toEqual({ queue: [ids[4], alias(ids[7]!)], index: 1, passed: [ids[4]] });
  });

  it('leaves out which Q-sorts the facilitator flagged by hand', () => {
    const qsort = { setId: ids[0]!, setName: 'S', grid: { min: -1, counts: [1, 1, 1] }, instructions: {}, statements: [], open: false, factorNames: [], merged: [],
      display: { factors: 2, extraction: 'pca' as const, rotation: 'varimax' as const, flags: { 'sort-1': [true, false] } } };
    const s = { ...state(), qsort } as LiveSessionState;
    expect(viewFor(s, { role: 'presenter' }, alias).qsort?.display).toEqual({ factors: 2, extraction: 'pca', rotation: 'varimax', flags: undefined });
    expect(viewFor(s, { role: 'facilitator' }, alias).qsort?.display?.flags).toEqual({ 'sort-1': [true, false] });
  });

  it('gives the big screen names and counts, no ids', () => {
    const view = viewFor(state(), { role: 'presenter' }, alias);
    expect(others(JSON.stringify(view), null)).toEqual([]);
    expect(myGroup(view.workshop!)).toBeNull();
    expect(view.workshop!.groups.map((g) => [g.name, g.memberCount])).toEqual([['Gruppe 1', 3], ['Gruppe 2', 2], ['Gruppe 3', 1]]);
  });

  it('tells the screen how far its pages were turned, and phones nothing (their view stays the same)', () => {
    const turned = { ...state(), screenTurns: 3 };
    expect(viewFor(turned, { role: 'presenter' }, alias).screenTurns).toBe(3);
    expect(viewFor(turned, { role: 'participant', participantId: 'p1' }, alias)).toEqual(viewFor(state(), { role: 'participant', participantId: 'p1' }, alias));
  });

  it('never leaks another participant id, for any grouping', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3 }), { minLength: 8, maxLength: 8 }), fc.nat({ max: 7 }), (placement, pick) => {
        const groups = ['g1', 'g2', 'g3', 'g4'].map((id, g) => ({ id, name: id, memberIds: participantIds.filter((_, i) => placement[i] === g) }));
        const s = { ...state(), workshop: { ...state().workshop!, groups } };
        const me = participantIds[pick]!;
        expect(others(JSON.stringify(viewFor(s, { role: 'participant', participantId: me }, alias)), me)).toEqual([]);
      }),
    );
  });
});

describe('viewFor, per step', () => {
  /** A workshop whose Q-sort step (a-q) and kollegaveiledning step (a-s) are frozen in `prepared`; the room stands on `current`. */
  function nested(current: number): LiveSessionState {
    const activities = [
      { id: 'a-q', kind: 'qsort', title: 'Q', config: { setId: ids[0]! } },
      { id: 'a-s', kind: 'supervision', title: 'K', config: { templateId: ids[0]! } },
    ] as unknown as Parameters<typeof startWorkshop>[0]['activities'];
    const qsort = { setId: ids[0]!, setName: 'S', grid: { min: -1, counts: [1, 1, 1] }, instructions: {}, statements: [{ id: '1', text: 'Et utsagn' }], open: false, display: null, factorNames: [], merged: [], activityId: 'a-q' };
    const supervision = { ...startSupervision({ groupId: null, templateName: 'Mal', allowSkip: true, rounds: [], previousAgreements: [] }), activityId: 'a-s' };
    const prepared = { 'a-q': { kind: 'qsort', runtime: qsort }, 'a-s': { kind: 'supervision', runtime: supervision } } as unknown as Parameters<typeof startWorkshop>[0]['prepared'];
    const workshop = { ...startWorkshop({ workshopId: ids[0]!, allowNames: false, minRevealCount: 3, activities, prepared }), current, hiddenItems: ['note-1'] };
    return { ...initialLiveSessionState(), workshop, qsort, supervision } as LiveSessionState;
  }

  it('sends the screen and phones no frozen runtimes of nested steps, and phones no moderation list', () => {
    const full = nested(1);
    expect(Object.keys(viewFor(full, { role: 'facilitator' }, alias).workshop!.prepared)).toEqual(['a-q', 'a-s']);
    const screen = viewFor(full, { role: 'presenter' }, alias);
    const phone = viewFor(full, { role: 'participant', participantId: ids[1]! }, alias);
    expect(['prepared' in screen.workshop!, 'prepared' in phone.workshop!]).toEqual([false, false]);
    expect([screen.workshop!.hiddenItems, phone.workshop!.hiddenItems]).toEqual([['note-1'], []]);
  });

  it('keeps a nested Q-sort the room has left in every view, so phones see that its sorting has closed', () => {
    const phone = viewFor(nested(1), { role: 'participant', participantId: ids[1]! }, alias);
    expect([phone.qsort?.activityId, phone.qsort?.open, phone.supervision?.activityId]).toEqual(['a-q', false, 'a-s']);
    expect(publicSessionStateSchema.safeParse(phone).success).toBe(true);
  });
});

describe('viewFor, every kind at every step', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  /** Two of every kind, each step pointing at material of its own (finding, set and template ids). */
  const agenda: AgendaActivity[] = [...activityKinds, ...activityKinds].map((kind, i) => {
    const refs = { findingIds: [uuid(100 + i), uuid(200 + i)], setId: uuid(300 + i), templateId: uuid(400 + i) };
    const input = defaultActivity(kind, refs);
    if (!input) throw new Error(`no default ${kind}`);
    return { ...input, id: `step-${i}`, title: `Steg ${i}` } as AgendaActivity;
  });
  /** What of a step's config could show up in a view: its ids and every text the privacy guard checks. */
  const traces = (a: AgendaActivity) => [
    ...(JSON.stringify(a.config).match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}/g) ?? []),
    ...activityTexts(a).slice(1).map(([, text]) => text).filter((t) => t.length > 3),
  ];

  it('sends the screen and phones the current step only, and no other participant id', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: agenda.length - 1 }), fc.array(fc.nat({ max: 2 }), { minLength: 8, maxLength: 8 }), fc.nat({ max: 8 }), (current, placement, pick) => {
        const groups = ['g1', 'g2', 'g3'].map((id, g) => ({ id, name: id, memberIds: participantIds.filter((_, i) => placement[i] === g) }));
        const workshop = { ...startWorkshop({ workshopId: ids[0]!, allowNames: false, minRevealCount: 3, activities: agenda }), current, groups };
        const full = { ...state(), workshop };
        const me = pick < participantIds.length ? participantIds[pick]! : null;
        const view = viewFor(full, me ? { role: 'participant', participantId: me } : { role: 'presenter' }, alias);
        const json = JSON.stringify(view.workshop);
        const mine = new Set(current >= 0 ? traces(agenda[current]!) : []);
        for (const [i, other] of agenda.entries()) {
          if (i === current) continue;
          expect(traces(other).filter((t) => !mine.has(t) && json.includes(t))).toEqual([]);
        }
        expect(others(JSON.stringify(view), me)).toEqual([]);
        expect(view.workshop!.agenda).toEqual(agenda.map(({ id, kind, title }) => ({ id, kind, title })));
        expect(view.workshop!.activity?.id ?? null).toBe(agenda[current]?.id ?? null);
        expect(workshopViewOf(view.workshop!)).toBe(view.workshop);
        expect(publicSessionStateSchema.safeParse(view).success).toBe(true);
      }),
    );
  });
});

describe('participantViewKeys', () => {
  it('puts together those who get the same view: one per group, one per seat', () => {
    const keys = participantViewKeys(state());
    expect([...keys.entries()]).toEqual([
      ['g:g1|m:' + ids[1], [ids[1]]],
      ['g:g1', [ids[2], ids[3]]],
      ['g:g2|m:' + ids[4], [ids[4]]],
      ['g:g2', [ids[5]]],
      ['g:g3', [ids[6]]],
      ['m:' + ids[7], [ids[7]]],
    ]);
    for (const members of keys.values()) {
      const views = members.map((id) => JSON.stringify(viewFor(state(), { role: 'participant', participantId: id }, alias)));
      expect(new Set(views).size).toBe(1);
    }
  });
});

describe('screenAnalysis', () => {
  it('leaves out the array of a factor that only one sort defines', () => {
    const factor = (number: number, definingSorts: number) => ({ number, label: String(number), name: `F${number}`, description: '', definingSorts, array: { '1': 2 }, distinguishing: [{ id: '1', value: 2, z: 1.2 }] });
    const view: PublicAnalysis = { sortCount: 5, statements: [], factors: [factor(1, 4), factor(2, 1)], consensus: [] };
    expect(screenAnalysis(view).factors).toEqual([factor(1, 4), { ...factor(2, 1), array: null, distinguishing: [] }]);
  });
});
