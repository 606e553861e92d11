import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counters for rate-limiter-flexible's RateLimiterDrizzle (its required shape: `key`,
 * `points`, `expire`). Kept in the database so a limit holds across server processes; a
 * row is one limiter key (prefix + address, session or account) in its current window.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().primaryKey(),
    points: integer().notNull(),
    /** End of the current window; null never happens with our limiters (they all expire). */
    expire: timestamp({ withTimezone: true }),
  },
  // The server deletes rows expired over an hour ago every five minutes (scheduleLimitSweep).
  (t) => [index().on(t.expire)],
);
