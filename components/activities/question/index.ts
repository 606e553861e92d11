import { BarChartIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { QuestionEditorFields } from './QuestionFields';
import { QuestionResults } from './QuestionResultsView';
import { QuestionConsolePanel, QuestionParticipantView, QuestionScreenView } from './live-views';
import { messages } from './messages';
import { useQuestionSummary } from './summary';

/** Spørsmål's UI: everything the shells show of it comes from here. */
export const questionUi: ActivityUi<'question'> = {
  kind: 'question',
  icon: BarChartIcon,
  messages,
  // A question needs no material of the project, and an agenda may hold many.
  editor: { Fields: QuestionEditorFields, useSummary: useQuestionSummary, blockedReason: () => null },
  // A quick question: the default timer, reveal and lock.
  controls: {},
  Participant: QuestionParticipantView,
  Console: QuestionConsolePanel,
  Screen: QuestionScreenView,
  Results: QuestionResults,
};
