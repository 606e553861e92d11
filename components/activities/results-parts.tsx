'use client';

import dynamic from 'next/dynamic';
import type { ComponentType } from 'react';
import type { ActivityResults } from '@/lib/workshop/results';
import type { ResultsOf, ResultsViewProps } from './contract';

type KindWithResults = ActivityResults['kind'];

/** Nothing while a tally's part loads: it shows a moment later, in place. */
const Empty = () => null;

/*
 * Each kind's tally, its own chunk. The tally shows on phones after reveal, in the console and
 * on the screen; drawn from the full registry it would pull every kind's parts (the console's,
 * the editor's, the Yjs board) into the phone page. `loading` keeps a Suspense boundary here.
 */
export const resultsParts: { readonly [K in KindWithResults]: ComponentType<ResultsViewProps<ResultsOf<K>>> } = {
  findings: dynamic<ResultsViewProps<ResultsOf<'findings'>>>(() => import('./findings/FindingsResults').then((m) => m.FindingsResults), { loading: Empty }),
  plenary: dynamic<ResultsViewProps<ResultsOf<'plenary'>>>(() => import('./plenary/PlenaryResults').then((m) => m.PlenaryResults), { loading: Empty }),
  closing: dynamic<ResultsViewProps<ResultsOf<'closing'>>>(() => import('./closing/ClosingResults').then((m) => m.ClosingResults), { loading: Empty }),
  question: dynamic<ResultsViewProps<ResultsOf<'question'>>>(() => import('./question/QuestionResultsView').then((m) => m.QuestionResults), { loading: Empty }),
};
