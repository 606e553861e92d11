'use client';

import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Heading, HStack, Tag } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmAction } from '@/components/live/ConfirmAction';
import type { AppError } from '@/lib/errors';
import type { Presence } from '@/lib/protocol';

/**
 * Who has joined and who is connected now, each as "Deltaker N". Anonymous participants stay
 * anonymous here too. `onErase` deletes one participant's contributions, after a confirm.
 */
export function ParticipantList({ presence, onErase }: { presence: Presence | null; onErase?: (number: number) => Promise<AppError | null> }) {
  const t = useTranslations('console');
  const tRedaction = useTranslations('redaction');
  const [erased, setErased] = useState<number | null>(null);
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
            <li key={p.participantId} data-participant-id={p.participantId} className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 rounded px-2 py-1 odd:bg-ax-bg-neutral-soft">
              <span className="min-w-0 grow">
                {p.number !== undefined && <span className="mr-2 whitespace-nowrap font-semibold">{tRedaction('participantNumber', { number: p.number })}</span>}
                <span className={p.displayName ? '' : 'italic'}>{p.displayName ?? t('anonymousParticipant')}</span>
              </span>
              <HStack gap="space-4" align="center" wrap={false}>
                <Tag size="xsmall" variant={p.connected ? 'success' : 'neutral'}>
                  {p.connected ? t('online') : t('offline')}
                </Tag>
                {onErase && p.number !== undefined && (
                  <ConfirmAction
                    label={
                      <span className="inline-flex items-center gap-1 whitespace-nowrap">
                        <TrashIcon aria-hidden />
                        {tRedaction('eraseShort')}
                      </span>
                    }
                    accessibleName={tRedaction('eraseParticipant', { number: p.number })}
                    title={tRedaction('eraseTitle', { number: p.number })}
                    body={tRedaction('eraseConfirm', { number: p.number })}
                    confirm={tRedaction('confirmDelete')}
                    onConfirm={async () => {
                      const number = p.number!;
                      const failed = await onErase(number);
                      if (!failed) setErased(number);
                      return failed;
                    }}
                  />
                )}
              </HStack>
            </li>
          ))}
        </ul>
      )}
      {erased !== null && (
        <Alert variant="success" size="small" className="mt-3" role="status">
          {tRedaction('erased', { number: erased })}
        </Alert>
      )}
    </Box>
  );
}
