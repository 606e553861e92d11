'use client';

import type { ActivityKind, ConsolePanelProps, ScreenViewProps } from './contract';
import { uiOf } from './registry';

/*
 * The shells' one way into a kind: each renders the current activity's part from the
 * registry, so the console and screen hold no `kind === …` branches. The phone's is
 * `KindParticipant` in ./phone-parts (its parts load per kind).
 */

/** The console's panel for the current activity. */
export function KindConsole(props: ConsolePanelProps<ActivityKind>) {
  const { Console } = uiOf(props.activity.kind);
  return <Console {...props} />;
}

/** The big screen's view of the current activity. */
export function KindScreen(props: ScreenViewProps<ActivityKind>) {
  const { Screen } = uiOf(props.activity.kind);
  return <Screen {...props} />;
}
