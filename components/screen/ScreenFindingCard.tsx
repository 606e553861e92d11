import { useTranslations } from 'next-intl';
import type { FindingCard } from '@/lib/protocol';

/** A finding on the big screen, sized in em so its FitBox can shrink it whole: the reflection question is never cut. */
export function ScreenFindingCard({ finding }: { finding: FindingCard }) {
  const t = useTranslations('live');
  return (
    <article className="flex flex-col gap-[0.7em] rounded-xl bg-ax-bg-raised p-[1.2em] shadow-md" data-testid="finding-card">
      {finding.theme && <p className="m-0 text-[0.8em] font-semibold uppercase tracking-wide text-ax-text-accent-subtle">{finding.theme}</p>}
      <h2 className="m-0 text-[1.8em] font-bold leading-tight">{finding.title}</h2>
      <p className="m-0 text-[1.1em] leading-snug">{finding.summary}</p>
      {finding.quotes.length > 0 && (
        <ul className="m-0 flex list-none flex-col gap-[0.4em] p-0" aria-label={t('quotes')}>
          {finding.quotes.map((q) => (
            <li key={q}>
              <blockquote className="m-0 border-0 border-l-[0.2em] border-solid border-ax-border-accent pl-[0.6em] italic">«{q}»</blockquote>
            </li>
          ))}
        </ul>
      )}
      {finding.reflectionQuestion && (
        <div className="rounded-lg bg-ax-bg-accent-soft p-[0.8em]" data-testid="screen-reflection-question">
          <p className="m-0 text-[0.8em] font-semibold">{t('reflectionQuestion')}</p>
          <p className="m-0 text-[1.3em] font-semibold leading-snug">{finding.reflectionQuestion}</p>
        </div>
      )}
    </article>
  );
}
