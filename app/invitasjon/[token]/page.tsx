import { Alert, BodyLong, Heading, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';
import { getServices } from '@/server/registry';
import { RegisterForm } from './RegisterForm';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitation');
  if (!(await getServices().auth.invitationIsValid(token))) return <Alert variant="warning">{t('invalid')}</Alert>;
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      <BodyLong>{t('lead')}</BodyLong>
      <RegisterForm token={token} submitLabel={t('submit')} />
    </VStack>
  );
}
