import { ArrowRightIcon } from '@navikt/aksel-icons';
import { BodyLong, Box, Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/**
 * What a facilitator who has never run a session does next: the demo workshop, step by step,
 * in the words the buttons use. Gone once any of their projects has run a session.
 */
export async function FirstUseGuide({ demo }: { demo: { id: string; name: string } }) {
  const t = await getTranslations('projects.guide');
  return (
    <Box as="section" aria-labelledby="first-use-heading" background="info-soft" padding="space-24" borderRadius="12" data-testid="first-use-guide">
      <VStack gap="space-12">
        <Heading id="first-use-heading" level="2" size="medium">{t('heading')}</Heading>
        <BodyLong>{t('lead')}</BodyLong>
        <ol className="m-0 space-y-2 pl-6">
          <li>{t('step1', { name: demo.name })}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
          <li>{t('step4')}</li>
          <li>{t('step5')}</li>
        </ol>
        {/* A link that looks like the primary button: it goes somewhere, it does not act. */}
        <Link href={`/prosjekter/${demo.id}`}
          className="inline-flex items-center gap-2 self-start rounded-lg bg-ax-bg-accent-strong px-5 py-3 font-semibold text-ax-text-accent-contrast no-underline hover:bg-ax-bg-accent-strong-hover focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ax-border-focus">
          {t('open')}
          <ArrowRightIcon aria-hidden />
        </Link>
      </VStack>
    </Box>
  );
}
