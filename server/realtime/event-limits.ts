import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { EventClass } from '@/lib/activities/contract';
import { kindEvents } from '@/lib/activities/registry';
import { clientEvents } from '@/lib/protocol';
import type { ClientEvent } from '@/lib/socket-events';

type CoreEvent = (typeof clientEvents)[keyof typeof clientEvents];

/** How often an event may come, by what it costs and how often a person really sends it (a kind's events declare theirs). */
export type { EventClass };

/**
 * Budgets per connection and, separately, per participant or facilitator (all their tabs
 * together). A person answering, voting or sorting stays far below them; a script sending
 * hundreds per second gets RATE_LIMITED answers after the first burst, which cost a map
 * look-up each, so the sessions of others are not slowed by it.
 */
export const eventBudgets: Record<EventClass, { points: number; durationSeconds: number }> = {
  join: { points: 10, durationSeconds: 10 },
  answer: { points: 40, durationSeconds: 10 },
  command: { points: 40, durationSeconds: 10 },
  /** Generous: a facilitator's console and screen together fetch a token per group board. */
  read: { points: 120, durationSeconds: 10 },
  /**
   * The Q-sort factor analysis is the one CPU-heavy request. It runs in the analysis worker,
   * one at a time, so a burst queues there instead of stalling the server; a researcher who
   * flags, turns and rotates by hand runs one per click, a dozen in a few seconds.
   */
  analysis: { points: 15, durationSeconds: 10 },
};

/** Every core client event has a class; the compiler insists when an event is added. */
const coreEventClasses: Record<CoreEvent, EventClass> = {
  [clientEvents.join]: 'join',
  [clientEvents.command]: 'command',
  [clientEvents.updateSelf]: 'command',
  [clientEvents.yjsToken]: 'read',
  [clientEvents.workshopContent]: 'read',
  [clientEvents.respond]: 'answer',
  [clientEvents.withdraw]: 'answer',
  [clientEvents.mine]: 'read',
  [clientEvents.supervisionOutcome]: 'answer',
  [clientEvents.qsortMine]: 'read',
  [clientEvents.qsortSave]: 'answer',
  [clientEvents.qsortHelp]: 'answer',
  [clientEvents.qsortResolveHelp]: 'command',
  [clientEvents.qsortAnalyze]: 'analysis',
  [clientEvents.qsortKeepFactors]: 'command',
  [clientEvents.qsortCancelAnalysis]: 'command',
  [clientEvents.qsortAddPaperSort]: 'answer',
  // Parses a whole file and writes a sort per column: as heavy as an analysis.
  [clientEvents.qsortImportSorts]: 'analysis',
  [clientEvents.qsortMerge]: 'analysis',
  [clientEvents.resumeLink]: 'command',
  // Reads every board of the session again: as heavy as an analysis.
  [clientEvents.archiveRetry]: 'analysis',
  // Each compacts Yjs documents (every board of the session, for an erasure).
  [clientEvents.redact]: 'command',
  [clientEvents.eraseParticipant]: 'analysis',
  [clientEvents.withdrawAll]: 'analysis',
};

/** Every client event's class: the core ones above, and each kind's events as the kind declares. */
export const eventClassOf: Record<ClientEvent, EventClass> = {
  ...coreEventClasses,
  ...(Object.fromEntries(kindEvents.map((e) => [e.name, e.rateClass])) as Record<Exclude<ClientEvent, CoreEvent>, EventClass>),
};

/**
 * In process memory on purpose: a socket.io connection lives on one process for its whole
 * life, so its count need not be shared, and a database write per event would be the flood's
 * own amplifier. A participant connected to two processes at once could get twice the budget,
 * which is harmless at these numbers. (Joins, sign-ins and code lookups are counted in the
 * database instead: see server/services/limits-service.ts.)
 */
const limiters = Object.fromEntries(
  Object.entries(eventBudgets).map(([name, b]) => [name, new RateLimiterMemory({ keyPrefix: `ev:${name}`, points: b.points, duration: b.durationSeconds })]),
) as Record<EventClass, RateLimiterMemory>;

const classOf = (event: string): EventClass => eventClassOf[event as ClientEvent] ?? 'command';

/**
 * Counts one event for the connection and for the person behind it (when known); false when
 * either budget is spent.
 */
export async function admitEvent(event: string, connectionId: string, actorId: string | null): Promise<boolean> {
  const limiter = limiters[classOf(event)];
  try {
    await limiter.consume(`c:${connectionId}`);
    if (actorId) await limiter.consume(`a:${actorId}`);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
