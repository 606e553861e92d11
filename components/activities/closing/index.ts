import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { HandShakeHeartIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { ClosingConsole } from './ClosingConsole';
import { messages } from './messages';
import { useClosingSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const ClosingFields = dynamic<ComponentProps<typeof import('./ClosingFields').ClosingFields>>(() => import('./ClosingFields').then((m) => m.ClosingFields));
const ClosingParticipant = dynamic<ComponentProps<typeof import('./ClosingParticipant').ClosingParticipant>>(() => import('./ClosingParticipant').then((m) => m.ClosingParticipant));
const ClosingResults = dynamic<ComponentProps<typeof import('./ClosingResults').ClosingResults>>(() => import('./ClosingResults').then((m) => m.ClosingResults));
const ClosingScreen = dynamic<ComponentProps<typeof import('./ClosingScreen').ClosingScreen>>(() => import('./ClosingScreen').then((m) => m.ClosingScreen));

/** Avslutningsrunde: evaluation on a 0–4 scale and free text. */
export const closingUi: ActivityUi<'closing'> = {
  kind: 'closing',
  icon: HandShakeHeartIcon,
  messages,
  editor: { Fields: ClosingFields, useSummary: useClosingSummary, blockedReason: () => null },
  controls: {},
  Participant: ClosingParticipant,
  Console: ClosingConsole,
  Screen: ClosingScreen,
  Results: ClosingResults,
};
