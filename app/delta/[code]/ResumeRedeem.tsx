'use client';

import { Alert, Loader } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/** Redeems a "switch device" link once, then shows the live view on this device. */
export function ResumeRedeem({ code, token }: { code: string; token: string }) {
  const t = useTranslations('resume');
  const router = useRouter();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void (async () => {
      try {
        const res = await fetch('/api/sessions/resume', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        const body = (await res.json()) as { ok: boolean };
        if (!body.ok) return setFailed(true);
        router.replace(`/delta/${code}`);
        router.refresh();
      } catch {
        setFailed(true);
      }
    })();
  }, [code, token, router]);
  return failed ? <Alert variant="warning" className="mx-auto max-w-md">{t('redeemFailed')}</Alert> : <Loader size="xlarge" title={t('redeeming')} />;
}
