import { uiOf } from '@/components/activities/registry';
import { moduleOf } from '@/lib/activities/registry';
import { isNestedKind } from '@/lib/workshop/agenda';
import { currentActivity, type WorkshopCommand, type WorkshopRuntime } from '@/lib/workshop/runtime';

/**
 * What the console's buttons and its shortcuts send, worked out in one place so a key does
 * exactly what its button does (and nothing where the button is disabled or absent).
 */
export function consoleCommands(runtime: WorkshopRuntime) {
  const activity = currentActivity(runtime);
  const controls = activity ? uiOf(activity.kind).controls : {};
  const minutes = (activity && controls.timerMinutes?.(activity, runtime)) ?? 5;
  // "Next" steps within an activity first (a findings round: finding by finding).
  const moreWithin = activity !== null && runtime.findingIndex + 1 < (moduleOf(activity)?.steps?.(activity) ?? 0);
  const last = runtime.current >= runtime.activities.length - 1 && !moreWithin;
  const paused = runtime.timer !== null && runtime.timer.remainingMs !== null;
  // A Q-sort opens and shows its results by its own controls; a kollegaveiledning keeps its own time too.
  const nested = activity !== null && isNestedKind(activity.kind);
  const hasTimer = !controls.ownTimer;
  const timer: WorkshopCommand | null = !hasTimer ? null : !runtime.timer ? { type: 'timerStart', seconds: minutes * 60 } : paused ? { type: 'timerResume' } : { type: 'timerPause' };
  return {
    minutes,
    paused,
    hasTimer,
    /** Whether reveal and lock are this step's (not a nested kind's own). */
    hasReveal: !nested,
    next: last ? null : ({ type: 'next' } as const),
    previous: runtime.current < 0 ? null : ({ type: 'previous' } as const),
    reveal: nested ? null : ({ type: 'setRevealed', revealed: !runtime.revealed } as const),
    timer,
  };
}
