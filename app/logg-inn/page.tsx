import { Alert, BodyShort, Button, Heading, VStack } from '@navikt/ds-react';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeReturnPath } from '@/lib/safe-path';
import { getServices } from '@/server/registry';
import { SignInForm } from './SignInForm';
import { currentUser } from '../_lib/auth';

/** Errors the OpenID Connect callback sends back here (anything else in `feil` is ignored). */
const OIDC_ERRORS = ['OIDC_FAILED', 'OIDC_STATE_INVALID', 'OIDC_ACCOUNT_CONFLICT'] as const;
const oidcError = (value: string | undefined) => OIDC_ERRORS.find((code) => code === value);

export async function generateMetadata() {
  return { title: (await getTranslations('signIn'))('heading') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ neste?: string; feil?: string }> }) {
  const services = getServices();
  if (await services.auth.needsSetup()) redirect('/oppsett');
  const { neste, feil } = await searchParams;
  const returnTo = safeReturnPath(neste);
  if (await currentUser()) redirect(returnTo);
  const t = await getTranslations('signIn');
  const tErrors = await getTranslations('errors');
  const oidc = services.config.oidc;
  const error = oidcError(feil);
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      {error && <Alert variant="error">{tErrors(error)}</Alert>}
      {oidc && (
        <>
          <div>
            <Button as="a" href={`/auth/oidc/start?neste=${encodeURIComponent(returnTo)}`}>
              {t('withProvider', { label: oidc.label })}
            </Button>
          </div>
          <BodyShort>{t('or')}</BodyShort>
        </>
      )}
      <SignInForm returnTo={returnTo} submitLabel={t('submit')} />
      <BodyShort size="small">{t('noAccount')}</BodyShort>
    </VStack>
  );
}
