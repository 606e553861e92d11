import { BodyLong, Box, Heading, Label, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { FindingCard } from '@/lib/protocol';

/** A finding as shown on the big screen and on phones: title, summary, quotes, the question. */
export function FindingCardView({ finding, size = 'medium' }: { finding: FindingCard; size?: 'medium' | 'large' }) {
  const t = useTranslations('live');
  const large = size === 'large';
  return (
    <Box background="raised" padding={large ? 'space-40' : 'space-20'} borderRadius="12" shadow="dialog" data-testid="finding-card">
      <VStack gap={large ? 'space-24' : 'space-12'}>
        {finding.theme && (
          <Label as="p" size={large ? 'medium' : 'small'} className="uppercase tracking-wide text-ax-text-accent">
            {finding.theme}
          </Label>
        )}
        <Heading level="2" size={large ? 'xlarge' : 'medium'} className={large ? '!text-5xl !leading-tight' : ''}>
          {finding.title}
        </Heading>
        <BodyLong size="large" className={large ? '!text-3xl !leading-snug' : ''}>
          {finding.summary}
        </BodyLong>
        {finding.quotes.length > 0 && (
          <VStack gap="space-8" as="ul" className="m-0 list-none p-0" aria-label={t('quotes')}>
            {finding.quotes.map((q) => (
              <li key={q}>
                <blockquote className={`m-0 border-0 border-l-4 border-solid border-ax-border-accent pl-4 italic ${large ? 'text-2xl' : ''}`}>«{q}»</blockquote>
              </li>
            ))}
          </VStack>
        )}
        {finding.reflectionQuestion && (
          <Box background="accent-soft" padding={large ? 'space-24' : 'space-12'} borderRadius="8">
            <Label as="p" size="small" className={large ? '!text-xl' : ''}>
              {t('reflectionQuestion')}
            </Label>
            <BodyLong weight="semibold" className={large ? '!text-3xl' : ''}>
              {finding.reflectionQuestion}
            </BodyLong>
          </Box>
        )}
      </VStack>
    </Box>
  );
}
