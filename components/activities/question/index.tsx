'use client';

import { BarChartIcon } from '@navikt/aksel-icons';
import { useTranslations } from 'next-intl';
import type { ActivityUi } from '../contract';
import { QuestionFields } from './QuestionFields';
import { QuestionResultsView } from './QuestionResultsView';
import { questionMessages } from './messages';
import { QuestionConsolePanel, QuestionParticipantView, QuestionScreenView } from './live-views';

/** Spørsmål's UI: everything the shells show of it comes from here. */
export const questionUi: ActivityUi<'question'> = {
  kind: 'question',
  icon: BarChartIcon,
  messages: questionMessages,
  editor: {
    Fields: ({ draft, onChange, fieldError }) => <QuestionFields config={draft.config} onChange={(c) => onChange({ ...draft, config: { ...draft.config, ...c } })} fieldError={fieldError} />,
    useSummary: () => {
      const t = useTranslations('question');
      return (activity) => t('summary', { format: t(`form.formats.${activity.config.format}`), prompt: activity.config.prompt });
    },
    // A question needs no material of the project, and an agenda may hold many.
    blockedReason: () => null,
  },
  // A quick question: the default timer, reveal and lock.
  controls: {},
  Participant: QuestionParticipantView,
  Console: QuestionConsolePanel,
  Screen: QuestionScreenView,
  Results: ({ results, minCount, large, onHide, hidden, onRedact }) => <QuestionResultsView results={results} minCount={minCount} large={large} onHide={onHide} hidden={hidden} onRedact={onRedact} />,
};
