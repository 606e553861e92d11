'use client';

import { BodyShort, Heading } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { Agreement } from '@/lib/supervision/outcome';
import { AgreementView } from './AgreementView';

/** "Til neste gang": the agreements the group made last time open this meeting. */
export function PreviousAgreements({ agreements }: { agreements: Agreement[] }) {
  const t = useTranslations('supervision');
  return (
    <section aria-labelledby="previous-agreements">
      <Heading id="previous-agreements" level="2" size="small" spacing>{t('previousAgreements')}</Heading>
      {agreements.length === 0 ? (
        <BodyShort size="small">{t('noPreviousAgreements')}</BodyShort>
      ) : (
        <ul className="m-0 list-none space-y-3 p-0" data-testid="previous-agreements">
          {agreements.map((a, i) => <li key={i} className="rounded-lg border border-solid border-ax-border-neutral-subtle p-3"><AgreementView agreement={a} /></li>)}
        </ul>
      )}
    </section>
  );
}
