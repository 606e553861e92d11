import { describe, expect, it } from 'vitest';
import { decide, initialLiveSessionState, type DecideContext, type SessionCore } from '../live-session';
import type { QsortRuntime } from '../qsort/runtime';
import { startSupervision } from '../supervision/engine';
import { builtinTemplates } from '../supervision/template';
import { defaultActivity } from './agenda';
import { followAgenda, neutralNumber, nestedIsCurrent, seatInWorkshop } from './nested';
import { startWorkshop, type WorkshopCommand, type WorkshopRuntime } from './runtime';

const setId = '6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';
const templateId = '7a1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';
const facilitator = { kind: 'facilitator', userId: 'u1' } as const;
const people = [{ id: 'p1', attributes: {}, displayName: 'Kari' }, { id: 'p2', attributes: {}, displayName: null }, { id: 'p3', attributes: {} }];
const ctx: DecideContext = { now: 1_000, participants: people, random: () => 0.5, groupName: String };

const frozenQsort: QsortRuntime = {
  setId,
  setName: 'Utsagn',
  grid: { min: -1, counts: [1, 1, 1] },
  instructions: {},
  statements: [{ id: '1', text: 'a' }, { id: '2', text: 'b' }, { id: '3', text: 'c' }],
  open: true,
  display: null,
  factorNames: [],
} as unknown as QsortRuntime;
const standard = builtinTemplates.standard;
const frozenSupervision = startSupervision({ groupId: null, templateName: standard.name, allowSkip: false, rounds: standard.rounds, previousAgreements: [] });

function workshop(allowNames: boolean): WorkshopRuntime {
  const activities = [
    { ...defaultActivity('qsort', { findingIds: [], setId })!, id: 'a-q' },
    { ...defaultActivity('plenary', [])!, id: 'a-p' },
    { ...defaultActivity('supervision', { findingIds: [], templateId })!, id: 'a-s' },
  ];
  return startWorkshop({
    workshopId: setId,
    allowNames,
    minRevealCount: 3,
    activities,
    prepared: { 'a-q': { kind: 'qsort', runtime: { ...frozenQsort, activityId: 'a-q' } }, 'a-s': { kind: 'supervision', runtime: { ...frozenSupervision, activityId: 'a-s' } } },
  });
}

const session = (allowNames = false): SessionCore => ({ status: 'open', state: { ...initialLiveSessionState(), workshop: workshop(allowNames) } });
function step(s: SessionCore, command: WorkshopCommand): SessionCore {
  const decided = decide(s, { type: 'workshop', command }, facilitator, ctx);
  if (!decided.ok) throw new Error(decided.code);
  return decided.next;
}

describe('nested activities in a workshop', () => {
  it('opens the frozen Q-sort when the room enters it, with the activity id kept', () => {
    const entered = step(session(), { type: 'next' });
    expect(entered.state.qsort).toEqual({ ...frozenQsort, activityId: 'a-q', open: true });
    expect(nestedIsCurrent(entered.state.workshop, entered.state.qsort)).toBe(true);
  });

  it('closes sorting but keeps the Q-sort (and its analysis choices) when the room moves on, and reopens it on the way back', () => {
    const entered = step(session(), { type: 'next' });
    const displayed = decide(entered, { type: 'qsort', command: { type: 'display', options: { factors: 2, extraction: 'centroid', rotation: 'varimax' } } }, facilitator, ctx);
    if (!displayed.ok) throw new Error('refused');
    const plenary = step(displayed.next, { type: 'next' });
    expect(plenary.state.qsort?.open).toBe(false);
    expect(plenary.state.qsort?.display?.factors).toBe(2);
    expect(nestedIsCurrent(plenary.state.workshop, plenary.state.qsort)).toBe(false);
    // Analysis commands still work after moving on.
    expect(decide(plenary, { type: 'qsort', command: { type: 'display', options: null } }, facilitator, ctx).ok).toBe(true);
    // …but sorting cannot be reopened from another step.
    expect(decide(plenary, { type: 'qsort', command: { type: 'setOpen', open: true } }, facilitator, ctx)).toEqual({ ok: false, code: 'CONFLICT' });
    const back = step(plenary, { type: 'previous' });
    expect(back.state.qsort).toMatchObject({ open: true, display: { factors: 2 }, activityId: 'a-q' });
  });

  it('starts the kollegaveiledning from the frozen template and seats the room under neutral labels when anonymous', () => {
    const entered = step(session(false), { type: 'goTo', index: 2 });
    const sup = entered.state.supervision!;
    expect(sup.activityId).toBe('a-s');
    expect(sup.rounds.map((r) => r.id)).toEqual(standard.rounds.map((r) => r.id));
    expect(sup.members.map((m) => [m.id, m.name])).toEqual([['p1', 'Deltaker 1'], ['p2', 'Deltaker 2'], ['p3', 'Deltaker 3']]);
  });

  it('uses names the participants gave when the workshop allows names', () => {
    const entered = step(session(true), { type: 'goTo', index: 2 });
    expect(entered.state.supervision!.members.map((m) => m.name)).toEqual(['Kari', 'Deltaker 2', 'Deltaker 3']);
  });

  it('refuses kollegaveiledning commands while it is not the current step, and resumes it unchanged', () => {
    const entered = step(session(), { type: 'goTo', index: 2 });
    const owner = decide(entered, { type: 'supervision', command: { type: 'setRole', memberId: 'p2', role: 'case_owner' } }, facilitator, ctx);
    if (!owner.ok) throw new Error('refused');
    const away = step(owner.next, { type: 'goTo', index: 1 });
    expect(decide(away, { type: 'supervision', command: { type: 'next' } }, facilitator, ctx)).toEqual({ ok: false, code: 'CONFLICT' });
    const back = step(away, { type: 'goTo', index: 2 });
    expect(back.state.supervision?.members.find((m) => m.id === 'p2')?.role).toBe('case_owner');
    expect(decide(back, { type: 'supervision', command: { type: 'next' } }, facilitator, ctx).ok).toBe(true);
  });

  it('leaves the nested runtimes alone on steps that do not change the activity', () => {
    const entered = step(session(), { type: 'next' });
    const timed = step(entered, { type: 'timerStart', seconds: 60 });
    expect(timed.state.qsort).toBe(entered.state.qsort);
  });

  it('keeps a standalone Q-sort or kollegaveiledning current and untouched', () => {
    expect(nestedIsCurrent(null, frozenQsort)).toBe(true);
    const standalone = { qsort: frozenQsort, supervision: frozenSupervision };
    expect(followAgenda(standalone, workshop(false), () => people)).toEqual({ ...standalone, workshop: workshop(false) });
  });

  it('keeps two Q-sorts and two kollegaveiledninger of one agenda apart, each resumed where it was', () => {
    const otherSet = { ...frozenQsort, setId: templateId, setName: 'Andre utsagn' };
    const activities = [
      { ...defaultActivity('qsort', { findingIds: [], setId })!, id: 'q1' },
      { ...defaultActivity('qsort', { findingIds: [], setId: templateId })!, id: 'q2' },
      { ...defaultActivity('supervision', { findingIds: [], templateId })!, id: 's1' },
      { ...defaultActivity('supervision', { findingIds: [], templateId })!, id: 's2' },
    ];
    const prepared = {
      q1: { kind: 'qsort' as const, runtime: { ...frozenQsort, activityId: 'q1' } },
      q2: { kind: 'qsort' as const, runtime: { ...otherSet, activityId: 'q2' } },
      s1: { kind: 'supervision' as const, runtime: { ...frozenSupervision, activityId: 's1' } },
      s2: { kind: 'supervision' as const, runtime: { ...frozenSupervision, activityId: 's2' } },
    };
    let s: SessionCore = { status: 'open', state: { ...initialLiveSessionState(), workshop: startWorkshop({ workshopId: setId, allowNames: false, minRevealCount: 3, activities, prepared }) } };
    const run = (command: Parameters<typeof decide>[1]) => {
      const decided = decide(s, command, facilitator, ctx);
      if (!decided.ok) throw new Error(decided.code);
      s = decided.next;
    };
    run({ type: 'workshop', command: { type: 'goTo', index: 0 } });
    run({ type: 'qsort', command: { type: 'display', options: { factors: 2, extraction: 'pca', rotation: 'varimax' } } });
    run({ type: 'workshop', command: { type: 'next' } });
    expect(s.state.qsort).toMatchObject({ activityId: 'q2', setId: templateId, open: true, display: null });
    run({ type: 'workshop', command: { type: 'next' } });
    run({ type: 'supervision', command: { type: 'setRole', memberId: 'p2', role: 'case_owner' } });
    run({ type: 'workshop', command: { type: 'next' } });
    expect(s.state.supervision).toMatchObject({ activityId: 's2' });
    expect(s.state.supervision!.members.find((m) => m.id === 'p2')?.role).toBe('participant');
    run({ type: 'supervision', command: { type: 'setRole', memberId: 'p3', role: 'case_owner' } });
    // Back to the first of each: its own choices are there, the second's are parked.
    run({ type: 'workshop', command: { type: 'goTo', index: 2 } });
    expect(s.state.supervision!.members.find((m) => m.id === 'p2')?.role).toBe('case_owner');
    expect(s.state.supervision!.members.find((m) => m.id === 'p3')?.role).toBe('participant');
    run({ type: 'workshop', command: { type: 'goTo', index: 0 } });
    expect(s.state.qsort).toMatchObject({ activityId: 'q1', setId, open: true, display: { factors: 2 } });
    run({ type: 'workshop', command: { type: 'goTo', index: 3 } });
    expect(s.state.supervision!.members.find((m) => m.id === 'p3')?.role).toBe('case_owner');
    expect(s.state.workshop!.prepared.q2?.runtime).toMatchObject({ setId: templateId, open: false });
  });

  it('seats latecomers after the others and never reuses a label', () => {
    let rt = seatInWorkshop(frozenSupervision, { id: 'x', displayName: 'Ola' }, false)!;
    expect(rt.members[0]).toMatchObject({ name: 'Deltaker 1', number: 1 });
    rt = { ...rt, members: [...rt.members, { id: 'y', name: 'Deltaker 3', role: 'participant' }] };
    expect(neutralNumber(rt)).toBe(4);
    expect(seatInWorkshop(rt, { id: 'x', displayName: 'Ola' }, false)).toBeNull();
    const named = seatInWorkshop(rt, { id: 'x', displayName: 'Ola' }, true)!.members[0]!;
    expect(named.name).toBe('Ola');
    expect(named.number).toBeUndefined();
  });
});
