import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { ChatIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { useSupervisionSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const SupervisionActivityConsole = dynamic<ComponentProps<typeof import('./SupervisionActivity').SupervisionActivityConsole>>(() => import('./SupervisionActivity').then((m) => m.SupervisionActivityConsole));
const SupervisionActivityParticipant = dynamic<ComponentProps<typeof import('./SupervisionActivity').SupervisionActivityParticipant>>(() => import('./SupervisionActivity').then((m) => m.SupervisionActivityParticipant));
const SupervisionActivityScreen = dynamic<ComponentProps<typeof import('./SupervisionActivity').SupervisionActivityScreen>>(() => import('./SupervisionActivity').then((m) => m.SupervisionActivityScreen));
const SupervisionFields = dynamic<ComponentProps<typeof import('./SupervisionFields').SupervisionFields>>(() => import('./SupervisionFields').then((m) => m.SupervisionFields));

/** Kollegaveiledning: one case through structured rounds with roles and turns. */
export const supervisionUi: ActivityUi<'supervision'> = {
  kind: 'supervision',
  icon: ChatIcon,
  messages,
  editor: {
    Fields: SupervisionFields,
    useSummary: useSupervisionSummary,
    // The session keeps one set of round notes, so an agenda holds one; and it needs a template.
    blockedReason: (_agenda, { templates }) => (templates.length === 0 ? 'noTemplatesToAdd' : null),
  },
  // Each round has its own time, run from the meeting's own controls.
  controls: { ownTimer: true },
  Participant: SupervisionActivityParticipant,
  Console: SupervisionActivityConsole,
  Screen: SupervisionActivityScreen,
  // The meeting's round stays on top; factor arrays put up earlier come below it.
  afterwards: { screen: 'below' },
};
