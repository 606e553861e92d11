'use client';

import { BodyShort, Button, Heading, HStack, Select, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useCallback, useState, type FormEvent } from 'react';
import type { LiveSocket } from '@/components/live/use-live-session';
import { Board, noteBackground } from '@/components/workshop/Board';
import { DropCard, useDragInto } from '@/components/workshop/DropCards';
import type { FindingCard } from '@/lib/protocol';
import { boardDocName, type BoardNote } from '@/lib/workshop/board';
import type { WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';

/**
 * All groups' notes in one place; the facilitator gathers them into named themes (clusters),
 * optionally linked to a finding. Drag a note onto a theme, or use the select beside it.
 */
export function PlenaryPanel({ socket, sessionId, runtime, findings, run }: {
  socket: LiveSocket | null;
  sessionId: string;
  runtime: WorkshopRuntime;
  findings: readonly FindingCard[];
  run: (c: WorkshopCommand) => Promise<boolean>;
}) {
  const t = useTranslations('live');
  const [notes, setNotes] = useState<Record<string, BoardNote[]>>({});
  const [name, setName] = useState('');
  const drag = useDragInto((noteId, clusterId) => run({ type: 'clusterAssign', noteId, clusterId }));
  const reflection = [...runtime.activities].reverse().find((a, i) => a.kind === 'reflection' && runtime.activities.length - 1 - i < runtime.current);
  const collect = useCallback((groupId: string, list: BoardNote[]) => setNotes((n) => ({ ...n, [groupId]: list })), []);
  const all = Object.values(notes).flat();
  const clustered = new Set(runtime.clusters.flatMap((c) => c.noteIds));

  function create(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    void run({ type: 'clusterCreate', clusterId: `c${Date.now().toString(36)}`, name: name.trim() }).then((taken) => {
      if (taken) setName('');
    });
  }

  const noteItem = (n: BoardNote, clusterId: string | null) => (
    <li key={n.id} {...drag.item(n.id)} className={`flex items-start justify-between gap-2 rounded p-2 ${noteBackground[n.colour]}`} data-testid="plenary-note">
      <span className="text-sm">{n.text}</span>
      <Select size="small" label={t('addToCluster')} hideLabel value={clusterId ?? ''} onChange={(e) => run({ type: 'clusterAssign', noteId: n.id, clusterId: e.target.value || null })}>
        <option value="">{t('unclustered')}</option>
        {runtime.clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </Select>
    </li>
  );

  return (
    <VStack gap="space-16">
      {reflection && runtime.groups.map((g) => (
        <div key={g.id} className="hidden">
          <Board socket={socket} docName={boardDocName(sessionId, reflection.id, g.id)} mode="facilitator" onNotes={(list) => collect(g.id, list)} />
        </div>
      ))}
      <form onSubmit={create}>
        <HStack gap="space-8" align="end">
          <TextField label={t('clusterName')} value={name} onChange={(e) => setName(e.target.value)} size="small" maxLength={120} />
          <Button type="submit" size="small">{t('createCluster')}</Button>
        </HStack>
      </form>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {runtime.clusters.map((c) => (
          <DropCard key={c.id} testId="cluster" {...drag.card(c.id)}>
            <HStack justify="space-between" align="center" className="mb-2">
              <Heading level="4" size="xsmall">{c.name}</Heading>
              <Button size="xsmall" variant="tertiary-neutral" onClick={() => run({ type: 'clusterDelete', clusterId: c.id })}>{t('deleteCluster')}</Button>
            </HStack>
            <Select size="small" label={t('linkFinding')} value={c.findingId ?? ''} onChange={(e) => run({ type: 'clusterLink', clusterId: c.id, findingId: e.target.value || null })}>
              <option value="">{t('noFinding')}</option>
              {findings.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
            </Select>
            <ul className="m-0 mt-2 list-none space-y-1 p-0">{all.filter((n) => c.noteIds.includes(n.id)).map((n) => noteItem(n, c.id))}</ul>
          </DropCard>
        ))}
      </div>
      <section aria-labelledby="unclustered">
        <Heading id="unclustered" level="4" size="xsmall" spacing>{t('unclustered')}</Heading>
        {all.filter((n) => !clustered.has(n.id)).length === 0 ? (
          <BodyShort size="small">{t('noNotes')}</BodyShort>
        ) : (
          <ul className="m-0 grid list-none gap-2 p-0 md:grid-cols-2 xl:grid-cols-3">{all.filter((n) => !clustered.has(n.id)).map((n) => noteItem(n, null))}</ul>
        )}
      </section>
    </VStack>
  );
}
