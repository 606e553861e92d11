import { and, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '@/db/client';
import { feedbackItems, workshops, type LiveSessionRow, type NewFeedbackItem } from '@/db/schema';
import { liveSessionStateSchema } from '@/lib/live-session';
import { personalDataKinds } from '@/lib/privacy-guard';
import { boardDocName, readNotes } from '@/lib/workshop/board';
import type { YjsPersistence } from '../realtime/yjs-persistence';

/**
 * Copies what lives in Yjs boards and in the plenary (notes, clusters and their dot counts)
 * into feedback items, so the project keeps it. Idempotent: it replaces what it wrote before
 * for the session, and runs whenever the agenda moves on and when the session ends.
 */
export function createBoardArchive(db: Db, persistence: YjsPersistence) {
  return {
    async archive(session: LiveSessionRow): Promise<number> {
      const runtime = liveSessionStateSchema.parse(session.state).workshop;
      if (!runtime) return 0;
      const [workshop] = session.workshopId ? await db.select({ phaseId: workshops.phaseId }).from(workshops).where(eq(workshops.id, session.workshopId)) : [];
      const base = { projectId: session.projectId, phaseId: workshop?.phaseId ?? null, workshopId: session.workshopId, sessionId: session.id };
      const hidden = new Set(runtime.hiddenItems);
      const items: NewFeedbackItem[] = [];
      const noteTexts = new Map<string, string>();

      for (const activity of runtime.activities) {
        if (activity.kind !== 'reflection') continue;
        for (const group of runtime.groups) {
          const loaded = await persistence.fetch(boardDocName(session.id, activity.id, group.id));
          if (!loaded.state) continue;
          const doc = new Y.Doc();
          Y.applyUpdate(doc, loaded.state);
          for (const note of readNotes(doc)) {
            // Board text bypasses the form check if a client misbehaves: never archive it then.
            if (!note.text.trim() || personalDataKinds(note.text).length > 0) continue;
            noteTexts.set(note.id, note.text);
            items.push({
              ...base,
              activityId: activity.id,
              kind: 'note',
              itemKey: note.id,
              authorKind: note.authorKind,
              authorName: note.authorKind === 'named' ? note.authorName : null,
              groupName: group.name,
              text: note.text,
              data: { colour: note.colour, prompt: activity.config.prompt },
              hiddenAt: hidden.has(note.id) ? new Date() : null,
            });
          }
          doc.destroy();
        }
      }

      const plenary = runtime.activities.find((a) => a.kind === 'plenary');
      if (plenary) {
        const ballots = await db
          .select({ data: feedbackItems.data })
          .from(feedbackItems)
          .where(and(eq(feedbackItems.sessionId, session.id), eq(feedbackItems.kind, 'vote_count')));
        for (const cluster of runtime.clusters) {
          const votes = ballots.reduce((sum, b) => sum + ((b.data.votes as Record<string, number> | undefined)?.[cluster.id] ?? 0), 0);
          items.push({
            ...base,
            activityId: plenary.id,
            kind: 'cluster',
            itemKey: cluster.id,
            authorKind: 'facilitator',
            findingId: cluster.findingId,
            theme: cluster.name,
            text: cluster.name,
            value: votes,
            data: { notes: cluster.noteIds.flatMap((id) => (noteTexts.has(id) ? [noteTexts.get(id)] : [])) },
          });
        }
      }

      await db.transaction(async (tx) => {
        await tx.delete(feedbackItems).where(and(eq(feedbackItems.sessionId, session.id), inArray(feedbackItems.kind, ['note', 'cluster'])));
        if (items.length > 0) await tx.insert(feedbackItems).values(items);
      });
      return items.length;
    },
  };
}
export type BoardArchive = ReturnType<typeof createBoardArchive>;
