import { Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { FindingStatus } from '@/db/schema';

/** One colour per status, the same everywhere a finding is shown. */
export const statusColour = { forelopig: 'neutral', bekreftet: 'success', nyansert: 'warning', avkreftet: 'danger' } as const satisfies Record<FindingStatus, string>;

export function StatusTag({ status, size = 'small' }: { status: FindingStatus; size?: 'small' | 'xsmall' | 'medium' }) {
  const t = useTranslations('project.status');
  return (
    <Tag size={size} variant="moderate" data-color={statusColour[status]} className="shrink-0">
      {t(status)}
    </Tag>
  );
}
