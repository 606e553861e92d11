import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { fail, type Result } from '@/lib/errors';
import { CODE_MISS_BUDGET } from '@/lib/join-code';
import type { Logger } from '../logger';
import { createBudgetPoints } from './budget-points';
import { runPeriodically } from './periodic';

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

/** Attempts of this process on one key of one limit. */
interface KeyActivity {
  /** Attempts running with a point taken, which they may still give back. */
  holders: number;
  /** Bumped whenever a holder ends: a refusal seen before then may be out of date. */
  ended: number;
  /** Attempts waiting for a holder to end. */
  waiting: (() => void)[];
  /** Takes queued on this key. */
  queued: number;
  /** Takes on one key go one at a time, so each refusal knows every point taken before it. */
  queue: Promise<unknown>;
}

export function createLimitsService(db: Db) {
  const limiters = Object.fromEntries(
    Object.entries(limitBudgets).map(([name, budget]) => [
      name,
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: name,
        points: budget.points,
        duration: budget.durationSeconds,
        // The library's own sweeper runs on a timer nobody can stop, and after a close it
        // queries a closed database; the server sweeps instead (scheduleLimitSweep).
        clearExpiredByTimeout: false,
        // For take(), which never gives points back: once a key is over its budget this process
        // stops asking the database until the window ends, so a flood costs memory look-ups.
        // attempt() does not use it (see holdAll): its points do come back.
        inMemoryBlockOnConsumed: budget.points + 1,
      }),
    ]),
  ) as Record<LimitName, RateLimiterDrizzle>;
  const points = createBudgetPoints(db);
  const rowKey = (name: LimitName, key: string) => limiters[name].getKey(key) as string;

  const activity = new Map<string, KeyActivity>();
  const activityOf = (id: string): KeyActivity => {
    let entry = activity.get(id);
    if (!entry) activity.set(id, (entry = { holders: 0, ended: 0, waiting: [], queued: 0, queue: Promise.resolve() }));
    return entry;
  };
  const forgetIfIdle = (id: string, entry: KeyActivity) => {
    if (entry.holders === 0 && entry.waiting.length === 0 && entry.queued === 0 && activity.get(id) === entry) activity.delete(id);
  };

  /** Ends a holder: gives its point back unless its result counts. */
  async function release(id: string, giveBack: boolean): Promise<void> {
    try {
      if (giveBack) await points.giveBack(id);
    } finally {
      const entry = activityOf(id);
      entry.holders--;
      entry.ended++;
      // A point given back lets one waiter try; with no holder left every waiter must look again.
      if (entry.holders === 0) for (const wake of entry.waiting.splice(0)) wake();
      else if (giveBack) entry.waiting.shift()?.();
      forgetIfIdle(id, entry);
    }
  }

  type Outcome = 'held' | 'again' | 'spent' | { wait: Promise<void> };

  /**
   * Takes one point, or says what to do instead: wait for a holder in this process (its point
   * may come back), try again (a holder ended while we asked), or give up (the budget is spent).
   */
  function holdOne(name: LimitName, id: string): Promise<Outcome> {
    const entry = activityOf(id);
    entry.queued++;
    const step = entry.queue.then(async (): Promise<Outcome> => {
      const endedBefore = entry.ended;
      try {
        if (await points.take(id, limitBudgets[name])) {
          entry.holders++;
          return 'held';
        }
        if (entry.ended !== endedBefore) return 'again';
        if (entry.holders > 0) return { wait: new Promise<void>((resolve) => entry.waiting.push(resolve)) };
        return 'spent';
      } finally {
        entry.queued--;
        forgetIfIdle(id, entry);
      }
    });
    entry.queue = step.catch(() => undefined);
    return step;
  }

  /** A point of every budget, or none and what to do instead. */
  async function holdAll(budgets: [LimitName, string][]): Promise<string[] | 'again' | 'spent'> {
    const held: string[] = [];
    for (const [name, key] of budgets) {
      const id = rowKey(name, key);
      const outcome = await holdOne(name, id);
      if (outcome === 'held') {
        held.push(id);
        continue;
      }
      await Promise.all(held.map((h) => release(h, true)));
      if (outcome === 'spent') return 'spent';
      if (outcome !== 'again') await outcome.wait;
      return 'again';
    }
    return held;
  }

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

  return {
    take,

    /**
     * Runs `run` when every budget has room, and keeps the charge only when `counts` says the
     * result counts (by default: it failed). The point is taken up front and given back
     * afterwards, so a burst of parallel attempts cannot slip past a check-then-count. A budget
     * that is full only because attempts in this process still hold points makes this one wait
     * for them rather than fail: 40 phones behind one address looking up the right code at
     * once all get in, and none of it outlives the attempts.
     */
    async attempt<T>(budgets: [LimitName, string][], run: () => Promise<Result<T>>, counts: (r: Result<T>) => boolean = (r) => !r.ok): Promise<Result<T>> {
      for (;;) {
        const held = await holdAll(budgets);
        if (held === 'spent') return rateLimited();
        if (held === 'again') continue;
        let result: Result<T>;
        try {
          result = await run();
        } catch (err) {
          // A thrown attempt is our fault, not the caller's: it does not count either.
          await Promise.all(held.map((id) => release(id, true)));
          throw err;
        }
        const keep = counts(result);
        await Promise.all(held.map((id) => release(id, !keep)));
        return result;
      }
    },

    /** Forgets a key's count, e.g. an account's failures after it signs in. */
    async forget(name: LimitName, key: string): Promise<void> {
      await limiters[name].delete(key);
    },

    /** Deletes the rows of windows that ended more than an hour ago (as the library's sweeper did). */
    async sweepExpired(now = Date.now()): Promise<number> {
      const gone = await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(now - SWEEP_AFTER_MS))).returning({ key: rateLimits.key });
      return gone.length;
    },
  };
}

const SWEEP_AFTER_MS = 60 * 60 * 1000;

/** Sweeps expired limit rows every few minutes until closed; several processes may all sweep. */
export function scheduleLimitSweep(limits: Pick<LimitsService, 'sweepExpired'>, log: Logger, everyMs = 5 * 60 * 1000) {
  return runPeriodically(() => limits.sweepExpired().catch((err: unknown) => log.warn({ err }, 'sweeping expired rate limits failed')), everyMs);
}
export type LimitsService = ReturnType<typeof createLimitsService>;
