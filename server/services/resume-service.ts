import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { liveSessions, participants, type LiveSessionRow, type ParticipantRow } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { busChannels, type Bus } from '../bus';
import { hashToken, randomToken, type createResumeTokenSigner } from '../security/tokens';

const HASH_PREFIX = 16;

const movedSchema = z.object({ sessionId: z.string().uuid(), participantId: z.string().uuid() });

/**
 * Moving a participant to another device without losing anything: the old device makes a
 * short-lived link, the new one redeems it for a fresh participant cookie. The participant
 * (and everything they gave) stays the same; the old device's cookie stops working.
 */
export function createResumeService(db: Db, signer: ReturnType<typeof createResumeTokenSigner>, bus?: Bus) {
  const moved = new Set<(sessionId: string, participantId: string) => void>();
  const tell = (sessionId: string, participantId: string) => {
    for (const listener of moved) listener(sessionId, participantId);
  };
  // The old device may be connected to another server process: it hears of the move too.
  bus?.subscribe(busChannels.moved, (payload) => {
    const parsed = movedSchema.safeParse(payload);
    if (parsed.success) tell(parsed.data.sessionId, parsed.data.participantId);
  });
  return {
    /** Called when a participant has moved, so the realtime layer can let go of the old device. */
    onMoved(listener: (sessionId: string, participantId: string) => void): () => void {
      moved.add(listener);
      return () => moved.delete(listener);
    },

    async link(sessionId: string, participantId: string): Promise<Result<{ token: string; expiresAt: number }>> {
      const [row] = await db.select().from(participants).where(and(eq(participants.id, participantId), eq(participants.sessionId, sessionId)));
      if (!row) return fail('NOT_JOINED', 'not a participant of this session');
      return ok(signer.issue({ p: row.id, s: sessionId, h: row.tokenHash.slice(0, HASH_PREFIX) }));
    },

    async redeem(token: unknown): Promise<Result<{ session: LiveSessionRow; participant: ParticipantRow; token: string }>> {
      const claims = typeof token === 'string' && token.length < 2000 ? signer.verify(token) : null;
      if (!claims) return fail('INVITATION_INVALID', 'unknown, used or expired link');
      const [session] = await db.select().from(liveSessions).where(eq(liveSessions.id, claims.s));
      if (!session || session.status !== 'open') return fail('SESSION_ENDED', 'session ended');
      const fresh = randomToken();
      // The hash the link was signed for must still be the participant's: a used link has none.
      const [participant] = await db
        .update(participants)
        .set({ tokenHash: hashToken(fresh) })
        .where(and(eq(participants.id, claims.p), eq(participants.sessionId, claims.s), like(participants.tokenHash, `${claims.h}%`)))
        .returning();
      if (!participant) return fail('INVITATION_INVALID', 'unknown or used link');
      tell(session.id, participant.id);
      bus?.publish(busChannels.moved, { sessionId: session.id, participantId: participant.id });
      return ok({ session, participant, token: fresh });
    },
  };
}
export type ResumeService = ReturnType<typeof createResumeService>;
