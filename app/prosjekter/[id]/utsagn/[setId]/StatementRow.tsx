'use client';

import { ArrowDownIcon, ArrowUpIcon, PencilIcon, TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Button, HStack, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { deleteStatementAction, updateStatementAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { STATEMENT_LIMITS } from '@/lib/qsort/statement-schemas';
import { useSetErrors } from './use-set-errors';

export interface StatementItem {
  id: string;
  code: number;
  text: string;
}

/** One statement: read it, move it, or edit it in place (number, text, delete). */
export function StatementRow({ projectId, setId, statement, first, last, busy, readOnly, editing, onEdit, onMove }: {
  projectId: string;
  setId: string;
  statement: StatementItem;
  first: boolean;
  last: boolean;
  busy: boolean;
  readOnly: boolean;
  editing: boolean;
  onEdit: (on: boolean) => void;
  onMove: (direction: -1 | 1) => void;
}) {
  const t = useTranslations('statementSets.statements');
  const { code } = statement;
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from the form: focus returns to the row's edit button, not to the top of the page.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) return <EditStatement projectId={projectId} setId={setId} statement={statement} onClose={() => onEdit(false)} />;
  return (
    <li className="border-0 border-t border-solid border-ax-border-neutral-subtle first:border-t-0 flex flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2 sm:flex-nowrap" data-testid="statement-row" aria-label={t('codeLabel', { code })}>
      <span className="w-8 shrink-0 pt-0.5 text-right font-semibold tabular-nums text-ax-text-neutral-subtle">{code}</span>
      <BodyLong className="min-w-0 flex-1 basis-[calc(100%-3rem)] whitespace-pre-line break-words sm:basis-auto">{statement.text}</BodyLong>
      {!readOnly && (
        <HStack gap="space-4" wrap={false} className="ml-auto shrink-0">
          <Button size="small" variant="tertiary-neutral" icon={<ArrowUpIcon title={t('moveUp', { code })} />} disabled={busy || first} onClick={() => onMove(-1)} />
          <Button size="small" variant="tertiary-neutral" icon={<ArrowDownIcon title={t('moveDown', { code })} />} disabled={busy || last} onClick={() => onMove(1)} />
          <Button ref={editButton} size="small" variant="tertiary" icon={<PencilIcon title={t('edit', { code })} />} onClick={() => onEdit(true)} />
        </HStack>
      )}
    </li>
  );
}

function EditStatement({ projectId, setId, statement, onClose }: { projectId: string; setId: string; statement: StatementItem; onClose: () => void }) {
  const t = useTranslations('statementSets.statements');
  const [code, setCode] = useState(String(statement.code));
  const [text, setText] = useState(statement.text);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);

  const run = (action: () => Promise<{ ok: true } | { ok: false; error: AppError }>) =>
    startTransition(async () => {
      try {
        const result = await action();
        if (!result.ok) return setError(result.error);
        onClose();
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  function submit(event: FormEvent) {
    event.preventDefault();
    run(() => updateStatementAction(projectId, setId, statement.id, { code, text }));
  }

  return (
    <li className="border-0 border-t border-solid border-ax-border-neutral-subtle first:border-t-0 bg-ax-bg-neutral-soft px-3 py-3">
      <form onSubmit={submit} noValidate aria-label={t('editing', { code: statement.code })}>
        <VStack gap="space-12">
          {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
          <div className="flex flex-col gap-3 sm:flex-row">
            <TextField label={t('code')} inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} error={errors.field('code')} htmlSize={6} className="shrink-0" autoFocus />
            <Textarea label={t('text')} value={text} onChange={(e) => setText(e.target.value)} error={errors.field('text')} minRows={2} maxLength={STATEMENT_LIMITS.text} className="flex-1" />
          </div>
          {confirming ? (
            <Alert variant="warning" size="small">
              <VStack gap="space-8">
                {t('confirmDelete', { code: statement.code })}
                <HStack gap="space-8">
                  <Button type="button" size="small" variant="danger" loading={pending} onClick={() => run(() => deleteStatementAction(projectId, setId, statement.id))}>
                    {t('confirm')}
                  </Button>
                  <Button type="button" size="small" variant="secondary-neutral" onClick={() => setConfirming(false)}>
                    {t('cancel')}
                  </Button>
                </HStack>
              </VStack>
            </Alert>
          ) : (
            <HStack gap="space-8" justify="space-between">
              <HStack gap="space-8">
                <Button type="submit" size="small" loading={pending}>
                  {t('save')}
                </Button>
                <Button type="button" size="small" variant="secondary-neutral" onClick={onClose}>
                  {t('cancel')}
                </Button>
              </HStack>
              <Button type="button" size="small" variant="tertiary" data-color="danger" icon={<TrashIcon aria-hidden />} onClick={() => setConfirming(true)}>
                {t('delete')}
              </Button>
            </HStack>
          )}
        </VStack>
      </form>
    </li>
  );
}
