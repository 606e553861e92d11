'use client';

import { Alert, BodyShort, Button, ReadMore, Select, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { QsortRuntime } from '@/lib/qsort/runtime';
import { piles, type Pile, type SortState } from '@/lib/qsort/sort';
import { StatementCard } from './StatementCard';

/** Step 2: one statement at a time into pile A (agree), B (disagree) or C (neutral). */
export function PilesStep({ runtime, state, change }: { runtime: QsortRuntime; state: SortState; change: (s: SortState) => void }) {
  const t = useTranslations('qsort');
  const next = runtime.statements.find((s) => !state.piles[s.id]);
  const count = (p: Pile) => Object.values(state.piles).filter((x) => x === p).length;
  const put = (id: string, pile: Pile) => change({ ...state, piles: { ...state.piles, [id]: pile } });
  const done = runtime.statements.length - (next ? runtime.statements.filter((s) => !state.piles[s.id]).length : 0);
  return (
    <VStack gap="space-16">
      <BodyShort size="small" aria-live="polite">
        {t('pileOf', { n: done, total: runtime.statements.length })} · {t('pileCounts', { agree: count('agree'), disagree: count('disagree'), neutral: count('neutral') })}
        {next && <span className="sr-only"> {t('statementN', { id: next.id })}: {next.text}</span>}
      </BodyShort>
      {next ? (
        // No key per statement: the buttons stay, so the keyboard focus stays on the one pressed.
        <div>
          <StatementCard id={next.id} text={next.text}>
            <div className="mt-4 grid gap-2 sm:grid-cols-3">
              <Button variant="secondary" className="!border-ax-border-success" onClick={() => put(next.id, 'agree')}>{t('pileA')}</Button>
              <Button variant="secondary" onClick={() => put(next.id, 'neutral')}>{t('pileC')}</Button>
              <Button variant="secondary" className="!border-ax-border-danger" onClick={() => put(next.id, 'disagree')}>{t('pileB')}</Button>
            </div>
          </StatementCard>
        </div>
      ) : (
        <Alert variant="success" size="small">{t('allPiled')}</Alert>
      )}
      {Object.keys(state.piles).length > 0 && (
        <ReadMore header={t('changePiles')} defaultOpen={!next}>
          <ul className="m-0 list-none space-y-2 p-0">
            {runtime.statements.filter((s) => state.piles[s.id]).map((s) => (
              <li key={s.id}>
                <StatementCard id={s.id} text={s.text} tone={state.piles[s.id]} compact>
                  <Select className="mt-2" size="small" label={t('pileFor', { id: s.id })} hideLabel value={state.piles[s.id]} onChange={(e) => put(s.id, e.target.value as Pile)}>
                    {piles.map((p) => <option key={p} value={p}>{t(`pileShort.${p}`)}</option>)}
                  </Select>
                </StatementCard>
              </li>
            ))}
          </ul>
        </ReadMore>
      )}
    </VStack>
  );
}
