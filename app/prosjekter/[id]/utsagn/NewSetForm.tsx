'use client';

import { TextField } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createStatementSetAction } from '@/app/_actions/statement-set-actions';
import { CreateFormCard } from '@/components/CreateFormCard';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { STATEMENT_LIMITS } from '@/lib/qsort/statement-schemas';

/** "Nytt utsagnssett": a name, then on to the set's editor. */
export function NewSetForm({ projectId }: { projectId: string }) {
  const t = useTranslations('statementSets.newSet');
  const router = useRouter();
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await createStatementSetAction(projectId, { name });
        if (!result.ok) return setError(result.error);
        router.push(`/prosjekter/${projectId}/utsagn/${result.data.id}`);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  return (
    <CreateFormCard
      headingId="nytt-sett"
      heading={t('heading')}
      help={t('help')}
      error={error && !error.fields ? errors.summary : undefined}
      submitLabel={t('create')}
      pending={pending}
      onSubmit={submit}
    >
      <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} maxLength={STATEMENT_LIMITS.name} className="md:max-w-md" />
    </CreateFormCard>
  );
}
