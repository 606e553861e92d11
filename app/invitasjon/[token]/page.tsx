import { Alert, BodyLong, Heading, Link, VStack } from '@navikt/ds-react';
import { getTranslations } from 'next-intl/server';
import { getServices } from '@/server/registry';
import { currentUser } from '@/app/_lib/auth';
import { AcceptInvitation } from './AcceptInvitation';
import { RegisterForm } from './RegisterForm';

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitation');
  if (!(await getServices().auth.invitationIsValid(token))) return <Alert variant="warning">{t('invalid')}</Alert>;
  const user = await currentUser();
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      {user ? (
        <>
          <BodyLong>{t('signedInAs', { name: user.name })}</BodyLong>
          <AcceptInvitation token={token} label={t('accept')} />
        </>
      ) : (
        <>
          <BodyLong>{t('lead')}</BodyLong>
          <RegisterForm token={token} submitLabel={t('submit')} />
          <BodyLong size="small">
            {t('orSignIn')} <Link href={`/logg-inn?neste=${encodeURIComponent(`/invitasjon/${token}`)}`}>{t('signInFirst')}</Link>
          </BodyLong>
        </>
      )}
    </VStack>
  );
}
