'use client';

import { useTranslations } from 'next-intl';
import { Board } from '@/components/workshop/Board';
import { ResultsView } from '@/components/workshop/ResultsView';
import { boardDocName } from '@/lib/workshop/board';
import type { ScreenViewProps } from '../contract';

/** The last reflection's group boards beside the themes, and the votes and word cloud once revealed. */
export function PlenaryScreen({ live, runtime }: ScreenViewProps<'plenary'>) {
  const t = useTranslations('live');
  const sessionId = live.snapshot?.sessionId ?? '';
  return (
    <div className="grid grid-cols-2 gap-10">
      <div className="space-y-6">
        {[...runtime.agenda.slice(0, runtime.current)].reverse().filter((a) => a.kind === 'reflection').slice(0, 1).map((reflection) =>
          runtime.groups.map((g) => (
            <section key={g.id} className="rounded-xl bg-white p-6">
              <h2 className="m-0 mb-4 text-3xl">{t('group', { name: g.name })}</h2>
              <Board socket={live.socket} docName={boardDocName(sessionId, reflection.id, g.id)} mode="screen" hiddenItems={runtime.hiddenItems} readOnly />
            </section>
          )),
        )}
      </div>
      <div className="rounded-xl bg-white p-8">
        <h2 className="m-0 mb-4 text-4xl">{t('clusters')}</h2>
        <ul className="m-0 mb-6 list-none space-y-2 p-0 text-3xl">{runtime.clusters.map((c) => <li key={c.id} data-testid="screen-cluster">{c.name}</li>)}</ul>
        {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} large /> : <p className="text-2xl">{t('notRevealed')}</p>}
      </div>
    </div>
  );
}
