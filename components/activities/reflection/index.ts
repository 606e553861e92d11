import { PersonGroupIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { ReflectionConsole } from './ReflectionConsole';
import { ReflectionFields } from './ReflectionFields';
import { ReflectionParticipant } from './ReflectionParticipant';
import { ReflectionScreen } from './ReflectionScreen';
import { useReflectionSummary } from './summary';

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
