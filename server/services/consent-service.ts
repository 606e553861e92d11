import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { consentAcceptances, consentVersions, projects } from '@/db/schema';

/** The consent a participant must accept to join a session of the project. */
export interface CurrentConsent {
  id: string;
  version: number;
  text: string;
}

/** One version in a project's consent history, with how many accepted it. */
export interface ConsentHistoryEntry {
  version: number;
  createdAt: Date;
  accepted: number;
}

/**
 * Keeps a new version when the project's consent text changed (the same text, or none, makes
 * none). Run inside the transaction that saves the text, so text and version never disagree.
 */
export async function recordConsentVersion(tx: Db, projectId: string, text: string, userId: string | null): Promise<void> {
  if (!text) return;
  const [latest] = await tx
    .select({ version: consentVersions.version, text: consentVersions.text })
    .from(consentVersions)
    .where(eq(consentVersions.projectId, projectId))
    .orderBy(desc(consentVersions.version))
    .limit(1);
  if (latest?.text === text) return;
  await tx.insert(consentVersions).values({ projectId, version: (latest?.version ?? 0) + 1, text, createdBy: userId });
}

/**
 * What participants are asked to accept now: the newest version, while the project has a
 * consent text at all (a cleared text asks for nothing).
 */
export async function currentConsent(db: Db, projectId: string): Promise<CurrentConsent | null> {
  const [row] = await db
    .select({ id: consentVersions.id, version: consentVersions.version, text: consentVersions.text })
    .from(consentVersions)
    .innerJoin(projects, eq(projects.id, consentVersions.projectId))
    .where(and(eq(consentVersions.projectId, projectId), eq(projects.consentText, consentVersions.text)))
    .orderBy(desc(consentVersions.version))
    .limit(1);
  return row ?? null;
}

/** Stores that a participant accepted a consent version as they joined. */
export async function recordAcceptance(tx: Db, participantId: string, consentVersionId: string): Promise<void> {
  await tx.insert(consentAcceptances).values({ participantId, consentVersionId }).onConflictDoNothing();
}

/** Every version of a project's consent text, newest first, with its number of acceptances. */
export async function consentHistory(db: Db, projectId: string): Promise<ConsentHistoryEntry[]> {
  return db
    .select({ version: consentVersions.version, createdAt: consentVersions.createdAt, accepted: count(consentAcceptances.participantId) })
    .from(consentVersions)
    .leftJoin(consentAcceptances, eq(consentAcceptances.consentVersionId, consentVersions.id))
    .where(eq(consentVersions.projectId, projectId))
    .groupBy(consentVersions.id)
    .orderBy(desc(consentVersions.version));
}
