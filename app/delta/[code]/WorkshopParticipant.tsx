'use client';

import { Alert, BodyShort, Box, Button, Heading, HStack, Loader, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Board } from '@/components/workshop/Board';
import { Countdown } from '@/components/workshop/Countdown';
import { useNow } from '@/components/workshop/use-now';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { useLiveSession } from '@/components/live/use-live-session';
import { QsortParticipant } from '@/components/qsort/QsortParticipant';
import { SupervisionParticipant } from '@/components/supervision/SupervisionParticipant';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import type { MyAnswers } from '@/lib/workshop/answers';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import { nestedIsCurrent } from '@/lib/workshop/nested';
import { myGroup } from '@/lib/live-view';
import { currentActivity, silentWritingActive, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { ClosingForm } from './ClosingForm';
import { FindingResponseForm } from './FindingResponseForm';
import { PlenaryInput } from './PlenaryInput';

type Live = ReturnType<typeof useLiveSession>;

/** The phone follows the facilitator: it always shows the activity the room is in. */
export function WorkshopParticipant({ live, runtime }: { live: Live; runtime: WorkshopRuntime }) {
  const t = useTranslations('live');
  const tr = useTranslations('redaction');
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [mine, setMine] = useState<MyAnswers | null>(null);
  // Bumped when a facilitator redacted one of my answers: the forms start again from `mine`.
  const [redactions, setRedactions] = useState(0);
  const [redactedNotice, setRedactedNotice] = useState(false);
  const [lookBack, setLookBack] = useState(false);
  const { call, status } = live;
  const activity = currentActivity(runtime);
  const version = live.snapshot?.version ?? 0;
  const step = runtime.current;
  const now = useNow();

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
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a new step always returns to the present
  useEffect(() => setLookBack(false), [version]);
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

  if (activity.kind === 'findings') {
    const index = lookBack ? Math.max(0, runtime.findingIndex - 1) : runtime.findingIndex;
    const finding = findings.find((f) => f.id === activity.config.findingIds[index]);
    return (
      <VStack gap="space-12">
        {header}
        <BodyShort size="small">{t('findingOf', { current: index + 1, total: activity.config.findingIds.length })}</BodyShort>
        {runtime.findingIndex > 0 && (
          <div>
            <Button size="small" variant="tertiary" onClick={() => setLookBack((v) => !v)}>
              {lookBack ? t('backToNow') : t('lookBack')}
            </Button>
          </div>
        )}
        {finding && <FindingCardView finding={finding} />}
        {locked}
        {redacted}
        {finding && !runtime.locked && (
          <FindingResponseForm key={`${finding.id}:${redactions}`} live={live} findingId={finding.id} saved={mine?.responses[finding.id] ?? null}
            onSaved={(answer) => setMine((m) => m && { ...m, responses: { ...m.responses, [finding.id]: answer } })}
            onWithdrawn={() => setMine((m) => m && { ...m, responses: Object.fromEntries(Object.entries(m.responses).filter(([k]) => k !== finding.id)) })} />
        )}
        {!lookBack && live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} />}
      </VStack>
    );
  }

  if (activity.kind === 'reflection') {
    // A participant's snapshot names no members; it marks the group they are in.
    const group = myGroup(runtime);
    const ready = group ? runtime.ready.includes(group.id) : false;
    const silent = silentWritingActive(runtime, now + live.clockOffset);
    return (
      <VStack gap="space-12">
        {header}
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
      </VStack>
    );
  }

  if (activity.kind === 'plenary') {
    return (
      <VStack gap="space-12">
        {header}
        {locked}
        {redacted}
        {!runtime.locked && <PlenaryInput key={redactions} live={live} runtime={runtime} activity={activity} mine={mine} />}
        {live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} />}
      </VStack>
    );
  }

  // A Q-sort or kollegaveiledning on the agenda: the same views as when it runs on its own.
  if (activity.kind === 'qsort' || activity.kind === 'supervision') {
    const nested = activity.kind === 'qsort' ? live.snapshot?.state.qsort : live.snapshot?.state.supervision;
    const ready = nested && nestedIsCurrent(runtime, nested) ? nested : null;
    return (
      <VStack gap="space-12">
        {header}
        {!ready ? <Loader size="large" title={t('welcome')} />
          : activity.kind === 'qsort' ? <QsortParticipant key={activity.id} live={live} runtime={live.snapshot!.state.qsort!} />
            : <SupervisionParticipant key={activity.id} live={live} runtime={live.snapshot!.state.supervision!} />}
      </VStack>
    );
  }

  return (
    <VStack gap="space-12">
      {header}
      {locked}
      {redacted}
      {!runtime.locked && <ClosingForm key={redactions} live={live} activity={activity} saved={mine?.evaluation ?? null} />}
      {live.results && <ResultsView results={live.results} minCount={runtime.minRevealCount} />}
    </VStack>
  );
}
