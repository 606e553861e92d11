'use client';

import { Alert, Button, Heading, ReadMore, TextField } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { clientEvents } from '@/lib/protocol';
import { gridCells, gridColumns, isForced } from '@/lib/qsort/grid';
import { parseColumn } from '@/lib/qsort/paper-sort';
import type { QsortRuntime } from '@/lib/qsort/runtime';

/**
 * A paper sort typed in as it lies on the table: for each column, the numbers of the statements
 * in it. Each field counts as you type; the server checks the whole against the grid and names
 * a wrong column, and what was typed stays until the sort is taken.
 */
export function PaperSortForm({ live, runtime }: { live: ReturnType<typeof useLiveSession>; runtime: QsortRuntime }) {
  const t = useTranslations('qsort.console.paper');
  const columns = gridColumns(runtime.grid);
  // Unforced, a column may hold any number: the grid's counts are the suggestion.
  const forced = isForced(runtime.grid);
  const empty = () => columns.map(() => '');
  const [typed, setTyped] = useState<string[]>(empty);
  const [pseudonym, setPseudonym] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [added, setAdded] = useState(0);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(error);
  const signed = (v: number) => (v > 0 ? `+${v}` : String(v));

  async function submit() {
    setBusy(true);
    const result = await live.call(clientEvents.qsortAddPaperSort, { columns: typed.map(parseColumn), pseudonym });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    setAdded((n) => n + 1);
    setTyped(empty());
    setPseudonym('');
  }

  const columnError = (i: number) => {
    const code = error?.fields?.[`column.${i}`];
    return code ? t(`errors.${code === 'UNKNOWN' || code === 'DUPLICATE' ? code : 'COUNT'}`, { count: columns[i]!.count }) : undefined;
  };
  return (
    <div data-testid="paper-sort">
      <ReadMore header={t('open')} size="small">
        <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <Heading level="3" size="xsmall">{t('heading')}</Heading>
          <p className="m-0 text-sm">{t('help')}</p>
          <div className="grid max-w-3xl gap-3 md:grid-cols-2">
            {columns.map((c, i) => {
              const n = parseColumn(typed[i]!).length;
              return (
                <TextField
                  key={c.value}
                  size="small"
                  autoComplete="off"
                  label={t('column', { value: signed(c.value) })}
                  description={t(forced ? 'count' : 'countFree', { typed: n, count: c.count })}
                  value={typed[i]}
                  error={columnError(i)}
                  onChange={(e) => setTyped((all) => all.map((v, j) => (j === i ? e.target.value : v)))}
                />
              );
            })}
          </div>
          <TextField size="small" className="max-w-md" label={t('pseudonym')} value={pseudonym} error={errors.field('pseudonym')} onChange={(e) => setPseudonym(e.target.value)} />
          {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
          {error?.fields?.columns && <Alert variant="error" size="small" data-testid="paper-sort-all">{t('errors.ALL', { count: gridCells(runtime.grid) })}</Alert>}
          {added > 0 && !error && <Alert variant="success" size="small" inline role="status">{t('added', { count: added })}</Alert>}
          <Button type="submit" size="small" loading={busy}>{t('submit')}</Button>
        </form>
      </ReadMore>
    </div>
  );
}
