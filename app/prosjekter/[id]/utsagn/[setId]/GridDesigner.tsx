'use client';

import { Alert, BodyShort, Box, Button, Checkbox, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { saveGridAction } from '@/app/_actions/statement-set-actions';
import type { AppError } from '@/lib/errors';
import { gridCells, suggestGrid, type Grid } from '@/lib/qsort/grid';
import { MIN_SUGGESTED } from '@/lib/qsort/statement-schemas';
import { cellCount, draftOf, formatValue, gridOf, rangeOk, values, type GridDraft } from './grid-draft';
import { GridPreview } from './GridPreview';
import { useSetErrors } from './use-set-errors';

/**
 * The forced distribution: lowest and highest value, cells per column, the running total
 * against the number of statements, a suggestion, and the grid drawn as it will look.
 */
export function GridDesigner({ projectId, setId, initial, suggested, statementCount, readOnly }: {
  projectId: string;
  setId: string;
  initial: Grid;
  suggested: boolean;
  statementCount: number;
  readOnly: boolean;
}) {
  const t = useTranslations('statementSets.grid');
  const [draft, setDraft] = useState<GridDraft>(() => draftOf(initial));
  const [range, setRange] = useState({ min: String(draft.min), max: String(draft.max) });
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const errors = useSetErrors(error);

  const grid = gridOf(draft);
  const cells = grid ? gridCells(grid) : null;
  const mismatch = cells !== null && cells !== statementCount;
  const emptyEdge = grid !== null && (grid.counts[0] === 0 || grid.counts.at(-1) === 0);
  const rangeInvalid = !rangeOk(Number(range.min), Number(range.max)) || range.min.trim() === '' || range.max.trim() === '';
  const edited = () => {
    setSaved(false);
    setError(null);
  };

  function changeRange(which: 'min' | 'max', text: string) {
    const next = { ...range, [which]: text };
    setRange(next);
    edited();
    const min = Number(next.min);
    const max = Number(next.max);
    if (next.min.trim() !== '' && next.max.trim() !== '' && rangeOk(min, max)) setDraft((d) => ({ ...d, min, max }));
  }
  function suggest() {
    const next = { ...draftOf(suggestGrid(statementCount)), forced: draft.forced };
    setDraft(next);
    setRange({ min: String(next.min), max: String(next.max) });
    edited();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!grid) return;
    startTransition(async () => {
      try {
        const result = await saveGridAction(projectId, setId, grid);
        setError(result.ok ? null : result.error);
        setSaved(result.ok);
      } catch {
        setError({ code: 'NETWORK', message: 'request failed' });
      }
    });
  }

  const countsProblem = error?.fields?.counts;
  const liveProblem = mismatch
    ? t('mismatch', { cells: cells ?? 0, statements: statementCount })
    : emptyEdge
      ? t('EMPTY_EDGE')
      : countsProblem === 'GRID_SIZE_MISMATCH'
        ? t('mismatch', { cells: cells ?? 0, statements: statementCount })
        : countsProblem === 'EMPTY_EDGE'
          ? t('EMPTY_EDGE')
          : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="skjema">
      <VStack gap="space-16">
        <div>
          <Heading id="skjema" level="2" size="medium" spacing>
            {t('heading')}
          </Heading>
          <BodyShort className="max-w-prose">{t('lead')}</BodyShort>
        </div>
        {suggested && <Alert variant="info" size="small">{t('suggestedNote')}</Alert>}
        <fieldset disabled={readOnly} className="m-0 min-w-0 border-0 p-0">
          <VStack gap="space-16">
            <HStack gap="space-16" align="end">
              <TextField label={t('min')} type="number" min={-10} max={0} value={range.min} onChange={(e) => changeRange('min', e.target.value)} htmlSize={5} />
              <TextField label={t('max')} type="number" min={0} max={20} value={range.max} onChange={(e) => changeRange('max', e.target.value)} htmlSize={5} />
              <BodyShort className="pb-3 text-ax-text-neutral-subtle">{t('columns', { count: draft.max - draft.min + 1 })}</BodyShort>
            </HStack>
            {rangeInvalid && <Alert variant="warning" size="small">{t('rangeInvalid')}</Alert>}
            <fieldset className="m-0 min-w-0 border-0 p-0" aria-describedby="celler-hjelp">
              <legend className="mb-1 font-semibold">{t('cells')}</legend>
              <BodyShort id="celler-hjelp" size="small" className="mb-2 text-ax-text-neutral-subtle">
                {t('cellsHelp')}
              </BodyShort>
              <div className="grid grid-cols-[repeat(auto-fill,minmax(3.5rem,1fr))] gap-2" data-testid="grid-cells">
                {values(draft).map((v) => {
                  const text = draft.cells[v] ?? '1';
                  return (
                    <TextField
                      key={v}
                      label={
                        <>
                          <span aria-hidden>{formatValue(v)}</span>
                          <span className="sr-only">{t('columnLabel', { value: formatValue(v) })}</span>
                        </>
                      }
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={60}
                      size="small"
                      value={text}
                      error={cellCount(text) === null ? t('CELL_INVALID') : undefined}
                      onChange={(e) => {
                        const value = e.target.value;
                        setDraft((d) => ({ ...d, cells: { ...d.cells, [v]: value } }));
                        edited();
                      }}
                    />
                  );
                })}
              </div>
            </fieldset>
            <Checkbox
              checked={!draft.forced}
              onChange={(e) => {
                const free = e.target.checked;
                setDraft((d) => ({ ...d, forced: !free }));
                edited();
              }}
              description={t('unforcedHelp')}
            >
              {t('unforced')}
            </Checkbox>
          </VStack>
        </fieldset>
        <div aria-live="polite" data-testid="grid-total">
          {liveProblem ? (
            <Alert variant="error" size="small">{liveProblem}</Alert>
          ) : (
            cells !== null && <BodyShort weight="semibold">{t('total', { cells, statements: statementCount })}</BodyShort>
          )}
        </div>
        {grid && (
          <Box background="neutral-soft" padding={{ xs: 'space-8', sm: 'space-16' }} borderRadius="8">
            <Heading level="3" size="xsmall" spacing>
              {t('preview')}
            </Heading>
            <GridPreview grid={grid} label={t('previewLabel', { min: formatValue(grid.min), max: formatValue(draft.max), counts: grid.counts.join('-') })} />
          </Box>
        )}
        {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
        {!readOnly && (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={pending} disabled={!grid || rangeInvalid}>
              {t('save')}
            </Button>
            <Button type="button" variant="secondary" onClick={suggest} disabled={statementCount < MIN_SUGGESTED} aria-describedby="forslag-hjelp">
              {t('suggest')}
            </Button>
            <span id="forslag-hjelp" className="sr-only">
              {t('suggestHelp', { count: statementCount })}
            </span>
            <div role="status">{saved && <Alert variant="success" size="small" inline>{t('saved')}</Alert>}</div>
          </div>
        )}
      </VStack>
    </form>
  );
}
