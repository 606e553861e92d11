'use client';

import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, Button, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { deleteStatementSetAction, renameStatementSetAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { STATEMENT_LIMITS } from '@/lib/qsort/statement-schemas';
import { useSetErrors } from './use-set-errors';

/** The set's name, and deleting the set (asked twice). */
export function SetDetails({ projectId, setId, name: initialName }: { projectId: string; setId: string; name: string }) {
  const t = useTranslations('statementSets.details');
  const router = useRouter();
  const [name, setName] = useState(initialName);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [renamed, setRenamed] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);

  function rename(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await renameStatementSetAction(projectId, setId, { name });
        setError(result.ok ? null : result.error);
        setRenamed(result.ok);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }
  function remove() {
    startTransition(async () => {
      try {
        const result = await deleteStatementSetAction(projectId, setId);
        if (!result.ok) return setError(result.error);
        router.push(`/prosjekter/${projectId}/utsagn`);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  return (
    <VStack gap="space-16">
      <Heading id="om-settet" level="2" size="medium">
        {t('heading')}
      </Heading>
      {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
      <form onSubmit={rename} noValidate aria-labelledby="om-settet">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            label={t('name')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setRenamed(false);
            }}
            error={errors.field('name')}
            maxLength={STATEMENT_LIMITS.name}
            className="sm:w-96"
          />
          <div>
            <Button type="submit" variant="secondary" loading={pending && !confirming}>
              {t('rename')}
            </Button>
          </div>
          <div role="status">{renamed && <Alert variant="success" size="small" inline>{t('renamed')}</Alert>}</div>
        </div>
      </form>
      {confirming ? (
        <Alert variant="warning">
          <VStack gap="space-12">
            {t('confirmDelete', { name: initialName })}
            <HStack gap="space-8">
              <Button size="small" variant="danger" loading={pending} onClick={remove}>
                {t('confirm')}
              </Button>
              <Button size="small" variant="secondary-neutral" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </Button>
            </HStack>
          </VStack>
        </Alert>
      ) : (
        <div>
          <Button variant="tertiary" data-color="danger" icon={<TrashIcon aria-hidden />} onClick={() => setConfirming(true)}>
            {t('delete')}
          </Button>
        </div>
      )}
    </VStack>
  );
}
