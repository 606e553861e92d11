'use client';

import { Alert, BodyShort, Button, Heading, Radio, RadioGroup, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { AppError } from '@/lib/errors';
import { useFormErrors } from '@/components/use-form-errors';
import { evaluationQuestions, type EvaluationQuestion, type OutcomeInput } from '@/lib/supervision/outcome';

/** The short process evaluation, each question on a 0–4 scale; anonymous. */
export function EvaluationForm({ save }: { save: (input: OutcomeInput) => Promise<AppError | null> }) {
  const t = useTranslations('supervision');
  const [answers, setAnswers] = useState<Partial<Record<EvaluationQuestion, number>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState(false);
  const errors = useFormErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = await save({ type: 'evaluate', answers });
    setError(refused);
    setDone(!refused);
  }

  return (
    <form onSubmit={submit}>
      <VStack gap="space-16">
        <div>
          <Heading level="2" size="small">{t('evaluationHeading')}</Heading>
          <BodyShort size="small">{t('evaluationLead')}</BodyShort>
        </div>
        {evaluationQuestions.map((q) => (
          <RadioGroup key={q} legend={t(`evaluationQuestions.${q}`)} value={answers[q] === undefined ? '' : String(answers[q])}
            onChange={(v: string) => { setAnswers((a) => ({ ...a, [q]: Number(v) })); setDone(false); }}>
            <div className="flex flex-wrap gap-x-4">
              {(['0', '1', '2', '3', '4'] as const).map((n) => <Radio key={n} value={n}>{t(`scale.${n}`)}</Radio>)}
            </div>
          </RadioGroup>
        ))}
        {error && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {done && <Alert variant="success" size="small" role="status">{t('evaluationSaved')}</Alert>}
        <div>
          <Button type="submit" disabled={Object.keys(answers).length === 0}>{t('sendEvaluation')}</Button>
        </div>
      </VStack>
    </form>
  );
}
