'use client';

import { Loader } from '@navikt/ds-react';
import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import type { ComponentProps, ComponentType } from 'react';
import type { ActivityKind, ParticipantViewProps } from './contract';

/** Shown where a step's part is still loading: in place, so nothing around it remounts. */
export function StepLoading() {
  const t = useTranslations('participant');
  return <Loader size="large" title={t('loadingStep')} />;
}

/*
 * The phone's part of each kind, each its own chunk: a phone loads the part of the step it is
 * on, not the console, the editor, the screen or the other kinds (issue 14: the phone page's
 * weight). The console, the screen and the editor use the full registry (./registry), whose
 * parts load with their pages. `loading` gives each part a Suspense boundary of its own;
 * without one, a part still loading would suspend the page up to the nearest boundary and
 * remount the participant's live connection with it.
 */
export const phoneParts: { readonly [K in ActivityKind]: ComponentType<ParticipantViewProps<K>> } = {
  findings: dynamic<ComponentProps<typeof import('./findings/FindingsParticipant').FindingsParticipant>>(() => import('./findings/FindingsParticipant').then((m) => m.FindingsParticipant), { loading: StepLoading }),
  reflection: dynamic<ComponentProps<typeof import('./reflection/ReflectionParticipant').ReflectionParticipant>>(() => import('./reflection/ReflectionParticipant').then((m) => m.ReflectionParticipant), { loading: StepLoading }),
  plenary: dynamic<ComponentProps<typeof import('./plenary/PlenaryParticipant').PlenaryParticipant>>(() => import('./plenary/PlenaryParticipant').then((m) => m.PlenaryParticipant), { loading: StepLoading }),
  closing: dynamic<ComponentProps<typeof import('./closing/ClosingParticipant').ClosingParticipant>>(() => import('./closing/ClosingParticipant').then((m) => m.ClosingParticipant), { loading: StepLoading }),
  qsort: dynamic<ComponentProps<typeof import('./qsort/QsortActivity').QsortActivityParticipant>>(() => import('./qsort/QsortActivity').then((m) => m.QsortActivityParticipant), { loading: StepLoading }),
  supervision: dynamic<ComponentProps<typeof import('./supervision/SupervisionActivity').SupervisionActivityParticipant>>(() => import('./supervision/SupervisionActivity').then((m) => m.SupervisionActivityParticipant), { loading: StepLoading }),
  question: dynamic<ComponentProps<typeof import('./question/live-views').QuestionParticipantView>>(() => import('./question/live-views').then((m) => m.QuestionParticipantView), { loading: StepLoading }),
};

/** The phone's view of the current activity. */
export function KindParticipant(props: ParticipantViewProps<ActivityKind>) {
  const Participant = phoneParts[props.activity.kind] as ComponentType<ParticipantViewProps<ActivityKind>>;
  return <Participant {...props} />;
}
