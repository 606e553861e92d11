import { eq, like, or } from 'drizzle-orm';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, feedbackItems, liveSessions, participants, rateLimits, yjsSnapshots, yjsUpdates, yjsUsage } from '@/db/schema';
import { sessionKeyPatterns } from '@/lib/lifecycle/deletion-scope';
import { clientEvents, serverEvents, sessionNotesDocName } from '@/lib/protocol';
import { fillProject } from '../../test/project-fixture';
import { eventually } from '../../test/retry';
import { emit, harnessDrivers, serverHarness } from '../../test/server-harness';
import { census, changedTables } from '../../test/table-census';

type Harness = ReturnType<typeof serverHarness>;

/** Tables that hold no project's data: accounts and their sign-ins. */
const accountTables = ['auth_sessions', 'users'];

describe.each(harnessDrivers())('deleting on %s', (driver) => {
  let h: Harness;
  let owner: Awaited<ReturnType<Harness['facilitator']>>;
  beforeAll(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
    owner = await h.facilitator();
  }, 120_000);
  afterAll(() => h.cleanup());

  const services = () => h.server.services;
  const db = () => h.server.services.database.db;

  /** Rows of every text-keyed table that belong to `sessionId`. */
  async function sessionRows(sessionId: string): Promise<number> {
    const keys = sessionKeyPatterns(sessionId);
    const counts = await Promise.all([
      db().select().from(yjsUpdates).where(like(yjsUpdates.docName, keys.docs)),
      db().select().from(yjsSnapshots).where(like(yjsSnapshots.docName, keys.docs)),
      db().select().from(yjsUsage).where(or(...keys.usage.map((k) => like(yjsUsage.key, k)))),
      db().select().from(rateLimits).where(like(rateLimits.key, keys.rateLimits)),
      db().select().from(feedbackItems).where(eq(feedbackItems.sessionId, sessionId)),
      db().select().from(participants).where(eq(participants.sessionId, sessionId)),
      db().select().from(liveSessions).where(eq(liveSessions.id, sessionId)),
    ]);
    return counts.reduce((sum, rows) => sum + rows.length, 0);
  }

  it("a project goes with every row under it, Yjs included; another project's rows stay exactly as they were", async () => {
    // Accounts first: registering one uses up an invitation, which is not the project's.
    const colleague = await h.facilitator('kollega@nav.example');
    const b = await fillProject(services(), owner.user.id, 'B');
    const withoutA = await census(db());
    const a = await fillProject(services(), owner.user.id, 'A');
    // An entry whose details quote text (as a rename would): after the deletion only its ids may stay.
    await services().audit.record({ actorKind: 'user', actorId: owner.user.id, action: 'theme.rename', projectId: a.projectId, target: a.workshopId, details: { workshopId: a.workshopId, name: `Tema ${a.marker}` } });
    const withA = await census(db());
    // The fixture reaches every table but the accounts', so a table added later that it does
    // not fill fails here: fill it in test/project-fixture.ts, then see that deletion takes it.
    expect(changedTables(withoutA, withA)).toEqual(Object.keys(withA).filter((t) => !accountTables.includes(t)).sort());
    for (const id of a.sessionIds) expect(await sessionRows(id)).toBeGreaterThan(5);

    expect(await services().deletion.deleteProject(colleague.user.id, a.projectId, a.name)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await services().deletion.deleteProject(owner.user.id, a.projectId, 'Prosjekt B')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', fields: { confirmation: 'CONFIRM_NAME_MISMATCH' } } });
    expect(changedTables(withA, await census(db())).filter((t) => !accountTables.includes(t) && t !== 'audit_log')).toEqual([]);

    expect(await services().deletion.deleteProject(owner.user.id, a.projectId, ` ${a.name.toUpperCase()} `)).toEqual({ ok: true, data: { sessions: 3 } });

    const after = await census(db());
    // Everything is as it was before A existed, B's rows included, value for value; only the
    // audit log grew (who deleted what and when).
    expect(changedTables(withoutA, after).filter((t) => !accountTables.includes(t))).toEqual(['audit_log']);
    for (const id of a.sessionIds) expect(await sessionRows(id)).toBe(0);
    for (const id of b.sessionIds) expect(await sessionRows(id)).toBeGreaterThan(5);
    const trail = await db().select().from(auditLog).where(eq(auditLog.projectId, a.projectId));
    expect(trail.map((e) => e.action)).toContain('project.delete');
    expect(JSON.stringify(trail)).not.toContain(a.marker);
    expect(trail.find((e) => e.action === 'theme.rename')?.details).toEqual({ workshopId: a.workshopId });
  });

  it('a workshop goes with the sessions that ran it and what they produced; the rest of the project stays', async () => {
    const p = await fillProject(services(), owner.user.id, 'W');
    const [run, qsort, meeting] = p.sessionIds as [string, string, string];
    const [workshop] = await db().select().from(liveSessions).where(eq(liveSessions.id, run));
    expect(workshop?.workshopId).toBe(p.workshopId);
    expect(await services().deletion.deleteWorkshop(owner.user.id, p.workshopId, 'Feil navn')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const before = { qsort: await sessionRows(qsort), meeting: await sessionRows(meeting) };

    const found = await services().workshops.get(owner.user.id, p.workshopId);
    if (!found.ok) throw new Error(found.error.code);
    expect(await services().deletion.deleteWorkshop(owner.user.id, p.workshopId, found.data.workshop.title)).toEqual({ ok: true, data: { projectId: p.projectId, sessions: 1 } });

    expect(await sessionRows(run)).toBe(0);
    expect(await db().select().from(feedbackItems).where(eq(feedbackItems.workshopId, p.workshopId))).toEqual([]);
    expect(await services().workshops.get(owner.user.id, p.workshopId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect({ qsort: await sessionRows(qsort), meeting: await sessionRows(meeting) }).toEqual(before);
  });

  it('a session goes while people are in it: everyone is told, Yjs connections close, and nothing comes back when its documents unload', async () => {
    const projectId = (await fillProject(services(), owner.user.id, 'S')).projectId;
    const opened = await services().live.open(owner.user.id, projectId, { title: 'Morgenmøte' });
    if (!opened.ok) throw new Error(opened.error.code);
    const sessionId = opened.data.id;

    const fac = h.socket(owner.cookie);
    const ended: { facilitator: string[]; phone: string[] } = { facilitator: [], phone: [] };
    fac.on(serverEvents.accessEnded, (e) => ended.facilitator.push(e.code));
    expect(await emit(fac, clientEvents.join, { as: 'facilitator', sessionId })).toMatchObject({ ok: true });
    const { cookie } = await h.joinHttp(opened.data.code, null);
    const phone = h.socket(cookie);
    phone.on(serverEvents.accessEnded, (e) => ended.phone.push(e.code));
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: opened.data.code })).toMatchObject({ ok: true });

    const docName = sessionNotesDocName(sessionId);
    const token = await emit<{ ok: true; data: { token: string } }>(fac, clientEvents.yjsToken, { docName });
    const doc = new Y.Doc();
    const provider = h.provider(docName, doc, token.data.token);
    const closes: number[] = [];
    provider.on('closed', (e) => closes.push(e.code));
    await eventually(() => expect(provider.synced).toBe(true));
    doc.getText('notes').insert(0, 'Skrevet før sletting.');
    await eventually(async () => expect((await db().select().from(yjsUpdates).where(eq(yjsUpdates.docName, docName))).length).toBeGreaterThan(0));
    expect(h.server.yjs.openDocuments()).toContain(docName);

    expect(await services().deletion.deleteSession(owner.user.id, sessionId, 'Morgenmøte')).toEqual({ ok: true, data: { projectId } });

    await eventually(() => expect(ended).toEqual({ facilitator: ['SESSION_DELETED'], phone: ['SESSION_DELETED'] }));
    await eventually(() => expect(closes).toEqual([4403]));
    // The document unloads once its last connection is gone; its final store must find no session.
    await eventually(() => expect(h.server.yjs.openDocuments()).not.toContain(docName));
    expect(await sessionRows(sessionId)).toBe(0);
    expect(await emit(phone, clientEvents.join, { as: 'participant', code: opened.data.code })).toMatchObject({ ok: false });
    const again = await emit<unknown>(fac, clientEvents.yjsToken, { docName });
    expect(again).toMatchObject({ ok: false });
  });

  it('a session is deleted by project members only', async () => {
    const projectId = (await fillProject(services(), owner.user.id, 'M')).projectId;
    const opened = await services().live.open(owner.user.id, projectId, { title: 'Økt' });
    if (!opened.ok) throw new Error(opened.error.code);
    const outsider = await h.facilitator('utenfor@nav.example');
    expect(await services().deletion.deleteSession(outsider.user.id, opened.data.id, 'Økt')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await services().deletion.deleteSession(owner.user.id, 'not-a-uuid', 'Økt')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await sessionRows(opened.data.id)).toBe(1);
  });
});
