import { Box, Heading } from '@navikt/ds-react';
import { useFormatter, useTranslations } from 'next-intl';
import { agreementFields, type Agreement } from '@/lib/supervision/outcome';

/** An agreement as its six SMARTE parts, each labelled, so the next meeting can check each one. */
export function AgreementFields({ agreement, title }: { agreement: Agreement; title: string }) {
  const t = useTranslations('feedbackArchive.smart');
  const format = useFormatter();
  const value = (field: (typeof agreementFields)[number]) =>
    field === 'deadline' ? format.dateTime(new Date(`${agreement.deadline}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }) : agreement[field] || '–';
  return (
    <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="border-l-4 border-l-ax-border-accent">
      <Heading level="4" size="xsmall" spacing>
        {title}
      </Heading>
      <dl className="m-0 grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(8rem,max-content)_1fr]">
        {agreementFields.map((field) => (
          <div key={field} className="contents">
            <dt className="font-semibold">
              <span aria-hidden className="mr-1 inline-block w-5 text-ax-text-accent">
                {t(field).charAt(0)}
              </span>
              {t(field)}
            </dt>
            <dd className="m-0 mb-2 whitespace-pre-wrap pl-5 sm:mb-0 sm:pl-0">{value(field)}</dd>
          </div>
        ))}
      </dl>
    </Box>
  );
}
