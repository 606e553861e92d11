'use client';

import type { ConsolePanelProps } from '../contract';
import { PlenaryPanel } from './PlenaryPanel';

/** The facilitator gathers the groups' notes into themes the room then votes on. */
export function PlenaryConsole({ live, runtime, findings, run }: ConsolePanelProps<'plenary'>) {
  return <PlenaryPanel socket={live.socket} sessionId={live.snapshot?.sessionId ?? ''} runtime={runtime} findings={findings} run={run} />;
}
