'use client';

import { BodyShort } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import type { ConsolePanelProps } from '../contract';

/** Which finding the room is on, as the screen shows it. */
export function FindingsConsole({ runtime, activity, findings }: ConsolePanelProps<'findings'>) {
  const t = useTranslations('live');
  const finding = findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex]);
  return (
    <>
      <BodyShort>{t('findingOf', { current: runtime.findingIndex + 1, total: activity.config.findingIds.length })}</BodyShort>
      {finding && <FindingCardView finding={finding} />}
    </>
  );
}
