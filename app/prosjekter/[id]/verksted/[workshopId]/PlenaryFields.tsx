'use client';

import { Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { AgendaActivity } from '@/lib/workshop/agenda';

type PlenaryConfig = Extract<AgendaActivity, { kind: 'plenary' }>['config'];

/** Plenary: how many dots each participant gets, and the one-word question for the word cloud. */
export function PlenaryFields({ config, onChange, fieldError }: {
  config: PlenaryConfig;
  onChange: (change: Partial<PlenaryConfig>) => void;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations('workshop.form');
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
