import { and, eq } from 'drizzle-orm';
import { feedbackItems, type NewFeedbackItem } from '@/db/schema';
import { fail, ok } from '@/lib/errors';
import { normalizeWord } from '@/lib/activities/plenary/answers';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { ballotRefusal } from '@/lib/activities/plenary/voting';
import { answerWith, type ServerActivityModule } from '../contract';

/**
 * A plenary stores one word and one ballot per participant, and keeps the clusters with their
 * dot counts and the texts of the notes in them (kept by the reflection before it in the run).
 */
export const plenaryServer: ServerActivityModule<'plenary'> = {
  kind: 'plenary',
  answers: {
    [plenaryEvents.word.name]: answerWith(plenaryEvents.word.schema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'plenary');
      if (!ctx.ok) return ctx;
      if (!ctx.data.activity.config.wordCloudQuestion) return fail('CONFLICT', 'no word cloud in this plenary');
      await store.upsert(ctx.data, participantId, { kind: 'word', itemKey: 'word', text: normalizeWord(input.word) });
      return ok(null);
    }),
    [plenaryEvents.votes.name]: answerWith(plenaryEvents.votes.schema, async (store, sessionId, participantId, input) => {
      const ctx = await store.context(sessionId, participantId, 'plenary');
      if (!ctx.ok) return ctx;
      const { activity, runtime } = ctx.data;
      const refusal = ballotRefusal(runtime, activity.config.dotVotes, input.votes);
      if (refusal) return fail(refusal.code, refusal.reason);
      const used = Object.values(input.votes).reduce((a, b) => a + b, 0);
      await store.upsert(ctx.data, participantId, { kind: 'vote_count', itemKey: 'ballot', value: used, data: { votes: input.votes } });
      return ok(null);
    }),
  },
  keptKinds: ['cluster'],
  async keep({ db, session, runtime, base, keptSoFar }, activities) {
    const plenary = activities[0];
    if (!plenary) return { items: [], skippedEntries: 0, unreadable: [] };
    const noteTexts = new Map(keptSoFar.filter((i) => i.kind === 'note' && i.text && i.itemKey).map((i) => [i.itemKey!, i.text!]));
    const ballots = await db
      .select({ data: feedbackItems.data })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'vote_count')));
    const items: NewFeedbackItem[] = runtime.clusters.map((cluster) => ({
      ...base,
      activityId: plenary.id,
      kind: 'cluster',
      itemKey: cluster.id,
      authorKind: 'facilitator',
      findingId: cluster.findingId,
      theme: cluster.name,
      text: cluster.name,
      value: ballots.reduce((sum, b) => sum + ((b.data.votes as Record<string, number> | undefined)?.[cluster.id] ?? 0), 0),
      data: { notes: cluster.noteIds.flatMap((id) => (noteTexts.has(id) ? [noteTexts.get(id)] : [])) },
    }));
    return { items, skippedEntries: 0, unreadable: [] };
  },
};
