import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { ConsentHistoryEntry } from '@/server/services/consent-service';

/** The project's consent versions, newest first, and how many participants accepted each. */
export async function ConsentHistory({ history }: { history: ConsentHistoryEntry[] }) {
  if (history.length === 0) return null;
  const t = await getTranslations('project');
  const format = await getFormatter();
  return (
    <section aria-labelledby="samtykke">
      <VStack gap="space-8">
        <Heading id="samtykke" level="2" size="small">
          {t('consentHistory')}
        </Heading>
        <ul className="m-0 list-none space-y-1 p-0" data-testid="consent-history">
          {history.map((v) => (
            <li key={v.version}>
              <BodyShort size="small">
                {t('consentVersionRow', { version: v.version, date: format.dateTime(v.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }), count: v.accepted })}
              </BodyShort>
            </li>
          ))}
        </ul>
      </VStack>
    </section>
  );
}
