'use client';

import { BodyShort, Box, Button, Heading, HGrid, Switch, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { clientEvents } from '@/lib/protocol';
import type { QsortProgress } from '@/lib/qsort/progress';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import type { useLiveSession } from '@/components/live/use-live-session';
import { ImportSorts } from './ImportSorts';
import { MergeStudies } from './MergeStudies';
import { PaperSortForm } from './PaperSortForm';

/** How many sort, have finished, and who asked for help (by number: sorts are anonymous). */
export function QsortProgressPanel({ live, runtime, progress, canReopen = true }: {
  live: ReturnType<typeof useLiveSession>;
  runtime: QsortRuntime;
  progress: QsortProgress | null;
  /** False once a workshop has moved on: the sorts stay for analysis, sorting stays closed. */
  canReopen?: boolean;
}) {
  const t = useTranslations('qsort.console');
  const text = (id: string) => runtime.statements.find((s) => s.id === id)?.text ?? '';
  const stat = (label: string, value: number, testId: string, note?: string) => (
    <Box background="neutral-soft" padding="space-12" borderRadius="8">
      <BodyShort size="small">{label}</BodyShort>
      <p className="m-0 text-4xl font-bold" data-testid={testId}>{value}</p>
      {note && <BodyShort size="small" data-testid={`${testId}-note`}>{note}</BodyShort>}
    </Box>
  );
  return (
    <VStack gap="space-12">
      <Heading level="2" size="small">{t('progress')}</Heading>
      <HGrid columns={3} gap="space-8">
        {stat(t('sorting'), progress?.sorting ?? 0, 'qsort-sorting')}
        {stat(t('done'), progress?.done ?? 0, 'qsort-done', doneNote(progress, t))}
        {stat(t('help'), progress?.help.length ?? 0, 'qsort-help')}
      </HGrid>
      {progress && progress.help.length > 0 && (
        <ul className="m-0 list-none space-y-2 p-0">
          {progress.help.map((h) => (
            <li key={h.sortId} className="flex items-center justify-between gap-2 rounded-lg border-0 border-l-4 border-solid border-ax-border-warning bg-ax-bg-warning-soft p-2" data-testid="help-request">
              <span>{h.statement ? t('helpRequestWith', { number: h.number, id: h.statement, text: text(h.statement) }) : t('helpRequest', { number: h.number })}</span>
              <Button size="xsmall" variant="secondary" onClick={() => void live.call(clientEvents.qsortResolveHelp, { sortId: h.sortId })}>{t('resolve')}</Button>
            </li>
          ))}
        </ul>
      )}
      <PaperSortForm live={live} runtime={runtime} />
      <ImportSorts live={live} />
      <MergeStudies live={live} />
      <Switch checked={runtime.open} disabled={!runtime.open && !canReopen} onChange={(e) => void live.send({ type: 'qsort', command: { type: 'setOpen', open: e.target.checked } })}>{t('open')}</Switch>
    </VStack>
  );
}

/** What the finished count holds besides this room's phones: paper sorts, other sessions' sorts. */
function doneNote(progress: QsortProgress | null, t: (key: 'paperCount' | 'mergedCount', values: { count: number }) => string): string | undefined {
  const parts = [progress?.paper ? t('paperCount', { count: progress.paper }) : '', progress?.merged ? t('mergedCount', { count: progress.merged }) : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
