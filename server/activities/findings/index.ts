import { and, eq, inArray } from 'drizzle-orm';
import { findings } from '@/db/schema';
import { fail, ok } from '@/lib/errors';
import { respondSchema, withdrawSchema } from '@/lib/activities/findings/answers';
import { answerWith, type ServerActivityModule } from '../contract';

/** A findings round's answers are stored per finding; its findings must be the project's own. */
export const findingsServer: ServerActivityModule<'findings'> = {
  kind: 'findings',
  async check(db, projectId, activity) {
    const ids = [...new Set(activity.config.findingIds)];
    const own = await db.select({ id: findings.id }).from(findings).where(and(eq(findings.projectId, projectId), inArray(findings.id, ids)));
    if (own.length !== ids.length) return fail('BAD_REQUEST', 'finding of another project', { findingIds: 'INVALID' });
    return ok({ ...activity, config: { findingIds: ids } });
  },
  answers: {
    'workshop:respond': answerWith(respondSchema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'findings');
      if (!ctx.ok) return ctx;
      if (!ctx.data.activity.config.findingIds.includes(input.findingId)) return fail('BAD_REQUEST', 'finding not in this round');
      await store.upsert(ctx.data, participantId, {
        kind: 'finding_response',
        itemKey: input.findingId,
        findingId: input.findingId,
        response: input.response,
        text: input.comment,
      });
      return ok(null);
    }),
    'workshop:withdraw': answerWith(withdrawSchema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'findings');
      if (!ctx.ok) return ctx;
      await store.remove(ctx.data, participantId, 'finding_response', input.findingId);
      return ok(null);
    }),
  },
  keptKinds: [],
};
