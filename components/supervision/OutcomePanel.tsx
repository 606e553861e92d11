'use client';

import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import type { OutcomeInput, SupervisionOutcome } from '@/lib/supervision/outcome';
import { AgreementForm } from './AgreementForm';
import { AgreementView } from './AgreementView';

/** Learning points and SMART agreements, written together in the summary. */
export function OutcomePanel({ outcome, open, save, canRemove }: {
  outcome: SupervisionOutcome | null;
  open: boolean;
  save: (input: OutcomeInput) => Promise<AppError | null>;
  canRemove: boolean;
}) {
  const t = useTranslations('supervision');
  const tRedaction = useTranslations('redaction');
  const [point, setPoint] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);

  async function addPoint(event: FormEvent) {
    event.preventDefault();
    const refused = await save({ type: 'learningPoint', text: point });
    setError(refused);
    if (!refused) setPoint('');
  }

  const remove = (itemId: string) => void save({ type: 'remove', itemId });
  return (
    <VStack gap="space-20">
      <section aria-labelledby="learning-points">
        <Heading id="learning-points" level="2" size="small" spacing>{t('learningPoints')}</Heading>
        {outcome?.learningPoints.length ? (
          <ul className="m-0 mb-3 list-disc space-y-1 pl-6" data-testid="learning-points">
            {outcome.learningPoints.map((p) => (
              <li key={p.id}>
                <HStack gap="space-8" align="center" wrap={false} justify="space-between">
                  {p.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : <span>{p.text}</span>}
                  {canRemove && <Button size="xsmall" variant="tertiary" icon={<TrashIcon title={t('removeItem', { text: p.text })} />} onClick={() => remove(p.id)} />}
                </HStack>
              </li>
            ))}
          </ul>
        ) : (
          <BodyShort size="small" spacing className="text-ax-text-neutral-subtle">{t('noLearningPoints')}</BodyShort>
        )}
        {open ? (
          <form onSubmit={addPoint} noValidate>
            <HStack gap="space-8" align="end" wrap={false}>
              <TextField className="flex-1" label={t('learningPointLabel')} value={point} maxLength={500} onChange={(e) => setPoint(e.target.value)}
                error={error ? (errors.field('text') ?? errors.summary) : undefined} />
              <Button type="submit" variant="secondary" disabled={!point.trim()}>{t('addLearningPoint')}</Button>
            </HStack>
          </form>
        ) : (
          <BodyShort size="small">{t('outcomeLater')}</BodyShort>
        )}
      </section>
      <section aria-labelledby="agreements">
        <Heading id="agreements" level="2" size="small" spacing>{t('agreements')}</Heading>
        {outcome?.agreements.length ? (
          <ul className="m-0 mb-3 list-none space-y-3 p-0">
            {outcome.agreements.map((a) => (
              <li key={a.id} className="rounded-lg border border-solid border-ax-border-neutral-subtle p-3">
                <AgreementView agreement={a} />
                {canRemove && <Button className="mt-2" size="xsmall" variant="tertiary" icon={<TrashIcon aria-hidden />} onClick={() => remove(a.id)}>{t('remove')}</Button>}
              </li>
            ))}
          </ul>
        ) : (
          <BodyShort size="small" spacing className="text-ax-text-neutral-subtle">{t('noAgreements')}</BodyShort>
        )}
        {open && <AgreementForm save={save} />}
      </section>
      {outcome && outcome.evaluations > 0 && <Alert variant="info" size="small" inline>{t('evaluations', { count: outcome.evaluations })}</Alert>}
    </VStack>
  );
}
