'use client';

import { ResultsView } from '@/components/workshop/ResultsView';
import type { ParticipantViewProps } from '../contract';
import { PlenaryInput } from './PlenaryInput';

/** Dots on the themes and a word for the cloud; the tally below once revealed. */
export function PlenaryParticipant({ live, runtime, activity, mine, redactions, locked, redacted }: ParticipantViewProps<'plenary'>) {
  return (
    <>
      {locked}
      {redacted}
      {!runtime.locked && <PlenaryInput key={redactions} live={live} runtime={runtime} activity={activity} mine={mine} />}
      {live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} />}
    </>
  );
}
