import { ChatIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { SupervisionActivityConsole, SupervisionActivityParticipant, SupervisionActivityScreen } from './SupervisionActivity';
import { SupervisionFields } from './SupervisionFields';
import { useSupervisionSummary } from './summary';

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
