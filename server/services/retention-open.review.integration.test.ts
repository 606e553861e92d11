import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSessions, participants } from '@/db/schema';
import { osloDate } from '@/lib/lifecycle/retention';
import { createAuditService } from './audit-service';
import { createRetentionService } from './retention-service';
import { capturingLogger } from '../../test/log';
import { fillProject } from '../../test/project-fixture';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { yjsHolding } from '../../test/stored-text';

/*
 * Review of issue 10, R10: "per project, a date after which raw free text is deleted". A
 * session nobody ended (the facilitator closed the laptop) is skipped by every run, so its
 * participants' names and join answers and its boards are kept for ever.
 */

const dayBefore = (date: string) => new Date(Date.parse(`${date}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe.each(harnessDrivers())('review: retention and a session left open (%s)', (driver) => {
  const captured = capturingLogger('info');
  let h: ReturnType<typeof serverHarness>;
  beforeAll(async () => {
    h = serverHarness({}, captured.log, driver);
    await h.start();
  }, 120_000);
  afterAll(() => h.cleanup());

  it('deletes the raw text of a session left open long past the project date', async () => {
    const services = h.server.services;
    const db = services.database.db;
    const ownerId = (await h.facilitator()).user.id;
    const p = await fillProject(services, ownerId, 'Glemt');
    const [session] = await db.select({ status: liveSessions.status }).from(liveSessions).where(eq(liveSessions.id, p.sessionIds[0]!));
    expect(session?.status).toBe('open');
    // Sessions that started long ago and were never ended.
    await db.update(liveSessions).set({ createdAt: new Date('2020-01-01T10:00:00Z') }).where(inArray(liveSessions.id, p.sessionIds));
    expect((await services.projects.update(ownerId, p.projectId, { name: p.name, retainFreeTextUntil: dayBefore(osloDate(new Date())) })).ok).toBe(true);

    const run = await createRetentionService(db, createAuditService(db, (err) => { throw err; }), captured.log).run();
    expect(run.ran).toBe(true);

    const people = await db.select().from(participants).where(inArray(participants.sessionId, p.sessionIds));
    expect(people.length).toBeGreaterThan(0);
    expect(people.filter((x) => x.displayName !== null || Object.keys(x.attributes).length > 0)).toEqual([]);
    expect(await yjsHolding(db, p.marker)).toEqual([]);
  }, 180_000);
});
