'use client';

import { Alert, Box, Button, Heading, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { setFindingStatusAction } from '@/app/_actions/finding-status-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';

const statuses = ['forelopig', 'bekreftet', 'nyansert', 'avkreftet'] as const;

export function StatusForm({ projectId, findingId, current }: { projectId: string; findingId: string; current: (typeof statuses)[number] }) {
  const t = useTranslations('evidence');
  const tStatus = useTranslations('project.status');
  const [status, setStatus] = useState<string>(current);
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await setFindingStatusAction(projectId, findingId, { status, note });
      setError(result.ok ? null : result.error);
      setSaved(result.ok);
      if (result.ok) setNote('');
    });
  }

  return (
    <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <form onSubmit={submit}>
        <VStack gap="space-16">
          <Heading level="2" size="small">{t('updateHeading')}</Heading>
          <RadioGroup legend={t('status')} value={status} onChange={(v: string) => { setStatus(v); setSaved(false); }}>
            <div className="flex flex-wrap gap-x-6">
              {statuses.map((s) => <Radio key={s} value={s}>{tStatus(s)}</Radio>)}
            </div>
          </RadioGroup>
          <Textarea label={t('note')} description={t('noteHelp')} value={note} onChange={(e) => { setNote(e.target.value); setSaved(false); }} maxLength={2000} error={errors.field('note')} />
          {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
          {saved && <Alert variant="success" size="small" role="status">{t('saved')}</Alert>}
          <div><Button type="submit" loading={pending}>{t('update')}</Button></div>
        </VStack>
      </form>
    </Box>
  );
}
