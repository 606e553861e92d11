'use client';

import { ArrowRightIcon, PencilIcon, TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, BodyShort, Button, HStack, Label, VStack } from '@navikt/ds-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { deleteFindingAction, updateFindingAction } from '@/app/_actions/finding-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { FindingForm, type PhaseOption } from './FindingForm';
import { valuesOf, type FindingView } from './finding-view';

/** The expanded row of the library: the whole finding, and editing or deleting it in place. */
export function FindingDetails({ projectId, finding, phases }: { projectId: string; finding: FindingView; phases: PhaseOption[] }) {
  const t = useTranslations('findings.library');
  const tForm = useTranslations('findings.form');
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [error, setError] = useState<AppError | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);

  if (mode === 'edit') {
    return (
      <FindingForm
        initial={valuesOf(finding)}
        phases={phases}
        label={t('edit', { title: finding.title })}
        submitLabel={tForm('save')}
        action={(input) => updateFindingAction(projectId, finding.id, input)}
        onDone={() => setMode('view')}
        onCancel={() => setMode('view')}
      />
    );
  }

  const remove = () =>
    startTransition(async () => {
      const result = await deleteFindingAction(projectId, finding.id);
      if (!result.ok) setError(result.error);
    });

  return (
    <VStack gap="space-16" className="max-w-prose">
      {finding.summary ? <BodyLong className="whitespace-pre-line">{finding.summary}</BodyLong> : <BodyShort className="text-ax-text-neutral-subtle">{t('noSummary')}</BodyShort>}
      {finding.quotes.length > 0 && (
        <VStack gap="space-8" as="ul" className="m-0 list-none p-0" aria-label={tForm('quotes')}>
          {finding.quotes.map((q, i) => (
            <li key={i}>
              <blockquote className="m-0 border-0 border-l-4 border-solid border-ax-border-accent pl-3 italic">«{q}»</blockquote>
            </li>
          ))}
        </VStack>
      )}
      {finding.reflectionQuestion && (
        <div>
          <Label as="p" size="small">{tForm('reflectionQuestion')}</Label>
          <BodyShort>{finding.reflectionQuestion}</BodyShort>
        </div>
      )}
      {mode === 'delete' ? (
        <VStack gap="space-8">
          {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
          <Alert variant="warning" size="small">{t('deleteConfirm', { title: finding.title })}</Alert>
          <HStack gap="space-8">
            <Button size="small" variant="danger" loading={pending} onClick={remove}>{t('deleteYes')}</Button>
            <Button size="small" variant="tertiary" onClick={() => setMode('view')}>{tForm('cancel')}</Button>
          </HStack>
        </VStack>
      ) : (
        <HStack gap="space-8">
          <Button as={Link} href={`/prosjekter/${projectId}/funn/${finding.id}`} size="small" variant="secondary" icon={<ArrowRightIcon aria-hidden />} iconPosition="right">
            {t('open')}
          </Button>
          <Button size="small" variant="tertiary" icon={<PencilIcon aria-hidden />} onClick={() => setMode('edit')}>{t('editShort')}</Button>
          <Button size="small" variant="tertiary-neutral" icon={<TrashIcon aria-hidden />} onClick={() => setMode('delete')}>{t('deleteShort')}</Button>
        </HStack>
      )}
    </VStack>
  );
}
