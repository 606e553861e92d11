'use client';

import { BodyShort, Button, CopyButton, HStack, ReadMore, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { clientEvents } from '@/lib/protocol';
import type { useLiveSession } from './use-live-session';

/** Lets a participant continue on another device: a one-use link, also as a QR code. */
export function ResumeLink({ live, code }: { live: ReturnType<typeof useLiveSession>; code: string }) {
  const t = useTranslations('resume');
  const [link, setLink] = useState<{ url: string; svg: string } | null>(null);
  async function make() {
    const result = await live.call(clientEvents.resumeLink, {});
    if (!result.ok) return;
    const url = `${window.location.origin}/delta/${code}?fortsett=${encodeURIComponent(result.data.token)}`;
    // Loaded only when someone asks for a link: most phones never do (issue 14's page weight).
    const { default: QRCode } = await import('qrcode');
    setLink({ url, svg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'L' }) });
  }
  return (
    <ReadMore header={t('heading')}>
      <VStack gap="space-8">
        <BodyShort>{t('lead')}</BodyShort>
        {!link ? (
          <div><Button variant="secondary" onClick={() => void make()}>{t('make')}</Button></div>
        ) : (
          <HStack gap="space-12" align="center">
            <div role="img" aria-label={t('qr')} className="h-40 w-40 [&>svg]:h-full [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: link.svg }} />
            <VStack gap="space-4" className="min-w-0 flex-1">
              <BodyShort size="small" className="break-all" data-testid="resume-url">{link.url}</BodyShort>
              <CopyButton copyText={link.url} text={t('copy')} />
            </VStack>
          </HStack>
        )}
      </VStack>
    </ReadMore>
  );
}
