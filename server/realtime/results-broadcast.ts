import { readLiveState } from '@/lib/live-session';
import { serverEvents } from '@/lib/protocol';
import { answeredCount, publicResults, type ActivityResults, type AnsweredCount } from '@/lib/workshop/results';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { everywhere } from './everywhere';
import { facilitatorRoom, sessionRoom, type VerkstedIo, type VerkstedSocket } from './rooms';

/**
 * Sends the current activity's results after each answer or state change: everything to the
 * facilitators, live; to the screen and the phones the public view (revealed, no small counts,
 * answers published in whole batches so no broadcast differs from the last by one answer).
 * Bursts are coalesced so 150 phones answering at once cause a few broadcasts, not 150. An
 * answer taken here is announced on the bus, so other processes send their connections the
 * results too.
 */
export function createResultsBroadcast(io: VerkstedIo, services: Services, log: Logger) {
  const scheduled = new Set<string>();

  async function compute(sessionId: string): Promise<{ full: ActivityResults | null; open: ActivityResults | null; answered: AnsweredCount | null } | null> {
    const session = await services.live.byId(sessionId);
    const runtime = session ? readLiveState(session.state).workshop : null;
    if (!session || !runtime) return null;
    const { full, published } = await services.results.current(sessionId, runtime);
    return {
      full,
      open: publicResults(published, runtime.revealed, runtime.minRevealCount, runtime.hiddenItems),
      answered: answeredCount(published, runtime.minRevealCount),
    };
  }

  async function publish(sessionId: string) {
    const computed = await compute(sessionId);
    if (!computed) return;
    io.local.to(facilitatorRoom(sessionId)).emit(serverEvents.results, computed.full);
    io.local.to(sessionRoom(sessionId)).except(facilitatorRoom(sessionId)).emit(serverEvents.results, computed.open);
    io.local.to(sessionRoom(sessionId)).emit(serverEvents.answered, computed.answered);
  }

  const changed = everywhere(services.bus, 'results', (sessionId) => {
    if (scheduled.has(sessionId)) return;
    scheduled.add(sessionId);
    setTimeout(() => {
      scheduled.delete(sessionId);
      publish(sessionId).catch((err: unknown) => log.error({ err, sessionId }, 'results broadcast failed'));
    }, 60);
  });

  return {
    /** Answers changed: results are due in every process (`changed.here`: in this one). */
    changed,
    /** Brings one just-joined connection up to date. */
    sendTo(socket: VerkstedSocket, sessionId: string, full: boolean) {
      compute(sessionId)
        .then((computed) => {
          if (!computed) return;
          socket.emit(serverEvents.results, full ? computed.full : computed.open);
          socket.emit(serverEvents.answered, computed.answered);
        })
        .catch((err: unknown) => log.error({ err, sessionId }, 'results for a new connection failed'));
    },
  };
}
export type ResultsBroadcast = ReturnType<typeof createResultsBroadcast>;
