import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { feedbackItems } from '@/db/schema';
import { createYjsPersistence } from '../realtime/yjs-persistence';
import type { ServerProcessOptions } from './server-process';

/** Reads the run's answers and board documents straight from the database, once the server has stopped. */
export async function readStored(server: ServerProcessOptions, sessionId: string, docNames: string[]) {
  const database = await openDatabase({ databaseUrl: server.databaseUrl ?? undefined, pgliteDir: server.databaseUrl ? null : path.join(server.dataDir, 'pglite') });
  try {
    const rows = await database.db
      .select({ participantId: feedbackItems.participantId, itemKey: feedbackItems.itemKey, text: feedbackItems.text })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.sessionId, sessionId), eq(feedbackItems.kind, 'finding_response')));
    const answers = new Map(rows.map((r) => [`${r.participantId}/${r.itemKey}`, r.text]));
    const persistence = createYjsPersistence(database.db);
    const docs = new Map<string, Uint8Array | null>();
    for (const name of docNames) docs.set(name, (await persistence.fetch(name)).state);
    return { answers, docs };
  } finally {
    await database.close();
  }
}
