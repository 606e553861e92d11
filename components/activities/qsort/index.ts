import { TableIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { QsortActivityConsole, QsortActivityParticipant, QsortActivityScreen, QsortConsoleAfterwards, QsortScreenAfterwards } from './QsortActivity';
import { QsortFields } from './QsortFields';
import { useQsortSummary } from './summary';

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
