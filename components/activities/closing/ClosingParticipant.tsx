'use client';

import { ResultsView } from '@/components/workshop/ResultsView';
import type { ParticipantViewProps } from '../contract';
import { ClosingForm } from './ClosingForm';

/** The evaluation form; the tally below once revealed. */
export function ClosingParticipant({ live, runtime, activity, mine, redactions, locked, redacted }: ParticipantViewProps<'closing'>) {
  return (
    <>
      {locked}
      {redacted}
      {!runtime.locked && <ClosingForm key={redactions} live={live} activity={activity} saved={mine?.evaluation ?? null} />}
      {live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} />}
    </>
  );
}
