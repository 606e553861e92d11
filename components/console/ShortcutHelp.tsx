'use client';

import { Button, Modal } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { shortcutKeys, type ConsoleShortcut } from './shortcuts';

const order: ConsoleShortcut[] = ['next', 'previous', 'reveal', 'timer', 'screen', 'screenNext', 'screenPrevious', 'help'];

/** How a key is written on the help: arrows as arrows, letters as they are printed on the key. */
const keyLabel = (key: string) => ({ ArrowRight: '→', ArrowLeft: '←', PageDown: 'PgDn', PageUp: 'PgUp' })[key] ?? key;

/** The console's shortcuts, listed in a dialog opened by "?" or its button. */
export function ShortcutHelp({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  const t = useTranslations('controlRoom.shortcuts');
  return (
    <Modal ref={dialog} header={{ heading: t('heading') }} width="small" data-shortcut-help closeOnBackdropClick>
      <Modal.Body>
        <p className="mb-4 mt-0">{t('intro')}</p>
        <dl className="m-0 grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-3" data-testid="shortcut-list">
          {order.map((s) => (
            <div key={s} className="contents">
              <dt className="flex items-center gap-2 whitespace-nowrap">
                {shortcutKeys[s].map((key, i) => (
                  <span key={key} className="flex items-center gap-2">
                    {i > 0 && <span className="text-sm text-ax-text-neutral-subtle">{t('or')}</span>}
                    <kbd className="min-w-8 rounded-md border border-b-2 border-ax-border-neutral bg-ax-bg-neutral-soft px-2 py-0.5 text-center font-mono text-base font-semibold">{keyLabel(key)}</kbd>
                  </span>
                ))}
              </dt>
              <dd className="m-0">{t(s)}</dd>
            </div>
          ))}
        </dl>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={() => dialog.current?.close()}>{t('close')}</Button>
      </Modal.Footer>
    </Modal>
  );
}
