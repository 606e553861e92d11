import { ok } from '@/lib/errors';
import { questionEvents } from '@/lib/activities/question/events';
import { answerWith, type ServerActivityModule } from '../contract';
import { questionRowFor } from './question-answers';

/**
 * Spørsmål's server half: storing an answer. It is kept as a feedback item the moment it
 * arrives (one row per participant, replaced when they change it), so nothing more is kept
 * when the agenda moves on or the session ends; "trekk tilbake alt", redaction, retention and
 * deletion treat it like every other feedback item.
 */
export const questionServer: ServerActivityModule<'question'> = {
  kind: 'question',
  answers: {
    [questionEvents.answer.name]: answerWith(questionEvents.answer.schema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'question');
      if (!ctx.ok) return ctx;
      const row = questionRowFor(input, ctx.data.activity);
      if (!row.ok) return row;
      await store.upsert(ctx.data, participantId, row.data);
      return ok(null);
    }),
  },
  keptKinds: [],
};
