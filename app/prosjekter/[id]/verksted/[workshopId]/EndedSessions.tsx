import { BarChartIcon } from '@navikt/aksel-icons';
import { BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';

/** The workshop's ended sessions, each linking to its results page. */
export function EndedSessions({ projectId, sessions }: { projectId: string; sessions: { sessionId: string; endedAt: Date | null; startedAt: Date }[] }) {
  const t = useTranslations('sessionResults');
  const format = useFormatter();
  if (sessions.length === 0) return null;
  return (
    <Box as="section" aria-labelledby="avsluttede-okter" background="raised" padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" data-testid="ended-sessions">
      <VStack gap="space-8">
        <Heading id="avsluttede-okter" level="2" size="small">
          {t('endedSessions')}
        </Heading>
        <BodyShort size="small" className="text-ax-text-neutral-subtle">
          {t('endedSessionsLead')}
        </BodyShort>
        <ul className="m-0 list-none space-y-2 p-0">
          {sessions.map((s) => {
            const date = format.dateTime(s.endedAt ?? s.startedAt, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });
            return (
              <li key={s.sessionId}>
                <Link href={`/prosjekter/${projectId}/live/${s.sessionId}/resultater`} className="aksel-link inline-flex items-center gap-2">
                  <BarChartIcon aria-hidden />
                  {t('openLinkFor', { date })}
                </Link>
              </li>
            );
          })}
        </ul>
      </VStack>
    </Box>
  );
}
