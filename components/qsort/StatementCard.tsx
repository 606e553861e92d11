'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** A statement as a card: its number and text, with room for controls below. */
export function StatementCard({ id, text, children, tone = 'plain', compact = false }: {
  id: string;
  text: string;
  children?: ReactNode;
  tone?: 'plain' | 'agree' | 'disagree' | 'neutral' | 'selected';
  compact?: boolean;
}) {
  const t = useTranslations('qsort');
  const tones = {
    plain: 'border-ax-border-neutral-subtle bg-ax-bg-raised',
    agree: 'border-ax-border-success bg-ax-bg-success-soft',
    disagree: 'border-ax-border-danger bg-ax-bg-danger-soft',
    neutral: 'border-ax-border-neutral bg-ax-bg-neutral-soft',
    selected: 'border-ax-border-accent-strong bg-ax-bg-accent-soft ring-2 ring-ax-border-accent-strong',
  } as const;
  return (
    <div className={`rounded-lg border border-solid ${tones[tone]} ${compact ? 'p-2 text-sm' : 'p-3'}`} data-testid="statement">
      <p className="m-0">
        <span className="mr-2 inline-block min-w-8 rounded bg-ax-bg-neutral-moderate px-1.5 text-center text-sm font-semibold" aria-label={t('statementN', { id })}>
          {id}
        </span>
        {text}
      </p>
      {children}
    </div>
  );
}
