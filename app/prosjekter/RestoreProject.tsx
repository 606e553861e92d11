'use client';

import { UploadIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, Box, Button, FileUpload, Heading, HStack, VStack } from '@navikt/ds-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ErrorCode } from '@/lib/errors';

const MAX_BYTES = 64 * 1024 * 1024;

/** Uploads a backup file; the server makes a new project of it that the uploader owns. */
export function RestoreProject() {
  const t = useTranslations('backup');
  const tErrors = useTranslations('errors');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <div>
        <Button variant="secondary" icon={<UploadIcon aria-hidden />} onClick={() => setOpen(true)}>
          {t('restoreOpen')}
        </Button>
      </div>
    );
  }

  const close = () => {
    setOpen(false);
    setFile(null);
    setProblem(null);
  };

  async function restore() {
    if (!file) return setProblem(t('chooseFile'));
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch('/prosjekter/gjenopprett', { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
      const result = (await response.json()) as { ok: true; data: { projectId: string } } | { ok: false; error: { code: ErrorCode } };
      if (result.ok) return router.push(`/prosjekter/${result.data.projectId}`);
      setProblem(tErrors(result.error.code));
    } catch {
      setProblem(tErrors('NETWORK'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box background="raised" padding="space-24" borderRadius="8" borderWidth="1" borderColor="neutral-subtle" className="w-full">
      <VStack gap="space-16">
        <Heading level="2" size="medium">
          {t('restoreHeading')}
        </Heading>
        <BodyLong className="max-w-prose">{t('restoreIntro')}</BodyLong>
        {file ? (
          <FileUpload.Item file={file} button={{ action: 'delete', onClick: () => setFile(null) }} translations={{ deleteButtonTitle: t('removeFile') }} />
        ) : (
          <FileUpload.Dropzone
            label={t('fileLabel')}
            description={t('fileDescription')}
            accept=".gz,.json,application/gzip,application/json"
            multiple={false}
            maxSizeInBytes={MAX_BYTES}
            onSelect={(files) => {
              const [chosen] = files;
              if (!chosen || chosen.error) return setProblem(t('fileRejected'));
              setProblem(null);
              setFile(chosen.file);
            }}
          />
        )}
        {problem && (
          <Alert variant="error" role="alert">
            {problem}
          </Alert>
        )}
        <HStack gap="space-12">
          <Button onClick={restore} loading={busy} icon={<UploadIcon aria-hidden />}>
            {t('restore')}
          </Button>
          <Button variant="tertiary" onClick={close} disabled={busy}>
            {t('cancel')}
          </Button>
        </HStack>
      </VStack>
    </Box>
  );
}
