'use client';

import { ExpansionCard, Loader } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { QsortConsole } from '@/components/qsort/QsortConsole';
import { QsortParticipant } from '@/components/qsort/QsortParticipant';
import { QsortScreen } from '@/components/qsort/QsortScreen';
import { nestedIsCurrent } from '@/lib/workshop/nested';
import type { AfterwardsProps, ConsolePanelProps, ParticipantViewProps, ScreenViewProps } from '../contract';

/*
 * A Q-sort on the agenda runs the same views as a Q-sort session on its own; the session's
 * `qsort` state follows the agenda, so each view waits until it is this activity's.
 */

export function QsortActivityParticipant({ live, runtime, activity }: ParticipantViewProps<'qsort'>) {
  const t = useTranslations('live');
  const qsort = live.snapshot?.state.qsort;
  return qsort && nestedIsCurrent(runtime, qsort) ? <QsortParticipant key={activity.id} live={live} runtime={qsort} /> : <Loader size="large" title={t('welcome')} />;
}

export function QsortActivityConsole({ live, runtime }: ConsolePanelProps<'qsort'>) {
  const qsort = live.snapshot?.state.qsort ?? null;
  return qsort && nestedIsCurrent(runtime, qsort) && <QsortConsole key={qsort.activityId} live={live} runtime={qsort} projectId={live.snapshot?.projectId ?? ''} />;
}

export function QsortActivityScreen({ live }: ScreenViewProps<'qsort'>) {
  const qsort = live.snapshot?.state.qsort;
  return qsort && <QsortScreen runtime={qsort} analysis={live.qsortPublic} submitted={null} />;
}

/** The sorts stay analysable after the room moves on, e.g. to discuss the factors in the plenary. */
export function QsortConsoleAfterwards({ live, current }: AfterwardsProps) {
  const t = useTranslations('qsort.agenda');
  const qsort = live.snapshot?.state.qsort ?? null;
  if (!qsort || current?.kind === 'qsort') return null;
  return (
    <ExpansionCard aria-label={t('analysisAfter')} size="small">
      <ExpansionCard.Header>
        <ExpansionCard.Title as="h3" size="small">{t('analysisAfter')}</ExpansionCard.Title>
        <ExpansionCard.Description>{t('analysisAfterHelp')}</ExpansionCard.Description>
      </ExpansionCard.Header>
      <ExpansionCard.Content>
        <QsortConsole live={live} runtime={qsort} projectId={live.snapshot?.projectId ?? ''} canReopen={false} />
      </ExpansionCard.Content>
    </ExpansionCard>
  );
}

/** After the sort, the screen shows factor arrays whenever the facilitator puts them up. */
export function QsortScreenAfterwards({ live, current }: AfterwardsProps) {
  const qsort = live.snapshot?.state.qsort;
  if (!qsort || current?.kind === 'qsort' || !qsort.display) return null;
  return <QsortScreen runtime={qsort} analysis={live.qsortPublic} submitted={null} />;
}
