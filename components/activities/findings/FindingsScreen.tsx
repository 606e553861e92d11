'use client';

import { useTranslations } from 'next-intl';
import { BarChart } from '@/components/screen/BarChart';
import { FitBox } from '@/components/screen/FitBox';
import { NotRevealed } from '@/components/screen/NotRevealed';
import { PagedList } from '@/components/screen/PagedList';
import { ScreenFindingCard } from '@/components/screen/ScreenFindingCard';
import { findingResponseValues } from '@/lib/workshop/answers';
import type { ResultsOf, ScreenViewProps } from '../contract';

const barColour = { kjenner_igjen: 'bg-ax-bg-success-strong', nyanserer: 'bg-ax-bg-warning-strong', avkrefter: 'bg-ax-bg-danger-strong' } as const;

/** The current finding, whole, beside its tally once revealed: bars with shares, then the comments a page at a time. */
export function FindingsScreen({ live, runtime, activity, findings }: ScreenViewProps<'findings'>) {
  const finding = findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex]);
  const results = live.results?.kind === 'findings' && live.results.findingId === finding?.id ? live.results : null;
  return (
    <div className="grid min-h-0 flex-1 grid-cols-[3fr_2fr] grid-rows-[minmax(0,1fr)] gap-[1em]">
      {finding ? <FitBox fitKey={finding.id} className="h-full"><ScreenFindingCard finding={finding} /></FitBox> : <div />}
      <section className="flex min-h-0 flex-col gap-[0.8em] rounded-xl bg-ax-bg-raised p-[1em]">
        {runtime.revealed && results ? <Revealed results={results} minCount={runtime.minRevealCount} /> : <NotRevealed answered={live.answered} activityId={activity.id} />}
      </section>
    </div>
  );
}

function Revealed({ results, minCount }: { results: ResultsOf<'findings'>; minCount: number }) {
  const t = useTranslations('live');
  const tScreen = useTranslations('screen');
  const tRedaction = useTranslations('redaction');
  if (!results.counts || results.total === null) return <p className="m-0 text-[1.2em]" data-testid="results">{t('tooFew', { min: minCount })}</p>;
  const counts = results.counts;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.8em]" data-testid="results">
      <p className="m-0 text-[1.1em] font-semibold">{t('answers', { count: results.total })}</p>
      <BarChart total={results.total} bars={findingResponseValues.map((r) => ({ key: r, label: t(`response.${r}`), count: counts[r], colour: barColour[r], testId: `tally-${r}` }))} />
      {results.comments.length > 0 && (
        <PagedList items={results.comments} perPage={6} columns={1} label={tScreen('comments')} keyOf={(c) => c.id}
          render={(c) => <p className="m-0 rounded-lg border border-solid border-ax-border-neutral-subtle p-[0.5em]">{c.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : c.text}</p>} />
      )}
    </div>
  );
}
