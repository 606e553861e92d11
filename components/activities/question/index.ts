import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import { BarChartIcon } from '@navikt/aksel-icons';
import type { ActivityUi } from '../contract';
import { messages } from './messages';
import { useQuestionSummary } from './summary';

// Each part is its own chunk: a phone loads the participant part of the step it is on, not
// the editor, the console or the other kinds (issue 14: the phone page's weight).
const QuestionEditorFields = dynamic<ComponentProps<typeof import('./QuestionFields').QuestionEditorFields>>(() => import('./QuestionFields').then((m) => m.QuestionEditorFields));
const QuestionResults = dynamic<ComponentProps<typeof import('./QuestionResultsView').QuestionResults>>(() => import('./QuestionResultsView').then((m) => m.QuestionResults));
const QuestionConsolePanel = dynamic<ComponentProps<typeof import('./live-views').QuestionConsolePanel>>(() => import('./live-views').then((m) => m.QuestionConsolePanel));
const QuestionParticipantView = dynamic<ComponentProps<typeof import('./live-views').QuestionParticipantView>>(() => import('./live-views').then((m) => m.QuestionParticipantView));
const QuestionScreenView = dynamic<ComponentProps<typeof import('./live-views').QuestionScreenView>>(() => import('./live-views').then((m) => m.QuestionScreenView));

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
