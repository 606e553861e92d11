'use client';

import { Alert, Box, Button, Heading, HStack, Tag, Textarea, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useMemo, useState, useTransition, type FormEvent } from 'react';
import { importStatementsAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { containsPersonalData } from '@/lib/privacy-guard';
import { readStatementImport, type ImportErrorCode } from '@/lib/qsort/statement-import';
import { useSetErrors } from './use-set-errors';

/** Pastes a list or CSV; the preview reads it as the server will and names the first problem. */
export function ImportStatements({ projectId, setId, codes }: { projectId: string; setId: string; codes: number[] }) {
  const t = useTranslations('statementSets.import');
  const tAdd = useTranslations('statementSets.add');
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);
  const preview = useMemo(() => (text.trim() === '' ? null : readStatementImport(text, codes, containsPersonalData)), [text, codes]);
  const problem = (code: ImportErrorCode, line?: number) => t(`problem.${code}`, { line: line ?? '' });

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await importStatementsAction(projectId, setId, text);
        if (!result.ok) return setError(result.error);
        setError(null);
        setText('');
        setImported(result.data.count);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  // The server's refusal (rare: the preview runs the same check) as the field's message.
  const serverCode = error?.fields?.text as ImportErrorCode | undefined;
  const fieldError = preview && !preview.ok ? problem(preview.error.code, preview.error.line) : serverCode ? problem(serverCode, Number(error?.fields?.line) || undefined) : undefined;
  const count = preview?.ok ? preview.statements.length : 0;
  return (
    <form onSubmit={submit} noValidate aria-label={tAdd('import')}>
      <VStack gap="space-16">
        <Textarea
          label={t('label')}
          description={t('description')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setImported(null);
            setError(null);
          }}
          error={fieldError}
          minRows={6}
          resize="vertical"
        />
        {preview?.ok && (
          <Box background="neutral-soft" padding="space-12" borderRadius="8" aria-live="polite">
            <HStack gap="space-8" align="center" className="mb-2">
              <Heading level="3" size="xsmall">{t('preview', { count })}</Heading>
              <Tag size="xsmall" variant="outline">{preview.format === 'csv' ? t('formatCsv') : t('formatList')}</Tag>
            </HStack>
            <ol className="m-0 max-h-72 list-none space-y-1 overflow-y-auto p-0">
              {preview.statements.map((s) => (
                <li key={`${s.code}-${s.line}`} className="flex gap-3">
                  <span className="w-8 shrink-0 text-right font-semibold tabular-nums">{s.code}</span>
                  <span className="min-w-0 whitespace-pre-line break-words">{s.text}</span>
                </li>
              ))}
            </ol>
          </Box>
        )}
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" loading={pending} disabled={!preview?.ok}>
            {t('submit', { count })}
          </Button>
          <div role="status">{imported !== null && <Alert variant="success" size="small" inline>{t('imported', { count: imported })}</Alert>}</div>
        </div>
      </VStack>
    </form>
  );
}
