'use client';

import { Alert, BodyShort, Box, Button, HStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { Board } from '@/components/workshop/Board';
import { useNow } from '@/components/workshop/use-now';
import { myGroup } from '@/lib/live-view';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import { silentWritingActive } from '@/lib/workshop/runtime';
import type { ParticipantViewProps } from '../contract';

/** The prompt, my group with its ready button, and the group's board (a private draft while silent). */
export function ReflectionParticipant({ live, runtime, activity, locked }: ParticipantViewProps<'reflection'>) {
  const t = useTranslations('live');
  const now = useNow();
  // A participant's snapshot names no members; it marks the group they are in.
  const group = myGroup(runtime);
  const ready = group ? runtime.ready.includes(group.id) : false;
  const silent = silentWritingActive(runtime, now + live.clockOffset);
  return (
    <>
      <Box background="accent-soft" padding="space-12" borderRadius="8">
        <BodyShort weight="semibold">{activity.config.prompt}</BodyShort>
      </Box>
      {!group ? (
        <Alert variant="info">{t('noGroup')}</Alert>
      ) : (
        <>
          <HStack justify="space-between" align="center">
            <BodyShort weight="semibold" data-testid="my-group">{t('yourGroup', { name: group.name })}</BodyShort>
            <Button size="small" variant={ready ? 'secondary' : 'primary'} onClick={() => void live.send({ type: 'workshop', command: { type: 'setReady', groupId: group.id, ready: !ready } })}>
              {ready ? t('notReady') : t('ready')}
            </Button>
          </HStack>
          {silent && <Alert variant="info" size="small">{t('silentWriting')}</Alert>}
          {locked}
          {/* While silent writing lasts, the member writes a private draft the server merges after. */}
          <Board socket={live.socket} docName={silent && live.participantId ? boardDraftDocName(live.snapshot?.sessionId ?? '', activity.id, group.id, live.participantId) : boardDocName(live.snapshot?.sessionId ?? '', activity.id, group.id)} mode="member"
            authorName={runtime.allowNames ? live.displayName : null} silent={silent} readOnly={runtime.locked} />
        </>
      )}
    </>
  );
}
