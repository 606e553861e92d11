'use client';

import { Alert, BodyShort, Heading, HStack, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { KindParticipant } from '@/components/activities/KindViews';
import { Countdown } from '@/components/workshop/Countdown';
import type { useLiveSession } from '@/components/live/use-live-session';
import { clientEvents, serverEvents, type FindingCard } from '@/lib/protocol';
import type { MyAnswers } from '@/lib/workshop/answers';
import { currentActivity, type WorkshopRuntime } from '@/lib/workshop/runtime';

type Live = ReturnType<typeof useLiveSession>;

/** The phone follows the facilitator: it always shows the activity the room is in, by its kind's view. */
export function WorkshopParticipant({ live, runtime }: { live: Live; runtime: WorkshopRuntime }) {
  const t = useTranslations('live');
  const tr = useTranslations('redaction');
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [mine, setMine] = useState<MyAnswers | null>(null);
  // Bumped when a facilitator redacted one of my answers: the forms start again from `mine`.
  const [redactions, setRedactions] = useState(0);
  const [redactedNotice, setRedactedNotice] = useState(false);
  const { call, status } = live;
  const activity = currentActivity(runtime);
  const step = runtime.current;

  useEffect(() => {
    if (status !== 'connected') return;
    void call<{ findings: FindingCard[] }>(clientEvents.workshopContent, {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [call, status]);
  useEffect(() => {
    if (status !== 'connected') return;
    void call<MyAnswers>(clientEvents.mine, {}).then((r) => r.ok && setMine(r.data));
  }, [call, status, step]);
  // A form would otherwise keep a redacted text and offer it again at the next "Send".
  useEffect(() => {
    const socket = live.socket;
    if (!socket) return;
    const refetch = () => void call<MyAnswers>(clientEvents.mine, {}).then((r) => {
      if (!r.ok) return;
      setMine(r.data);
      setRedactions((n) => n + 1);
      setRedactedNotice(true);
    });
    socket.on(serverEvents.mineChanged, refetch);
    return () => void socket.off(serverEvents.mineChanged, refetch);
  }, [call, live.socket]);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the notice is about the step it came in
  useEffect(() => setRedactedNotice(false), [step]);

  const header = (
    <HStack justify="space-between" align="center" gap="space-8">
      <Heading level="2" size="small">
        {activity ? activity.title : t('welcome')}
      </Heading>
      <Countdown timer={runtime.timer} clockOffset={live.clockOffset} />
    </HStack>
  );

  if (!activity) {
    return (
      <VStack gap="space-12">
        {header}
        <BodyShort>{t('welcomeLead')}</BodyShort>
      </VStack>
    );
  }

  const locked = runtime.locked && <Alert variant="warning" size="small">{t('locked')}</Alert>;
  const redacted = redactedNotice && <Alert variant="info" size="small" role="status">{tr('yoursRedacted')}</Alert>;
  return (
    <VStack gap="space-12">
      {header}
      <KindParticipant live={live} runtime={runtime} activity={activity} findings={findings} mine={mine} setMine={setMine} redactions={redactions} locked={locked} redacted={redacted} />
    </VStack>
  );
}
