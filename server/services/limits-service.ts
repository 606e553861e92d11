import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { fail, type Result } from '@/lib/errors';
import { CODE_MISS_BUDGET } from '@/lib/join-code';

export interface Budget {
  points: number;
  durationSeconds: number;
}

/**
 * The security-relevant limits, counted in the database so that every server process shares
 * them. They are generous for one office behind one NAT address (a room of a few hundred
 * joining, reloading and signing in at once) and tight where an attacker gains by repeating:
 * failed code lookups and failed sign-ins.
 */
export const limitBudgets = {
  /** Failed sign-ins per address; successful ones give their point back. */
  signInFailuresPerAddress: { points: 30, durationSeconds: 15 * 60 },
  /** Failed sign-ins per account and address; cleared by a successful sign-in. */
  signInFailuresPerAccount: { points: 5, durationSeconds: 15 * 60 },
  /** Unknown or ended join codes per address: what makes guessing infeasible (lib/join-code.ts). */
  codeMissesPerAddress: CODE_MISS_BUDGET,
  /** HTTP joins (new or returning) per address: a NAT'd room of 300 joining and reloading fits. */
  joinsPerAddress: { points: 1000, durationSeconds: 5 * 60 },
  /** New participants per session (returning ones are not counted): 2,000 in seconds is not a room. */
  joinsPerSession: { points: 600, durationSeconds: 5 * 60 },
  /** Socket `session:join` per address (every phone rejoins after a Wi-Fi drop). */
  socketJoinsPerAddress: { points: 2000, durationSeconds: 5 * 60 },
  /** Redeemed "continue on another device" links per address. */
  resumesPerAddress: { points: 30, durationSeconds: 10 * 60 },
} as const satisfies Record<string, Budget>;

export type LimitName = keyof typeof limitBudgets;

export const rateLimited = () => fail('RATE_LIMITED', 'too many attempts');

export function createLimitsService(db: Db) {
  const limiters = Object.fromEntries(
    Object.entries(limitBudgets).map(([name, budget], i) => [
      name,
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: name,
        points: budget.points,
        duration: budget.durationSeconds,
        // One sweeper is enough: all limiters share the table.
        clearExpiredByTimeout: i === 0,
        // Once a key is over its budget this process stops asking the database until the
        // window ends, so a flood costs memory look-ups, not writes.
        inMemoryBlockOnConsumed: budget.points + 1,
      }),
    ]),
  ) as Record<LimitName, RateLimiterDrizzle>;

  /** Counts one attempt; false when the budget is spent. Store failures are thrown. */
  async function take(name: LimitName, key: string): Promise<boolean> {
    try {
      await limiters[name].consume(key);
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) return false;
      throw err;
    }
  }

  async function giveBack(name: LimitName, key: string): Promise<void> {
    await limiters[name].reward(key, 1);
  }

  return {
    take,

    /**
     * Runs `run` when every budget has room, and keeps the charge only when `counts` says the
     * result counts (by default: it failed). The point is taken up front and given back
     * afterwards, so a burst of parallel attempts cannot slip past a check-then-count.
     */
    async attempt<T>(budgets: [LimitName, string][], run: () => Promise<Result<T>>, counts: (r: Result<T>) => boolean = (r) => !r.ok): Promise<Result<T>> {
      const taken: [LimitName, string][] = [];
      const giveAllBack = () => Promise.all(taken.map(([n, k]) => giveBack(n, k)));
      for (const [name, key] of budgets) {
        if (!(await take(name, key))) {
          await giveAllBack();
          return rateLimited();
        }
        taken.push([name, key]);
      }
      let result: Result<T>;
      try {
        result = await run();
      } catch (err) {
        // A thrown attempt is our fault, not the caller's: it does not count either.
        await giveAllBack();
        throw err;
      }
      if (!counts(result)) await giveAllBack();
      return result;
    },

    /** Forgets a key's count, e.g. an account's failures after it signs in. */
    async forget(name: LimitName, key: string): Promise<void> {
      await limiters[name].delete(key);
    },
  };
}
export type LimitsService = ReturnType<typeof createLimitsService>;
