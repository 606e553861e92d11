import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { LightBulbIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { useFindingsSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const FindingsConsole = dynamic<ComponentProps<typeof import('./FindingsConsole').FindingsConsole>>(() => import('./FindingsConsole').then((m) => m.FindingsConsole));
const FindingsFields = dynamic<ComponentProps<typeof import('./FindingsFields').FindingsFields>>(() => import('./FindingsFields').then((m) => m.FindingsFields));
const FindingsParticipant = dynamic<ComponentProps<typeof import('./FindingsParticipant').FindingsParticipant>>(() => import('./FindingsParticipant').then((m) => m.FindingsParticipant));
const FindingsResults = dynamic<ComponentProps<typeof import('./FindingsResults').FindingsResults>>(() => import('./FindingsResults').then((m) => m.FindingsResults));
const FindingsScreen = dynamic<ComponentProps<typeof import('./FindingsScreen').FindingsScreen>>(() => import('./FindingsScreen').then((m) => m.FindingsScreen));

/** Funnrunde: the project's findings one by one; phones answer kjenner igjen / nyanserer / avkrefter. */
export const findingsUi: ActivityUi<'findings'> = {
  kind: 'findings',
  icon: LightBulbIcon,
  messages,
  editor: {
    Fields: FindingsFields,
    useSummary: useFindingsSummary,
    // A findings round needs findings in the project.
    blockedReason: (_agenda, { findings }) => (findings.length === 0 ? 'noFindingsToAdd' : null),
  },
  controls: {},
  Participant: FindingsParticipant,
  Console: FindingsConsole,
  Screen: FindingsScreen,
  Results: FindingsResults,
};
