'use client';

import { MinusIcon, PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Button, Heading, HStack, TextField, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import type { AppError } from '@/lib/errors';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import type { MyAnswers } from '@/lib/workshop/answers';
import type { WorkshopView } from '@/lib/workshop/view';
import type { ActivityOf } from '../contract';

/** Dot-voting on the themes the facilitator made, and the one-word answer for the cloud. */
export function PlenaryInput({ live, runtime, activity, mine }: {
  live: ReturnType<typeof useLiveSession>;
  runtime: WorkshopView;
  activity: ActivityOf<'plenary'>;
  mine: MyAnswers | null;
}) {
  const t = useTranslations('live');
  const tVoting = useTranslations('controlRoom.voting');
  const [votes, setVotes] = useState<Record<string, number>>(mine?.votes ?? {});
  const [word, setWord] = useState(mine?.word ?? '');
  const [wordSaved, setWordSaved] = useState(Boolean(mine?.word));
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const total = activity.config.dotVotes;
  const used = Object.values(votes).reduce((a, b) => a + b, 0);

  async function change(clusterId: string, delta: number) {
    const next = { ...votes, [clusterId]: Math.max(0, (votes[clusterId] ?? 0) + delta) };
    const result = await live.call(plenaryEvents.votes.name, { votes: next });
    if (result.ok) setVotes(next);
    setError(result.ok ? null : result.error);
  }

  async function sendWord(event: FormEvent) {
    event.preventDefault();
    const result = await live.call(plenaryEvents.word.name, { word });
    setWordSaved(result.ok);
    setError(result.ok ? null : result.error);
  }

  return (
    <VStack gap="space-16">
      <section aria-labelledby="dots">
        <Heading id="dots" level="3" size="xsmall" spacing>
          {t('dotVoting')}
        </Heading>
        {runtime.clusters.length === 0 ? (
          <BodyShort>{t('noClusters')}</BodyShort>
        ) : !runtime.votingOpen ? (
          // Dots only once the facilitator opens the vote (lib/activities/plenary/voting.ts).
          <BodyShort data-testid="voting-waiting">{used > 0 ? tVoting('phoneClosed') : tVoting('phoneWaiting')}</BodyShort>
        ) : (
          <VStack gap="space-8">
            <BodyShort size="small">{t('dotHelp')}</BodyShort>
            <BodyShort weight="semibold" aria-live="polite" data-testid="dots-left">{t('dots', { left: total - used, total })}</BodyShort>
            <ul className="m-0 list-none space-y-2 p-0">
              {runtime.clusters.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-2 rounded-md bg-ax-bg-raised p-2">
                  <span className="font-semibold">{c.name}</span>
                  <HStack gap="space-4" align="center">
                    <Button size="small" variant="secondary" icon={<MinusIcon title={t('removeDot', { name: c.name })} />} disabled={!votes[c.id]} onClick={() => void change(c.id, -1)} />
                    <span className="w-6 text-center tabular-nums" aria-hidden>{votes[c.id] ?? 0}</span>
                    <Button size="small" variant="secondary" icon={<PlusIcon title={t('addDot', { name: c.name })} />} disabled={used >= total} onClick={() => void change(c.id, 1)} />
                  </HStack>
                </li>
              ))}
            </ul>
          </VStack>
        )}
      </section>
      {activity.config.wordCloudQuestion && (
        <form onSubmit={sendWord}>
          <VStack gap="space-8">
            <Heading level="3" size="xsmall">{t('wordCloud')}</Heading>
            <TextField label={activity.config.wordCloudQuestion} value={word} onChange={(e) => { setWord(e.target.value); setWordSaved(false); }} maxLength={40} error={errors.field('word')} />
            <HStack gap="space-8" align="center">
              <Button type="submit" size="small">{t('send')}</Button>
              {wordSaved && <BodyShort size="small" role="status">{t('wordSaved')}</BodyShort>}
            </HStack>
          </VStack>
        </form>
      )}
      {error && !error.fields && <Alert variant="error" size="small">{errors.summary}</Alert>}
    </VStack>
  );
}
