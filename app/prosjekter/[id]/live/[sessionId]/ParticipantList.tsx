'use client';

import { BodyShort, Box, Heading, HStack, Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { Presence } from '@/lib/protocol';

/** Who has joined and who is connected now. Anonymous participants stay anonymous here too. */
export function ParticipantList({ presence }: { presence: Presence | null }) {
  const t = useTranslations('console');
  const participants = presence?.participants ?? [];
  return (
    <Box background="raised" padding="space-20" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
      <HStack justify="space-between" align="center" className="mb-3">
        <Heading level="2" size="small">
          {t('participants')}
        </Heading>
        <BodyShort size="small" aria-live="polite" data-testid="presence-count">
          {t('connectedOfJoined', { connected: presence?.connectedCount ?? 0, joined: presence?.joinedCount ?? 0 })}
        </BodyShort>
      </HStack>
      {participants.length === 0 ? (
        <BodyShort>{t('noParticipants')}</BodyShort>
      ) : (
        <ul className="m-0 list-none space-y-1 p-0" aria-label={t('participants')}>
          {participants.map((p) => (
            <li key={p.participantId} data-participant-id={p.participantId} className="flex items-center justify-between gap-2 rounded px-2 py-1 odd:bg-ax-bg-neutral-soft">
              <span className={p.displayName ? '' : 'italic'}>{p.displayName ?? t('anonymousParticipant')}</span>
              <Tag size="xsmall" variant={p.connected ? 'success' : 'neutral'}>
                {p.connected ? t('online') : t('offline')}
              </Tag>
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
}
