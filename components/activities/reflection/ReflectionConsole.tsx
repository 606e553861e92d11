'use client';

import { BodyShort, Box, Button, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { Board } from '@/components/workshop/Board';
import { useNow } from '@/components/workshop/use-now';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import { silentWritingActive } from '@/lib/workshop/runtime';
import type { ConsolePanelProps } from '../contract';
import { GroupsPanel } from './GroupsPanel';

/** The groups and every group's board, with the members' private drafts while silent writing lasts. */
export function ReflectionConsole({ live, runtime, activity, run, hide, redactNote }: ConsolePanelProps<'reflection'>) {
  const t = useTranslations('live');
  const now = useNow();
  const sessionId = live.snapshot?.sessionId ?? '';
  return (
    <>
      <Box background="accent-soft" padding="space-12" borderRadius="8"><BodyShort weight="semibold">{activity.config.prompt}</BodyShort></Box>
      {runtime.silent && (
        <div>
          <Button size="small" variant="secondary" onClick={() => run({ type: 'endSilent' })}>{t('endSilent')}</Button>
        </div>
      )}
      <GroupsPanel runtime={runtime} presence={live.presence} run={run} />
      <div className="grid gap-4 xl:grid-cols-2">
        {runtime.groups.map((g) => (
          <Box key={g.id} padding="space-12" borderRadius="8" background="raised" borderWidth="1" borderColor="neutral-subtle">
            <Heading level="3" size="xsmall" spacing>{t('group', { name: g.name })}</Heading>
            <Board socket={live.socket} docName={boardDocName(sessionId, activity.id, g.id)} mode="facilitator" hiddenItems={runtime.hiddenItems} onHide={hide} onRedact={redactNote(boardDocName(sessionId, activity.id, g.id))} />
            {/* Members write private drafts during silent writing; only facilitators see them all. */}
            {silentWritingActive(runtime, now + live.clockOffset) && (
              <VStack gap="space-8" className="mt-4" aria-label={t('silentDrafts')}>
                <BodyShort size="small" weight="semibold">{t('silentDrafts')}</BodyShort>
                {g.memberIds.map((id) => (
                  <Board key={id} socket={live.socket} docName={boardDraftDocName(sessionId, activity.id, g.id, id)} mode="facilitator" hiddenItems={runtime.hiddenItems} onHide={hide} onRedact={redactNote(boardDraftDocName(sessionId, activity.id, g.id, id))} />
                ))}
              </VStack>
            )}
          </Box>
        ))}
      </div>
    </>
  );
}
