import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { PersonGroupIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { useReflectionSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const ReflectionConsole = dynamic<ComponentProps<typeof import('./ReflectionConsole').ReflectionConsole>>(() => import('./ReflectionConsole').then((m) => m.ReflectionConsole));
const ReflectionFields = dynamic<ComponentProps<typeof import('./ReflectionFields').ReflectionFields>>(() => import('./ReflectionFields').then((m) => m.ReflectionFields));
const ReflectionParticipant = dynamic<ComponentProps<typeof import('./ReflectionParticipant').ReflectionParticipant>>(() => import('./ReflectionParticipant').then((m) => m.ReflectionParticipant));
const ReflectionScreen = dynamic<ComponentProps<typeof import('./ReflectionScreen').ReflectionScreen>>(() => import('./ReflectionScreen').then((m) => m.ReflectionScreen));

/** Grupperefleksjon: groups on a shared board, silent writing first. */
export const reflectionUi: ActivityUi<'reflection'> = {
  kind: 'reflection',
  icon: PersonGroupIcon,
  messages,
  editor: { Fields: ReflectionFields, useSummary: useReflectionSummary, blockedReason: () => null },
  // The group work's time box, or the silent writing's while that lasts.
  controls: { timerMinutes: ({ config }, runtime) => (runtime.silent ? config.silentMinutes : config.minutes) },
  Participant: ReflectionParticipant,
  Console: ReflectionConsole,
  Screen: ReflectionScreen,
};
