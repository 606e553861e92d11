import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import type { Budget } from './limits-service';

/**
 * Points that are taken only when there is room and can be given back, stored in the same
 * rows rate-limiter-flexible uses (`<limit>:<key>`), so `take()` and `forget()` see them too.
 * Unlike the library's consume, a refused take changes nothing: a crowd of refused attempts
 * never pushes the count up and so never refuses someone who would have had room.
 */
export function createBudgetPoints(db: Db) {
  return {
    /** Takes one point when the window has room (or has ended); false otherwise. */
    async take(rowKey: string, budget: Budget): Promise<boolean> {
      const now = new Date();
      const expire = new Date(now.getTime() + budget.durationSeconds * 1000);
      const ended = sql`${rateLimits.expire} <= ${sql.param(now, rateLimits.expire)}`;
      const rows = await db
        .insert(rateLimits)
        .values({ key: rowKey, points: 1, expire })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            points: sql`CASE WHEN ${ended} THEN 1 ELSE ${rateLimits.points} + 1 END`,
            expire: sql`CASE WHEN ${ended} THEN ${sql.param(expire, rateLimits.expire)} ELSE ${rateLimits.expire} END`,
          },
          setWhere: sql`${ended} OR ${rateLimits.points} < ${budget.points}`,
        })
        .returning({ points: rateLimits.points });
      return rows.length > 0;
    },

    /** Gives a point back to the window it was taken in (a window that has ended is left alone). */
    async giveBack(rowKey: string): Promise<void> {
      await db
        .update(rateLimits)
        .set({ points: sql`${rateLimits.points} - 1` })
        .where(and(eq(rateLimits.key, rowKey), gt(rateLimits.expire, new Date()), gt(rateLimits.points, 0)));
    },
  };
}
