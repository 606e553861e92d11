import { Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { findingStatuses } from '@/lib/finding-schemas';

type FindingStatus = (typeof findingStatuses)[number];

/** The same colour per status as the finding pages (app/prosjekter/[id]/funn/StatusTag.tsx). */
const colour = { forelopig: 'neutral', bekreftet: 'success', nyansert: 'warning', avkreftet: 'danger' } as const satisfies Record<FindingStatus, string>;
const isStatus = (s: string): s is FindingStatus => (findingStatuses as readonly string[]).includes(s);

/** A finding's current status; nothing for a status this build does not know. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations('project.status');
  if (!isStatus(status)) return null;
  return (
    <Tag size="xsmall" variant="moderate" data-color={colour[status]} className="shrink-0">
      {t(status)}
    </Tag>
  );
}
