'use client';

import type { AppError } from '@/lib/errors';
import type { RedactTarget } from '@/lib/protocol';
import type { ActivityResults } from '@/lib/workshop/results';
import type { Cluster } from '@/lib/workshop/runtime';
import type { ComponentType } from 'react';
import type { ResultsViewProps } from '../activities/contract';
import { resultsParts } from '../activities/results-parts';

/**
 * Results of the current activity, drawn by the kind's own results view. On the big screen
 * and phones `results` is the public view (below the minimum every count is null, totals
 * included); facilitators get everything plus hide buttons.
 */
export function ResultsView({ results, minCount, large = false, clusters = [], onHide, hidden = [], onRedact }: {
  results: ActivityResults | null;
  minCount: number;
  large?: boolean;
  clusters?: Cluster[];
  onHide?: (itemId: string, hidden: boolean) => void;
  hidden?: string[];
  /** Facilitators: take a text out everywhere (after a confirm dialog). */
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}) {
  if (!results) return null;
  const Results = resultsParts[results.kind] as ComponentType<ResultsViewProps<ActivityResults>>;
  return <Results results={results} minCount={minCount} large={large} clusters={clusters} onHide={onHide} hidden={hidden} onRedact={onRedact} />;
}
