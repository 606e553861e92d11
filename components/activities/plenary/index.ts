import { PresentationIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { PlenaryConsole } from './PlenaryConsole';
import { PlenaryFields } from './PlenaryFields';
import { PlenaryParticipant } from './PlenaryParticipant';
import { PlenaryResults } from './PlenaryResults';
import { PlenaryScreen } from './PlenaryScreen';
import { usePlenarySummary } from './summary';

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
