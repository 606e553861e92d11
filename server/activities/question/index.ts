import type { Result } from '@/lib/errors';
import type { FeedbackService } from '../../services/feedback-service';
import { parseQuestionAnswer, questionRowFor } from './question-answers';

/**
 * Spørsmål's server half: storing an answer. An answer is kept as a feedback item the moment
 * it arrives (one row per participant, replaced when they change it), so nothing more is kept
 * when the agenda moves on or the session ends; "trekk tilbake alt", redaction and deletion
 * treat it like every other feedback item.
 */
export function questionAnswers(feedback: Pick<FeedbackService, 'answer'>) {
  return async (sessionId: string, participantId: string, input: unknown): Promise<Result<null>> => {
    const request = parseQuestionAnswer(input);
    if (!request.ok) return request;
    return feedback.answer(sessionId, participantId, 'question', (activity) => questionRowFor(request.data, activity));
  };
}
