'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { agreementFields, type Agreement } from '@/lib/supervision/outcome';

/** One SMART agreement, each part under its name. */
export function AgreementView({ agreement }: { agreement: Agreement }) {
  const t = useTranslations('supervision');
  const format = useFormatter();
  return (
    <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="agreement">
      {agreementFields.map((f) =>
        agreement[f] ? (
          <div key={f} className="contents">
            <dt className="font-semibold">{t(`agreementShort.${f}`)}</dt>
            <dd className="m-0">{f === 'deadline' ? format.dateTime(new Date(`${agreement.deadline}T12:00:00`), { dateStyle: 'long' }) : agreement[f]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
