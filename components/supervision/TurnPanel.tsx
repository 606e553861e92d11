'use client';

import { BodyShort, Button, Heading, HStack, Tag, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { memberOf, speakers, type SupervisionCommand, type SupervisionRuntime } from '@/lib/supervision/engine';
import { useMemberName } from './use-member-name';

/**
 * Who has the word and who is next in a turn round ("runde"), with the order. Leaders get the
 * buttons that move the word; the speaker may pass their own turn.
 */
export function TurnPanel({ runtime, me, lead, run, size = 'medium' }: {
  runtime: SupervisionRuntime;
  me: string | null;
  lead: boolean;
  run: (c: SupervisionCommand) => void;
  size?: 'medium' | 'large';
}) {
  const t = useTranslations('supervision');
  const memberName = useMemberName();
  const turn = runtime.turn;
  if (!turn) return null;
  const { now, next } = speakers(runtime);
  const name = (id: string | null) => {
    const member = id ? memberOf(runtime, id) : null;
    return member ? memberName(member) : '–';
  };
  const large = size === 'large';
  const status = (id: string, i: number) => (i === turn.index ? 'now' : i > turn.index ? 'waiting' : turn.passed.includes(id) ? 'passed' : 'done');
  return (
    <section aria-labelledby="turn-heading" className={`rounded-xl border-0 border-l-8 border-solid border-ax-border-accent-strong bg-ax-bg-accent-soft ${large ? 'p-8' : 'p-4'}`}>
      <Heading id="turn-heading" level="3" size="xsmall" className="sr-only">{t('turnOrder')}</Heading>
      {now ? (
        <VStack gap="space-8">
          <div aria-live="polite" data-testid="speaker-now">
            <BodyShort className={large ? '!text-3xl' : ''}>{t('speaksNow')}</BodyShort>
            <p className={`m-0 font-bold leading-snug ${large ? 'text-7xl' : 'text-3xl'}`}>{name(now)}</p>
          </div>
          <BodyShort className={large ? '!text-3xl' : ''} data-testid="speaker-next">
            {t('speaksNext')}: <strong>{name(next)}</strong>
          </BodyShort>
          {me === now && <Tag variant="success" size={large ? 'medium' : 'small'} className="self-start">{t('yourTurn')}</Tag>}
          {me !== null && me === next && <Tag variant="info" size="small" className="self-start">{t('yourTurnNext')}</Tag>}
        </VStack>
      ) : (
        <BodyShort className={large ? '!text-3xl' : ''} aria-live="polite" data-testid="speaker-now">{t('turnDone')}</BodyShort>
      )}
      {(lead || (me !== null && me === now)) && (
        <HStack gap="space-8" className="mt-4">
          {lead && now && <Button size="small" onClick={() => run({ type: 'turnNext' })}>{t('turnNext')}</Button>}
          {now && (lead || me === now) && (
            <Button size="small" variant="secondary" onClick={() => run({ type: 'turnPass' })}>{lead ? t('turnPass') : t('turnPassSelf')}</Button>
          )}
          {lead && now && <Button size="small" variant="tertiary" onClick={() => run({ type: 'turnSkip' })}>{t('turnSkip')}</Button>}
          {lead && !now && <Button size="small" variant="secondary" onClick={() => run({ type: 'turnRestart' })}>{t('turnRestart')}</Button>}
        </HStack>
      )}
      {!large && (
        <ol className="m-0 mt-4 list-none space-y-1 p-0" aria-label={t('turnOrder')}>
          {turn.queue.map((id, i) => (
            <li key={id} className={`flex justify-between gap-2 text-sm ${i === turn.index ? 'font-semibold' : 'text-ax-text-neutral-subtle'}`}>
              <span>{i + 1}. {name(id)}</span>
              <span>{t(`turnStatus.${status(id, i)}`)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
