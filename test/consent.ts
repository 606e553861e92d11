import { and, eq } from 'drizzle-orm';
import { liveSessions } from '@/db/schema';
import { normalizeJoinCode } from '@/lib/join-code';
import type { VerkstedServer } from '@/server/app';
import { currentConsent } from '@/server/services/consent-service';

/**
 * The version of the consent text a session's project asks participants to accept now (null:
 * none asked), so a test joins as a participant who ticked the box would.
 */
export async function consentVersionFor(services: VerkstedServer['services'], code: string): Promise<number | null> {
  const db = services.database.db;
  const [session] = await db
    .select({ projectId: liveSessions.projectId })
    .from(liveSessions)
    .where(and(eq(liveSessions.code, normalizeJoinCode(code) ?? code), eq(liveSessions.status, 'open')));
  return session ? ((await currentConsent(db, session.projectId))?.version ?? null) : null;
}
