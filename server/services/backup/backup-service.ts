import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projectMembers, projects, yjsSnapshots, yjsUsage } from '@/db/schema';
import { readableProject } from '@/lib/backup/readable';
import { fail, ok, type Result } from '@/lib/errors';
import { docUsageKey } from '@/lib/yjs/limits';
import type { Logger } from '../../logger';
import type { AuditService } from '../audit-service';
import type { ProjectService } from '../project-service';
import { backupJson, collectBackup } from './export-backup';
import { guardRestore } from './guard-backup';
import { checkReferences, readBackup } from './read-backup';
import { planRestore, type RestorePlan } from './restore-rows';
import { backupTables } from './table-plan';

/** A file to download. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
const CHUNK = 200;

/** A file name from a project name: letters, digits and dashes, never empty. */
export const fileStem = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'prosjekt';

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the file, not the database, is at fault. */
function isDataRefusal(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    const code = typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

async function write(tx: Tx, plan: RestorePlan, userId: string): Promise<void> {
  for (const { name, rows } of plan.tables) {
    const { table } = backupTables.find((t) => t.name === name)!;
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK));
  }
  await tx.insert(projectMembers).values({ projectId: plan.projectId, userId, role: 'owner' });
  for (const doc of plan.docs) {
    await tx.insert(yjsSnapshots).values({ docName: doc.name, state: doc.state, lastUpdateId: 0 });
    await tx.insert(yjsUsage).values({ key: docUsageKey(doc.name), bytes: doc.state.length });
  }
}

/**
 * Backup and restore of a whole project (docs/backup.md): one gzipped JSON file with every row
 * of every table that belongs to the project and its sessions' Yjs documents; a restore makes a
 * new project of it, owned by the uploader, with every id renewed, in one transaction.
 */
export function createBackupService(db: Db, projectService: ProjectService, audit: AuditService, log: Logger) {
  return {
    /** Owners only: a backup holds hidden and redacted-marked items and participants' rows. */
    async backup(userId: string, projectId: string, now = new Date()): Promise<Result<DownloadFile>> {
      const role = await projectService.authorise(projectId, userId, 'owner');
      if (!role.ok) return role;
      const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, projectId));
      if (!project) return fail('NOT_FOUND', 'no such project');
      const content = await collectBackup(db, projectId, now);
      const body = gzipSync(Buffer.from(backupJson(content, now), 'utf8'));
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.backup', projectId, target: projectId, details: { bytes: body.length } });
      const day = now.toISOString().slice(0, 10);
      return ok({ filename: `verksted-${fileStem(project.name)}-${day}.json.gz`, contentType: 'application/gzip', body });
    },

    /** Any member: the project as readable JSON, without what is hidden, redacted or below a minimum. */
    async readable(userId: string, projectId: string, now = new Date()): Promise<Result<DownloadFile>> {
      const role = await projectService.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const content = await collectBackup(db, projectId, now);
      const name = String(content.tables.projects?.[0]?.name ?? '');
      const body = Buffer.from(JSON.stringify(readableProject(content, now), null, 2), 'utf8');
      return ok({ filename: `verksted-${fileStem(name)}-${now.toISOString().slice(0, 10)}.json`, contentType: 'application/json; charset=utf-8', body });
    },

    /**
     * Any signed-in account: the file becomes a new project the uploader owns. Refused whole
     * (nothing written) when the file is of another version, damaged, inconsistent or holds
     * personal data.
     */
    async restore(userId: string, bytes: Uint8Array, now = new Date()): Promise<Result<{ projectId: string }>> {
      const read = readBackup(bytes);
      if (!read.ok) return read;
      const references = checkReferences(read.data);
      if (!references.ok) return references;
      const plan = planRestore(read.data, userId, now);
      if (!plan.ok) return plan;
      const guard = guardRestore(plan.data);
      if (!guard.ok) return guard;
      try {
        await db.transaction((tx) => write(tx, plan.data, userId));
      } catch (err) {
        if (!isDataRefusal(err)) throw err;
        log.warn({ err }, 'a backup was refused by the database');
        return fail('BACKUP_INVALID', 'the database refused the backup');
      }
      const rows = Object.fromEntries(plan.data.tables.map((t) => [t.name, t.rows.length]));
      await audit.record({ actorKind: 'user', actorId: userId, action: 'project.restore', projectId: plan.data.projectId, target: plan.data.projectId, details: { source: plan.data.sourceProjectId, docs: plan.data.docs.length, ...rows } });
      return ok({ projectId: plan.data.projectId });
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
