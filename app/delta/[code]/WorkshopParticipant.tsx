'use client';

import { Alert, BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { KindParticipant } from '@/components/activities/phone-parts';
import type { useLiveSession } from '@/components/live/use-live-session';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import type { MyAnswers } from '@/lib/workshop/answers';
import type { WorkshopView } from '@/lib/workshop/view';

type Live = ReturnType<typeof useLiveSession>;

/** The phone follows the facilitator: it always shows the activity the room is in, by its kind's view. */
export function WorkshopParticipant({ live, runtime }: { live: Live; runtime: WorkshopView }) {
  const t = useTranslations('live');
  const tr = useTranslations('redaction');
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [mine, setMine] = useState<MyAnswers | null>(null);
  // Bumped when a facilitator redacted one of my answers: the forms start again from `mine`.
  const [redactions, setRedactions] = useState(0);
  const [redactedNotice, setRedactedNotice] = useState(false);
  const { call, status } = live;
  const { activity } = runtime;
  const step = runtime.current;

  useEffect(() => {
    if (status !== 'connected') return;
    void call(clientEvents.workshopContent, {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [call, status]);
  // The server pushes my own answers on joining and at every step change (phones no longer
  // ask after each `next`). Each push is adopted once; after a redaction the forms start again
  // from it, so a form does not keep a redacted text and offer it again at the next "Send".
  const pushed = live.mine;
  // A view mounted later (after "withdraw everything") asks once instead of trusting an older push.
  const [adopted, setAdopted] = useState(pushed?.seq ?? 0);
  useEffect(() => {
    if (status !== 'connected' || adopted === 0) return;
    void call(clientEvents.mine, {}).then((r) => r.ok && setMine(r.data));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mounted view, when it mounts after a push
  }, [call, status]);
  if (pushed && pushed.seq !== adopted) {
    setAdopted(pushed.seq);
    setMine(pushed.answers);
    if (pushed.reason === 'redacted') {
      setRedactions((n) => n + 1);
      setRedactedNotice(true);
    }
  }
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the notice is about the step it came in
  useEffect(() => setRedactedNotice(false), [step]);

  // The time left is in the phone's status bar (ParticipantView), which stays in view.
  const header = (
    <Heading level="2" size="small" className="break-words">
      {activity ? activity.title : t('welcome')}
    </Heading>
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
