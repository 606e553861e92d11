import { describe, expect, it } from 'vitest';
import { defaultActivity, type AgendaActivity } from '../activities/registry';
import { initialLiveSessionState } from '../live-session';
import { startSupervision } from '../supervision/engine';
import { startWorkshop, type WorkshopRuntime } from '../workshop/runtime';
import { publicWorkshopView } from '../workshop/view';
import { announcementsBetween, marksOf, timerEnded, type LiveMarks } from './announcements';

const findingIds = ['f1', 'f2', 'f3'];
const activity = (kind: 'findings' | 'plenary', id: string, title: string): AgendaActivity => ({ ...defaultActivity(kind, { findingIds })!, id, title }) as AgendaActivity;
const agenda = [activity('findings', 'a1', 'Funn'), activity('plenary', 'a2', 'Plenum')];

function workshopAt(current: number, findingIndex = 0, revealed = false): WorkshopRuntime {
  return { ...startWorkshop({ workshopId: 'w', allowNames: false, minRevealCount: 3, activities: agenda }), current, findingIndex, revealed };
}
const snap = (workshop: WorkshopRuntime | null, status: 'open' | 'ended' = 'open') => ({ status, state: { ...initialLiveSessionState(), workshop } });
const marks = (w: WorkshopRuntime | null, status: 'open' | 'ended' = 'open'): LiveMarks => marksOf(snap(w, status));

describe('announcementsBetween', () => {
  it('announces nothing for the state a page comes in on', () => {
    expect(announcementsBetween(null, marks(workshopAt(1, 0, true)))).toEqual([]);
  });

  it('announces the first step, each new finding by number, and the next activity by title', () => {
    expect(announcementsBetween(marks(workshopAt(-1)), marks(workshopAt(0)))).toEqual([{ type: 'step', step: { kind: 'titled', title: 'Funn', position: 1 } }]);
    expect(announcementsBetween(marks(workshopAt(0, 0, true)), marks(workshopAt(0, 1)))).toEqual([{ type: 'step', step: { kind: 'titled', title: 'Funn', position: 2 } }]);
    expect(announcementsBetween(marks(workshopAt(0, 2)), marks(workshopAt(1)))).toEqual([{ type: 'step', step: { kind: 'titled', title: 'Plenum', position: null } }]);
  });

  it('reads the same from the public view the phones get as from the facilitator’s full state', () => {
    expect(marksOf(snap(publicWorkshopView(workshopAt(0, 1, true)) as unknown as WorkshopRuntime))).toEqual(marks(workshopAt(0, 1, true)));
  });

  it('announces a reveal once, and not a hiding or a repeat snapshot', () => {
    expect(announcementsBetween(marks(workshopAt(1)), marks(workshopAt(1, 0, true)))).toEqual([{ type: 'revealed', step: { kind: 'titled', title: 'Plenum', position: null } }]);
    expect(announcementsBetween(marks(workshopAt(1, 0, true)), marks(workshopAt(1, 0, true)))).toEqual([]);
    expect(announcementsBetween(marks(workshopAt(1, 0, true)), marks(workshopAt(1)))).toEqual([]);
  });

  it('announces the end once, whatever step it ended on', () => {
    expect(announcementsBetween(marks(workshopAt(1)), marks(workshopAt(1), 'ended'))).toEqual([{ type: 'ended' }]);
    expect(announcementsBetween(marks(workshopAt(1), 'ended'), marks(workshopAt(1), 'ended'))).toEqual([]);
  });

  it('follows a kollegaveiledning from its opening through its rounds to its closing', () => {
    const rounds = [{ id: 'r1', name: 'Presentasjon', guidance: '', minutes: 5, speakers: 'case_owner', writers: 'everyone' }] as never;
    const base = startSupervision({ groupId: null, templateName: 'Mal', allowSkip: true, rounds, previousAgreements: [] });
    const at = (current: number) => marksOf({ status: 'open', state: { ...initialLiveSessionState(), supervision: { ...base, current } } });
    expect(announcementsBetween(at(-1), at(0))).toEqual([{ type: 'step', step: { kind: 'titled', title: 'Presentasjon', position: null } }]);
    expect(announcementsBetween(at(0), at(1))).toEqual([{ type: 'step', step: { kind: 'supervisionClosing' } }]);
  });
});

describe('timerEnded', () => {
  it('is true only for a running timer past its end', () => {
    expect(timerEnded(null, 10)).toBe(false);
    expect(timerEnded({ endsAt: 100, remainingMs: null, durationMs: 60 }, 99)).toBe(false);
    expect(timerEnded({ endsAt: 100, remainingMs: null, durationMs: 60 }, 100)).toBe(true);
    expect(timerEnded({ endsAt: null, remainingMs: 0, durationMs: 60 }, 1000)).toBe(false);
  });
});
