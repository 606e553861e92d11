'use client';

import { Alert } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { SharedNotes } from '@/components/live/SharedNotes';
import type { LiveSocket } from '@/components/live/use-live-session';
import { roundNotesDocName } from '@/lib/protocol';
import type { Round } from '@/lib/supervision/template';

/** The current round's shared notes; read-only for those the template does not let write. */
export function RoundNotes({ socket, sessionId, round, canWrite }: { socket: LiveSocket | null; sessionId: string; round: Round; canWrite: boolean }) {
  const t = useTranslations('supervision');
  return (
    <div className="space-y-2">
      {/* A new round is a new document: the key remounts the editor with its own connection. */}
      <SharedNotes key={round.id} socket={socket} sessionId={sessionId} docName={roundNotesDocName(sessionId, round.id)} ready
        label={t('notes', { round: round.name })} description={t('notesHelp')} readOnly={!canWrite} />
      {!canWrite && <Alert variant="info" size="small" inline>{t('notesReadOnly')}</Alert>}
    </div>
  );
}
