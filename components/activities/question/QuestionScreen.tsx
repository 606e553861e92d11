'use client';

import { useTranslations } from 'next-intl';
import type { QuestionConfig } from '@/lib/activities/question/config';
import type { QuestionResults } from '@/lib/activities/question/tally';
import { QuestionResultsView } from './QuestionResultsView';

/**
 * The big screen during a Spørsmål: the question large, the choices while people answer, and
 * the public results once the facilitator reveals them ("too few answers" below the minimum).
 */
export function QuestionScreen({ config, results, revealed, minCount }: {
  config: QuestionConfig;
  /** This question's public results (`resultsOfQuestion`), null while there are none. */
  results: QuestionResults | null;
  revealed: boolean;
  minCount: number;
}) {
  const t = useTranslations('question.results');
  return (
    <div className="grid gap-10" data-testid="question-screen">
      <p className="m-0 text-6xl font-semibold leading-tight">{config.prompt}</p>
      <div className="rounded-xl bg-white p-8">
        {revealed && results ? (
          <QuestionResultsView results={results} minCount={minCount} large />
        ) : (
          <>
            {(config.format === 'single' || config.format === 'multiple') && (
              <ol className="m-0 mb-6 list-none space-y-3 p-0 text-4xl">{config.options.map((o) => <li key={o.id}>{o.text}</li>)}</ol>
            )}
            <p className="m-0 text-3xl">{t('notRevealed')}</p>
          </>
        )}
      </div>
    </div>
  );
}
