import { describe, expect, it } from 'vitest';
import { trustedParse } from '../privacy/free-text';
import { remainingMs } from '../workshop/timer';
import {
  canWriteNotes,
  decideSupervision,
  listeningOnly,
  MAX_MEMBERS,
  memberRoles,
  seatMember,
  speakers,
  startSupervision,
  supervisionCommandSchema,
  supervisionRuntimeSchema,
  type SupervisionActor,
  type SupervisionCommand,
  type SupervisionRuntime,
} from './engine';
import { builtinTemplates } from './template';

const P = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const lead: SupervisionActor = { kind: 'facilitator' };
const as = (n: number): SupervisionActor => ({ kind: 'participant', participantId: P(n) });
const template = builtinTemplates.standard;

function fresh(members = 4, allowSkip = template.allowSkip): SupervisionRuntime {
  let rt = startSupervision({ groupId: null, templateName: template.name, allowSkip, rounds: template.rounds, previousAgreements: [] });
  for (let i = 0; i < members; i++) rt = seatMember(rt, P(i), `Person ${i}`) ?? rt;
  return rt;
}

function run(rt: SupervisionRuntime, actor: SupervisionActor, ...commands: SupervisionCommand[]): SupervisionRuntime {
  return commands.reduce((state, c) => {
    const d = decideSupervision(state, c, actor, { now: 1000 });
    if (!d.ok) throw new Error(`${c.type}: ${d.code}`);
    return d.next;
  }, rt);
}

const refused = (rt: SupervisionRuntime, actor: SupervisionActor, c: SupervisionCommand) => {
  const d = decideSupervision(rt, c, actor, { now: 1000 });
  return d.ok ? null : d.code;
};

const ready = () => run(fresh(), lead, { type: 'setRole', memberId: P(0), role: 'case_owner' });

describe('kollegaveiledning rounds engine', () => {
  it('needs a case owner before the first round, then starts its time box', () => {
    expect(refused(fresh(), lead, { type: 'next' })).toBe('CASE_OWNER_MISSING');
    const rt = run(ready(), lead, { type: 'next' });
    expect(rt.current).toBe(0);
    expect(rt.timer?.endsAt).toBe(1000 + 10 * 60_000);
    expect(rt.turn).toBeNull();
  });

  it('keeps the rounds in template order unless the template allows skipping', () => {
    const rt = run(ready(), lead, { type: 'next' });
    expect(refused(rt, lead, { type: 'goTo', index: 3 })).toBe('ROUND_ORDER');
    expect(run(rt, lead, { type: 'goTo', index: 1 }).current).toBe(1);
    const flexible = run(fresh(4, true), lead, { type: 'setRole', memberId: P(0), role: 'case_owner' });
    expect(run(flexible, lead, { type: 'goTo', index: 3 }).current).toBe(3);
  });

  it('only leaders move the meeting; a co-lead leads too', () => {
    const rt = ready();
    expect(refused(rt, as(1), { type: 'next' })).toBe('FORBIDDEN');
    const withCoLead = run(rt, lead, { type: 'setRole', memberId: P(1), role: 'co_lead' });
    expect(run(withCoLead, as(1), { type: 'next' }).current).toBe(0);
  });

  it('gives the word to one participant after another in a turn round, never to the case owner', () => {
    let rt = run(ready(), lead, { type: 'next' }, { type: 'next' });
    expect(rt.turn?.queue).toEqual([P(1), P(2), P(3)]);
    expect(speakers(rt)).toEqual({ now: P(1), next: P(2) });
    expect(refused(rt, as(2), { type: 'turnPass' })).toBe('FORBIDDEN');
    rt = run(rt, as(1), { type: 'turnPass' });
    expect(rt.turn?.passed).toEqual([P(1)]);
    rt = run(rt, lead, { type: 'turnSkip' });
    expect(speakers(rt)).toEqual({ now: P(3), next: P(2) });
    rt = run(rt, lead, { type: 'turnNext' }, { type: 'turnNext' });
    expect(speakers(rt)).toEqual({ now: null, next: null });
    expect(refused(rt, lead, { type: 'turnNext' })).toBe('BAD_REQUEST');
    rt = run(rt, lead, { type: 'turnRestart' });
    expect(speakers(rt).now).toBe(P(1));
  });

  it('closes the case owner’s input in the reflection round, and opens it again after', () => {
    let rt = run(ready(), lead, { type: 'next' }, { type: 'next' });
    expect(listeningOnly(rt, P(0))).toBe(false);
    rt = run(rt, lead, { type: 'next' });
    expect(rt.rounds[rt.current]?.id).toBe('refleksjon');
    expect(listeningOnly(rt, P(0))).toBe(true);
    expect(canWriteNotes(rt, as(0), 'refleksjon')).toBe(false);
    expect(canWriteNotes(rt, as(1), 'refleksjon')).toBe(true);
    rt = run(rt, lead, { type: 'next' });
    expect(listeningOnly(rt, P(0))).toBe(false);
    expect(canWriteNotes(rt, as(0), 'respons')).toBe(true);
  });

  it('lets the referent and leaders write every round’s notes, others only the current one', () => {
    let rt = run(ready(), lead, { type: 'setRole', memberId: P(3), role: 'referent' }, { type: 'next' });
    expect(canWriteNotes(rt, as(3), 'oppsummering')).toBe(true);
    expect(canWriteNotes(rt, lead, 'oppsummering')).toBe(true);
    expect(canWriteNotes(rt, as(1), 'oppsummering')).toBe(false);
    expect(canWriteNotes(rt, as(1), 'framlegg')).toBe(true);
    rt = run(rt, lead, { type: 'setRole', memberId: P(2), role: 'referent' });
    expect(rt.members.filter((m) => m.role === 'referent').map((m) => m.id)).toEqual([P(2)]);
  });

  it('takes the case from its owner until the questions begin, and refuses personal data', () => {
    const rt = ready();
    const text = { framlegg: 'En bruker i 30-årene ønsker arbeid, men …', question: 'Hvordan kan jeg følge opp bedre?' };
    expect(refused(rt, as(1), { type: 'setCase', case: text })).toBe('FORBIDDEN');
    expect(run(rt, as(0), { type: 'setCase', case: text }).case).toEqual(text);
    expect(refused(rt, as(0), { type: 'setCase', case: { ...text, framlegg: 'Bruker 01019012480 ønsker arbeid' } })).toBe('PERSONAL_DATA');
    const started = run(rt, lead, { type: 'next' }, { type: 'next' });
    expect(refused(started, as(0), { type: 'setCase', case: text })).toBe('CASE_LOCKED');
    expect(refused(started, lead, { type: 'setRole', memberId: P(1), role: 'case_owner' })).toBe('CASE_LOCKED');
  });

  it('pauses, resumes and extends the timer, also after it ran out', () => {
    let rt = run(ready(), lead, { type: 'next' });
    let d = decideSupervision(rt, { type: 'timerPause' }, lead, { now: 61_000 });
    rt = d.ok ? d.next : rt;
    expect(rt.timer?.remainingMs).toBe(9 * 60_000);
    d = decideSupervision(rt, { type: 'timerResume' }, lead, { now: 100_000 });
    rt = d.ok ? d.next : rt;
    expect(rt.timer?.endsAt).toBe(100_000 + 9 * 60_000);
    const late = 100_000 + 20 * 60_000;
    expect(remainingMs(rt.timer, late)).toBe(0);
    d = decideSupervision(rt, { type: 'timerExtend', seconds: 120 }, lead, { now: late });
    expect(d.ok && d.next.timer?.endsAt).toBe(late + 120_000);
  });

  it('seats at most eight members and renames those it knows', () => {
    const full = fresh(MAX_MEMBERS);
    expect(seatMember(full, P(99), 'Ny')).toBeNull();
    expect(seatMember(full, P(1), 'Person 1')).toBeNull();
    expect(memberName(seatMember(full, P(1), 'Kari')!, P(1))).toBe('Kari');
  });

  it('keeps its invariants under random commands from any role', () => {
    const random = seeded(42);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const ids = [P(0), P(1), P(2), P(3), P(4), P(5), 'nobody'];
    const makeCommand = (): SupervisionCommand =>
      pick<() => SupervisionCommand>([
        () => ({ type: 'next' }),
        () => ({ type: 'previous' }),
        () => ({ type: 'goTo', index: Math.floor(random() * 9) - 1 }),
        () => ({ type: 'timerStart', seconds: 10 + Math.floor(random() * 600) }),
        () => ({ type: 'timerPause' }),
        () => ({ type: 'timerResume' }),
        () => ({ type: 'timerExtend', seconds: 60 }),
        () => ({ type: 'setRole', memberId: pick(ids), role: pick(memberRoles) }),
        () => ({ type: 'setOrder', memberIds: [...ids.slice(0, 5)].sort(() => random() - 0.5) }),
        () => ({ type: 'turnNext' }),
        () => ({ type: 'turnSkip' }),
        () => ({ type: 'turnPass' }),
        () => ({ type: 'turnRestart' }),
        () => ({ type: 'setCase', case: { framlegg: random() < 0.2 ? 'ring 91234567' : 'Saken', question: 'Hva nå?' } }),
      ])();
    const actors: SupervisionActor[] = [lead, as(0), as(1), as(2), as(4), as(9)];
    for (let trial = 0; trial < 200; trial++) {
      let rt = fresh(5, random() < 0.5);
      let now = 0;
      for (let step = 0; step < 100; step++) {
        now += Math.floor(random() * 120_000);
        const command = makeCommand();
        // The schema's privacy guard refuses a case with a phone number before the engine sees it
        // (the engine refuses it too, which the rest of this loop checks).
        // Only a case carries free text; parsing every command would make this loop slow.
        if (command.type === 'setCase') expect(supervisionCommandSchema.safeParse(command).success).toBe(command.case.framlegg === 'Saken');
        const before = rt;
        const d = decideSupervision(rt, command, pick(actors), { now });
        if (d.ok) rt = d.next;
        checkInvariants(before, rt, now);
      }
    }
  });
});

function checkInvariants(before: SupervisionRuntime, rt: SupervisionRuntime, now: number) {
  expect(trustedParse(() => supervisionRuntimeSchema.safeParse(rt)).success).toBe(true);
  expect(rt.current).toBeGreaterThanOrEqual(-1);
  expect(rt.current).toBeLessThanOrEqual(rt.rounds.length);
  // Forward moves go one round at a time unless the template allows skipping.
  if (!rt.allowSkip && rt.current > before.current) expect(rt.current).toBe(before.current + 1);
  if (rt.current >= 0) expect(rt.members.some((m) => m.role === 'case_owner')).toBe(true);
  expect(rt.members.filter((m) => m.role === 'case_owner').length).toBeLessThanOrEqual(1);
  expect(rt.members.filter((m) => m.role === 'referent').length).toBeLessThanOrEqual(1);
  expect(new Set(rt.members.map((m) => m.id)).size).toBe(rt.members.length);
  if (rt.turn) {
    // One speaker at a time: a single index into a queue of distinct members.
    expect(new Set(rt.turn.queue).size).toBe(rt.turn.queue.length);
    expect(rt.turn.index).toBeLessThanOrEqual(rt.turn.queue.length);
    for (const id of rt.turn.queue) expect(rt.members.some((m) => m.id === id)).toBe(true);
    expect(rt.rounds[rt.current]?.turnBased).toBe(true);
  }
  expect(remainingMs(rt.timer, now)).toBeGreaterThanOrEqual(0);
  if (rt.timer?.remainingMs != null) expect(rt.timer.remainingMs).toBeGreaterThanOrEqual(0);
}

const memberName = (rt: SupervisionRuntime, id: string) => rt.members.find((m) => m.id === id)?.name;

/** A small deterministic generator, so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
