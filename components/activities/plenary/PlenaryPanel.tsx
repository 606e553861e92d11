'use client';

import { PlusIcon } from '@navikt/aksel-icons';
import { Button, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useCallback, useState, type FormEvent } from 'react';
import type { LiveSocket } from '@/components/live/use-live-session';
import { Board } from '@/components/workshop/Board';
import type { FindingCard } from '@/lib/protocol';
import { boardDocName, type BoardNote } from '@/lib/workshop/board';
import type { WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';
import { PlenaryBoard } from './PlenaryBoard';
import { PlenaryVoting } from './PlenaryVoting';

/**
 * All groups' notes in one place: the facilitator names themes, sorts the notes into them on
 * the board (optionally linking a theme to a finding), then opens the dot vote.
 */
export function PlenaryPanel({ socket, sessionId, runtime, findings, voters, run }: {
  socket: LiveSocket | null;
  sessionId: string;
  runtime: WorkshopRuntime;
  findings: readonly FindingCard[];
  voters: number;
  run: (c: WorkshopCommand) => Promise<boolean>;
}) {
  const t = useTranslations('live');
  const [notes, setNotes] = useState<Record<string, BoardNote[]>>({});
  const [name, setName] = useState('');
  const reflection = [...runtime.activities].reverse().find((a, i) => a.kind === 'reflection' && runtime.activities.length - 1 - i < runtime.current);
  const collect = useCallback((groupId: string, list: BoardNote[]) => setNotes((n) => ({ ...n, [groupId]: list })), []);

  function create(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    void run({ type: 'clusterCreate', clusterId: `c${Date.now().toString(36)}`, name: name.trim() }).then((taken) => {
      if (taken) setName('');
    });
  }

  return (
    <VStack gap="space-16">
      {/* The boards are read, not shown: their notes are laid out on the plenary board below. */}
      {reflection && runtime.groups.map((g) => (
        <div key={g.id} className="hidden">
          <Board socket={socket} docName={boardDocName(sessionId, reflection.id, g.id)} mode="facilitator" onNotes={(list) => collect(g.id, list)} />
        </div>
      ))}
      <PlenaryVoting open={runtime.votingOpen} themes={runtime.clusters.length} voters={voters} run={run} />
      <form onSubmit={create}>
        <HStack gap="space-8" align="end">
          <TextField label={t('clusterName')} value={name} onChange={(e) => setName(e.target.value)} size="small" maxLength={120} className="w-full max-w-md" />
          <Button type="submit" size="small" variant="secondary" icon={<PlusIcon aria-hidden />}>{t('createCluster')}</Button>
        </HStack>
      </form>
      <PlenaryBoard notes={Object.values(notes).flat()} clusters={runtime.clusters} findings={findings} run={run} />
    </VStack>
  );
}
