'use client';

import { BodyShort, Button, Heading, HStack, Select, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { DropCard, useDragInto } from '@/components/workshop/DropCards';
import type { Presence } from '@/lib/protocol';
import type { WorkshopCommand, WorkshopRuntime } from '@/lib/workshop/runtime';

/**
 * The groups, who is in them, and who is ready. People move by drag and drop, or with the
 * select next to each name (the keyboard and screen-reader way).
 */
export function GroupsPanel({ runtime, presence, run }: { runtime: WorkshopRuntime; presence: Presence | null; run: (c: WorkshopCommand) => void }) {
  const t = useTranslations('live');
  const drag = useDragInto((participantId, groupId) => run({ type: 'moveParticipant', participantId, groupId }));
  const nameOf = (id: string) => presence?.participants?.find((p) => p.participantId === id)?.displayName ?? t('anonymousParticipant');
  return (
    <VStack gap="space-12">
      <HStack justify="space-between" align="center">
        <Heading level="3" size="small">{t('groups')}</Heading>
        <HStack gap="space-8" align="center">
          <BodyShort size="small" data-testid="ready-count">{t('readyCount', { ready: runtime.ready.length, total: runtime.groups.length })}</BodyShort>
          <Button size="xsmall" variant="tertiary" onClick={() => run({ type: 'formGroups' })}>{t('formGroups')}</Button>
        </HStack>
      </HStack>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {runtime.groups.map((g) => (
          <DropCard key={g.id} testId="group" {...drag.card(g.id)}>
            <HStack justify="space-between" className="mb-2">
              <BodyShort weight="semibold">{t('group', { name: g.name })}</BodyShort>
              {runtime.ready.includes(g.id) && <Tag size="xsmall" variant="success">{t('isReady')}</Tag>}
            </HStack>
            <ul className="m-0 list-none space-y-1 p-0">
              {g.memberIds.map((id) => (
                <li key={id} {...drag.item(id)} className="flex cursor-grab items-center justify-between gap-2 rounded bg-ax-bg-neutral-soft px-2 py-1">
                  <span className="text-sm">{nameOf(id)}</span>
                  <Select size="small" className="min-w-32" label={t("moveTo", { name: nameOf(id) })} hideLabel value={g.id} onChange={(e) => run({ type: 'moveParticipant', participantId: id, groupId: e.target.value })}>
                    {runtime.groups.map((o) => <option key={o.id} value={o.id}>{t('group', { name: o.name })}</option>)}
                  </Select>
                </li>
              ))}
            </ul>
          </DropCard>
        ))}
      </div>
    </VStack>
  );
}
