import { describe, expect, it } from 'vitest';
import { planRestore } from './restore-rows';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [project, session, participant, owner, uploader, workshop] = [1, 2, 3, 4, 5, 6].map(id) as [string, string, string, string, string, string];
const now = new Date('2026-11-30T15:00:00.000Z');

const file = (docs: { name: string; state: string }[] = []) => ({
  tables: {
    projects: [{ id: project, name: 'P', createdBy: owner, updatedAt: new Date('2026-01-01T00:00:00Z') }],
    workshops: [{ id: workshop, projectId: project, createdBy: owner, title: 'V' }],
    live_sessions: [{ id: session, projectId: project, workshopId: workshop, code: 'ABC123', status: 'open', endedAt: null, archivePending: 2, createdBy: owner, state: { workshop: { workshopId: workshop } } }],
    participants: [{ id: participant, sessionId: session, tokenHash: 'a'.repeat(64) }],
  },
  docs,
});

describe('planning a restore', () => {
  it('gives every row a new id and rewrites every reference, in columns and JSON', () => {
    const plan = planRestore(file(), uploader, now);
    if (!plan.ok) throw new Error(plan.error.message);
    const rows = Object.fromEntries(plan.data.tables.map((t) => [t.name, t.rows]));
    const newSession = rows.live_sessions![0]!;
    expect(plan.data.projectId).not.toBe(project);
    expect(rows.projects![0]).toMatchObject({ id: plan.data.projectId, createdBy: uploader, updatedAt: now });
    expect(newSession.projectId).toBe(plan.data.projectId);
    expect(newSession.workshopId).toBe(rows.workshops![0]!.id);
    expect(newSession.state).toEqual({ workshop: { workshopId: rows.workshops![0]!.id } });
    expect(rows.participants![0]!.sessionId).toBe(newSession.id);
    expect(plan.data.sourceProjectId).toBe(project);
  });

  it("leaves the other Verksted's access behind: accounts, a running session's code, tokens", () => {
    const plan = planRestore(file(), uploader, now);
    if (!plan.ok) throw new Error(plan.error.message);
    const rows = Object.fromEntries(plan.data.tables.map((t) => [t.name, t.rows]));
    expect(rows.workshops![0]!.createdBy).toBeNull();
    expect(rows.live_sessions![0]).toMatchObject({ status: 'ended', code: '', endedAt: now, archivePending: 0, createdBy: null });
    expect(rows.participants![0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.participants![0]!.tokenHash).not.toBe('a'.repeat(64));
  });

  it('renames documents after their session, and refuses one that belongs to no session of the file', () => {
    const state = Buffer.from([0, 0]).toString('base64');
    const plan = planRestore(file([{ name: `live.${session}.notes`, state }]), uploader, now);
    if (!plan.ok) throw new Error(plan.error.message);
    const newSession = plan.data.tables.find((t) => t.name === 'live_sessions')!.rows[0]!.id;
    expect(plan.data.docs.map((d) => d.name)).toEqual([`live.${String(newSession)}.notes`]);
    expect(planRestore(file([{ name: `live.${id(99)}.notes`, state }]), uploader, now)).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
    expect(planRestore(file([{ name: 'rooms.x', state }]), uploader, now)).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
  });
});
