'use client';

import { Radio, RadioGroup, Switch, Textarea, TextField, ToggleGroup, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { WholeNumberField } from '@/components/WholeNumberField';
import { groupingRules } from '@/lib/workshop/agenda';
import type { ActivityDraftOf, EditorFieldsProps } from '../contract';

type ReflectionConfig = ActivityDraftOf<'reflection'>['config'];

/** Group reflection: the prompt on the groups' board, how groups form, and the time box. */
export function ReflectionFields({ draft, onChange: change, fieldError }: EditorFieldsProps<'reflection'>) {
  const t = useTranslations('reflection.form');
  const config = draft.config;
  const onChange = (c: Partial<ReflectionConfig>) => change({ ...draft, config: { ...config, ...c } });
  return (
    <VStack gap="space-16">
      <Textarea label={t('prompt')} description={t('promptHelp')} value={config.prompt} onChange={(e) => onChange({ prompt: e.target.value })} error={fieldError('prompt')} minRows={2} maxLength={1000} />
      <ToggleGroup label={t('groupSize')} value={String(config.groupSize)} onChange={(v) => onChange({ groupSize: Number(v) })} size="small" className="w-fit">
        {[3, 4, 5].map((n) => (
          <ToggleGroup.Item key={n} value={String(n)} label={String(n)} />
        ))}
      </ToggleGroup>
      <RadioGroup legend={t('grouping')} value={config.grouping} onChange={(v: ReflectionConfig['grouping']) => onChange({ grouping: v })} error={fieldError('grouping')}>
        {groupingRules.map((rule) => (
          <Radio key={rule} value={rule}>
            {t(`groupingOption.${rule}`)}
          </Radio>
        ))}
      </RadioGroup>
      {config.grouping === 'attribute' && (
        <TextField
          label={t('attribute')}
          description={t('attributeHelp')}
          value={config.attribute}
          onChange={(e) => onChange({ attribute: e.target.value })}
          error={fieldError('attribute')}
          className="max-w-sm"
        />
      )}
      <WholeNumberField label={t('minutes')} value={config.minutes} onChange={(minutes) => onChange({ minutes })} min={1} max={180} error={fieldError('minutes')} />
      <Switch checked={config.silentFirst} onChange={(e) => onChange({ silentFirst: e.target.checked })} description={t('silentFirstHelp')}>
        {t('silentFirst')}
      </Switch>
      {config.silentFirst && (
        <WholeNumberField
          label={t('silentMinutes')}
          value={config.silentMinutes}
          onChange={(silentMinutes) => onChange({ silentMinutes })}
          min={1}
          max={60}
          error={fieldError('silentMinutes')}
        />
      )}
    </VStack>
  );
}
