import { fail, ok } from '@/lib/errors';
import { closingEvents } from '@/lib/activities/closing/events';
import { answerWith, type AnswerItem, type ServerActivityModule } from '../contract';

/** A closing round stores one 0–4 answer per question and one free text per participant. */
export const closingServer: ServerActivityModule<'closing'> = {
  kind: 'closing',
  async check(_db, _projectId, activity) {
    // Results are tallied per question id, so two questions sharing one would be mixed up.
    if (new Set(activity.config.questions.map((q) => q.id)).size !== activity.config.questions.length) return fail('BAD_REQUEST', 'duplicate question id', { questions: 'INVALID' });
    return ok(activity);
  },
  answers: {
    [closingEvents.evaluate.name]: answerWith(closingEvents.evaluate.schema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'closing');
      if (!ctx.ok) return ctx;
      const { questions } = ctx.data.activity.config;
      if (Object.keys(input.answers).some((id) => !questions.some((q) => q.id === id))) return fail('BAD_REQUEST', 'unknown question');
      // All answers of one submission land together.
      const items: AnswerItem[] = Object.entries(input.answers).map(([id, value]) => ({ kind: 'evaluation', itemKey: id, value, text: questions.find((q) => q.id === id)?.text ?? '' }));
      if (input.text) items.push({ kind: 'evaluation_text', itemKey: 'free', text: input.text });
      await store.upsertAll(ctx.data, participantId, items);
      return ok(null);
    }),
  },
  keptKinds: [],
};
