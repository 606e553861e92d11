import type { Db } from '@/db/client';
import { auditLog, type AuditEntry } from '@/db/schema';

/** Appends to the audit log. Never throws into the caller's flow: a lost audit line is logged. */
export function createAuditService(db: Db, onError: (err: unknown) => void) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      try {
        await db.insert(auditLog).values(entry);
      } catch (err) {
        onError(err);
      }
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
