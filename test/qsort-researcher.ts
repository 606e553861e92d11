import { eq } from 'drizzle-orm';
import { statementSets } from '@/db/schema';
import { seedGrid } from '@/lib/qsort/grid';
import { seedDemoProject } from '@/server/demo/seed-demo';
import type { serverHarness } from './server-harness';

/** A facilitator with the demo project, and a way to open Q-sort sessions of its statement set. */
export async function qsortResearcher(h: ReturnType<typeof serverHarness>) {
  const services = h.server.services;
  const db = services.database.db;
  const { user, cookie } = await h.facilitator();
  const projectId = await seedDemoProject(db, user.id);
  const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
  if (!set) throw new Error('the demo project has no statement set');
  const open = async () => {
    const opened = await services.qsort.open(user.id, projectId, set.id);
    if (!opened.ok) throw new Error(opened.error.code);
    return opened.data.sessionId;
  };
  return { services, db, user, cookie, projectId, set, open };
}

/** The seed grid filled from `order`, lowest column first, as a paper sort is read off the table. */
export function columnsOf(order: string[]): string[][] {
  let next = 0;
  return seedGrid.counts.map((count) => order.slice(next, (next += count)));
}
