'use client';

import { questionEvents } from '@/lib/activities/question/events';
import type { QuestionAnswer } from '@/lib/activities/question/answers';
import { answerOfRow, storedAnswer } from '@/lib/activities/question/stored';
import { QUESTION_FEEDBACK_KIND, resultsOfQuestion } from '@/lib/activities/question/tally';
import type { ConsolePanelProps, ParticipantViewProps, ScreenViewProps } from '../contract';
import { QuestionConsole } from './QuestionConsole';
import { QuestionParticipant } from './QuestionParticipant';
import { QuestionScreen } from './QuestionScreen';

/** The phone: its own stored answer comes back with `workshop:mine` (by activity), so a reload shows it. */
export function QuestionParticipantView({ live, runtime, activity, mine, setMine, redactions, locked, redacted }: ParticipantViewProps<'question'>) {
  const own = mine?.byActivity[activity.id]?.find((row) => row.kind === QUESTION_FEEDBACK_KIND);
  const saved = own ? answerOfRow(own) : null;
  async function submit(answer: QuestionAnswer) {
    const result = await live.call(questionEvents.answer.name, { activityId: activity.id, answer });
    if (result.ok) {
      // Kept as the server stored it, so stepping back to this question shows the answer sent.
      const row = { ...storedAnswer(answer), redacted: false };
      setMine((m) => m && { ...m, byActivity: { ...m.byActivity, [activity.id]: [...(m.byActivity[activity.id] ?? []).filter((r) => r.kind !== QUESTION_FEEDBACK_KIND), row] } });
    }
    return result;
  }
  return (
    <QuestionParticipant config={activity.config} locked={runtime.locked} notices={<>{locked}{redacted}</>} minCount={runtime.minRevealCount}
      results={resultsOfQuestion(live.results, activity.id)} saved={saved} submit={submit} formKey={redactions} />
  );
}

export function QuestionConsolePanel({ live, activity }: ConsolePanelProps<'question'>) {
  return <QuestionConsole config={activity.config} results={resultsOfQuestion(live.results, activity.id)} />;
}

export function QuestionScreenView({ live, runtime, activity }: ScreenViewProps<'question'>) {
  return <QuestionScreen config={activity.config} results={resultsOfQuestion(live.results, activity.id)} revealed={runtime.revealed} minCount={runtime.minRevealCount} />;
}
