'use client';

import { Alert, Button, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import type { SupervisionCase, SupervisionCommand } from '@/lib/supervision/engine';

/**
 * The case owner writes the anonymised case and their question. A refused text (personal
 * data) stays in the fields; nothing is stored.
 */
export function CaseForm({ initial, send }: { initial: SupervisionCase | null; send: (c: SupervisionCommand) => Promise<AppError | null> }) {
  const t = useTranslations('supervision');
  const [framlegg, setFramlegg] = useState(initial?.framlegg ?? '');
  const [question, setQuestion] = useState(initial?.question ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const refused = await send({ type: 'setCase', case: { framlegg, question } });
    setError(refused);
    setSaved(!refused);
  }

  const personal = error?.code === 'PERSONAL_DATA' ? errors.summary : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-12">
        <Alert variant="warning" size="small">{t('anonymiseReminder')}</Alert>
        <Textarea label={t('caseFramlegg')} description={t('caseFramleggHelp')} value={framlegg} minRows={5} maxLength={5000}
          onChange={(e) => { setFramlegg(e.target.value); setSaved(false); }} error={personal} />
        <Textarea label={t('caseQuestion')} value={question} minRows={2} maxLength={500}
          onChange={(e) => { setQuestion(e.target.value); setSaved(false); }} />
        {error && error.code !== 'PERSONAL_DATA' && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {saved && <Alert variant="success" size="small" role="status">{t('caseSaved')}</Alert>}
        <div>
          <Button type="submit" disabled={!framlegg.trim() || !question.trim()}>{t('saveCase')}</Button>
        </div>
      </VStack>
    </form>
  );
}
