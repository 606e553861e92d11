import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from '../../workshop/agenda';
import { decideWorkshop, startWorkshop, workshopCommandSchema, workshopRuntimeSchema, type WorkshopCommand, type WorkshopContext, type WorkshopRuntime } from '../../workshop/runtime';
import { publicWorkshopView } from '../../workshop/view';
import { ballotRefusal, decidePlenaryVoting } from './voting';

const agenda: AgendaActivity[] = [
  { id: 'a1', kind: 'findings', title: 'Funn', config: { findingIds: ['00000000-0000-4000-8000-000000000001'] } },
  { id: 'a2', kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: '' } },
  { id: 'a3', kind: 'closing', title: 'Avslutning', config: { questions: [{ id: 'q1', text: 'Nyttig?' }], freeTextQuestion: '' } },
];
const ctx: WorkshopContext = { now: 0, participants: [], random: () => 0.5, groupName: (i) => `Gruppe ${i}` };
const facilitator = { kind: 'facilitator' } as const;
const participant = { kind: 'participant', participantId: '00000000-0000-4000-9000-000000000001' } as const;
const open: WorkshopCommand = { type: 'plenaryVoting', open: true };

function run(rt: WorkshopRuntime, ...commands: WorkshopCommand[]): WorkshopRuntime {
  return commands.reduce((state, c) => {
    const d = decideWorkshop(state, c, facilitator, ctx);
    if (!d.ok) throw new Error(`${c.type}: ${d.code}`);
    return d.next;
  }, rt);
}
const atPlenary = (withTheme = true) =>
  run(
    startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda }),
    { type: 'goTo', index: 1 },
    ...(withTheme ? [{ type: 'clusterCreate', clusterId: 'c1', name: 'Tid' } as const] : []),
  );

describe('plenary voting as its own step', () => {
  it('is closed when the plenary starts, even with themes made', () => {
    const rt = atPlenary();
    expect(rt.votingOpen).toBe(false);
    expect(publicWorkshopView(rt).votingOpen).toBe(false);
    expect(ballotRefusal(rt, 3, { c1: 1 })).toEqual({ code: 'CONFLICT', reason: 'voting is not open' });
  });

  it('opens and closes only by the facilitator', () => {
    const rt = atPlenary();
    expect(decideWorkshop(rt, open, participant, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
    const opened = run(rt, open);
    expect(opened.votingOpen).toBe(true);
    expect(publicWorkshopView(opened).votingOpen).toBe(true);
    expect(decideWorkshop(opened, { type: 'plenaryVoting', open: false }, participant, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(run(opened, { type: 'plenaryVoting', open: false }).votingOpen).toBe(false);
  });

  it('takes ballots only while open, and still checks the dots and themes then', () => {
    const opened = run(atPlenary(), open);
    expect(ballotRefusal(opened, 3, { c1: 3 })).toBeNull();
    expect(ballotRefusal(opened, 3, { c1: 4 })?.code).toBe('BAD_REQUEST');
    expect(ballotRefusal(opened, 3, { nope: 1 })?.code).toBe('BAD_REQUEST');
    const closed = run(opened, { type: 'plenaryVoting', open: false });
    expect(ballotRefusal(closed, 3, { c1: 1 })?.code).toBe('CONFLICT');
  });

  it('is idempotent: opening an open vote or closing a closed one changes nothing', () => {
    const opened = run(atPlenary(), open);
    const again = decidePlenaryVoting(opened, { type: 'plenaryVoting', open: true });
    expect(again).toEqual({ ok: true, next: opened });
    expect(again.ok && again.next).toBe(opened);
    const closed = atPlenary();
    expect(decidePlenaryVoting(closed, { type: 'plenaryVoting', open: false })).toEqual({ ok: true, next: closed });
  });

  it('is refused outside a plenary and without a theme to vote on', () => {
    const start = startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda });
    expect(decideWorkshop(start, open, facilitator, ctx)).toEqual({ ok: false, code: 'BAD_REQUEST' });
    expect(decideWorkshop(run(start, { type: 'goTo', index: 0 }), open, facilitator, ctx)).toEqual({ ok: false, code: 'BAD_REQUEST' });
    expect(decideWorkshop(atPlenary(false), open, facilitator, ctx)).toEqual({ ok: false, code: 'BAD_REQUEST' });
  });

  it('closes again when the agenda moves on, and coming back does not reopen it', () => {
    const opened = run(atPlenary(), open);
    const left = run(opened, { type: 'next' });
    expect(left.votingOpen).toBe(false);
    expect(run(left, { type: 'previous' }).votingOpen).toBe(false);
  });

  it('reads a runtime stored before voting was a step as closed', () => {
    const { votingOpen, ...stored } = atPlenary();
    void votingOpen;
    expect(workshopRuntimeSchema.parse(stored).votingOpen).toBe(false);
  });

  it('is a command the edge accepts only with a boolean', () => {
    expect(workshopCommandSchema.safeParse({ type: 'plenaryVoting', open: true }).success).toBe(true);
    expect(workshopCommandSchema.safeParse({ type: 'plenaryVoting', open: 'yes' }).success).toBe(false);
    expect(workshopCommandSchema.safeParse({ type: 'plenaryVoting' }).success).toBe(false);
  });
});
