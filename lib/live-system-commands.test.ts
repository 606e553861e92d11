import { describe, expect, it } from 'vitest';
import { decide, initialLiveSessionState, liveCommandSchema, systemActor, type DecideContext, type SessionCore, type SystemCommand } from './live-session';
import { startSupervision, type SupervisionRuntime } from './supervision/engine';
import { builtinTemplates } from './supervision/template';
import type { AgendaActivity } from './workshop/agenda';
import { decideWorkshop, startWorkshop, type WorkshopRuntime } from './workshop/runtime';

const P = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
const agenda: AgendaActivity[] = [
  { id: 'a1', kind: 'plenary', title: 'Plenum', config: { dotVotes: 3, wordCloudQuestion: '' } },
  { id: 'a2', kind: 'reflection', title: 'Grupper', config: { prompt: 'Hva?', groupSize: 3, grouping: 'random', attribute: '', minutes: 15, silentFirst: false, silentMinutes: 5 } },
];
const ctx: DecideContext = { now: 0, participants: Array.from({ length: 6 }, (_, i) => ({ id: P(i), attributes: {} })), random: () => 0.3, groupName: String };
const facilitator = { kind: 'facilitator', userId: 'u1' } as const;
const participant = { kind: 'participant', participantId: P(1) } as const;

function inGroupWork(): SessionCore {
  const started = startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda });
  const moved = decideWorkshop(started, { type: 'goTo', index: 1 }, facilitator, ctx);
  if (!moved.ok) throw new Error(moved.code);
  return { status: 'open', state: { ...initialLiveSessionState(), workshop: moved.next } };
}
const sizes = (rt: WorkshopRuntime | null) => rt?.groups.map((g) => g.memberIds.length);
const seat = (participantId: string, displayName: string | null = null): SystemCommand => ({ type: 'seat', participantId, displayName });

describe('system commands in decide', () => {
  it('seats latecomers to group work one by one in the smallest group, and a second seat changes nothing', () => {
    let session = inGroupWork();
    expect(sizes(session.state.workshop)).toEqual([3, 3]);
    for (const n of [10, 11, 12]) {
      const seated = decide(session, seat(P(n)), systemActor, ctx);
      if (!seated.ok) throw new Error(seated.code);
      session = seated.next;
    }
    expect(sizes(session.state.workshop)?.sort()).toEqual([4, 5]);
    const again = decide(session, seat(P(10)), systemActor, ctx);
    expect(again.ok && again.next).toBe(session);
  });

  it('refuses system commands from facilitators and participants, and client commands from the system', () => {
    const session = inGroupWork();
    const commands: SystemCommand[] = [seat(P(1)), { type: 'forgetCase', marker: 'x' }, { type: 'forgetClusterName', clusterId: 'c', marker: 'x' }, { type: 'forgetMemberName', participantId: P(1), number: 1 }, { type: 'forgetRawText' }];
    for (const command of commands) {
      expect(decide(session, command, participant, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
      expect(decide(session, command, facilitator, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
      // The socket's schema does not know them at all.
      expect(liveCommandSchema.safeParse(command).success).toBe(false);
    }
    expect(decide(session, { type: 'end' }, systemActor, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(session, { type: 'workshop', command: { type: 'next' } }, systemActor, ctx)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('seats nobody in an ended session, but still forgets a redacted case there', () => {
    const standard = builtinTemplates.standard;
    const supervision = startSupervision({ groupId: null, templateName: standard.name, allowSkip: false, rounds: standard.rounds, previousAgreements: [] });
    const withCase = { ...supervision, case: { framlegg: 'Saken', question: 'Spørsmålet' } };
    const ended: SessionCore = { status: 'ended', state: { ...initialLiveSessionState(), supervision: withCase } };
    const seated = decide(ended, seat(P(1), 'Kari'), systemActor, ctx);
    expect(seated.ok && seated.next).toBe(ended);
    const forgot = decide(ended, { type: 'forgetCase', marker: '[fjernet]' }, systemActor, ctx);
    expect(forgot.ok && forgot.next.state.supervision?.case).toEqual({ framlegg: '[fjernet]', question: '[fjernet]' });
    expect(forgot.ok && forgot.next.status).toBe('ended');
  });

  it('seats a standalone kollegaveiledning member by name and renames them to a label after an erasure', () => {
    const standard = builtinTemplates.standard;
    const supervision = startSupervision({ groupId: null, templateName: standard.name, allowSkip: false, rounds: standard.rounds, previousAgreements: [] });
    const open: SessionCore = { status: 'open', state: { ...initialLiveSessionState(), supervision } };
    const seated = decide(open, seat(P(1), 'Kari'), systemActor, ctx);
    if (!seated.ok) throw new Error(seated.code);
    expect(seated.next.state.supervision?.members.map((m) => m.name)).toEqual(['Kari']);
    // Without a name nobody is seated in a standalone meeting.
    expect(decide(open, seat(P(2)), systemActor, ctx)).toEqual({ ok: true, next: open });
    const forgot = decide(seated.next, { type: 'forgetMemberName', participantId: P(1), number: 1 }, systemActor, ctx);
    expect(forgot.ok && forgot.next.state.supervision?.members.map((m) => [m.id, m.name, m.number])).toEqual([[P(1), 'Deltaker 1', 1]]);
  });

  it('forgets a member and a case in the parked kollegaveiledninger of a workshop too, a case only in its own activity', () => {
    const standard = builtinTemplates.standard;
    const meeting = (activityId: string): SupervisionRuntime => ({
      ...startSupervision({ groupId: null, templateName: standard.name, allowSkip: false, rounds: standard.rounds, previousAgreements: [] }),
      activityId,
      members: [{ id: P(1), name: 'Kari', role: 'participant' }],
      case: { framlegg: `Saken ${activityId}`, question: 'Spørsmålet' },
    });
    const started = startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: true, minRevealCount: 3, activities: agenda });
    const workshop = { ...started, prepared: { s1: { kind: 'supervision' as const, runtime: meeting('s1') } } };
    const session: SessionCore = { status: 'open', state: { ...initialLiveSessionState(), workshop, supervision: meeting('s2') } };
    const parked = (core: SessionCore) => {
      const p = core.state.workshop?.prepared.s1;
      return p?.kind === 'supervision' ? p.runtime : null;
    };

    const erased = decide(session, { type: 'forgetMemberName', participantId: P(1), number: 1 }, systemActor, ctx);
    if (!erased.ok) throw new Error(erased.code);
    expect(erased.next.state.supervision?.members.map((m) => m.name)).toEqual(['Deltaker 1']);
    expect(parked(erased.next)?.members.map((m) => m.name)).toEqual(['Deltaker 1']);

    // Redacting the parked meeting's case leaves the live meeting's case alone, and the other way round.
    const redacted = decide(session, { type: 'forgetCase', marker: '[fjernet]', activityId: 's1' }, systemActor, ctx);
    if (!redacted.ok) throw new Error(redacted.code);
    expect(parked(redacted.next)?.case).toEqual({ framlegg: '[fjernet]', question: '[fjernet]' });
    expect(redacted.next.state.supervision?.case).toEqual({ framlegg: 'Saken s2', question: 'Spørsmålet' });
    const live = decide(session, { type: 'forgetCase', marker: '[fjernet]', activityId: 's2' }, systemActor, ctx);
    if (!live.ok) throw new Error(live.code);
    expect(live.next.state.supervision?.case).toEqual({ framlegg: '[fjernet]', question: '[fjernet]' });
    expect(parked(live.next)?.case).toEqual({ framlegg: 'Saken s1', question: 'Spørsmålet' });
  });

  it("forgets an ended session's raw text at the retention date, and leaves an open session's alone", () => {
    const state = { ...initialLiveSessionState(), message: 'Beskjed til alle' };
    const open: SessionCore = { status: 'open', state };
    const kept = decide(open, { type: 'forgetRawText' }, systemActor, ctx);
    expect(kept.ok && kept.next).toBe(open);
    const ended: SessionCore = { status: 'ended', state };
    const forgot = decide(ended, { type: 'forgetRawText' }, systemActor, ctx);
    if (!forgot.ok) throw new Error(forgot.code);
    expect(forgot.next).toEqual({ status: 'ended', state: { ...state, message: null } });
    // Nothing left: the same session back, so nothing is written.
    const again = decide(forgot.next, { type: 'forgetRawText' }, systemActor, ctx);
    expect(again.ok && again.next).toBe(forgot.next);
  });
});
