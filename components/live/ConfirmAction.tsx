'use client';

import { Alert, BodyShort, Button, Modal } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useRef, useState, type ReactNode } from 'react';
import type { AppError } from '@/lib/errors';

/**
 * A button that asks before it acts: a removal cannot be undone, so it always goes through a
 * dialog that says what happens. The dialog stays open with the translated reason if it fails.
 */
export function ConfirmAction({ label, accessibleName, title, body, confirm, onConfirm, variant = 'tertiary-neutral', size = 'xsmall' }: {
  /** The button's text (or accessible name). */
  label: ReactNode;
  /** The button's full name for screen readers, when `label` is a short visible form of it. */
  accessibleName?: string;
  title: string;
  body: string;
  /** The dialog's confirm button. */
  confirm: string;
  onConfirm: () => Promise<AppError | null>;
  variant?: 'tertiary-neutral' | 'secondary' | 'danger';
  size?: 'xsmall' | 'small' | 'medium';
}) {
  const t = useTranslations('redaction');
  const tErrors = useTranslations('errors');
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <>
      <Button type="button" size={size} variant={variant} aria-label={accessibleName} onClick={() => { setError(null); dialog.current?.showModal(); }}>
        {label}
      </Button>
      <Modal ref={dialog} header={{ heading: title }} width="small">
        <Modal.Body>
          <BodyShort>{body}</BodyShort>
          {error && <Alert variant="error" size="small" className="mt-4" role="alert">{tErrors(error.code)}</Alert>}
        </Modal.Body>
        <Modal.Footer>
          <Button
            variant="danger"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              const failed = await onConfirm();
              setBusy(false);
              setError(failed);
              if (!failed) dialog.current?.close();
            }}
          >
            {confirm}
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('cancel')}
          </Button>
        </Modal.Footer>
      </Modal>
    </>
  );
}
