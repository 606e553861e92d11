import { fail, ok, type Result } from '@/lib/errors';
import { answerFits, type QuestionAnswerRequest } from '@/lib/activities/question/answers';
import { storedAnswer } from '@/lib/activities/question/stored';
import type { AgendaActivity } from '@/lib/workshop/agenda';
import type { AnswerItem } from '../contract';

/**
 * The feedback row an answer becomes, judged against the running activity: it must be the
 * question the phone answered (a late answer to the previous question is refused), and the
 * answer must fit its format. The prompt goes in `theme`, so the kept feedback reads on its own.
 */
export function questionRowFor(request: QuestionAnswerRequest, activity: AgendaActivity): Result<AnswerItem> {
  if (activity.kind !== 'question' || activity.id !== request.activityId) return fail('CONFLICT', 'that question is not current');
  if (!answerFits(activity.config, request.answer)) return fail('BAD_REQUEST', 'the answer does not fit this question');
  return ok({ ...storedAnswer(request.answer), theme: activity.config.prompt });
}
