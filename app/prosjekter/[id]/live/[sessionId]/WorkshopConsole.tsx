'use client';

import { workshopViewOf } from '@/lib/workshop/view';
import { ExternalLinkIcon } from '@navikt/aksel-icons';
import { Alert, Box, Button, Heading, HGrid, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { KindConsole } from '@/components/activities/KindViews';
import { activityUi, uiKinds } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { AppError } from '@/lib/errors';
import { clientEvents, type FindingCard, type RedactTarget } from '@/lib/protocol';
import { currentActivity, type WorkshopCommand, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { stepHeading } from '@/lib/workshop/step-heading';
import { WorkshopControls } from './WorkshopControls';

/** The facilitator's console for a running workshop: agenda, controls, and the live input. */
export function WorkshopConsole({ live, runtime, screenUrl }: { live: ReturnType<typeof useLiveSession>; runtime: WorkshopRuntime; screenUrl: string }) {
  const t = useTranslations('live');
  const kindText = useKindText();
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const { call, status } = live;
  const activity = currentActivity(runtime);
  const sessionId = live.snapshot?.sessionId ?? '';

  useEffect(() => {
    if (status !== 'connected') return;
    void call(clientEvents.workshopContent, {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [call, status]);

  /** Resolves to whether the server took the command, so a form clears only then (a refused name stays to be fixed). */
  const run = (command: WorkshopCommand): Promise<boolean> =>
    live.send({ type: 'workshop', command }).then((r) => {
      setError(r.ok ? null : r.error);
      return r.ok;
    });
  const hide = (itemId: string, hidden: boolean) => run({ type: 'setHidden', itemId, hidden });
  const redact = async (target: RedactTarget) => {
    const r = await call(clientEvents.redact, { sessionId, target });
    return r.ok ? null : r.error;
  };
  const redactNote = (docName: string) => (noteId: string) => redact({ type: 'note', docName, noteId });
  // What earlier steps keep showing (the Q-sort's analysis), placed where the current kind wants it.
  const afterwards = uiKinds.map((kind) => {
    const Afterwards = activityUi[kind].ConsoleAfterwards;
    return Afterwards && <Afterwards key={kind} live={live} runtime={workshopViewOf(runtime)} current={activity} />;
  });
  const afterwardsAbove = activity !== null && activityUi[activity.kind].afterwards?.console === 'above';

  return (
    <HGrid columns={{ xs: 1, lg: '16rem 1fr' }} gap="space-24" align="start">
      <VStack gap="space-12" as="nav" aria-label={t('agenda')}>
        <Heading level="2" size="small">{t('agenda')}</Heading>
        <ol className="m-0 list-none space-y-1 p-0">
          {runtime.activities.map((a, i) => (
            <li key={a.id}>
              <button type="button" onClick={() => run({ type: 'goTo', index: i })} aria-current={i === runtime.current ? 'step' : undefined}
                className={`w-full rounded-md px-3 py-2 text-left ${i === runtime.current ? 'bg-ax-bg-accent-strong text-white' : 'bg-ax-bg-raised hover:bg-ax-bg-accent-soft'}`}>
                <span className="block text-xs uppercase tracking-wide">{kindText.label(a.kind)}</span>
                <span className="font-semibold">{a.title}</span>
              </button>
            </li>
          ))}
        </ol>
        <Button as="a" href={screenUrl} target="_blank" rel="noopener" variant="secondary" size="small" icon={<ExternalLinkIcon aria-hidden />}>
          {t('openScreen')}
        </Button>
      </VStack>
      <VStack gap="space-16">
        <WorkshopControls runtime={runtime} clockOffset={live.clockOffset} run={run} />
        {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <Heading level="2" size="medium" data-testid="current-activity">
          {activity ? stepHeading(kindText.label(activity.kind), activity.title) : t('waitingForStart')}
        </Heading>
        {afterwardsAbove && afterwards}
        {activity && <KindConsole live={live} runtime={runtime} activity={activity} findings={findings} run={run} hide={hide} redactNote={redactNote} />}
        {!afterwardsAbove && afterwards}
        {live.results && (
          <Box background="raised" padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
            <Heading level="3" size="xsmall" spacing>{t('allInput')}</Heading>
            <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} onHide={hide} hidden={runtime.hiddenItems} onRedact={redact} />
          </Box>
        )}
      </VStack>
    </HGrid>
  );
}
