'use client';

import { Button } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { AppError } from '@/lib/errors';
import type { RedactTarget } from '@/lib/protocol';
import { ConfirmAction } from '../live/ConfirmAction';

/**
 * The facilitator's hands on a tally's texts, shared by every kind's results view: hide an
 * item from the screen and phones, redact it everywhere, and the marker a redacted text shows.
 * Without `onHide` / `onRedact` (the public views) the buttons are absent.
 */
export function useResultControls({ onHide, hidden, onRedact }: {
  onHide?: (itemId: string, hidden: boolean) => void;
  hidden: string[];
  onRedact?: (target: RedactTarget) => Promise<AppError | null>;
}) {
  const t = useTranslations('live');
  const tRedaction = useTranslations('redaction');
  const hideButton = (id: string): ReactNode =>
    onHide && (
      <Button size="xsmall" variant="tertiary-neutral" onClick={() => onHide(id, !hidden.includes(id))}>
        {hidden.includes(id) ? t('unhideItem') : t('hideItem')}
      </Button>
    );
  const redactButton = (target: RedactTarget, redacted: boolean | undefined): ReactNode =>
    onRedact && !redacted && (
      <ConfirmAction label={tRedaction('redact')} title={tRedaction('redactTitle')} body={tRedaction('redactConfirm')} confirm={tRedaction('confirmRedact')} onConfirm={() => onRedact(target)} />
    );
  const shown = (item: { text: string; redacted?: boolean }): ReactNode => (item.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : item.text);
  return { hideButton, redactButton, shown };
}
