'use client';

import { useTranslations } from 'next-intl';
import type { SupervisionRuntime } from '@/lib/supervision/engine';

/** The rounds in order, the current one marked, so everyone sees how far the meeting is. */
export function RoundStepper({ runtime, large = false }: { runtime: SupervisionRuntime; large?: boolean }) {
  const t = useTranslations('supervision');
  const steps = [t('opening'), ...runtime.rounds.map((r) => r.name), t('closing')];
  return (
    <nav aria-label={t('rounds')}>
      <ol className="m-0 flex list-none flex-wrap gap-2 p-0">
        {steps.map((name, i) => {
          const index = i - 1;
          const state = index < runtime.current ? 'done' : index === runtime.current ? 'current' : 'todo';
          return (
            <li
              key={`${i}-${name}`}
              aria-current={state === 'current' ? 'step' : undefined}
              className={`rounded-full border border-solid ${large ? 'px-5 py-2 text-2xl' : 'px-3 py-1 text-sm'} ${
                state === 'current'
                  ? 'border-ax-border-accent bg-ax-bg-accent-strong font-semibold text-ax-text-accent-contrast'
                  : state === 'done'
                    ? 'border-ax-border-neutral-subtle bg-ax-bg-neutral-soft text-ax-text-neutral-subtle'
                    : 'border-ax-border-neutral-subtle'
              }`}
            >
              {name}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
