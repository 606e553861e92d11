'use client';

import type { EditorOptions } from '@/components/activities/contract';
import { activityUi, uiKinds } from '@/components/activities/registry';
import type { AgendaActivity } from '@/lib/workshop/agenda';

/** One line that says what an activity is set up to do, so the agenda reads at a glance. */
export function useActivitySummary(options: EditorOptions) {
  // Every kind's hook, always in registry order, so the hooks called never change between renders.
  const summarisers = Object.fromEntries(uiKinds.map((kind) => [kind, activityUi[kind].editor.useSummary()])) as {
    [K in AgendaActivity['kind']]: ReturnType<(typeof activityUi)[K]['editor']['useSummary']>;
  };
  return <A extends AgendaActivity>(activity: A): string => (summarisers[activity.kind] as (a: A, o: EditorOptions) => string)(activity, options);
}
