import { HandShakeHeartIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { ClosingConsole } from './ClosingConsole';
import { ClosingFields } from './ClosingFields';
import { ClosingParticipant } from './ClosingParticipant';
import { ClosingResults } from './ClosingResults';
import { ClosingScreen } from './ClosingScreen';
import { messages } from './messages';
import { useClosingSummary } from './summary';

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
