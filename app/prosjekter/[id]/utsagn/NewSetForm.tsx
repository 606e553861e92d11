'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, Heading, TextField, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createStatementSetAction } from '@/app/_actions/statement-set-actions';
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
    <Box background="raised" padding={{ xs: 'space-16', md: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <form onSubmit={submit} noValidate aria-labelledby="nytt-sett">
        <VStack gap="space-16">
          <div>
            <Heading id="nytt-sett" level="2" size="medium" spacing>
              {t('heading')}
            </Heading>
            <BodyShort className="text-ax-text-neutral-subtle">{t('help')}</BodyShort>
          </div>
          {error && !error.fields && <Alert variant="error">{errors.summary}</Alert>}
          <TextField label={t('name')} value={name} onChange={(e) => setName(e.target.value)} error={errors.field('name')} maxLength={STATEMENT_LIMITS.name} className="md:max-w-md" />
          <div>
            <Button type="submit" icon={<PlusIcon aria-hidden />} loading={pending}>
              {t('create')}
            </Button>
          </div>
        </VStack>
      </form>
    </Box>
  );
}
