'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { Board, noteBackground } from '@/components/workshop/Board';
import { BarChart } from '@/components/screen/BarChart';
import { FitBox } from '@/components/screen/FitBox';
import { NotRevealed } from '@/components/screen/NotRevealed';
import { PagedList } from '@/components/screen/PagedList';
import { boardDocName, type BoardNote } from '@/lib/workshop/board';
import type { ResultsOf, ScreenViewProps } from '../contract';
import { WordCloud } from './WordCloud';

interface ThemeCard {
  id: string;
  name: string;
  notes: BoardNote[];
  /** The notes no theme holds yet, shown last and quieter. */
  rest?: boolean;
}

/**
 * The plenary as the room builds it: each theme with its notes (the last reflection's group
 * boards, read live), a page of themes at a time; beside it the dots per theme and the word
 * cloud once revealed.
 */
export function PlenaryScreen({ live, runtime, activity }: ScreenViewProps<'plenary'>) {
  const t = useTranslations('live');
  const tScreen = useTranslations('screen');
  const sessionId = live.snapshot?.sessionId ?? '';
  const [notes, setNotes] = useState<Record<string, BoardNote[]>>({});
  const collect = useCallback((groupId: string, list: BoardNote[]) => setNotes((n) => ({ ...n, [groupId]: list })), []);
  const reflection = [...runtime.agenda.slice(0, runtime.current)].reverse().find((a) => a.kind === 'reflection');
  const visible = Object.values(notes).flat().filter((n) => !runtime.hiddenItems.includes(n.id));
  const clustered = new Set(runtime.clusters.flatMap((c) => c.noteIds));
  const rest = visible.filter((n) => !clustered.has(n.id));
  const cards: ThemeCard[] = [
    ...runtime.clusters.map((c) => ({ id: c.id, name: c.name, notes: visible.filter((n) => c.noteIds.includes(n.id)) })),
    ...(rest.length > 0 ? [{ id: '-rest', name: t('unclustered'), notes: rest, rest: true }] : []),
  ];
  const results = runtime.revealed && live.results?.kind === 'plenary' ? live.results : null;

  return (
    <div className="grid min-h-0 flex-1 grid-cols-[2fr_1fr] grid-rows-[minmax(0,1fr)] gap-[1em]">
      {/* The boards are read, not shown: their notes are laid out by theme below. */}
      {reflection && runtime.groups.map((g) => (
        <div key={g.id} className="hidden">
          <Board socket={live.socket} docName={boardDocName(sessionId, reflection.id, g.id)} mode="screen" hiddenItems={runtime.hiddenItems} readOnly onNotes={(list) => collect(g.id, list)} />
        </div>
      ))}
      <section className="flex min-h-0 flex-col gap-[0.4em]" aria-label={t('clusters')}>
        {runtime.clusters.length === 0 && <p className="m-0 text-[1.1em]">{tScreen('noThemes')}</p>}
        <PagedList items={cards} perPage={6} columns={3} label={t('clusters')} keyOf={(c) => c.id} render={(c) => <Theme card={c} />} />
      </section>
      <section className="flex min-h-0 flex-col gap-[0.6em] rounded-xl bg-ax-bg-raised p-[1em]">
        {results ? <Revealed results={results} clusters={runtime.clusters} minCount={runtime.minRevealCount} /> : <NotRevealed answered={live.answered} activityId={activity.id} />}
      </section>
    </div>
  );
}

function Theme({ card }: { card: ThemeCard }) {
  const tScreen = useTranslations('screen');
  return (
    <article className={`flex flex-col gap-[0.4em] rounded-xl p-[0.7em] ${card.rest ? 'border-2 border-dashed border-ax-border-neutral-subtle' : 'bg-ax-bg-raised shadow-md'}`}>
      <h2 className="m-0 text-[1.2em] font-bold" data-testid={card.rest ? undefined : 'screen-cluster'}>{card.name}</h2>
      <p className="m-0 text-[0.75em] text-ax-text-neutral-subtle">{tScreen('themeNotes', { count: card.notes.length })}</p>
      <ul className="m-0 flex list-none flex-col gap-[0.3em] p-0">
        {card.notes.map((n) => <li key={n.id} className={`rounded px-[0.5em] py-[0.3em] text-[0.9em] text-[#202733] ${noteBackground[n.colour]}`} data-testid="screen-note">{n.text}</li>)}
      </ul>
    </article>
  );
}

function Revealed({ results, clusters, minCount }: { results: ResultsOf<'plenary'>; clusters: ScreenViewProps<'plenary'>['runtime']['clusters']; minCount: number }) {
  const t = useTranslations('live');
  const votes = results.votes;
  const total = votes ? Object.values(votes).reduce((a, b) => a + b, 0) : 0;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-[0.8em]" data-testid="results">
      {clusters.length > 0 && votes && (
        <BarChart layout="stacked" total={total} unit={(count) => t('votes', { count })}
          bars={[...clusters].sort((a, b) => (votes[b.id] ?? 0) - (votes[a.id] ?? 0)).map((c) => ({ key: c.id, label: c.name, count: votes[c.id] ?? 0, colour: 'bg-ax-bg-accent-strong', testId: 'vote-tally' }))} />
      )}
      {!votes && results.voters !== 0 && <p className="m-0">{t('tooFew', { min: minCount })}</p>}
      {results.words.length > 0 && (
        <FitBox fitKey={results.words.map((w) => `${w.word}${w.count}`).join()} className="flex-1">
          <WordCloud words={results.words} large hidden={[]} redactButton={() => null} />
        </FitBox>
      )}
    </div>
  );
}
