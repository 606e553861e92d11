import { LightBulbIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { FindingsConsole } from './FindingsConsole';
import { FindingsFields } from './FindingsFields';
import { FindingsParticipant } from './FindingsParticipant';
import { FindingsResults } from './FindingsResults';
import { FindingsScreen } from './FindingsScreen';
import { messages } from './messages';
import { useFindingsSummary } from './summary';

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
