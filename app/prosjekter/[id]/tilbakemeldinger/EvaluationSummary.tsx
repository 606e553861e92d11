import { BodyShort, Box, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useOneDecimal } from '@/components/use-one-decimal';
import { MIN_EVALUATION_ANSWERS, type EvaluationSummary as Summary } from '@/server/services/feedback-archive';

/**
 * The process evaluation as averages per question. Below the minimum count nothing but the
 * count is shown: in a small group a few answers could tell who thought what.
 */
export function EvaluationSummary({ evaluation }: { evaluation: Summary }) {
  const t = useTranslations('feedbackArchive');
  const oneDecimal = useOneDecimal();
  const min = MIN_EVALUATION_ANSWERS;
  if (evaluation.respondents === 0) return <BodyShort>{t('meeting.noEvaluation')}</BodyShort>;
  if (evaluation.respondents < min) return <BodyShort>{t('meeting.tooFew', { min, count: evaluation.respondents })}</BodyShort>;
  return (
    <VStack gap="space-8">
      <BodyShort size="small" className="text-ax-text-neutral-subtle">
        {t('meeting.evaluationHelp')}
      </BodyShort>
      <ul className="m-0 list-none space-y-3 p-0">
        {evaluation.questions.map((q) => (
          <li key={q.question}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <BodyShort>{t(`questions.${q.question}`)}</BodyShort>
              <BodyShort size="small" className="text-ax-text-neutral-subtle">
                {q.average === null ? t('meeting.questionTooFew', { min }) : (
                  <>
                    <strong className="text-ax-text-neutral">{t('meeting.average', { average: oneDecimal(q.average) })}</strong>
                    {' · '}
                    {t('meeting.answers', { count: q.answers })}
                  </>
                )}
              </BodyShort>
            </div>
            {q.average !== null && (
              <Box background="neutral-soft" borderRadius="full" className="mt-1 h-2 overflow-hidden" aria-hidden>
                <div className="h-full rounded-full bg-ax-bg-accent-strong" style={{ width: `${(q.average / 4) * 100}%` }} />
              </Box>
            )}
          </li>
        ))}
      </ul>
    </VStack>
  );
}
