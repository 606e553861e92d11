'use client';

import type { ConsolePanelProps } from '../contract';
import { PlenaryPanel } from './PlenaryPanel';

/** The facilitator gathers the groups' notes into themes, then opens the room's dot vote. */
export function PlenaryConsole({ live, runtime, findings, run }: ConsolePanelProps<'plenary'>) {
  const voters = live.results?.kind === 'plenary' ? (live.results.voters ?? 0) : 0;
  return <PlenaryPanel socket={live.socket} sessionId={live.snapshot?.sessionId ?? ''} runtime={runtime} findings={findings} voters={voters} run={run} />;
}
