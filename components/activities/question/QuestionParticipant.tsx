'use client';

import { BodyShort, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Ack } from '@/lib/protocol';
import type { MyQuestionAnswer, QuestionAnswer } from '@/lib/activities/question/answers';
import type { QuestionConfig } from '@/lib/activities/question/config';
import type { QuestionResults } from '@/lib/activities/question/tally';
import { QuestionAnswerForm } from './QuestionAnswerForm';
import { QuestionResultsView } from './QuestionResultsView';

/** The phone during a Spørsmål: answer (and change the answer) until locked, then the public results after reveal. */
export function QuestionParticipant({ config, locked, notices, minCount, results, saved, submit, formKey }: {
  config: QuestionConfig;
  locked: boolean;
  /** The shell's notices (locked, one of yours redacted), shown above the form. */
  notices?: ReactNode;
  minCount: number;
  /** This question's public results (`resultsOfQuestion`; null before reveal). */
  results: QuestionResults | null;
  saved: MyQuestionAnswer | null;
  submit: (answer: QuestionAnswer) => Promise<Ack<null>>;
  /** Changes when the form must start again from `saved` (a redaction of the answer). */
  formKey?: string | number;
}) {
  const t = useTranslations('question.phone');
  return (
    <VStack gap="space-12" data-testid="question-phone">
      {notices}
      {locked ? (
        <>
          <BodyShort weight="semibold">{config.prompt}</BodyShort>
          {saved && <BodyShort>{t('yourAnswer', { answer: describe(config, saved) })}</BodyShort>}
        </>
      ) : (
        <QuestionAnswerForm key={`${formKey ?? ''}:${JSON.stringify(saved)}`} config={config} saved={saved} submit={submit} />
      )}
      {results && <QuestionResultsView results={results} minCount={minCount} />}
    </VStack>
  );
}

/** The stored answer in words, for a phone whose input is locked. */
function describe(config: QuestionConfig, saved: MyQuestionAnswer): string {
  if (saved.type === 'choice') return saved.optionIds.map((id) => config.options.find((o) => o.id === id)?.text ?? '').filter(Boolean).join(', ');
  if (saved.type === 'scale') return String(saved.value);
  return saved.text;
}
