'use client';

import { ArrowUndoIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Heading, HStack, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { saveInstructionsAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { defaultInstructions, qsortSteps, type QsortStep } from '@/lib/qsort/instructions';
import { useSetErrors } from './use-set-errors';

/** The text participants see at each of the six steps, prefilled with the defaults. */
export function InstructionsEditor({ projectId, setId, initial, readOnly }: { projectId: string; setId: string; initial: Record<QsortStep, string>; readOnly: boolean }) {
  const t = useTranslations('statementSets.instructions');
  const [texts, setTexts] = useState(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);
  const set = (step: QsortStep, text: string) => {
    setTexts((current) => ({ ...current, [step]: text }));
    setSaved(false);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await saveInstructionsAction(projectId, setId, texts);
        setError(result.ok ? null : result.error);
        setSaved(result.ok);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="instruksjoner">
      <VStack gap="space-16">
        <div>
          <Heading id="instruksjoner" level="2" size="medium" spacing>
            {t('heading')}
          </Heading>
          <BodyShort className="max-w-prose">{t('lead')}</BodyShort>
        </div>
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {qsortSteps.map((step) => {
          const changed = texts[step].trim() !== defaultInstructions[step];
          return (
            <VStack key={step} gap="space-4">
              <Textarea
                label={
                  <HStack as="span" gap="space-8" align="center">
                    {t(`step.${step}`)}
                    {changed && <Tag size="xsmall" variant="moderate" data-color="info">{t('changed')}</Tag>}
                  </HStack>
                }
                value={texts[step]}
                onChange={(e) => set(step, e.target.value)}
                error={errors.field(step)}
                minRows={2}
                maxLength={2000}
                readOnly={readOnly}
              />
              {changed && !readOnly && (
                <div>
                  <Button type="button" size="xsmall" variant="tertiary" icon={<ArrowUndoIcon aria-hidden />} onClick={() => set(step, defaultInstructions[step])} aria-label={t('resetStep', { step: t(`step.${step}`) })}>
                    {t('reset')}
                  </Button>
                </div>
              )}
            </VStack>
          );
        })}
        {!readOnly && (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={pending}>
              {t('save')}
            </Button>
            <div role="status">{saved && <Alert variant="success" size="small" inline>{t('saved')}</Alert>}</div>
          </div>
        )}
      </VStack>
    </form>
  );
}
