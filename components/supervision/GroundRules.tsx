'use client';

import { Heading } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';

const rules = ['1', '2', '3', '4', '5'] as const;

/** The appreciative ground rules shown at the start: critique practice, not people. */
export function GroundRules({ large = false }: { large?: boolean }) {
  const t = useTranslations('supervision');
  return (
    <section aria-labelledby="ground-rules" className={`rounded-xl bg-ax-bg-success-soft ${large ? 'p-10' : 'p-4'}`}>
      <Heading id="ground-rules" level="2" size={large ? 'xlarge' : 'small'} spacing>
        {t('groundRulesHeading')}
      </Heading>
      <ul className={`m-0 list-disc space-y-1 pl-6 ${large ? 'text-3xl' : ''}`}>
        {rules.map((r) => <li key={r}>{t(`groundRules.${r}`)}</li>)}
      </ul>
    </section>
  );
}
