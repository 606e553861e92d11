import { describe, expect, it } from 'vitest';
import { initialLiveSessionState } from './live-session';
import { parseYjsDocName } from './protocol';
import type { AgendaActivity } from './workshop/agenda';
import { boardDocName, boardDraftDocName } from './workshop/board';
import { startWorkshop, type WorkshopRuntime } from './workshop/runtime';
import { docAccess, type DocMember, type SessionFacts } from './doc-access';

const S = '00000000-0000-4000-8000-000000000001';
const R = '00000000-0000-4000-8000-000000000002';
const A = '00000000-0000-4000-9000-00000000000a';
const B = '00000000-0000-4000-9000-00000000000b';
const agenda: AgendaActivity[] = [
  { id: R, kind: 'reflection', title: 'Grupper', config: { prompt: 'Hva?', groupSize: 4, grouping: 'random', attribute: '', minutes: 15, silentFirst: true, silentMinutes: 5 } },
];
const runtime = (silent: boolean): WorkshopRuntime => ({
  ...startWorkshop({ workshopId: '00000000-0000-4000-8000-00000000000a', allowNames: false, minRevealCount: 3, activities: agenda }),
  current: 0,
  silent,
  timer: { endsAt: 10_000, remainingMs: null, durationMs: 10_000 },
  groups: [{ id: 'g1', name: 'Gruppe 1', memberIds: [A, B] }],
});
const facts = (silent: boolean, status = 'open'): SessionFacts => ({ status, state: { ...initialLiveSessionState(), workshop: runtime(silent) } });
const member = (participantId: string): DocMember => ({ role: 'participant', participantId });
const facilitator: DocMember = { role: 'facilitator', participantId: null };
const presenter: DocMember = { role: 'presenter', participantId: null };
const ref = (name: string) => parseYjsDocName(name)!;
const draftOfA = ref(boardDraftDocName(S, R, 'g1', A));
const board = ref(boardDocName(S, R, 'g1'));

describe('document access during silent writing', () => {
  it('names a draft by session, activity, group and member', () => {
    expect(draftOfA).toEqual({ kind: 'draft', sessionId: S, activityId: R, groupId: 'g1', participantId: A });
    expect(parseYjsDocName(`live.${S}.draft.${R}.g1.not-a-uuid`)).toBeNull();
  });

  it('a draft opens only for its member (writable while silent) and facilitators', () => {
    expect(docAccess(facts(true), member(A), draftOfA, 0)).toEqual({ ok: true, data: { readOnly: false } });
    expect(docAccess(facts(true), member(B), draftOfA, 0)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(docAccess(facts(true), presenter, draftOfA, 0)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(docAccess(facts(true), facilitator, draftOfA, 0)).toEqual({ ok: true, data: { readOnly: false } });
  });

  it('members only read the board while silent writing lasts, and only read their draft after', () => {
    expect(docAccess(facts(true), member(B), board, 0)).toEqual({ ok: true, data: { readOnly: true } });
    expect(docAccess(facts(true), member(B), board, 10_000)).toEqual({ ok: true, data: { readOnly: false } });
    expect(docAccess(facts(false), member(B), board, 0)).toEqual({ ok: true, data: { readOnly: false } });
    expect(docAccess(facts(true), member(A), draftOfA, 10_000)).toEqual({ ok: true, data: { readOnly: true } });
    expect(docAccess(facts(false), member(A), draftOfA, 0)).toEqual({ ok: true, data: { readOnly: true } });
    expect(docAccess(facts(true, 'ended'), member(A), draftOfA, 0)).toEqual({ ok: true, data: { readOnly: true } });
  });

  it('a member moved to another group no longer opens the old group\'s draft', () => {
    const moved: SessionFacts = { status: 'open', state: { ...initialLiveSessionState(), workshop: { ...runtime(true), groups: [{ id: 'g1', name: 'G1', memberIds: [B] }, { id: 'g2', name: 'G2', memberIds: [A] }] } } };
    expect(docAccess(moved, member(A), draftOfA, 0)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
