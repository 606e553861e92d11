import type { SnapshotView } from '../protocol';
import type { Timer } from '../workshop/timer';
import { workshopViewOf } from '../workshop/view';

/**
 * What a screen reader is told as a live session moves on, worked out from two snapshots: a
 * new step, results revealed, the session ended. Pure, so the rules are unit-tested apart from
 * the region that reads them out (components/live/Announcer.tsx). The timer running out depends
 * on the clock, not on a snapshot; `timerEnded` answers that.
 */
export interface LiveMarks {
  /** Identifies the step: a new key is a new step (each finding of a findings round is one). */
  stepKey: string | null;
  step: StepName | null;
  revealed: boolean;
  ended: boolean;
}

/** A step as it is named aloud: by its title, a findings round also by the finding's number. */
export type StepName =
  | { kind: 'titled'; title: string; position: number | null }
  | { kind: 'supervisionOpening' }
  | { kind: 'supervisionClosing' };

export type Announcement =
  | { type: 'step'; step: StepName }
  | { type: 'revealed'; step: StepName }
  | { type: 'ended' };

type State = SnapshotView['state'];

function supervisionMarks(rt: NonNullable<State['supervision']>): Pick<LiveMarks, 'stepKey' | 'step'> {
  if (rt.current < 0) return { stepKey: 'supervision:opening', step: { kind: 'supervisionOpening' } };
  const round = rt.rounds[rt.current];
  if (!round) return { stepKey: 'supervision:closing', step: { kind: 'supervisionClosing' } };
  return { stepKey: `supervision:${round.id}`, step: { kind: 'titled', title: round.name, position: null } };
}

export function marksOf(snapshot: Pick<SnapshotView, 'state' | 'status'>): LiveMarks {
  const ended = snapshot.status === 'ended';
  const { workshop, supervision } = snapshot.state;
  if (workshop) {
    const view = workshopViewOf(workshop);
    const activity = view.activity;
    if (!activity) return { stepKey: null, step: null, revealed: false, ended };
    // A kollegaveiledning inside a workshop moves through rounds of its own.
    if (activity.kind === 'supervision' && supervision) {
      const inner = supervisionMarks(supervision);
      return { stepKey: `${activity.id}:${inner.stepKey}`, step: inner.step, revealed: false, ended };
    }
    const position = activity.kind === 'findings' ? view.findingIndex + 1 : null;
    return { stepKey: `${activity.id}:${view.findingIndex}`, step: { kind: 'titled', title: activity.title, position }, revealed: view.revealed, ended };
  }
  if (supervision) return { ...supervisionMarks(supervision), revealed: false, ended };
  return { stepKey: null, step: null, revealed: false, ended };
}

/**
 * What changed between the marks last announced and the current ones. The first marks a page
 * sees are where it came in, not news: `previous` null announces nothing.
 */
export function announcementsBetween(previous: LiveMarks | null, current: LiveMarks): Announcement[] {
  if (!previous) return [];
  if (current.ended) return previous.ended ? [] : [{ type: 'ended' }];
  if (current.step && current.stepKey !== previous.stepKey) {
    // A step that opens already revealed (going back to one) is announced as a step.
    return [{ type: 'step', step: current.step }];
  }
  if (current.step && current.revealed && !previous.revealed) return [{ type: 'revealed', step: current.step }];
  return [];
}

/**
 * Whether a running timer has run out at `now` (server time). A paused timer has not ended,
 * and a timer that never ran has nothing to announce.
 */
export function timerEnded(timer: Timer | null, now: number): boolean {
  return timer !== null && timer.remainingMs === null && timer.endsAt !== null && timer.endsAt <= now;
}

/** The timer the room is working to: the workshop's, or the kollegaveiledning's while it is the step. */
export function roomTimer(state: State): Timer | null {
  if (!state.workshop) return state.supervision?.timer ?? null;
  const view = workshopViewOf(state.workshop);
  return view.activity?.kind === 'supervision' ? (state.supervision?.timer ?? null) : view.timer;
}
