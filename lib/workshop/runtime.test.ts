import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from './agenda';
import { decideWorkshop, joinQuestions, placeLatecomer, silentWritingActive, startWorkshop, workshopCommandSchema, type WorkshopCommand, type WorkshopContext, type WorkshopRuntime } from './runtime';
import { remainingMs } from './timer';

const F1 = '00000000-0000-4000-8000-000000000001';
const F2 = '00000000-0000-4000-8000-000000000002';
const P = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const agenda: AgendaActivity[] = [
  { id: 'a1', kind: 'findings', title: 'Funn', config: { findingIds: [F1, F2] } },
  { id: 'a2', kind: 'reflection', title: 'Grupper', config: { prompt: 'Hva?', groupSize: 4, grouping: 'random', attribute: '', minutes: 15, silentFirst: true, silentMinutes: 5 } },
  { id: 'a3', kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord?' } },
  { id: 'a4', kind: 'closing', title: 'Avslutning', config: { questions: [{ id: 'q1', text: 'Nyttig?' }], freeTextQuestion: '' } },
];
const ctx = (now = 0, n = 8): WorkshopContext => ({
  now,
  participants: Array.from({ length: n }, (_, i) => ({ id: P(i), attributes: {} })),
  random: Math.random,
  groupName: (i) => `Gruppe ${i}`,
});
const fac = { kind: 'facilitator' } as const;
const start = () => startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda });

function run(rt: WorkshopRuntime, ...commands: WorkshopCommand[]): WorkshopRuntime {
  return commands.reduce((state, c) => {
    const d = decideWorkshop(state, c, fac, ctx());
    if (!d.ok) throw new Error(`${c.type}: ${d.code}`);
    return d.next;
  }, rt);
}

describe('workshop runtime', () => {
  it('steps through each finding of a findings round before moving on', () => {
    let rt = run(start(), { type: 'next' });
    expect([rt.current, rt.findingIndex]).toEqual([0, 0]);
    rt = run(rt, { type: 'setRevealed', revealed: true }, { type: 'next' });
    expect([rt.current, rt.findingIndex, rt.revealed]).toEqual([0, 1, false]);
    rt = run(rt, { type: 'next' });
    expect(rt.current).toBe(1);
    rt = run(rt, { type: 'previous' });
    expect([rt.current, rt.findingIndex]).toEqual([0, 1]);
  });

  it('forms groups, starts silent writing with its timer, then the discussion timer', () => {
    const rt = run(start(), { type: 'goTo', index: 1 });
    expect(rt.groups.map((g) => g.memberIds.length)).toEqual([4, 4]);
    expect(rt.silent).toBe(true);
    expect(remainingMs(rt.timer, 0)).toBe(5 * 60_000);
    expect(silentWritingActive(rt, 60_000)).toBe(true);
    expect(silentWritingActive(rt, 5 * 60_000)).toBe(false);
    const after = run(rt, { type: 'endSilent' });
    expect(after.silent).toBe(false);
    expect(remainingMs(after.timer, 0)).toBe(15 * 60_000);
  });

  it('lets a participant flag only their own group as ready, and nothing else', () => {
    const rt = run(start(), { type: 'goTo', index: 1 });
    const [g1, g2] = rt.groups;
    const member = { kind: 'participant', participantId: g1!.memberIds[0]! } as const;
    const ready = decideWorkshop(rt, { type: 'setReady', groupId: g1!.id, ready: true }, member, ctx());
    expect(ready.ok && ready.next.ready).toEqual([g1!.id]);
    expect(decideWorkshop(rt, { type: 'setReady', groupId: g2!.id, ready: true }, member, ctx())).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decideWorkshop(rt, { type: 'next' }, member, ctx())).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('moves a participant between groups and seats latecomers in the smallest group', () => {
    let rt = run(start(), { type: 'goTo', index: 1 });
    const [g1, g2] = rt.groups;
    rt = run(rt, { type: 'moveParticipant', participantId: g1!.memberIds[0]!, groupId: g2!.id });
    expect(rt.groups.map((g) => g.memberIds.length)).toEqual([3, 5]);
    const placed = placeLatecomer(rt, P(99));
    expect(placed?.groups[0]?.memberIds).toContain(P(99));
    expect(placeLatecomer(placed!, P(99))).toBeNull();
  });

  it('asks at join only for the attributes a reflection groups by', () => {
    expect(joinQuestions(agenda)).toEqual([]);
    const byOffice = agenda.map((a) => (a.kind === 'reflection' ? { ...a, config: { ...a.config, grouping: 'attribute' as const, attribute: 'Kontor' } } : a));
    expect(joinQuestions([...byOffice, ...byOffice])).toEqual(['Kontor']);
  });

  it('clusters notes: a note sits in at most one cluster', () => {
    const rt = run(
      start(),
      { type: 'clusterCreate', clusterId: 'c1', name: 'Tid' },
      { type: 'clusterCreate', clusterId: 'c2', name: 'Tillit' },
      { type: 'clusterAssign', noteId: 'n1', clusterId: 'c1' },
      { type: 'clusterAssign', noteId: 'n1', clusterId: 'c2' },
      { type: 'clusterLink', clusterId: 'c2', findingId: F1 },
    );
    expect(rt.clusters).toEqual([
      { id: 'c1', name: 'Tid', noteIds: [], findingId: null },
      { id: 'c2', name: 'Tillit', noteIds: ['n1'], findingId: F1 },
    ]);
  });

  it('keeps its invariants under random command sequences from any actor', () => {
    const commands: WorkshopCommand[] = [
      { type: 'next' }, { type: 'previous' }, { type: 'goTo', index: 2 }, { type: 'goTo', index: 9 },
      { type: 'timerStart', seconds: 60 }, { type: 'timerPause' }, { type: 'timerResume' }, { type: 'timerExtend', seconds: 120 },
      { type: 'setRevealed', revealed: true }, { type: 'setLocked', locked: true }, { type: 'formGroups' }, { type: 'endSilent' },
      { type: 'moveParticipant', participantId: P(1), groupId: 'g2' }, { type: 'setReady', groupId: 'g1', ready: true },
      { type: 'clusterCreate', clusterId: 'c1', name: 'x' }, { type: 'clusterAssign', noteId: 'n1', clusterId: 'c1' },
      { type: 'clusterAssign', noteId: 'n1', clusterId: null }, { type: 'clusterDelete', clusterId: 'c1' },
    ];
    for (const c of commands) expect(workshopCommandSchema.safeParse(c).success).toBe(true);
    let rt = start();
    let now = 0;
    for (let i = 0; i < 20_000; i++) {
      now += Math.floor(Math.random() * 30_000);
      const command = commands[Math.floor(Math.random() * commands.length)]!;
      const actor = Math.random() < 0.3 ? ({ kind: 'participant', participantId: P(Math.floor(Math.random() * 8)) } as const) : fac;
      const d = decideWorkshop(rt, command, actor, ctx(now));
      if (d.ok) rt = d.next;
      expect(rt.current).toBeGreaterThanOrEqual(-1);
      expect(rt.current).toBeLessThan(agenda.length);
      const count = rt.activities[rt.current]?.kind === 'findings' ? 2 : 1;
      expect(rt.findingIndex).toBeLessThan(count);
      const members = rt.groups.flatMap((g) => g.memberIds);
      expect(new Set(members).size).toBe(members.length);
      const notes = rt.clusters.flatMap((c) => c.noteIds);
      expect(new Set(notes).size).toBe(notes.length);
      expect(remainingMs(rt.timer, now)).toBeGreaterThanOrEqual(0);
    }
  });
});
