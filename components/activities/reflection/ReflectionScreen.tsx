'use client';

import { VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useNow } from '@/components/workshop/use-now';
import { silentWritingActive } from '@/lib/workshop/runtime';
import type { ScreenViewProps } from '../contract';

/** The prompt large, and how many groups are ready. */
export function ReflectionScreen({ live, runtime, activity }: ScreenViewProps<'reflection'>) {
  const t = useTranslations('live');
  const now = useNow();
  return (
    <VStack gap="space-24">
      <p className="m-0 text-5xl font-semibold leading-tight">{activity.config.prompt}</p>
      {silentWritingActive(runtime, now + live.clockOffset) && <p className="m-0 text-3xl">{t('silentWriting')}</p>}
      <p className="m-0 text-3xl" data-testid="screen-ready">{t('readyCount', { ready: runtime.ready.length, total: runtime.groups.length })}</p>
    </VStack>
  );
}
