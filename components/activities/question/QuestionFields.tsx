'use client';

import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Fieldset, HStack, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { EditorFieldsProps } from '../contract';
import { isChoiceFormat, isScaleFormat, MAX_OPTIONS, MIN_OPTIONS, newOptionId, questionFormats, type QuestionConfig, type QuestionFormat } from '@/lib/activities/question/config';

/**
 * The agenda editor's fields for a Spørsmål: the question, its answer format, and what the
 * format needs (options for a choice, the end texts of a scale). Switching the format keeps
 * what was typed for the others.
 */
export function QuestionFields({ config, onChange, fieldError }: {
  config: QuestionConfig;
  onChange: (change: Partial<QuestionConfig>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations('question.form');
  const setOption = (id: string, text: string) => onChange({ options: config.options.map((o) => (o.id === id ? { ...o, text } : o)) });
  // The shared form knows no code for "too few options"; this form says it in its own words.
  const optionsError = fieldError('options') && (config.options.length < MIN_OPTIONS ? t('error.OPTIONS_REQUIRED') : fieldError('options'));
  return (
    <VStack gap="space-16">
      <TextField label={t('prompt')} description={t('promptHelp')} value={config.prompt} onChange={(e) => onChange({ prompt: e.target.value })} error={fieldError('prompt')} maxLength={300} />
      <Select label={t('format')} value={config.format} onChange={(e) => onChange({ format: e.target.value as QuestionFormat })} error={fieldError('format')} className="w-fit">
        {questionFormats.map((format) => (
          <option key={format} value={format}>{t(`formats.${format}`)}</option>
        ))}
      </Select>
      {isChoiceFormat(config.format) && (
        <Fieldset legend={t('options')} description={t('optionsHelp')} error={optionsError}>
          <VStack gap="space-12">
            {config.options.map((o, i) => (
              <HStack key={o.id} gap="space-8" align="end" wrap={false}>
                <TextField label={t('option', { number: i + 1 })} value={o.text} onChange={(e) => setOption(o.id, e.target.value)} error={fieldError(`options.${i}.text`)} className="grow" maxLength={120} />
                <Button type="button" variant="tertiary-neutral" icon={<TrashIcon title={t('removeOption', { number: i + 1 })} />}
                  onClick={() => onChange({ options: config.options.filter((other) => other.id !== o.id) })} />
              </HStack>
            ))}
            <div>
              <Button type="button" size="small" variant="secondary" icon={<PlusIcon aria-hidden />} disabled={config.options.length >= MAX_OPTIONS}
                onClick={() => onChange({ options: [...config.options, { id: newOptionId(config.options.map((o) => o.id)), text: '' }] })}>
                {t('addOption')}
              </Button>
            </div>
          </VStack>
        </Fieldset>
      )}
      {isScaleFormat(config.format) && (
        <Fieldset legend={t(`formats.${config.format}`)} description={t('labelsHelp')}>
          <HStack gap="space-8" wrap>
            <TextField label={t('lowLabel')} value={config.lowLabel} onChange={(e) => onChange({ lowLabel: e.target.value })} error={fieldError('lowLabel')} maxLength={60} />
            <TextField label={t('highLabel')} value={config.highLabel} onChange={(e) => onChange({ highLabel: e.target.value })} error={fieldError('highLabel')} maxLength={60} />
          </HStack>
        </Fieldset>
      )}
      {config.format === 'open' && <BodyShort size="small">{t('openHelp')}</BodyShort>}
    </VStack>
  );
}

/** The editor part of the UI contract: the draft's config in, the whole draft out. */
export function QuestionEditorFields({ draft, onChange, fieldError }: EditorFieldsProps<'question'>) {
  return <QuestionFields config={draft.config} onChange={(change) => onChange({ ...draft, config: { ...draft.config, ...change } })} fieldError={fieldError} />;
}
