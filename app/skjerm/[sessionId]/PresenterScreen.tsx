'use client';

import { BodyShort, Heading, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ConnectionBanner } from '@/components/live/ConnectionBanner';
import { useLiveSession } from '@/components/live/use-live-session';
import { Board } from '@/components/workshop/Board';
import { Countdown } from '@/components/workshop/Countdown';
import { useNow } from '@/components/workshop/use-now';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { SupervisionScreen } from '@/components/supervision/SupervisionScreen';
import { QsortScreen } from '@/components/qsort/QsortScreen';
import { ResultsView } from '@/components/workshop/ResultsView';
import { formatJoinCode } from '@/lib/join-code';
import { clientEvents, type FindingCard } from '@/lib/protocol';
import { boardDocName } from '@/lib/workshop/board';
import { currentActivity, silentWritingActive } from '@/lib/workshop/runtime';

/** 1920×1080, large type, readable from the back of the room. Follows the facilitator. */
export function PresenterScreen({ sessionId, joinHost, qrSvg }: { sessionId: string; joinHost: string; qrSvg: string }) {
  const t = useTranslations('live');
  const tConsole = useTranslations('console');
  const tSupervision = useTranslations('supervision');
  const tQsort = useTranslations('qsort');
  const tWorkshop = useTranslations('workshop');
  const live = useLiveSession({ as: 'presenter', sessionId });
  const now = useNow();
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const { call, status, snapshot } = live;
  useEffect(() => {
    if (status !== 'connected') return;
    void call(clientEvents.workshopContent, {}).then((r) => r.ok && setFindings(r.data.findings));
  }, [call, status]);

  const runtime = snapshot?.state.workshop ?? null;
  const activity = runtime ? currentActivity(runtime) : null;
  const code = snapshot ? formatJoinCode(snapshot.code) : '';
  const joined = live.presence?.connectedCount ?? 0;

  return (
    <div className="fixed inset-0 z-50 flex flex-col overflow-auto bg-ax-bg-neutral-soft" data-testid="presenter">
      <header className="flex items-center justify-between gap-8 bg-ax-bg-neutral-strong px-12 py-6 text-white">
        <div>
          <p className="m-0 text-2xl opacity-80">{activity ? tWorkshop(`kind.${activity.kind}`) : snapshot?.state.supervision ? tSupervision('kind') : snapshot?.state.qsort ? tQsort('kind') : (snapshot?.title ?? '')}</p>
          <h1 className="m-0 text-5xl font-bold">{activity?.title ?? snapshot?.title ?? ''}</h1>
        </div>
        <div className="flex items-center gap-10">
          {runtime?.timer && <div className="rounded-lg bg-white px-6 py-2 text-ax-text-neutral"><Countdown timer={runtime.timer} clockOffset={live.clockOffset} size="huge" /></div>}
          <div className="text-right">
            <p className="m-0 text-2xl">{t('joinHere', { url: joinHost })}</p>
            <p className="m-0 font-mono text-6xl font-bold tracking-widest" data-testid="screen-code">{code}</p>
            <p className="m-0 text-2xl" data-testid="screen-joined">{t('joined', { count: joined })}</p>
          </div>
          <div className="h-36 w-36 rounded bg-white p-2 [&>svg]:h-full [&>svg]:w-full" role="img" aria-label={tConsole('qrAlt', { url: joinHost })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        </div>
      </header>
      <main className="flex-1 px-12 py-10">
        {/* A screen whose access ended (removed from the project, signed out) says so instead of freezing. */}
        <ConnectionBanner status={live.status} error={live.error} />
        {snapshot?.status === 'ended' && <p className="text-5xl font-bold">{t('ended')}</p>}
        {snapshot?.state.supervision && snapshot.status !== 'ended' && (!runtime || activity?.kind === 'supervision') && <SupervisionScreen runtime={snapshot.state.supervision} clockOffset={live.clockOffset} />}
        {/* Inside a workshop: while sorting, and after it whenever the facilitator shows factor arrays. */}
        {snapshot?.state.qsort && (!runtime || activity?.kind === 'qsort' || snapshot.state.qsort.display) && <QsortScreen runtime={snapshot.state.qsort} analysis={live.qsortPublic} submitted={null} />}
        {snapshot?.status !== 'ended' && !activity && !snapshot?.state.supervision && !snapshot?.state.qsort && (
          <VStack gap="space-16">
            <Heading level="2" size="xlarge" className="!text-6xl">{snapshot?.state.message ?? t('welcome')}</Heading>
            <BodyShort className="!text-3xl">{t('welcomeLead')}</BodyShort>
          </VStack>
        )}
        {runtime && activity?.kind === 'findings' && (
          <div className="grid grid-cols-[3fr_2fr] gap-10">
            {findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex]) && (
              <FindingCardView finding={findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex])!} size="large" />
            )}
            <div className="rounded-xl bg-white p-8">
              {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} large /> : <p className="text-3xl">{t('notRevealed')}</p>}
            </div>
          </div>
        )}
        {runtime && activity?.kind === 'reflection' && (
          <VStack gap="space-24">
            <p className="m-0 text-5xl font-semibold leading-tight">{activity.config.prompt}</p>
            {silentWritingActive(runtime, now + live.clockOffset) && <p className="m-0 text-3xl">{t('silentWriting')}</p>}
            <p className="m-0 text-3xl" data-testid="screen-ready">{t('readyCount', { ready: runtime.ready.length, total: runtime.groups.length })}</p>
          </VStack>
        )}
        {runtime && activity?.kind === 'plenary' && (
          <div className="grid grid-cols-2 gap-10">
            <div className="space-y-6">
              {[...runtime.activities].reverse().filter((a) => a.kind === 'reflection').slice(0, 1).map((reflection) =>
                runtime.groups.map((g) => (
                  <section key={g.id} className="rounded-xl bg-white p-6">
                    <h2 className="m-0 mb-4 text-3xl">{t('group', { name: g.name })}</h2>
                    <Board socket={live.socket} docName={boardDocName(sessionId, reflection.id, g.id)} mode="screen" hiddenItems={runtime.hiddenItems} readOnly />
                  </section>
                )),
              )}
            </div>
            <div className="rounded-xl bg-white p-8">
              <h2 className="m-0 mb-4 text-4xl">{t('clusters')}</h2>
              <ul className="m-0 mb-6 list-none space-y-2 p-0 text-3xl">{runtime.clusters.map((c) => <li key={c.id} data-testid="screen-cluster">{c.name}</li>)}</ul>
              {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} clusters={runtime.clusters} large /> : <p className="text-2xl">{t('notRevealed')}</p>}
            </div>
          </div>
        )}
        {runtime && activity?.kind === 'closing' && (
          <div className="rounded-xl bg-white p-8">
            {runtime.revealed ? <ResultsView results={live.results} minCount={runtime.minRevealCount} large /> : <p className="text-3xl">{t('notRevealed')}</p>}
          </div>
        )}
      </main>
    </div>
  );
}
