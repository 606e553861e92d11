'use client';

import { Alert, BodyShort, Button, Checkbox, HStack, Textarea, ToggleGroup, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '@/lib/errors';
import { personalDataKinds } from '@/lib/privacy-guard';
import { addNote, draftsLeftOut, newNoteId, noteColours, noteFieldAfterRefusal, notesOf, readBoard, removeNote, summariseSkipped, updateNote, type BoardNote, type NoteColour } from '@/lib/workshop/board';
import type { LiveSocket } from '../live/use-live-session';
import { ConfirmAction } from '../live/ConfirmAction';
import { useYjsDoc } from '../live/use-yjs-doc';

export const noteBackground: Record<NoteColour, string> = {
  yellow: 'bg-[#fff3b0]',
  blue: 'bg-[#d4e9ff]',
  green: 'bg-[#d7f5dc]',
  pink: 'bg-[#ffdcec]',
  orange: 'bg-[#ffe2c4]',
};

interface Props {
  socket: LiveSocket | null;
  docName: string;
  mode: 'member' | 'facilitator' | 'screen';
  authorName?: string | null;
  /**
   * During silent writing a member sees only their own notes. The server enforces it (the
   * member's `docName` is then their private draft); this filter only guards a stale screen.
   */
  silent?: boolean;
  hiddenItems?: string[];
  onHide?: (noteId: string, hidden: boolean) => void;
  onNotes?: (notes: BoardNote[]) => void;
  readOnly?: boolean;
  /** Facilitators: take a note's text out of the board, its history and the archive. */
  onRedact?: (noteId: string) => Promise<AppError | null>;
}

/**
 * A group's live board. Notes are Yjs map entries, so two members typing at once both land;
 * a note written offline is kept in the local document and sent when the connection returns.
 * A note the server refuses (too large, over a budget) is not lost: its text goes back into
 * the input field while the board resyncs from the server's copy, and the reason is shown.
 */
export function Board({ socket, docName, mode, authorName = null, silent = false, hiddenItems = [], onHide, onNotes, readOnly = false, onRedact }: Props) {
  const t = useTranslations('live');
  const tErrors = useTranslations('errors');
  const lastSent = useRef('');
  const [notes, setNotes] = useState<BoardNote[]>([]);
  const [text, setText] = useState('');
  const { doc, status, refusal, dismissRefusal, authorKey: boardKey } = useYjsDoc(socket, docName, socket !== null, () => {
    setText((current) => noteFieldAfterRefusal(current, lastSent.current));
  });
  // A member's notes carry their key for this board (the server refuses any other); a
  // facilitator's carry one no participant has.
  const authorKey = mode === 'member' ? boardKey : null;
  const [colour, setColour] = useState<NoteColour>('yellow');
  const [asGroup, setAsGroup] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [leftOut, setLeftOut] = useState(0);

  useEffect(() => {
    const array = notesOf(doc);
    let skippedBefore = 0;
    const refresh = () => {
      // Anyone with write access can push junk into the array: show the notes that are notes.
      const { notes: current, skipped } = readBoard(doc);
      if (skipped.length !== skippedBefore) console.warn(`board ${docName}: entries skipped`, summariseSkipped(skipped));
      skippedBefore = skipped.length;
      setNotes(current);
      onNotes?.(current);
    };
    refresh();
    array.observeDeep(refresh);
    return () => array.unobserveDeep(refresh);
  }, [doc, docName, onNotes]);

  useEffect(() => {
    // The server counts drafts it could not take when silent writing ended (the board was full).
    const release = doc.getMap('release');
    const refresh = () => setLeftOut(draftsLeftOut(doc));
    refresh();
    release.observe(refresh);
    return () => release.unobserve(refresh);
  }, [doc]);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Until the key has come, a member's note could only be refused: it waits in the field.
    if (!text.trim() || (mode === 'member' && authorKey === null)) return;
    // Checked here as the text is typed into a shared document; the archive checks again.
    if (personalDataKinds(text).length > 0) return setError({ code: 'PERSONAL_DATA', message: 'personal data' });
    lastSent.current = text;
    dismissRefusal();
    addNote(doc, {
      id: newNoteId(),
      text: text.trim(),
      colour,
      authorKind: asGroup ? 'group' : authorName ? 'named' : 'anonymous',
      authorName: asGroup ? null : authorName,
      authorKey: authorKey ?? 'facilitator',
      createdAt: Date.now(),
    });
    setText('');
    setError(null);
  }

  const mine = (n: BoardNote) => authorKey !== null && n.authorKey === authorKey;
  const visible = notes.filter((n) => mode !== 'member' || !silent || mine(n)).filter((n) => mode !== 'screen' || !hiddenItems.includes(n.id));

  return (
    <VStack gap="space-12" data-testid="board" data-status={status}>
      {mode === 'member' && !readOnly && (
        <form onSubmit={submit} aria-label={t('note')}>
          <VStack gap="space-8">
            <Textarea
              label={t('noteText')}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
              maxLength={500}
              minRows={2}
              error={error ? t('noteRefused') : undefined}
            />
            <HStack gap="space-8" align="center" justify="space-between">
              <ToggleGroup size="small" label={t('colour')} value={colour} onChange={(v) => setColour(v as NoteColour)}>
                {noteColours.map((c) => (
                  <ToggleGroup.Item key={c} value={c} aria-label={t(`colours.${c}`)}>
                    <span className={`inline-block h-4 w-4 rounded-full border border-ax-border-neutral ${noteBackground[c]}`} aria-hidden />
                  </ToggleGroup.Item>
                ))}
              </ToggleGroup>
              <Checkbox checked={asGroup} onChange={(e) => setAsGroup(e.target.checked)}>
                {t('asGroup')}
              </Checkbox>
              <Button type="submit" size="small">
                {t('addNote')}
              </Button>
            </HStack>
          </VStack>
        </form>
      )}
      {mode === 'facilitator' && leftOut > 0 && (
        <Alert variant="warning" size="small" data-testid="board-drafts-left-out">
          {t('draftsLeftOut', { count: leftOut })}
        </Alert>
      )}
      {refusal && (
        <Alert variant="warning" size="small" role="alert" data-testid="board-refusal">
          {tErrors(refusal)}
        </Alert>
      )}
      {visible.length === 0 ? (
        <BodyShort className="text-ax-text-neutral-subtle">{t('noNotes')}</BodyShort>
      ) : (
        <ul className={`m-0 grid list-none gap-3 p-0 ${mode === 'screen' ? 'grid-cols-2 xl:grid-cols-3' : 'grid-cols-1 sm:grid-cols-2'}`} aria-label={t('note')}>
          {visible.map((n) => (
            <NoteCard key={n.id} note={n} mine={mine(n) && !readOnly} large={mode === 'screen'} hidden={hiddenItems.includes(n.id)}
              onSave={(changed) => {
                // A refused edit comes back into the input field, as a refused new note does.
                lastSent.current = changed;
                updateNote(doc, n.id, { text: changed });
              }}
              onDelete={() => removeNote(doc, n.id)}
              onHide={onHide ? () => onHide(n.id, !hiddenItems.includes(n.id)) : undefined}
              onRedact={onRedact && !n.redacted ? () => onRedact(n.id) : undefined} />
          ))}
        </ul>
      )}
    </VStack>
  );
}

function NoteCard({ note, mine, large, hidden, onSave, onDelete, onHide, onRedact }: {
  note: BoardNote;
  mine: boolean;
  large: boolean;
  hidden: boolean;
  onSave: (text: string) => void;
  onDelete: () => void;
  onHide?: () => void;
  onRedact?: () => Promise<AppError | null>;
}) {
  const t = useTranslations('live');
  const tRedaction = useTranslations('redaction');
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  return (
    <li className={`rounded-md p-3 shadow-sm ${noteBackground[note.colour]} ${hidden ? 'opacity-50' : ''}`} data-testid="note">
      {editing ? (
        <VStack gap="space-4">
          <Textarea label={t('editNote')} hideLabel value={draft} onChange={(e) => setDraft(e.target.value)} minRows={2} />
          <HStack gap="space-4">
            <Button size="xsmall" onClick={() => { if (personalDataKinds(draft).length === 0) { onSave(draft); setEditing(false); } }}>{t('save')}</Button>
            <Button size="xsmall" variant="tertiary" onClick={() => setEditing(false)}>{t('cancel')}</Button>
          </HStack>
        </VStack>
      ) : note.redacted ? (
        <p className={`m-0 italic ${large ? 'text-2xl' : ''}`} data-testid="redacted">{tRedaction('marker')}</p>
      ) : (
        <p className={`m-0 whitespace-pre-line break-words ${large ? 'text-2xl' : ''} ${hidden ? 'line-through' : ''}`}>{note.text}</p>
      )}
      <HStack justify="space-between" align="center" className="mt-2">
        <span className="text-xs text-ax-text-neutral-subtle">{note.authorKind === 'group' ? t('byGroup') : note.authorName ?? ''}</span>
        <HStack gap="space-2">
          {mine && !editing && !note.redacted && (
            <>
              <Button size="xsmall" variant="tertiary-neutral" onClick={() => { setDraft(note.text); setEditing(true); }}>{t('editNote')}</Button>
              <Button size="xsmall" variant="tertiary-neutral" onClick={onDelete}>{t('deleteNote')}</Button>
            </>
          )}
          {onHide && <Button size="xsmall" variant="tertiary-neutral" onClick={onHide}>{hidden ? t('unhideItem') : t('hideItem')}</Button>}
          {onRedact && <ConfirmAction label={tRedaction('redact')} title={tRedaction('redactTitle')} body={tRedaction('redactConfirm')} confirm={tRedaction('confirmRedact')} onConfirm={onRedact} />}
        </HStack>
      </HStack>
    </li>
  );
}
