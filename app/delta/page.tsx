import { BodyShort, Box, Heading, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';
import { JoinCodeForm } from '@/components/JoinCodeForm';

export async function generateMetadata() {
  return { title: (await getTranslations('landing'))('joinHeading') };
}

export default async function JoinPage() {
  const t = await getTranslations('landing');
  return (
    <Box background="raised" padding="space-24" borderRadius="12" className="mx-auto max-w-md">
      <VStack gap="space-12">
        <Heading level="1" size="large">
          {t('joinHeading')}
        </Heading>
        <BodyShort>{t('joinHelp')}</BodyShort>
        <JoinCodeForm />
      </VStack>
    </Box>
  );
}
