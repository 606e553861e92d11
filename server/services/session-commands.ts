import { ok, type Result } from '@/lib/errors';
import type { Actor, LiveCommand } from '@/lib/live-session';
import type { SessionSnapshot } from '@/lib/protocol';
import type { ArchiveService } from './archive-service';
import type { ConnectedParticipants, LiveService } from './live-service';

/**
 * Whether a command moves the agenda on (or ends the session): the step it leaves is then
 * kept as feedback (boards, round notes; see archive-service). Activity hooks may later say
 * this per kind; the socket transport only asks here.
 */
export function movesOn(command: LiveCommand): boolean {
  if (command.type === 'end') return true;
  return (command.type === 'workshop' || command.type === 'supervision') && ['next', 'previous', 'goTo'].includes(command.command.type);
}

export interface CommandOutcome {
  snapshot: SessionSnapshot;
  /** The workshop moved to another step: each participant's own answers go with it. */
  stepChanged: boolean;
}

/**
 * What happens around a session's commands beyond the decision itself: keeping what a step
 * leaves behind, seating people as they arrive or rename themselves. Every state change still
 * goes through `live.command` (or its system commands) and so through `decide`.
 */
export function createSessionCommands(live: LiveService, archive: Pick<ArchiveService, 'archive'>) {
  return {
    /** Runs a client's command; when it moves the agenda on, what the step leaves is kept. */
    async run(sessionId: string, command: LiveCommand, actor: Actor, connected: ConnectedParticipants): Promise<Result<CommandOutcome>> {
      const result = await live.command(sessionId, command, actor, connected);
      if (!result.ok) return result;
      if (movesOn(command)) void archive.archive(sessionId);
      return ok({ snapshot: result.data, stepChanged: command.type === 'workshop' && movesOn(command) });
    },

    /**
     * A participant (re)joins: someone arriving during group work is seated at once, and so is
     * a kollegaveiledning member. Returns the new snapshot if seating changed the state.
     */
    arrive(sessionId: string, participantId: string, displayName: string | null): Promise<SessionSnapshot | null> {
      return live.seat(sessionId, participantId, displayName);
    },

    /** A participant changes their display name; a kollegaveiledning seat follows it. */
    async rename(sessionId: string, participantId: string, displayName: string | null): Promise<Result<{ displayName: string | null }>> {
      const renamed = await live.rename(sessionId, participantId, displayName);
      if (!renamed.ok) return renamed;
      await live.seat(sessionId, participantId, displayName);
      return ok({ displayName });
    },
  };
}
export type SessionCommands = ReturnType<typeof createSessionCommands>;
