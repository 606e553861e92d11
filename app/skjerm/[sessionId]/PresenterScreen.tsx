'use client';

import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { KindScreen } from '@/components/activities/KindViews';
import { activityUi, uiKinds } from '@/components/activities/registry';
import { useKindText } from '@/components/activities/use-kind-text';
import { ConnectionBanner } from '@/components/live/ConnectionBanner';
import { useLiveSession } from '@/components/live/use-live-session';
import { Countdown } from '@/components/workshop/Countdown';
import { SupervisionScreen } from '@/components/supervision/SupervisionScreen';
import { QsortScreen } from '@/components/qsort/QsortScreen';
import { ScreenSummary } from '@/components/results/ScreenSummary';
import { formatJoinCode } from '@/lib/join-code';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import { workshopViewOf } from '@/lib/workshop/view';

/** 1920×1080, large type, readable from the back of the room. Follows the facilitator. */
export function PresenterScreen({ sessionId, joinHost, qrSvg }: { sessionId: string; joinHost: string; qrSvg: string }) {
  const t = useTranslations('live');
  const tConsole = useTranslations('console');
  const tSupervision = useTranslations('supervision');
  const tQsort = useTranslations('qsort');
  const tSummary = useTranslations('sessionResults.screen');
  const kindText = useKindText();
  const live = useLiveSession({ as: 'presenter', sessionId });
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const { call, status, snapshot } = live;
  useEffect(() => {
    if (status !== 'connected') return;
    void call(clientEvents.workshopContent, {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [call, status]);

  const runtime = snapshot?.state.workshop ? workshopViewOf(snapshot.state.workshop) : null;
  const activity = runtime?.activity ?? null;
  // What earlier steps keep showing (the Q-sort's factor arrays), placed where the current kind wants it.
  const afterwards = runtime && uiKinds.map((kind) => {
    const Afterwards = activityUi[kind].ScreenAfterwards;
    return Afterwards && <Afterwards key={kind} live={live} runtime={runtime} current={activity} />;
  });
  const afterwardsBelow = activity !== null && activityUi[activity.kind].afterwards?.screen === 'below';
  const code = snapshot ? formatJoinCode(snapshot.code) : '';
  const joined = live.presence?.connectedCount ?? 0;

  return (
    <div className="fixed inset-0 z-50 flex flex-col overflow-auto bg-ax-bg-neutral-soft" data-testid="presenter">
      <header className="flex items-center justify-between gap-8 bg-ax-bg-neutral-strong px-12 py-6 text-white">
        <div>
          <p className="m-0 text-2xl opacity-80">{snapshot?.state.summary.screen ? tSummary('heading') : activity ? kindText.label(activity.kind) : snapshot?.state.supervision ? tSupervision('kind') : snapshot?.state.qsort ? tQsort('kind') : (snapshot?.title ?? '')}</p>
          <h1 className="m-0 text-5xl font-bold">{(snapshot?.state.summary.screen ? null : activity?.title) ?? snapshot?.title ?? ''}</h1>
        </div>
        <div className="flex items-center gap-10">
          {runtime?.timer && <div className="rounded-lg bg-white px-6 py-2 text-ax-text-neutral"><Countdown timer={runtime.timer} clockOffset={live.clockOffset} size="huge" /></div>}
          {/* An ended session takes no one in: no code and no QR code to invite joining. */}
          <div className="text-right">
            {snapshot?.status !== 'ended' && <p className="m-0 text-2xl">{t('joinHere', { url: joinHost })}</p>}
            {snapshot?.status !== 'ended' && <p className="m-0 font-mono text-6xl font-bold tracking-widest" data-testid="screen-code">{code}</p>}
            <p className="m-0 text-2xl" data-testid="screen-joined">{t('joined', { count: joined })}</p>
          </div>
          {snapshot?.status !== 'ended' && <div className="h-36 w-36 rounded bg-white p-2 [&>svg]:h-full [&>svg]:w-full" role="img" aria-label={tConsole('qrAlt', { url: joinHost })} dangerouslySetInnerHTML={{ __html: qrSvg }} />}
        </div>
      </header>
      <main className="flex-1 px-12 py-10">
        {/* A screen whose access ended (removed from the project, signed out) says so instead of freezing. */}
        <ConnectionBanner status={live.status} error={live.error} />
        {/* The closing summary takes the whole screen while the facilitator shows it. */}
        {snapshot?.state.summary.screen ? (
          <ScreenSummary sessionId={sessionId} version={snapshot.version} />
        ) : (
          <>
            {snapshot?.status === 'ended' && <p className="text-5xl font-bold">{t('ended')}</p>}
            {/* A kollegaveiledning or Q-sort session of its own; inside a workshop the agenda's kind views show them. */}
            {!runtime && snapshot?.state.supervision && snapshot.status !== 'ended' && <SupervisionScreen runtime={snapshot.state.supervision} clockOffset={live.clockOffset} />}
            {!runtime && snapshot?.state.qsort && <QsortScreen runtime={snapshot.state.qsort} analysis={live.qsortPublic} submitted={null} />}
            {!afterwardsBelow && afterwards}
            {snapshot?.status !== 'ended' && !activity && !snapshot?.state.supervision && !snapshot?.state.qsort && (
              <VStack gap="space-16">
                <Heading level="2" size="xlarge" className="!text-6xl">{snapshot?.state.message ?? t('welcome')}</Heading>
                <BodyShort className="!text-3xl">{t('welcomeLead')}</BodyShort>
              </VStack>
            )}
            {runtime && activity && <KindScreen live={live} runtime={runtime} activity={activity} findings={findings} />}
            {afterwardsBelow && afterwards}
          </>
        )}
      </main>
    </div>
  );
}
