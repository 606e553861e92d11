import { Alert, BodyLong, Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AccountForm } from '@/components/AccountForm';
import { getServices } from '@/server/registry';
import { setupAction } from '../_actions/auth-actions';

export async function generateMetadata() {
  return { title: (await getTranslations('setup'))('heading') };
}

export default async function SetupPage() {
  const t = await getTranslations('setup');
  const services = getServices();
  if (!(await services.auth.needsSetup())) {
    return (
      <Alert variant="info">
        {t('done')} <Link href="/logg-inn">→</Link>
      </Alert>
    );
  }
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      <BodyLong>{services.config.seedDemo ? t('lead') : t('leadNoDemo')}</BodyLong>
      <AccountForm withName submitLabel={t('submit')} action={setupAction} passwordAutoComplete="new-password" />
    </VStack>
  );
}
