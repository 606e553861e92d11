'use client';

import { FileTextIcon, PlusIcon } from '@navikt/aksel-icons';
import { Alert, Box, Button, Heading, Tabs, Textarea, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { addStatementAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { STATEMENT_LIMITS } from '@/lib/qsort/statement-schemas';
import { ImportStatements } from './ImportStatements';
import { useSetErrors } from './use-set-errors';

/** New statements: one at a time, or many from a pasted list or CSV. */
export function AddStatements({ projectId, setId, codes }: { projectId: string; setId: string; codes: number[] }) {
  const t = useTranslations('statementSets.add');
  return (
    <Box background="raised" padding={{ xs: 'space-16', sm: 'space-24' }} borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <Heading id="nye-utsagn" level="2" size="medium" spacing>
        {t('heading')}
      </Heading>
      <Tabs defaultValue="skriv" size="small">
        <Tabs.List>
          <Tabs.Tab value="skriv" label={t('write')} icon={<PlusIcon aria-hidden />} />
          <Tabs.Tab value="importer" label={t('import')} icon={<FileTextIcon aria-hidden />} />
        </Tabs.List>
        <Tabs.Panel value="skriv" className="pt-6">
          <AddStatementForm projectId={projectId} setId={setId} next={Math.max(0, ...codes) + 1} />
        </Tabs.Panel>
        <Tabs.Panel value="importer" className="pt-6">
          <ImportStatements projectId={projectId} setId={setId} codes={codes} />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

function AddStatementForm({ projectId, setId, next }: { projectId: string; setId: string; next: number }) {
  const t = useTranslations('statementSets.add');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [added, setAdded] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      try {
        const result = await addStatementAction(projectId, setId, { code, text });
        setError(result.ok ? null : result.error);
        setAdded(result.ok);
        if (result.ok) {
          setCode('');
          setText('');
        }
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('write')}>
      <VStack gap="space-16">
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <Textarea
          label={t('text')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setAdded(false);
          }}
          error={errors.field('text')}
          minRows={2}
          maxLength={STATEMENT_LIMITS.text}
        />
        <TextField
          label={t('code')}
          description={t('codeHelp', { next })}
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.field('code')}
          htmlSize={6}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" icon={<PlusIcon aria-hidden />} loading={pending}>
            {t('submit')}
          </Button>
          <div role="status">{added && <Alert variant="success" size="small" inline>{t('added')}</Alert>}</div>
        </div>
      </VStack>
    </form>
  );
}
