'use client';

import { Alert, Box, Button, Heading, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { setFindingStatusAction } from '@/app/_actions/finding-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { FindingStatus } from '@/db/schema';
import type { AppError } from '@/lib/errors';
import { FINDING_LIMITS, findingStatuses } from '@/lib/finding-schemas';

/** The facilitator moves the finding to a new status, with a note on the evidence behind it. */
export function StatusForm({ projectId, findingId, current }: { projectId: string; findingId: string; current: FindingStatus }) {
  const t = useTranslations('findings.statusForm');
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
    <section aria-labelledby="oppdater-status">
      <Box background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
        <form onSubmit={submit} noValidate>
          <VStack gap="space-16">
            <Heading id="oppdater-status" level="2" size="small">{t('heading')}</Heading>
            <RadioGroup
              legend={t('legend')}
              description={t('current', { status: tStatus(current) })}
              value={status}
              onChange={(value: string) => {
                setStatus(value);
                setSaved(false);
              }}
              error={errors.field('status')}
            >
              {findingStatuses.map((s) => (
                <Radio key={s} value={s}>{tStatus(s)}</Radio>
              ))}
            </RadioGroup>
            <Textarea
              label={t('note')}
              description={t('noteHelp')}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
                setSaved(false);
              }}
              maxLength={FINDING_LIMITS.note}
              minRows={3}
              error={errors.field('note')}
            />
            {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
            {saved && <Alert variant="success" size="small" role="status">{t('saved')}</Alert>}
            <div>
              <Button type="submit" loading={pending}>{t('submit')}</Button>
            </div>
          </VStack>
        </form>
      </Box>
    </section>
  );
}
