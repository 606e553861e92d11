'use client';

import { ArrowRightLeftIcon, DragVerticalIcon, TrashIcon } from '@navikt/aksel-icons';
import { ActionMenu, BodyShort, Button, Detail, Heading, HStack, Select, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { noteBackground } from '@/components/workshop/Board';
import { usePointerDrag } from '@/components/workshop/use-pointer-drag';
import type { FindingCard } from '@/lib/protocol';
import type { BoardNote } from '@/lib/workshop/board';
import type { Cluster, WorkshopCommand } from '@/lib/workshop/runtime';

/** The drop target (and menu choice) that takes a note out of its theme. */
const UNSORTED = '-unsorted';

/**
 * The plenary board: the groups' notes on the left, the themes beside them as wide cards.
 * A note moves to a theme three ways: dragged (mouse, pen or finger — Pointer Events), its
 * "Move" menu, or a digit key while it has focus (1–9: that theme, 0: out). Every move is
 * announced in a live region, so a screen-reader user hears where the note went.
 */
export function PlenaryBoard({ notes, clusters, findings, run }: {
  notes: readonly BoardNote[];
  clusters: readonly Cluster[];
  findings: readonly FindingCard[];
  run: (c: WorkshopCommand) => Promise<boolean>;
}) {
  const t = useTranslations('controlRoom.board');
  const tLive = useTranslations('live');
  const [announcement, setAnnouncement] = useState('');
  // A note moved by key is drawn anew in its theme: focus follows it there once the move is in.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const home = clusters.find((c) => c.noteIds.includes(id))?.id ?? UNSORTED;
    const el = document.querySelector<HTMLElement>(`[data-drop-target="${CSS.escape(home)}"] [data-note-id="${CSS.escape(id)}"]`);
    if (!el) return;
    el.focus();
    refocus.current = null;
  }, [clusters]);
  const hintId = useId();
  const themeOf = new Map(clusters.flatMap((c) => c.noteIds.map((id) => [id, c.id] as const)));
  const unsorted = notes.filter((n) => !themeOf.has(n.id));

  async function move(noteId: string, target: string) {
    const note = notes.find((n) => n.id === noteId);
    const clusterId = target === UNSORTED ? null : target;
    if (!note || (themeOf.get(noteId) ?? null) === clusterId) return;
    if (!(await run({ type: 'clusterAssign', noteId, clusterId }))) return;
    const theme = clusters.find((c) => c.id === clusterId);
    setAnnouncement(theme ? t('moved', { text: note.text, theme: theme.name }) : t('movedOut', { text: note.text }));
  }
  const drag = usePointerDrag((noteId, target) => void move(noteId, target));

  function onNoteKey(e: KeyboardEvent<HTMLElement>, noteId: string) {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey || !/^[0-9]$/.test(e.key)) return;
    const n = Number(e.key);
    const target = n === 0 ? UNSORTED : clusters[n - 1]?.id;
    if (!target) return;
    e.preventDefault();
    refocus.current = noteId;
    void move(noteId, target);
  }

  const note = (n: BoardNote) => {
    const current = themeOf.get(n.id) ?? null;
    const { style, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onLostPointerCapture, ...dragState } = drag.item(n.id);
    return (
      <li key={n.id} tabIndex={0} data-note-id={n.id} data-testid="plenary-note" aria-describedby={hintId} aria-keyshortcuts="1 2 3 4 5 6 7 8 9 0"
        style={style} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerCancel} onLostPointerCapture={onLostPointerCapture}
        onKeyDown={(e) => onNoteKey(e, n.id)} {...dragState}
        className={`group flex touch-none select-none items-start gap-1 rounded-md py-2 pl-1 pr-1 text-[#202733] shadow-sm outline-offset-2 transition-shadow focus-visible:outline focus-visible:outline-2 focus-visible:outline-ax-border-focus data-[dragging]:shadow-xl ${noteBackground[n.colour]}`}>
        <DragVerticalIcon aria-hidden className="mt-0.5 shrink-0 text-xl opacity-50" />
        <span className="min-w-0 flex-1 break-words text-base leading-snug">{n.text}</span>
        <ActionMenu>
          <ActionMenu.Trigger>
            <Button type="button" size="xsmall" variant="tertiary-neutral" className="shrink-0" icon={<ArrowRightLeftIcon aria-hidden />} aria-label={t('moveLabel', { text: n.text })} title={t('move')}>
              <span className="sr-only md:not-sr-only">{t('move')}</span>
            </Button>
          </ActionMenu.Trigger>
          <ActionMenu.Content>
            <ActionMenu.Group label={t('moveTo')}>
              {clusters.map((c) => (
                <ActionMenu.Item key={c.id} disabled={c.id === current} onSelect={() => void move(n.id, c.id)}>
                  {c.name}
                </ActionMenu.Item>
              ))}
              <ActionMenu.Item disabled={current === null} onSelect={() => void move(n.id, UNSORTED)}>
                {t('toUnsorted')}
              </ActionMenu.Item>
            </ActionMenu.Group>
          </ActionMenu.Content>
        </ActionMenu>
      </li>
    );
  };

  return (
    <VStack gap="space-12">
      <div>
        <Heading level="3" size="small">{t('heading')}</Heading>
        <BodyShort size="small" className="text-ax-text-neutral-subtle">{t('help')}</BodyShort>
        <span id={hintId} className="sr-only">{t('noteKeyHint')}</span>
      </div>
      <p aria-live="polite" className="sr-only" data-testid="board-announcement">{announcement}</p>
      <div className="grid items-start gap-4 md:grid-cols-[15rem_minmax(0,1fr)]">
        <Column testId="unsorted" title={t('unsorted')} count={unsorted.length} drop={drag.target(UNSORTED)} tone="pool">
          {unsorted.length === 0 ? <Empty>{t('unsortedEmpty')}</Empty> : <ul className="m-0 flex list-none flex-col gap-2 p-0">{unsorted.map(note)}</ul>}
        </Column>
        <div className="grid items-start gap-4 [grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))]" aria-label={tLive('clusters')} role="group">
          {clusters.map((c, i) => {
            const inTheme = notes.filter((n) => themeOf.get(n.id) === c.id);
            return (
              <Column key={c.id} testId="cluster" number={i + 1} title={c.name} count={inTheme.length} drop={drag.target(c.id)}
                action={<Button type="button" size="xsmall" variant="tertiary-neutral" icon={<TrashIcon title={`${tLive('deleteCluster')}: ${c.name}`} />} onClick={() => void run({ type: 'clusterDelete', clusterId: c.id })} />}>
                {findings.length > 0 && (
                  <Select size="small" label={tLive('linkFinding')} value={c.findingId ?? ''} onChange={(e) => void run({ type: 'clusterLink', clusterId: c.id, findingId: e.target.value || null })}>
                    <option value="">{tLive('noFinding')}</option>
                    {findings.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
                  </Select>
                )}
                {inTheme.length === 0 ? <Empty>{t('themeEmpty')}</Empty> : <ul className="m-0 flex list-none flex-col gap-2 p-0">{inTheme.map(note)}</ul>}
              </Column>
            );
          })}
        </div>
      </div>
    </VStack>
  );
}

/** A drop target on the board: the unsorted pool or one theme, lit while a note is above it. */
function Column({ testId, number, title, count, drop, tone = 'theme', action, children }: {
  testId: string;
  number?: number;
  title: string;
  count: number;
  drop: { 'data-drop-target': string; over: boolean };
  tone?: 'theme' | 'pool';
  action?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations('controlRoom.board');
  const { over, ...target } = drop;
  const surface = tone === 'pool' ? 'bg-ax-bg-neutral-soft border-dashed' : 'bg-ax-bg-raised shadow-sm';
  return (
    <section {...target} data-testid={testId} data-over={over || undefined} aria-label={title}
      className={`flex min-h-32 flex-col gap-3 rounded-xl border-2 p-3 transition-colors ${surface} ${over ? 'border-ax-border-accent bg-ax-bg-accent-soft' : 'border-ax-border-neutral-subtle'}`}>
      <HStack gap="space-8" align="start" wrap={false}>
        {number !== undefined && (
          <span className="grid h-7 w-7 shrink-0 place-items-center rounded-full bg-ax-bg-accent-strong text-sm font-semibold text-ax-text-accent-contrast" aria-label={t('themeNumber', { n: number })}>{number}</span>
        )}
        <div className="min-w-0 flex-1">
          <Heading level="4" size="xsmall" className="break-words">{title}</Heading>
          <Detail className="text-ax-text-neutral-subtle">{t('noteCount', { count })}</Detail>
        </div>
        {action}
      </HStack>
      {children}
    </section>
  );
}

const Empty = ({ children }: { children: ReactNode }) => <BodyShort size="small" className="rounded-md border border-dashed border-ax-border-neutral-subtle p-3 text-center text-ax-text-neutral-subtle">{children}</BodyShort>;
