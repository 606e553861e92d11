'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { NotRevealed } from '@/components/screen/NotRevealed';
import { PagedList } from '@/components/screen/PagedList';
import { useOneDecimal } from '@/components/use-one-decimal';
import type { ResultsOf, ScreenViewProps } from '../contract';

/** The evaluation once revealed: each question in words, its mean large, and its 0–4 spread with shares. */
export function ClosingScreen({ live, runtime, activity }: ScreenViewProps<'closing'>) {
  const results = live.results?.kind === 'closing' && live.results.activityId === activity.id ? live.results : null;
  if (!runtime.revealed || !results) {
    return <section className="flex-1 rounded-xl bg-ax-bg-raised p-[1em]"><NotRevealed answered={live.answered} activityId={activity.id} /></section>;
  }
  const textOf = new Map(activity.config.questions.map((q) => [q.id, q.text]));
  return <Revealed results={results} minCount={runtime.minRevealCount} textOf={textOf} />;
}

function Revealed({ results, minCount, textOf }: { results: ResultsOf<'closing'>; minCount: number; textOf: Map<string, string> }) {
  const t = useTranslations('live');
  const tScreen = useTranslations('screen');
  const tRedaction = useTranslations('redaction');
  const oneDecimal = useOneDecimal();
  const format = useFormatter();
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.6em]" data-testid="results">
      {results.respondents !== null && <p className="m-0 text-[1.1em] font-semibold">{t('respondents', { count: results.respondents })}</p>}
      <ul className="m-0 grid list-none gap-[0.6em] p-0" style={{ gridTemplateColumns: `repeat(${Math.min(3, results.questions.length)}, minmax(0, 1fr))` }}>
        {results.questions.map((q) => (
          <li key={q.id} className="flex flex-col gap-[0.4em] rounded-xl bg-ax-bg-raised p-[0.8em]">
            <p className="m-0 text-[1.05em] font-semibold leading-snug">{textOf.get(q.id)}</p>
            <p className="m-0 text-[2.2em] font-bold tabular-nums" data-testid={`mean-${q.id}`}>
              {q.mean === null ? <span className="text-[0.45em] font-normal">{t('tooFew', { min: minCount })}</span> : t('mean', { value: oneDecimal(q.mean) })}
            </p>
            {q.distribution && q.n !== null && (
              <ol className="m-0 grid list-none grid-cols-5 gap-[0.3em] p-0" aria-label={tScreen('scale')}>
                {q.distribution.map((n, value) => (
                  <li key={value} className="flex flex-col items-center gap-[0.1em]" aria-label={tScreen('scaleValue', { value, count: n })}>
                    <span className="flex h-[3em] w-full items-end rounded bg-ax-bg-neutral-moderate" aria-hidden>
                      <span className="block w-full rounded bg-ax-bg-accent-strong" style={{ height: `${(n / Math.max(1, q.n!)) * 100}%` }} />
                    </span>
                    <span className="font-bold tabular-nums" aria-hidden>{value}</span>
                    <span className="text-[0.75em] tabular-nums text-ax-text-neutral-subtle" aria-hidden>{format.number(n / Math.max(1, q.n!), { style: 'percent', maximumFractionDigits: 0 })}</span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ul>
      {results.texts.length > 0 && (
        <PagedList items={results.texts} perPage={6} columns={2} label={tScreen('freeTexts')} keyOf={(x) => x.id}
          render={(x) => <p className="m-0 rounded-lg bg-ax-bg-raised p-[0.5em]">{x.redacted ? <span className="italic" data-testid="redacted">{tRedaction('marker')}</span> : x.text}</p>} />
      )}
    </div>
  );
}
