import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { PresentationIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { usePlenarySummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const PlenaryConsole = dynamic<ComponentProps<typeof import('./PlenaryConsole').PlenaryConsole>>(() => import('./PlenaryConsole').then((m) => m.PlenaryConsole));
const PlenaryFields = dynamic<ComponentProps<typeof import('./PlenaryFields').PlenaryFields>>(() => import('./PlenaryFields').then((m) => m.PlenaryFields));
const PlenaryParticipant = dynamic<ComponentProps<typeof import('./PlenaryParticipant').PlenaryParticipant>>(() => import('./PlenaryParticipant').then((m) => m.PlenaryParticipant));
const PlenaryResults = dynamic<ComponentProps<typeof import('./PlenaryResults').PlenaryResults>>(() => import('./PlenaryResults').then((m) => m.PlenaryResults));
const PlenaryScreen = dynamic<ComponentProps<typeof import('./PlenaryScreen').PlenaryScreen>>(() => import('./PlenaryScreen').then((m) => m.PlenaryScreen));

/** Plenum: the groups' boards gathered into themes, dot voting and a word cloud. */
export const plenaryUi: ActivityUi<'plenary'> = {
  kind: 'plenary',
  icon: PresentationIcon,
  messages,
  editor: { Fields: PlenaryFields, useSummary: usePlenarySummary, blockedReason: () => null },
  controls: {},
  Participant: PlenaryParticipant,
  Console: PlenaryConsole,
  Screen: PlenaryScreen,
  Results: PlenaryResults,
  // The factors of a Q-sort earlier in the day are discussed here: its analysis sits above the themes.
  afterwards: { console: 'above' },
};
