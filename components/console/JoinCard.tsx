'use client';

import { BodyShort, CopyButton, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { formatJoinCode } from '@/lib/join-code';

/** The join code in the control room's side column once the workshop runs (the screen shows it big). */
export function JoinCard({ code, joinUrl, joinHost, qrSvg }: { code: string; joinUrl: string; joinHost: string; qrSvg: string }) {
  const t = useTranslations('console');
  return (
    <section aria-label={t('code')} className="flex items-center gap-3 rounded-xl border border-ax-border-accent-subtle bg-ax-bg-accent-soft p-4 shadow-sm">
      <VStack gap="space-4" className="min-w-0 flex-1">
        <BodyShort size="small" className="break-words">{t('joinAt', { url: joinHost })}</BodyShort>
        <HStack gap="space-4" align="center" wrap={false}>
          <p className="m-0 whitespace-nowrap font-mono text-2xl font-bold tracking-wider" aria-label={`${t('code')}: ${code.split('').join(' ')}`} data-testid="join-code">{formatJoinCode(code)}</p>
          <CopyButton copyText={joinUrl} size="small" title={t('copyLink')} />
        </HStack>
      </VStack>
      <div role="img" aria-label={t('qrAlt', { url: joinUrl })} className="h-16 w-16 shrink-0 rounded-md bg-white p-1 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: qrSvg }} />
    </section>
  );
}
