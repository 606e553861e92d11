'use client';

import { PlayIcon, StopIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import type { WorkshopCommand } from '@/lib/workshop/runtime';

/**
 * The plenary's vote as a step the facilitator takes: not started, in progress, closed. Phones
 * offer dots only while it is open (lib/activities/plenary/voting.ts).
 */
export function PlenaryVoting({ open, themes, voters, run }: {
  open: boolean;
  themes: number;
  /** How many have voted so far (the console's own count, not held back by the minimum). */
  voters: number;
  run: (c: WorkshopCommand) => Promise<boolean>;
}) {
  const t = useTranslations('controlRoom.voting');
  const ended = !open && voters > 0;
  const status = open ? t('open') : ended ? t('ended') : t('closed');
  return (
    <section aria-labelledby="plenary-voting" data-testid="plenary-voting"
      className={`flex flex-wrap items-center justify-between gap-4 rounded-xl border-2 p-4 ${open ? 'border-ax-border-success bg-ax-bg-success-soft' : 'border-ax-border-neutral-subtle bg-ax-bg-raised'}`}>
      <VStack gap="space-4">
        <HStack gap="space-8" align="center">
          <Heading id="plenary-voting" level="3" size="small">{t('heading')}</Heading>
          <Tag size="small" variant="moderate" data-color={open ? 'success' : ended ? 'neutral' : 'warning'} data-testid="voting-status">{status}</Tag>
        </HStack>
        <BodyShort size="small">
          {themes === 0 ? t('needsTheme') : open ? t('openHelp') : ended ? t('endedHelp') : t('startHelp')} <span className="font-semibold">{t('voters', { count: voters })}</span>
        </BodyShort>
      </VStack>
      {open ? (
        <Button variant="secondary" icon={<StopIcon aria-hidden />} onClick={() => void run({ type: 'plenaryVoting', open: false })}>{t('close')}</Button>
      ) : (
        <Button variant="primary" icon={<PlayIcon aria-hidden />} disabled={themes === 0} onClick={() => void run({ type: 'plenaryVoting', open: true })}>{ended ? t('reopen') : t('start')}</Button>
      )}
    </section>
  );
}
