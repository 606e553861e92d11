'use client';

import { BodyLong, BodyShort, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { Countdown } from '@/components/workshop/Countdown';
import { currentRound, inClosing, type SupervisionRuntime } from '@/lib/supervision/engine';

/** Where the meeting is: the stage, the round's name and guidance, who speaks, and the time left. */
export function RoundHeader({ runtime, clockOffset, size = 'medium', showTimer = true }: {
  runtime: SupervisionRuntime;
  clockOffset: number;
  size?: 'medium' | 'large';
  /** Off on phones, whose status bar keeps the time in view instead. */
  showTimer?: boolean;
}) {
  const t = useTranslations('supervision');
  const round = currentRound(runtime);
  const stage = round ? t('roundOf', { n: runtime.current + 1, total: runtime.rounds.length }) : runtime.templateName;
  const large = size === 'large';
  const who = round ? { all: t('speakersAll'), case_owner: t('speakersCaseOwner'), participants: t('speakersParticipants') }[round.speakers] : null;
  return (
    <HStack gap="space-16" justify="space-between" align="start" wrap={false} data-testid="round-header">
      <VStack gap="space-8" className="min-w-0">
        <BodyShort className={large ? '!text-3xl opacity-80' : 'text-ax-text-neutral-subtle'}>{stage}</BodyShort>
        <Heading level="2" size={large ? 'xlarge' : 'large'} className={large ? '!text-6xl !leading-snug' : ''} data-testid="round-name">
          {round?.name ?? (inClosing(runtime) ? t('closing') : t('opening'))}
        </Heading>
        {round?.guidance && <BodyLong className={large ? '!text-3xl' : ''}>{round.guidance}</BodyLong>}
        {who && <BodyShort size={large ? 'large' : 'small'} className={large ? '!text-2xl' : 'text-ax-text-neutral-subtle'}>{who}</BodyShort>}
      </VStack>
      {showTimer && runtime.timer && (
        <div className="shrink-0 rounded-lg bg-ax-bg-neutral-soft px-4 py-2">
          <Countdown timer={runtime.timer} clockOffset={clockOffset} size={large ? 'huge' : 'medium'} />
        </div>
      )}
    </HStack>
  );
}
