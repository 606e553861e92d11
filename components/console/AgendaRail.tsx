'use client';

import { CheckmarkIcon } from '@navikt/aksel-icons';
import { Detail, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { activityUi } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';
import type { WorkshopRuntime } from '@/lib/workshop/runtime';

/** The agenda down the left of the control room: done, current (highlighted) and coming steps; a click goes there. */
export function AgendaRail({ runtime, onGoTo }: { runtime: WorkshopRuntime; onGoTo: (index: number) => void }) {
  const t = useTranslations('live');
  const kindText = useKindText();
  return (
    <VStack gap="space-8" as="nav" aria-label={t('agenda')} className="lg:sticky lg:top-4">
      <Heading level="2" size="xsmall" className="px-1 uppercase tracking-wide text-ax-text-neutral-subtle">{t('agenda')}</Heading>
      <ol className="m-0 list-none space-y-1 p-0">
        {runtime.activities.map((a, i) => {
          const current = i === runtime.current;
          const done = i < runtime.current;
          const Icon = activityUi[a.kind].icon;
          return (
            <li key={a.id}>
              <button type="button" onClick={() => onGoTo(i)} aria-current={current ? 'step' : undefined}
                className={`flex w-full items-start gap-3 rounded-lg border-l-4 px-3 py-2 text-left transition-colors focus-visible:outline focus-visible:outline-2 focus-visible:outline-ax-border-focus ${current ? 'border-ax-border-accent bg-ax-bg-accent-strong text-ax-text-accent-contrast shadow-md' : done ? 'border-transparent bg-transparent text-ax-text-neutral-subtle hover:bg-ax-bg-neutral-soft' : 'border-transparent bg-ax-bg-raised hover:bg-ax-bg-accent-soft'}`}>
                <span className={`mt-0.5 grid h-6 w-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${current ? 'bg-ax-bg-raised text-ax-text-accent' : done ? 'bg-ax-bg-success-moderate text-ax-text-success' : 'bg-ax-bg-neutral-soft'}`} aria-hidden>
                  {done ? <CheckmarkIcon /> : i + 1}
                </span>
                <span className="min-w-0">
                  <Detail as="span" className="flex items-center gap-1 uppercase tracking-wide"><Icon aria-hidden />{kindText.label(a.kind)}</Detail>
                  <span className="block break-words font-semibold">{a.title}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </VStack>
  );
}
