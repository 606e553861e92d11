import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** First key of these advisory locks (the second is the hash of the set's name). */
const REPLACE_LOCK_SPACE = 0x52706c; // "Rpl"

/**
 * Makes transactions that replace one set of rows (delete what is there, insert the new set),
 * or fill it only if it is empty, take turns, in every process: under read committed two at once
 * would each see only what was committed before them and both insert, leaving the set twice. Call first inside the transaction; the lock is
 * held until it ends. The in-process queues in front of these writes only save waiting here.
 * @param key names the set, e.g. `archive:<sessionId>`.
 */
export async function lockRowSet(tx: Pick<Db, 'execute'>, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REPLACE_LOCK_SPACE}, hashtext(${key}))`);
}
