import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { findings } from '@/db/schema';
import { readLiveState } from '@/lib/live-session';
import type { FindingCard } from '@/lib/protocol';
import type { LiveService } from './live-service';

/** What a running workshop shows besides its state: the cards of the findings it presents. */
export function createWorkshopContent(db: Db, live: Pick<LiveService, 'byId'>) {
  return {
    /** The findings of every findings round on the session's agenda (none for other sessions). */
    async findingCards(sessionId: string): Promise<FindingCard[]> {
      const session = await live.byId(sessionId);
      const runtime = session ? readLiveState(session.state).workshop : null;
      const ids = runtime ? runtime.activities.flatMap((a) => (a.kind === 'findings' ? a.config.findingIds : [])) : [];
      if (ids.length === 0) return [];
      const rows = await db.select().from(findings).where(inArray(findings.id, ids));
      return rows.map((f) => ({ id: f.id, title: f.title, summary: f.summary, quotes: f.quotes, reflectionQuestion: f.reflectionQuestion, theme: f.theme }));
    },
  };
}
