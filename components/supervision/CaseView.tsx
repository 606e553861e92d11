'use client';

import { BodyLong, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { SupervisionCase } from '@/lib/supervision/engine';

/** The anonymised case and the case owner's question, as the group sees it. */
export function CaseView({ value, large = false }: { value: SupervisionCase | null; large?: boolean }) {
  const t = useTranslations('supervision');
  if (!value) return <BodyLong className="italic">{t('caseMissing')}</BodyLong>;
  return (
    <VStack gap="space-8" data-testid="case">
      <BodyLong className={`whitespace-pre-line ${large ? '!text-3xl' : ''}`}>{value.framlegg}</BodyLong>
      <Heading level="3" size={large ? 'large' : 'xsmall'} className={large ? '!text-4xl !leading-snug' : ''}>
        {value.question}
      </Heading>
    </VStack>
  );
}
