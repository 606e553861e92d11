'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The plenary's one-word answers, sized by how many gave them. */
export function WordCloud({ words, large, onHide, hidden, redactButton }: {
  words: { word: string; count: number }[];
  large: boolean;
  onHide?: (id: string, hidden: boolean) => void;
  hidden: string[];
  redactButton: (word: string) => ReactNode;
}) {
  const t = useTranslations('live');
  const max = Math.max(...words.map((w) => w.count));
  const base = large ? 1.5 : 1;
  return (
    <section aria-label={t('wordCloud')} data-testid="word-cloud" className="flex flex-wrap items-baseline justify-center gap-x-6 gap-y-2 py-4">
      {words.map((w, i) => (
        <span key={w.word} className="inline-flex items-baseline gap-1">
          <span
            className={`font-bold ${['text-ax-text-accent', 'text-ax-text-success', 'text-ax-text-neutral'][i % 3]} ${hidden.includes(`word:${w.word}`) ? 'line-through opacity-40' : ''}`}
            style={{ fontSize: `${base * (1 + (2.5 * w.count) / max)}rem` }}
          >
            {w.word}
          </span>
          {onHide && (
            <button type="button" className="text-xs underline" onClick={() => onHide(`word:${w.word}`, !hidden.includes(`word:${w.word}`))}>
              {hidden.includes(`word:${w.word}`) ? t('unhideItem') : t('hideItem')}
            </button>
          )}
          {redactButton(w.word)}
        </span>
      ))}
    </section>
  );
}
