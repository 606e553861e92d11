import { CalendarIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useFormatter } from 'next-intl';

/** A titled part of an archive card (the case, the factors, the comments …). */
export function ArchivePart({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <Heading level="3" size="small" spacing>
        {title}
      </Heading>
      {children}
    </section>
  );
}

/**
 * The frame every archive card shares: the kind and "ongoing" tags, the heading, the date and
 * the workshop it ran in, then the source's own meta line and parts.
 */
export function ArchiveCard({ headingId, kind, kindColor, ongoing, heading, startedAt, workshopLine, meta, below, testId, children }: {
  headingId: string;
  kind: string;
  kindColor: 'accent' | 'meta-purple';
  /** The "ongoing" label, or null once the session has ended. */
  ongoing: string | null;
  heading: string;
  startedAt: Date;
  workshopLine: string | null;
  meta?: React.ReactNode;
  below?: React.ReactNode;
  testId?: string;
  children: React.ReactNode;
}) {
  const format = useFormatter();
  return (
    <Box as="article" aria-labelledby={headingId} background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid={testId}>
      <VStack gap="space-20">
        <header>
          <HStack gap="space-8" align="center" className="mb-1">
            <Tag size="xsmall" variant="moderate" data-color={kindColor}>
              {kind}
            </Tag>
            {ongoing && (
              <Tag size="xsmall" variant="strong" data-color="success">
                {ongoing}
              </Tag>
            )}
          </HStack>
          <Heading id={headingId} level="2" size="medium" className="break-words">
            {heading}
          </Heading>
          <HStack gap="space-16" className="mt-1">
            <BodyShort size="small" className="flex items-center gap-1 text-ax-text-neutral-subtle">
              <CalendarIcon aria-hidden />
              <time dateTime={startedAt.toISOString()}>{format.dateTime(startedAt, { dateStyle: 'full', timeZone: 'Europe/Oslo' })}</time>
            </BodyShort>
            {workshopLine && (
              <BodyShort size="small" className="text-ax-text-neutral-subtle">
                {workshopLine}
              </BodyShort>
            )}
            {meta}
          </HStack>
          {below}
        </header>
        {children}
      </VStack>
    </Box>
  );
}
