'use client';

import { BodyLong, BodyShort, Heading, Process } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import type { FindingStatus } from '@/db/schema';

export interface StatusChangeView {
  id: string;
  fromStatus: FindingStatus;
  toStatus: FindingStatus;
  note: string;
  changedAt: Date;
  changedBy: string | null;
}

/**
 * How the finding moved, newest first, each change with the note that justified it. A client
 * component: `Process.Event` is a property of a client component, unreachable from the server.
 */
export function StatusHistory({ changes }: { changes: StatusChangeView[] }) {
  const t = useTranslations('findings.history');
  const tStatus = useTranslations('project.status');
  const format = useFormatter();
  return (
    <section aria-labelledby="statushistorikk">
      <Heading id="statushistorikk" level="2" size="small" spacing>{t('heading')}</Heading>
      {changes.length === 0 ? (
        <BodyShort>{t('none')}</BodyShort>
      ) : (
        <Process aria-labelledby="statushistorikk" hideStatusText>
          {[...changes].reverse().map((c) => (
            <Process.Event
              key={c.id}
              status="completed"
              title={c.fromStatus === c.toStatus ? t('unchanged', { status: tStatus(c.toStatus) }) : t('change', { from: tStatus(c.fromStatus), to: tStatus(c.toStatus) })}
              timestamp={format.dateTime(c.changedAt, { dateStyle: 'medium', timeStyle: 'short' })}
            >
              {c.note && <BodyLong className="whitespace-pre-line">{c.note}</BodyLong>}
              {c.changedBy && <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('by', { name: c.changedBy })}</BodyShort>}
            </Process.Event>
          ))}
        </Process>
      )}
    </section>
  );
}
