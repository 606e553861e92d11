import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { TableIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { useQsortSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const QsortActivityConsole = dynamic<ComponentProps<typeof import('./QsortActivity').QsortActivityConsole>>(() => import('./QsortActivity').then((m) => m.QsortActivityConsole));
const QsortActivityParticipant = dynamic<ComponentProps<typeof import('./QsortActivity').QsortActivityParticipant>>(() => import('./QsortActivity').then((m) => m.QsortActivityParticipant));
const QsortActivityScreen = dynamic<ComponentProps<typeof import('./QsortActivity').QsortActivityScreen>>(() => import('./QsortActivity').then((m) => m.QsortActivityScreen));
const QsortConsoleAfterwards = dynamic<ComponentProps<typeof import('./QsortActivity').QsortConsoleAfterwards>>(() => import('./QsortActivity').then((m) => m.QsortConsoleAfterwards));
const QsortScreenAfterwards = dynamic<ComponentProps<typeof import('./QsortActivity').QsortScreenAfterwards>>(() => import('./QsortActivity').then((m) => m.QsortScreenAfterwards));
const QsortFields = dynamic<ComponentProps<typeof import('./QsortFields').QsortFields>>(() => import('./QsortFields').then((m) => m.QsortFields));

/** Q-sortering: participants sort a statement set on their phones; the facilitator analyses at once. */
export const qsortUi: ActivityUi<'qsort'> = {
  kind: 'qsort',
  icon: TableIcon,
  messages,
  editor: {
    Fields: QsortFields,
    useSummary: useQsortSummary,
    // The session keeps one sort per participant, so an agenda holds one Q-sort; and it needs a set whose grid fits.
    blockedReason: (_agenda, { sets }) => (sets.some((s) => s.gridFits) ? null : 'noSetsToAdd'),
  },
  controls: {},
  Participant: QsortActivityParticipant,
  Console: QsortActivityConsole,
  Screen: QsortActivityScreen,
  ConsoleAfterwards: QsortConsoleAfterwards,
  ScreenAfterwards: QsortScreenAfterwards,
};
