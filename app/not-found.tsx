import { Heading, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <VStack gap="space-16">
      <Heading level="1" size="large">
        {t('heading')}
      </Heading>
      <Link href="/" className="aksel-link">
        {t('back')}
      </Link>
    </VStack>
  );
}
