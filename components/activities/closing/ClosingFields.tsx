'use client';

import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { Button, Fieldset, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { newQuestionId } from '@/lib/workshop/agenda';
import type { EditorFieldsProps } from '../contract';

const MAX_QUESTIONS = 10;

/** Closing round: evaluation questions answered on 0–4, and an optional free-text question. */
export function ClosingFields({ draft, onChange: change, fieldError }: EditorFieldsProps<'closing'>) {
  const t = useTranslations('closing.form');
  const config = draft.config;
  const onChange = (c: Partial<typeof config>) => change({ ...draft, config: { ...config, ...c } });
  const setText = (id: string, text: string) => onChange({ questions: config.questions.map((q) => (q.id === id ? { ...q, text } : q)) });
  return (
    <VStack gap="space-16">
      <Fieldset legend={t('questions')} description={t('questionsHelp')} error={fieldError('questions')}>
        <VStack gap="space-12">
          {config.questions.map((q, i) => (
            <HStack key={q.id} gap="space-8" align="end" wrap={false}>
              <TextField
                label={t('question', { number: i + 1 })}
                value={q.text}
                onChange={(e) => setText(q.id, e.target.value)}
                error={fieldError(`questions.${i}.text`)}
                className="grow"
              />
              <Button
                type="button"
                variant="tertiary-neutral"
                icon={<TrashIcon title={t('removeQuestion', { number: i + 1 })} />}
                onClick={() => onChange({ questions: config.questions.filter((other) => other.id !== q.id) })}
              />
            </HStack>
          ))}
          <div>
            <Button
              type="button"
              size="small"
              variant="secondary"
              icon={<PlusIcon aria-hidden />}
              disabled={config.questions.length >= MAX_QUESTIONS}
              onClick={() => onChange({ questions: [...config.questions, { id: newQuestionId(), text: '' }] })}
            >
              {t('addQuestion')}
            </Button>
          </div>
        </VStack>
      </Fieldset>
      <TextField
        label={t('freeTextQuestion')}
        description={t('freeTextHelp')}
        value={config.freeTextQuestion}
        onChange={(e) => onChange({ freeTextQuestion: e.target.value })}
        error={fieldError('freeTextQuestion')}
      />
    </VStack>
  );
}
