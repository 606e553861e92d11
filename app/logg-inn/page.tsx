import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeReturnPath } from '@/lib/safe-path';
import { getServices } from '@/server/registry';
import { SignInForm } from './SignInForm';
import { currentUser } from '../_lib/auth';

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('heading') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ neste?: string }> }) {
  if (await getServices().auth.needsSetup()) redirect('/oppsett');
  const { neste } = await searchParams;
  if (await currentUser()) redirect(safeReturnPath(neste));
  const t = await getTranslations('signIn');
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      <SignInForm returnTo={safeReturnPath(neste)} submitLabel={t('submit')} />
      <BodyShort size="small">{t('noAccount')}</BodyShort>
    </VStack>
  );
}
