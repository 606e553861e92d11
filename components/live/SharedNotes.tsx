'use client';

import { Alert, BodyShort, Button, HStack, Label, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { sessionNotesDocName } from '@/lib/protocol';
import type { LiveSocket } from './use-live-session';
import type { AppError } from '@/lib/errors';
import { ConfirmAction } from './ConfirmAction';
import { useYjsDoc } from './use-yjs-doc';

const LOCAL = Symbol('local-textarea');

/**
 * A plain textarea bound to a Y.Text: local typing becomes one minimal delete+insert; remote
 * changes rewrite the value and the caret is moved through the change's delta so it stays put.
 * When the server refuses an edit, the field shows the server's text again and the writer's
 * own version is kept beside it to copy from, with the reason, so nothing typed is lost silently.
 */
export function SharedNotes({ socket, sessionId, docName, ready, label, description, readOnly = false, onRedactPassage }: {
  socket: LiveSocket | null;
  sessionId: string;
  /** Another shared text than the session's notes (e.g. a round's notes). */
  docName?: string;
  ready: boolean;
  label: string;
  description?: string;
  readOnly?: boolean;
  /** Facilitators: take the selected passage out of the notes everywhere (and their history). */
  onRedactPassage?: (docName: string, passage: string) => Promise<AppError | null>;
}) {
  const t = useTranslations('notes');
  const tRedaction = useTranslations('redaction');
  const tErrors = useTranslations('errors');
  const area = useRef<HTMLTextAreaElement>(null);
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const { doc, status, refusal, dismissRefusal } = useYjsDoc(socket, docName ?? sessionNotesDocName(sessionId), ready, () => {
    setUnsaved(area.current?.value ?? null);
  });
  const statusId = useId();

  useEffect(() => {
    const text = doc.getText('notes');
    const el = area.current;
    if (!el) return;
    el.value = text.toString();
    const observer = (event: Y.YTextEvent) => {
      if (event.transaction.origin === LOCAL) return;
      const [selStart, selEnd] = [el.selectionStart, el.selectionEnd];
      // Map the old caret through the change: count how much was inserted/deleted before it.
      let shiftStart = 0;
      let shiftEnd = 0;
      let index = 0;
      for (const op of event.delta) {
        if (op.retain) index += op.retain;
        else if (typeof op.insert === 'string') {
          if (index <= selStart) shiftStart += op.insert.length;
          if (index <= selEnd) shiftEnd += op.insert.length;
          index += op.insert.length;
        } else if (op.delete) {
          if (index < selStart) shiftStart -= Math.min(op.delete, selStart - index);
          if (index < selEnd) shiftEnd -= Math.min(op.delete, selEnd - index);
        }
      }
      const focused = document.activeElement === el;
      el.value = text.toString();
      if (focused) el.setSelectionRange(selStart + shiftStart, selEnd + shiftEnd);
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [doc]);

  function onInput() {
    const el = area.current;
    if (!el) return;
    const text = doc.getText('notes');
    const before = text.toString();
    const after = el.value;
    let prefix = 0;
    while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < before.length - prefix &&
      suffix < after.length - prefix &&
      before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
    ) suffix++;
    doc.transact(() => {
      const removed = before.length - prefix - suffix;
      if (removed > 0) text.delete(prefix, removed);
      const inserted = after.slice(prefix, after.length - suffix);
      if (inserted) text.insert(prefix, inserted);
    }, LOCAL);
  }

  return (
    <VStack gap="space-4">
      <HStack justify="space-between" align="end">
        <Label htmlFor={`${statusId}-area`}>{label}</Label>
        <BodyShort size="small" id={statusId} aria-live="polite" className="text-ax-text-neutral-subtle">
          {status === 'synced' ? t('synced') : status === 'offline' ? t('offline') : t('syncing')}
        </BodyShort>
      </HStack>
      {description && <BodyShort size="small">{description}</BodyShort>}
      {refusal && (
        <Alert variant="warning" size="small" role="alert" data-testid="notes-refusal">
          <VStack gap="space-4">
            <BodyShort size="small">{tErrors(refusal)}</BodyShort>
            {unsaved && <Textarea label={t('unsaved')} value={unsaved} readOnly minRows={3} maxRows={8} size="small" />}
            <HStack>
              <Button size="xsmall" variant="tertiary" onClick={() => { dismissRefusal(); setUnsaved(null); }}>{t('dismiss')}</Button>
            </HStack>
          </VStack>
        </Alert>
      )}
      <Textarea
        id={`${statusId}-area`}
        ref={area}
        label={label}
        hideLabel
        onInput={onInput}
        readOnly={readOnly}
        minRows={6}
        resize="vertical"
        aria-describedby={statusId}
        data-testid="shared-notes"
      />
      {onRedactPassage && (
        <div>
          <ConfirmAction
            size="small"
            label={tRedaction('redactSelection')}
            title={tRedaction('redactTitle')}
            body={tRedaction('redactConfirm')}
            confirm={tRedaction('confirmRedact')}
            onConfirm={() => {
              // The textarea keeps its selection while the dialog has the focus.
              const el = area.current;
              const passage = el ? el.value.slice(el.selectionStart, el.selectionEnd) : '';
              if (!passage.trim()) return Promise.resolve({ code: 'BAD_REQUEST', message: 'nothing selected' });
              return onRedactPassage(docName ?? sessionNotesDocName(sessionId), passage);
            }}
          />
        </div>
      )}
    </VStack>
  );
}
