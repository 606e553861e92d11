'use client';

import { Theme } from '@navikt/ds-react';
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
import { FitBox } from '@/components/screen/FitBox';
import { ScreenTurnsProvider } from '@/components/screen/screen-turns';
import { ScreenControls, useScreenTheme } from '@/components/screen/ScreenControls';
import '@/components/screen/screen.css';
import { formatJoinCode } from '@/lib/join-code';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import { workshopViewOf } from '@/lib/workshop/view';

/**
 * The projector: follows the facilitator, readable from the back of the room. Laid out for
 * 16:9 (1920×1080 and 1280×720 alike, see screen.css): the header keeps its height, the step
 * fills the rest and is fitted to it, so the screen never scrolls.
 */
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
  const [theme, toggleTheme] = useScreenTheme();
  const onSummary = Boolean(snapshot?.state.summary.screen);
  // What kind of step this is, above its title; before the first step the title says it all.
  const label = onSummary ? tSummary('heading') : activity ? kindText.label(activity.kind) : snapshot?.state.supervision ? tSupervision('kind') : snapshot?.state.qsort ? tQsort('kind') : null;

  return (
    <Theme theme={theme} hasBackground={false}>
      <ScreenTurnsProvider value={snapshot?.state.screenTurns ?? 0}>
      <div className="verksted-screen fixed inset-0 z-50 flex flex-col overflow-hidden bg-ax-bg-neutral-soft text-ax-text-neutral" data-testid="presenter" data-theme={theme}>
        <header className="flex shrink-0 items-center justify-between gap-[1.5em] bg-ax-bg-neutral-strong px-[1.6em] py-[0.5em] text-ax-text-neutral-contrast">
          <div className="min-w-0">
            {label && <p className="m-0 text-[0.9em] opacity-90">{label}</p>}
            <h1 className="m-0 text-[1.9em] font-bold leading-tight">{(onSummary ? null : activity?.title) ?? snapshot?.title ?? ''}</h1>
          </div>
          <div className="flex shrink-0 items-center gap-[1.2em]">
            {runtime?.timer && <div className="rounded-lg bg-ax-bg-raised px-[0.6em] py-[0.1em] text-ax-text-neutral"><Countdown timer={runtime.timer} clockOffset={live.clockOffset} size="screen" /></div>}
            {/* An ended session takes no one in: no code and no QR code to invite joining. */}
            <div className="text-right">
              {snapshot?.status !== 'ended' && <p className="m-0 text-[0.95em]">{t('joinHere', { url: joinHost })}</p>}
              {snapshot?.status !== 'ended' && <p className="m-0 font-mono text-[2.2em] font-bold leading-tight tracking-widest" data-testid="screen-code">{code}</p>}
              <p className="m-0 text-[0.95em]" data-testid="screen-joined">{t('joined', { count: joined })}</p>
            </div>
            {snapshot?.status !== 'ended' && <div className="h-[4.6em] w-[4.6em] rounded bg-white p-[0.15em] [&>svg]:h-full [&>svg]:w-full" role="img" aria-label={tConsole('qrAlt', { url: joinHost })} dangerouslySetInnerHTML={{ __html: qrSvg }} />}
          </div>
        </header>
        {/* Not a <main>: the site layout's <main> holds this page. */}
        <div className="flex min-h-0 flex-1 flex-col gap-[0.6em] px-[1.6em] pb-[0.4em] pt-[0.9em]">
          {/* A screen whose access ended (removed from the project, signed out) says so instead of freezing. */}
          <ConnectionBanner status={live.status} error={live.error} />
          {/* The closing summary takes the whole screen while the facilitator shows it. */}
          {snapshot && onSummary ? (
            <ScreenSummary sessionId={sessionId} version={snapshot.version} />
          ) : (
            <>
              {snapshot?.status === 'ended' && <p className="m-0 text-[2em] font-bold">{t('ended')}</p>}
              {/* A kollegaveiledning or Q-sort session of its own; inside a workshop the agenda's kind views show them. */}
              {!runtime && snapshot?.state.supervision && snapshot.status !== 'ended' && (
                <FitBox fitKey="supervision" className="flex-1"><SupervisionScreen runtime={snapshot.state.supervision} clockOffset={live.clockOffset} /></FitBox>
              )}
              {!runtime && snapshot?.state.qsort && (
                <QsortScreen runtime={snapshot.state.qsort} analysis={live.qsortPublic} submitted={null} />
              )}
              {!afterwardsBelow && afterwards}
              {snapshot?.status !== 'ended' && !activity && !snapshot?.state.supervision && !snapshot?.state.qsort && (
                <div className="flex flex-1 flex-col justify-center gap-[0.8em]">
                  <h2 className="m-0 text-[3em] font-bold leading-tight">{snapshot?.state.message ?? t('welcome')}</h2>
                  <p className="m-0 text-[1.4em]">{t('welcomeLead')}</p>
                </div>
              )}
              {runtime && activity && (
                <div className="flex min-h-0 flex-1 flex-col">
                  <KindScreen live={live} runtime={runtime} activity={activity} findings={findings} />
                </div>
              )}
              {afterwardsBelow && afterwards}
            </>
          )}
        </div>
        <footer className="flex shrink-0 justify-end px-[1.6em] pb-[0.3em]">
          <ScreenControls theme={theme} onToggleTheme={toggleTheme} />
        </footer>
      </div>
      </ScreenTurnsProvider>
    </Theme>
  );
}
