'use client';

import { Alert, BodyShort, Checkbox, CheckboxGroup, ReadMore, VStack } from '@navikt/ds-react';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import type { Locale } from '@/i18n/locales';
import { formatDateTime } from '@/lib/i18n/format';
import { clientEvents } from '@/lib/protocol';
import type { MergeCandidate } from '@/lib/qsort/merge';

/**
 * Other Q-sorts of this project with the same statements and grid, to analyse as one study with
 * this one: ticking one takes its finished sorts in (kept where they are, with their source and
 * session), unticking lets them go. The list is asked for when opened, so it is current.
 */
export function MergeStudies({ live }: { live: ReturnType<typeof useLiveSession> }) {
  const t = useTranslations('qsort.console.merge');
  const locale = useLocale() as Locale;
  const [studies, setStudies] = useState<MergeCandidate[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  async function load(change?: { session: string; merged: boolean }) {
    if (change) setBusy(change.session);
    const result = await live.call(clientEvents.qsortMerge, change ? { change } : {});
    setBusy(null);
    setFailed(!result.ok);
    if (result.ok) setStudies(result.data);
  }

  return (
    <ReadMore header={t('open')} size="small" onOpenChange={(open) => { if (open) void load(); }}>
      <VStack gap="space-8" data-testid="merge-studies">
        <BodyShort size="small">{t('help')}</BodyShort>
        {failed && <Alert variant="error" size="small" inline>{t('failed')}</Alert>}
        {studies !== null && studies.length === 0 && <BodyShort size="small" data-testid="merge-none">{t('none')}</BodyShort>}
        {studies !== null && studies.length > 0 && (
          <CheckboxGroup legend={t('legend')} size="small" value={studies.filter((s) => s.merged).map((s) => s.sessionId)}>
            {studies.map((s) => (
              <Checkbox key={s.sessionId} value={s.sessionId} disabled={busy !== null} onChange={(e) => void load({ session: s.sessionId, merged: e.target.checked })} description={t('detail', { date: formatDateTime(locale, new Date(s.createdAt)), count: s.done })}>
                {s.title}
              </Checkbox>
            ))}
          </CheckboxGroup>
        )}
      </VStack>
    </ReadMore>
  );
}
