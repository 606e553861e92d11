'use client';

import { Loader } from '@navikt/ds-react';
import { useTranslations } from 'next-intl';
import { SupervisionConsole } from '@/components/supervision/SupervisionConsole';
import { SupervisionParticipant } from '@/components/supervision/SupervisionParticipant';
import { SupervisionScreen } from '@/components/supervision/SupervisionScreen';
import { nestedIsCurrent } from '@/lib/workshop/nested';
import type { ConsolePanelProps, ParticipantViewProps, ScreenViewProps } from '../contract';

/*
 * A kollegaveiledning on the agenda runs the same views as a meeting on its own; the session's
 * `supervision` state follows the agenda, so each view waits until it is this activity's.
 */

export function SupervisionActivityParticipant({ live, runtime, activity }: ParticipantViewProps<'supervision'>) {
  const t = useTranslations('live');
  const supervision = live.snapshot?.state.supervision;
  return supervision && nestedIsCurrent(runtime, supervision) ? <SupervisionParticipant key={activity.id} live={live} runtime={supervision} /> : <Loader size="large" title={t('welcome')} />;
}

export function SupervisionActivityConsole({ live, runtime }: ConsolePanelProps<'supervision'>) {
  const supervision = live.snapshot?.state.supervision ?? null;
  return supervision && nestedIsCurrent(runtime, supervision) && <SupervisionConsole live={live} runtime={supervision} />;
}

/** An ended session's screen says so instead of showing the last round. */
export function SupervisionActivityScreen({ live }: ScreenViewProps<'supervision'>) {
  const supervision = live.snapshot?.state.supervision;
  return supervision && live.snapshot?.status !== 'ended' && <SupervisionScreen runtime={supervision} clockOffset={live.clockOffset} />;
}
