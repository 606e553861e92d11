import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARTICIPANT_CAP,
  MAX_PARTICIPANT_CAP,
  decide as decideWith,
  initialLiveSessionState,
  liveCommandSchema,
  liveSessionStateSchema,
  type Actor, type DecideContext, type LiveCommand, type SessionCore } from './live-session';

const open: SessionCore = { status: 'open', state: initialLiveSessionState() };
const facilitator = { kind: 'facilitator', userId: 'u1' } as const;
const participant = { kind: 'participant', participantId: 'p1' } as const;
const ctx: DecideContext = { now: 0, participants: [], random: Math.random, groupName: String };
const decide = (session: SessionCore, command: LiveCommand, actor: Actor) => decideWith(session, command, actor, ctx);

describe('decide', () => {
  it('lets a facilitator set and clear the message', () => {
    const set = decide(open, { type: 'setMessage', message: 'Velkommen' }, facilitator);
    expect(set).toEqual({ ok: true, next: { status: 'open', state: { joinOpen: true, participantCap: 300, message: 'Velkommen', workshop: null, supervision: null, qsort: null, summary: { screen: false, phones: false }, screenTurns: 0 } } });
    const cleared = decide(open, { type: 'setMessage', message: '' }, facilitator);
    expect(cleared.ok && cleared.next.state.message).toBeNull();
  });

  it('refuses every command from a participant', () => {
    for (const command of [{ type: 'end' }, { type: 'setJoinOpen', open: false }, { type: 'setParticipantCap', cap: 5 }, { type: 'setMessage', message: 'x' }] as const) {
      expect(decide(open, command, participant)).toEqual({ ok: false, code: 'FORBIDDEN' });
    }
  });

  it('closes joining when the session ends, and refuses commands afterwards', () => {
    const ended = decide(open, { type: 'end' }, facilitator);
    expect(ended).toEqual({ ok: true, next: { status: 'ended', state: { joinOpen: false, participantCap: 300, message: null, workshop: null, supervision: null, qsort: null, summary: { screen: false, phones: false }, screenTurns: 0 } } });
    if (!ended.ok) throw new Error('unreachable');
    expect(decide(ended.next, { type: 'setJoinOpen', open: true }, facilitator)).toEqual({ ok: false, code: 'SESSION_ENDED' });
  });

  it('still lets a facilitator show and name the factors of an ended Q-sort, but not reopen it', () => {
    const qsort = { setId: '00000000-0000-4000-8000-000000000001', setName: 'S', grid: { min: -1, counts: [1, 1, 1] }, instructions: {}, statements: [], open: false, display: null, factorNames: [], merged: [] };
    const ended: SessionCore = { status: 'ended', state: { ...initialLiveSessionState(), qsort } };
    const shown = decide(ended, { type: 'qsort', command: { type: 'display', options: { factors: 2, extraction: 'pca', rotation: 'varimax' } } }, facilitator);
    expect(shown.ok && shown.next.status).toBe('ended');
    expect(decide(ended, { type: 'qsort', command: { type: 'nameFactors', names: [{ name: 'A', description: '' }] } }, facilitator).ok).toBe(true);
    expect(decide(ended, { type: 'qsort', command: { type: 'setOpen', open: true } }, facilitator)).toEqual({ ok: false, code: 'SESSION_ENDED' });
    expect(decide(ended, { type: 'qsort', command: { type: 'display', options: null } }, participant)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets a facilitator set the participant cap within its range, and old sessions get the default', () => {
    const set = decide(open, { type: 'setParticipantCap', cap: 25 }, facilitator);
    expect(set.ok && set.next.state.participantCap).toBe(25);
    for (const cap of [0, MAX_PARTICIPANT_CAP + 1, 2.5]) expect(liveCommandSchema.safeParse({ type: 'setParticipantCap', cap }).success).toBe(false);
    expect(liveSessionStateSchema.parse({ joinOpen: true, message: null }).participantCap).toBe(DEFAULT_PARTICIPANT_CAP);
  });

  it('lets a facilitator show the closing summary and allow the phones theirs, also after the end, in a workshop only', () => {
    const workshop = { workshopId: '00000000-0000-4000-8000-000000000002', allowNames: false, minRevealCount: 3, activities: [], current: -1, findingIndex: 0, timer: null, locked: false, revealed: false, groups: [], silent: false, ready: [], hiddenItems: [], clusters: [], votingOpen: false, prepared: {} };
    const ended: SessionCore = { status: 'ended', state: { ...initialLiveSessionState(), workshop } };
    const shown = decide(ended, { type: 'showSummary', show: true }, facilitator);
    expect(shown.ok && shown.next).toMatchObject({ status: 'ended', state: { summary: { screen: true, phones: false } } });
    const phones = decide(ended, { type: 'setPhoneSummary', on: true }, facilitator);
    expect(phones.ok && phones.next.state.summary).toEqual({ screen: false, phones: true });
    expect(decide(ended, { type: 'showSummary', show: true }, participant)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(open, { type: 'showSummary', show: true }, facilitator)).toEqual({ ok: false, code: 'BAD_REQUEST' });
    expect(liveCommandSchema.safeParse({ type: 'setPhoneSummary', on: 'ja' }).success).toBe(false);
    // Sessions stored before the switches existed read them as off.
    expect(liveSessionStateSchema.parse({ joinOpen: true, message: null }).summary).toEqual({ screen: false, phones: false });
  });

  it('lets a facilitator turn the big screen’s pages either way, also after the end, and nobody else', () => {
    let session = open;
    for (const step of [1, 1, -1, 1] as const) {
      const turned = decide(session, { type: 'turnScreenPage', step }, facilitator);
      if (!turned.ok) throw new Error('refused');
      session = turned.next;
    }
    expect(session.state.screenTurns).toBe(2);
    const ended: SessionCore = { status: 'ended', state: session.state };
    const after = decide(ended, { type: 'turnScreenPage', step: -1 }, facilitator);
    expect(after.ok && after.next).toMatchObject({ status: 'ended', state: { screenTurns: 1 } });
    expect(decide(open, { type: 'turnScreenPage', step: 1 }, participant)).toEqual({ ok: false, code: 'FORBIDDEN' });
    for (const step of [0, 2, -2, 0.5, '1']) expect(liveCommandSchema.safeParse({ type: 'turnScreenPage', step }).success).toBe(false);
    // A count at the end of the safe integers is refused, not rounded.
    const far: SessionCore = { status: 'open', state: { ...open.state, screenTurns: Number.MAX_SAFE_INTEGER } };
    expect(decide(far, { type: 'turnScreenPage', step: 1 }, facilitator)).toEqual({ ok: false, code: 'BAD_REQUEST' });
    // Sessions stored before the pager existed start at no turns.
    expect(liveSessionStateSchema.parse({ joinOpen: true, message: null }).screenTurns).toBe(0);
  });

  it('refuses workshop commands in a session without a workshop', () => {
    expect(decide(open, { type: 'workshop', command: { type: 'next' } }, facilitator)).toEqual({ ok: false, code: 'BAD_REQUEST' });
  });

  it('does not change the state it was given', () => {
    const before = structuredClone(open);
    decide(open, { type: 'setJoinOpen', open: false }, facilitator);
    expect(open).toEqual(before);
  });
});
