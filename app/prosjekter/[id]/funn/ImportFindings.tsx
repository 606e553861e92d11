'use client';

import { Alert, BodyShort, Box, Button, Heading, HStack, List, ReadMore, Select, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useMemo, useState, useTransition, type FormEvent } from 'react';
import { importFindingsAction } from '@/app/_actions/finding-actions';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { findingInputSchema, findingTextFields, MAX_IMPORTED_FINDINGS, parseFindingsText } from '@/lib/finding-schemas';
import { personalDataKinds } from '@/lib/privacy-guard';
import type { PhaseOption } from './FindingForm';

/** What would stop one parsed finding from being stored; the server checks the same again. */
function problemOf(finding: ReturnType<typeof parseFindingsText>[number]): 'PERSONAL_DATA' | 'TOO_LONG' | 'TOO_MANY' | null {
  const texts = findingTextFields.flatMap((f) => finding[f]);
  if (texts.some((text) => personalDataKinds(text).length > 0)) return 'PERSONAL_DATA';
  const parsed = findingInputSchema.safeParse(finding);
  if (parsed.success) return null;
  return parsed.error.issues.some((i) => i.message === 'TOO_MANY') ? 'TOO_MANY' : 'TOO_LONG';
}

/** Pastes a list of findings (from a report draft or notes) and appends them to the library. */
export function ImportFindings({ projectId, phases }: { projectId: string; phases: PhaseOption[] }) {
  const t = useTranslations('findings.import');
  const [text, setText] = useState('');
  const [phaseId, setPhaseId] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useFormErrors(error);
  const preview = useMemo(() => parseFindingsText(text).map((f) => ({ ...f, problem: problemOf(f) })), [text]);
  const blocked = preview.length === 0 || preview.length > MAX_IMPORTED_FINDINGS || preview.some((f) => f.problem);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await importFindingsAction(projectId, text, phaseId);
      if (!result.ok) return setError(result.error);
      setError(null);
      setText('');
      setImported(result.data.count);
    });
  }

  const textError = error?.fields?.text === 'TOO_MANY' ? t('tooMany', { max: MAX_IMPORTED_FINDINGS }) : errors.field('text');
  return (
    <form onSubmit={submit} noValidate aria-label={t('heading')}>
      <VStack gap="space-16">
        <ReadMore header={t('rulesHeading')} defaultOpen>
          <List size="small">
            {(['rule1', 'rule2', 'rule3', 'rule4', 'rule5'] as const).map((key) => (
              <List.Item key={key}>{t(key)}</List.Item>
            ))}
          </List>
          <BodyShort size="small" weight="semibold" className="mb-2 mt-4">{t('exampleHeading')}</BodyShort>
          <pre className="m-0 overflow-x-auto whitespace-pre-wrap rounded-md bg-ax-bg-neutral-soft p-3 text-sm">{t('example')}</pre>
        </ReadMore>
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <Textarea
          label={t('label')}
          description={t('description')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setImported(null);
          }}
          error={textError}
          minRows={8}
          resize="vertical"
        />
        <Select label={t('phase')} value={phaseId} onChange={(e) => setPhaseId(e.target.value)} error={errors.field('phaseId')} className="sm:max-w-xs">
          <option value="">{t('noPhase')}</option>
          {phases.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </Select>
        {text.trim() !== '' && (
          <Box background="neutral-soft" padding="space-12" borderRadius="8" aria-live="polite">
            <Heading level="3" size="xsmall" spacing>{t('preview', { count: preview.length })}</Heading>
            <ol className="m-0 max-h-72 space-y-1 overflow-y-auto pl-6">
              {preview.map((f, i) => (
                <li key={i}>
                  <HStack gap="space-8" align="center">
                    <span className="break-words">{f.title}</span>
                    {f.theme && <Tag size="xsmall" variant="outline">{f.theme}</Tag>}
                    {f.quotes.length > 0 && <Tag size="xsmall" variant="moderate" data-color="info">{t('quotes', { count: f.quotes.length })}</Tag>}
                    {f.summary && <Tag size="xsmall" variant="moderate" data-color="neutral">{t('hasSummary')}</Tag>}
                    {f.reflectionQuestion && <Tag size="xsmall" variant="moderate" data-color="accent">{t('hasQuestion')}</Tag>}
                    {f.problem && <Tag size="xsmall" variant="strong" data-color="danger">{t(`problem.${f.problem}`)}</Tag>}
                  </HStack>
                </li>
              ))}
            </ol>
          </Box>
        )}
        {imported !== null && <Alert variant="success" size="small" role="status">{t('imported', { count: imported })}</Alert>}
        <div>
          <Button type="submit" loading={pending} disabled={blocked}>{t('submit', { count: preview.length })}</Button>
        </div>
      </VStack>
    </form>
  );
}
