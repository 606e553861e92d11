import { BodyLong, BodyShort, Box, Heading, HGrid, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { JoinCodeForm } from '@/components/JoinCodeForm';
import { currentUser } from './_lib/auth';

export default async function LandingPage() {
  const t = await getTranslations('landing');
  const user = await currentUser();
  const workflows = [
    { title: t('workshopTitle'), text: t('workshopText') },
    { title: t('supervisionTitle'), text: t('supervisionText') },
    { title: t('qsortTitle'), text: t('qsortText') },
  ];
  return (
    <VStack gap="space-32">
      <HGrid gap="space-24" columns={{ xs: 1, md: '3fr 2fr' }} align="start">
        <VStack gap="space-16">
          <Heading level="1" size="xlarge">
            {t('heading')}
          </Heading>
          <BodyLong size="large">{t('lead')}</BodyLong>
          <BodyShort size="small" className="text-ax-text-neutral-subtle">
            {t('privacyNote')}
          </BodyShort>
        </VStack>
        <Box background="raised" padding="space-24" borderRadius="12" shadow="dialog">
          <VStack gap="space-12">
            <Heading level="2" size="medium">
              {t('joinHeading')}
            </Heading>
            <BodyShort>{t('joinHelp')}</BodyShort>
            <JoinCodeForm />
          </VStack>
        </Box>
      </HGrid>
      <HGrid gap="space-16" columns={{ xs: 1, sm: 3 }}>
        {workflows.map((w) => (
          <Box key={w.title} background="raised" padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
            <Heading level="2" size="small" spacing>
              {w.title}
            </Heading>
            <BodyShort>{w.text}</BodyShort>
          </Box>
        ))}
      </HGrid>
      <Box padding="space-20" borderRadius="8" background="accent-soft">
        <Heading level="2" size="small" spacing>
          {t('facilitatorHeading')}
        </Heading>
        <BodyShort spacing>{t('facilitatorText')}</BodyShort>
        <Link href={user ? '/prosjekter' : '/logg-inn'} className="aksel-link">
          {t('goToProjects')}
        </Link>
      </Box>
    </VStack>
  );
}
