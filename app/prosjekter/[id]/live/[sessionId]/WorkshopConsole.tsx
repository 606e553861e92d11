'use client';

import { workshopViewOf } from '@/lib/workshop/view';
import { Alert, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { KindConsole } from '@/components/activities/KindViews';
import { activityUi, uiKinds } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';
import { AgendaRail } from '@/components/console/AgendaRail';
import { consoleCommands } from '@/components/console/console-commands';
import { ConsolePanel } from '@/components/console/ConsolePanel';
import { ScreenButtons } from '@/components/console/ScreenButtons';
import { ShortcutHelp } from '@/components/console/ShortcutHelp';
import { openScreenWindow, useConsoleShortcuts } from '@/components/console/use-console-shortcuts';
import type { useLiveSession } from '@/components/live/use-live-session';
import { useFormErrors } from '@/components/use-form-errors';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { AppError } from '@/lib/errors';
import { clientEvents, type FindingCard, type RedactTarget } from '@/lib/protocol';
import { currentActivity, type WorkshopCommand, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { stepHeading } from '@/lib/workshop/step-heading';
import { WorkshopControls } from './WorkshopControls';

/**
 * The facilitator's control room for a running workshop: the controls across the top, then
 * side by side the agenda, the current step with its own panel, and the live answers with
 * `side` (participants, session settings) — one column each from 1200 px, the side column
 * under the step below that, all stacked on a narrow screen.
 */
export function WorkshopConsole({ live, runtime, screenUrl, side }: { live: ReturnType<typeof useLiveSession>; runtime: WorkshopRuntime; screenUrl: string; side?: ReactNode }) {
  const t = useTranslations('live');
  const kindText = useKindText();
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const help = useRef<HTMLDialogElement>(null);
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

  const commands = consoleCommands(runtime);
  const send = (c: WorkshopCommand | null) => () => void (c && run(c));
  const turnScreen = (step: 1 | -1) => void live.send({ type: 'turnScreenPage', step }).then((r) => setError(r.ok ? null : r.error));
  useConsoleShortcuts({
    next: send(commands.next),
    previous: send(commands.previous),
    reveal: send(commands.reveal),
    timer: send(commands.timer),
    screen: () => openScreenWindow(screenUrl),
    screenNext: () => turnScreen(1),
    screenPrevious: () => turnScreen(-1),
    help: () => (help.current?.open ? help.current.close() : help.current?.showModal()),
  });

  // What earlier steps keep showing (the Q-sort's analysis), placed where the current kind wants it.
  const afterwards = uiKinds.map((kind) => {
    const Afterwards = activityUi[kind].ConsoleAfterwards;
    return Afterwards && <Afterwards key={kind} live={live} runtime={workshopViewOf(runtime)} current={activity} />;
  });
  const afterwardsAbove = activity !== null && activityUi[activity.kind].afterwards?.console === 'above';

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[14rem_minmax(0,1fr)] min-[1200px]:grid-cols-[14rem_minmax(0,1fr)_20rem]" data-testid="control-room">
      <div className="flex flex-wrap items-stretch gap-3 lg:col-span-full">
        <div className="min-w-0 flex-1"><WorkshopControls runtime={runtime} clockOffset={live.clockOffset} run={run} /></div>
        <ScreenButtons screenUrl={screenUrl} onHelp={() => help.current?.showModal()} onTurn={turnScreen} />
      </div>
      <AgendaRail runtime={runtime} onGoTo={(index) => void run({ type: 'goTo', index })} />
      <VStack gap="space-16" as="section" aria-labelledby="current-activity" className="min-w-0">
        {errors.summary && <Alert variant="error" size="small">{errors.summary}</Alert>}
        <Heading id="current-activity" level="2" size="large" data-testid="current-activity">
          {activity ? stepHeading(kindText.label(activity.kind), activity.title) : t('waitingForStart')}
        </Heading>
        {afterwardsAbove && afterwards}
        {activity && <KindConsole live={live} runtime={runtime} activity={activity} findings={findings} run={run} hide={hide} redactNote={redactNote} />}
        {!afterwardsAbove && afterwards}
      </VStack>
      <VStack gap="space-16" className="min-w-0 lg:col-start-2 min-[1200px]:col-start-3 min-[1200px]:row-start-2">
        {live.results && (
          <ConsolePanel heading={t('allInput')}>
            <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} onHide={hide} hidden={runtime.hiddenItems} onRedact={redact} />
          </ConsolePanel>
        )}
        {side}
      </VStack>
      <ShortcutHelp dialog={help} />
    </div>
  );
}
