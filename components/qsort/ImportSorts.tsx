'use client';

import { UploadIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, FileUpload, ReadMore, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import type { AppError } from '@/lib/errors';
import { decodeSortsFile } from '@/lib/qmethod/decode';
import { clientEvents } from '@/lib/protocol';

const FILE_PROBLEMS = ['BAD_FILE', 'STATEMENTS_DIFFER', 'SORT_DOES_NOT_FIT', 'PERSONAL_DATA', 'TOO_LARGE', 'BAD_ENCODING'] as const;

/**
 * Sorts from a file into this study: a CSV in the layout Verksted exports and R's qmethod reads
 * (from another session with the same statement set, another tool, or a spreadsheet), or a
 * PQMethod `.DAT`. The file
 * is decoded here as the CLI decodes it (UTF-8, UTF-16 or Windows-1252) and checked whole by the
 * server: all its sorts come in, or none, with the reason.
 */
export function ImportSorts({ live }: { live: ReturnType<typeof useLiveSession> }) {
  const t = useTranslations('qsort.console.import');
  const [error, setError] = useState<{ code: (typeof FILE_PROBLEMS)[number]; sort?: string } | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function read(file: File) {
    setImported(null);
    setError(null);
    // A socket message is capped at 256 KiB; the server takes 200,000 characters of CSV.
    if (file.size > 200_000) return setError({ code: 'TOO_LARGE' });
    const decoded = decodeSortsFile(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return setError({ code: 'BAD_ENCODING' });
    setBusy(true);
    const result = await live.call(clientEvents.qsortImportSorts, { text: decoded.value.text });
    setBusy(false);
    if (result.ok) return setImported(result.data.imported);
    setError(refusal(result.error));
  }

  return (
    <ReadMore header={t('open')} size="small">
      <VStack gap="space-8" data-testid="import-sorts">
        <BodyShort size="small">{t('help')}</BodyShort>
        <FileUpload.Trigger accept=".csv,.dat,.DAT,text/csv,text/plain" multiple={false} onSelect={(files) => { const file = files[0]?.file; if (file) void read(file); }}>
          <Button type="button" size="small" variant="secondary" icon={<UploadIcon aria-hidden />} loading={busy} className="self-start">{t('file')}</Button>
        </FileUpload.Trigger>
        {error && <Alert variant="error" size="small" data-testid="import-error">{t(`errors.${error.code}`, { sort: error.sort ?? '' })}</Alert>}
        {imported !== null && <Alert variant="success" size="small" inline role="status">{t('imported', { count: imported })}</Alert>}
      </VStack>
    </ReadMore>
  );
}

function refusal(error: AppError): { code: (typeof FILE_PROBLEMS)[number]; sort?: string } {
  const code = FILE_PROBLEMS.find((c) => c === error.fields?.file) ?? 'BAD_FILE';
  const sort = error.fields?.sort;
  return sort ? { code, sort } : { code };
}
