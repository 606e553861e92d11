import { z } from 'zod';

/**
 * The envelope of a Verksted project backup (docs/backup.md). The envelope is read first and
 * loosely, so a file of another version is told apart from a damaged one; the content is then
 * checked against its digest and parsed strictly, table by table, by the server.
 */
export const BACKUP_FORMAT = 'verksted-backup';
/** Raised whenever the content's shape changes in a way an older reader cannot take. */
export const BACKUP_VERSION = 1;

export const backupEnvelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  /** When the backup was made (ISO 8601). */
  createdAt: z.iso.datetime({ offset: true }),
  /** `sha256:<hex>` of `JSON.stringify(content)`: finds a damaged or edited file, not a forger. */
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  content: z.unknown(),
});
export type BackupEnvelope = z.infer<typeof backupEnvelopeSchema>;

/** One Yjs document of a session: its name and its whole state as one update (base64). */
export const backupDocSchema = z.strictObject({
  name: z.string().min(1).max(300),
  state: z.base64().max(64 * 1024 * 1024),
});
export type BackupDoc = z.infer<typeof backupDocSchema>;

/** What a backup holds: every exported table's rows (JSON-encoded columns) and the Yjs documents. */
export interface BackupContent {
  tables: Record<string, Record<string, unknown>[]>;
  docs: BackupDoc[];
}

/** Gzip's first two bytes: a restore takes a compressed or a plain JSON file. */
export const isGzip = (bytes: Uint8Array): boolean => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
