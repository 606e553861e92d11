'use client';

import { useTranslations } from 'next-intl';
import type { QuestionConfig } from '@/lib/activities/question/config';
import { questionResultsSchema, type QuestionResults } from '@/lib/activities/question/tally';
import { QuestionResultsView } from './QuestionResultsView';

/**
 * The big screen during a Spørsmål: the question large, the choices while people answer, and
 * the public results once the facilitator reveals them ("too few answers" below the minimum).
 */
export function QuestionScreen({ activityId, config, results, revealed, minCount }: {
  activityId: string;
  config: QuestionConfig;
  /** The public view; anything that is not a Spørsmål's results (another step's) is ignored. */
  results: unknown;
  revealed: boolean;
  minCount: number;
}) {
  const t = useTranslations('question.results');
  const mine = asQuestionResults(results, activityId);
  return (
    <div className="grid gap-10" data-testid="question-screen">
      <p className="m-0 text-6xl font-semibold leading-tight">{config.prompt}</p>
      <div className="rounded-xl bg-white p-8">
        {revealed && mine ? (
          <QuestionResultsView results={mine} minCount={minCount} large />
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

/**
 * The results if they are this question's: the results event carries whichever step is
 * current, and two questions may follow each other, so a moment's old results are not shown.
 */
export function asQuestionResults(results: unknown, activityId: string): QuestionResults | null {
  const parsed = questionResultsSchema.safeParse(results);
  return parsed.success && parsed.data.activityId === activityId ? parsed.data : null;
}
