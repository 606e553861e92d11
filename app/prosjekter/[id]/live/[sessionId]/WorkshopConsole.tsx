'use client';

import { ExternalLinkIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Box, Button, ExpansionCard, Heading, HGrid, VStack } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { useLiveSession } from '@/components/live/use-live-session';
import { QsortConsole } from '@/components/qsort/QsortConsole';
import { SupervisionConsole } from '@/components/supervision/SupervisionConsole';
import { useFormErrors } from '@/components/use-form-errors';
import { Board } from '@/components/workshop/Board';
import { FindingCardView } from '@/components/workshop/FindingCardView';
import { useNow } from '@/components/workshop/use-now';
import { ResultsView } from '@/components/workshop/ResultsView';
import type { AppError } from '@/lib/errors';
import { clientEvents, type FindingCard, type RedactTarget } from '@/lib/protocol';
import { boardDocName, boardDraftDocName } from '@/lib/workshop/board';
import { nestedIsCurrent } from '@/lib/workshop/nested';
import { currentActivity, silentWritingActive, type WorkshopCommand, type WorkshopRuntime } from '@/lib/workshop/runtime';
import { GroupsPanel } from './GroupsPanel';
import { PlenaryPanel } from './PlenaryPanel';
import { WorkshopControls } from './WorkshopControls';

/** The facilitator's console for a running workshop: agenda, controls, and the live input. */
export function WorkshopConsole({ live, runtime, screenUrl }: { live: ReturnType<typeof useLiveSession>; runtime: WorkshopRuntime; screenUrl: string }) {
  const t = useTranslations('live');
  const now = useNow();
  const tWorkshop = useTranslations('workshop');
  const [findings, setFindings] = useState<FindingCard[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const errors = useFormErrors(error);
  const { call, status } = live;
  const activity = currentActivity(runtime);
  const sessionId = live.snapshot?.sessionId ?? '';
  const projectId = live.snapshot?.projectId ?? '';
  const qsort = live.snapshot?.state.qsort ?? null;
  const supervision = live.snapshot?.state.supervision ?? null;

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

  return (
    <HGrid columns={{ xs: 1, lg: '16rem 1fr' }} gap="space-24" align="start">
      <VStack gap="space-12" as="nav" aria-label={t('agenda')}>
        <Heading level="2" size="small">{t('agenda')}</Heading>
        <ol className="m-0 list-none space-y-1 p-0">
          {runtime.activities.map((a, i) => (
            <li key={a.id}>
              <button type="button" onClick={() => run({ type: 'goTo', index: i })} aria-current={i === runtime.current ? 'step' : undefined}
                className={`w-full rounded-md px-3 py-2 text-left ${i === runtime.current ? 'bg-ax-bg-accent-strong text-white' : 'bg-ax-bg-raised hover:bg-ax-bg-accent-soft'}`}>
                <span className="block text-xs uppercase tracking-wide opacity-80">{tWorkshop(`kind.${a.kind}`)}</span>
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
          {activity ? `${tWorkshop(`kind.${activity.kind}`)}: ${activity.title}` : t('waitingForStart')}
        </Heading>
        {activity?.kind === 'findings' && (
          <>
            <BodyShort>{t('findingOf', { current: runtime.findingIndex + 1, total: activity.config.findingIds.length })}</BodyShort>
            {findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex]) && (
              <FindingCardView finding={findings.find((f) => f.id === activity.config.findingIds[runtime.findingIndex])!} />
            )}
          </>
        )}
        {activity?.kind === 'reflection' && (
          <>
            <Box background="accent-soft" padding="space-12" borderRadius="8"><BodyShort weight="semibold">{activity.config.prompt}</BodyShort></Box>
            {runtime.silent && (
              <div>
                <Button size="small" variant="secondary" onClick={() => run({ type: 'endSilent' })}>{t('endSilent')}</Button>
              </div>
            )}
            <GroupsPanel runtime={runtime} presence={live.presence} run={run} />
            <div className="grid gap-4 xl:grid-cols-2">
              {runtime.groups.map((g) => (
                <Box key={g.id} padding="space-12" borderRadius="8" background="raised" borderWidth="1" borderColor="neutral-subtle">
                  <Heading level="3" size="xsmall" spacing>{t('group', { name: g.name })}</Heading>
                  <Board socket={live.socket} docName={boardDocName(sessionId, activity.id, g.id)} mode="facilitator" hiddenItems={runtime.hiddenItems} onHide={hide} onRedact={redactNote(boardDocName(sessionId, activity.id, g.id))} />
                  {/* Members write private drafts during silent writing; only facilitators see them all. */}
                  {silentWritingActive(runtime, now + live.clockOffset) && (
                    <VStack gap="space-8" className="mt-4" aria-label={t('silentDrafts')}>
                      <BodyShort size="small" weight="semibold">{t('silentDrafts')}</BodyShort>
                      {g.memberIds.map((id) => (
                        <Board key={id} socket={live.socket} docName={boardDraftDocName(sessionId, activity.id, g.id, id)} mode="facilitator" hiddenItems={runtime.hiddenItems} onHide={hide} onRedact={redactNote(boardDraftDocName(sessionId, activity.id, g.id, id))} />
                      ))}
                    </VStack>
                  )}
                </Box>
              ))}
            </div>
          </>
        )}
        {activity?.kind === 'qsort' && qsort && nestedIsCurrent(runtime, qsort) && <QsortConsole key={qsort.activityId} live={live} runtime={qsort} projectId={projectId} />}
        {activity?.kind === 'supervision' && supervision && nestedIsCurrent(runtime, supervision) && <SupervisionConsole live={live} runtime={supervision} />}
        {/* The sorts stay analysable after the room moves on, e.g. to discuss the factors in the plenary. */}
        {qsort && activity?.kind !== 'qsort' && (
          <ExpansionCard aria-label={tWorkshop('nested.analysisAfter')} size="small">
            <ExpansionCard.Header>
              <ExpansionCard.Title as="h3" size="small">{tWorkshop('nested.analysisAfter')}</ExpansionCard.Title>
              <ExpansionCard.Description>{tWorkshop('nested.analysisAfterHelp')}</ExpansionCard.Description>
            </ExpansionCard.Header>
            <ExpansionCard.Content>
              <QsortConsole live={live} runtime={qsort} projectId={projectId} canReopen={false} />
            </ExpansionCard.Content>
          </ExpansionCard>
        )}
        {activity?.kind === 'plenary' && <PlenaryPanel socket={live.socket} sessionId={sessionId} runtime={runtime} findings={findings} run={run} />}
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
