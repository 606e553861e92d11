'use client';

import { Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { EditorFieldsProps } from '../contract';

/** Plenary: how many dots each participant gets, and the one-word question for the word cloud. */
export function PlenaryFields({ draft, onChange: change, fieldError }: EditorFieldsProps<'plenary'>) {
  const t = useTranslations('plenary.form');
  const config = draft.config;
  const onChange = (c: Partial<typeof config>) => change({ ...draft, config: { ...config, ...c } });
  return (
    <VStack gap="space-16">
      <Select label={t('dotVotes')} value={config.dotVotes} onChange={(e) => onChange({ dotVotes: Number(e.target.value) })} error={fieldError('dotVotes')} className="w-fit">
        {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
      <TextField
        label={t('wordCloudQuestion')}
        description={t('wordCloudHelp')}
        value={config.wordCloudQuestion}
        onChange={(e) => onChange({ wordCloudQuestion: e.target.value })}
        error={fieldError('wordCloudQuestion')}
      />
    </VStack>
  );
}
