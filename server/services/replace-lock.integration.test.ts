import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/db/client';
import { yjsUpdates } from '@/db/schema';
import { testDatabases } from '../../test/databases';
import { lockRowSet } from './replace-lock';

/** Only PostgreSQL has two connections that can race; PGlite runs one transaction at a time. */
const postgres = testDatabases().find((d) => d.name === 'postgres');

describe.runIf(postgres)('replacing a set of rows from two processes on PostgreSQL', () => {
  let one: Database;
  let two: Database;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    const opened = await postgres!.open();
    one = opened.database;
    drop = opened.drop;
    two = await openDatabase({ databaseUrl: opened.url!, pgliteDir: null });
  });
  afterEach(async () => {
    await two.close();
    await drop();
  });

  /** Deletes the set and writes it anew, as an archive run does; `between` runs after the delete. */
  const replace = (database: Database, locked: boolean, between: () => Promise<unknown>) =>
    database.db.transaction(async (tx) => {
      if (locked) await lockRowSet(tx, 'set:s');
      await tx.delete(yjsUpdates).where(eq(yjsUpdates.docName, 'set'));
      await between();
      await tx.insert(yjsUpdates).values({ docName: 'set', update: new Uint8Array([1]) });
    });
  const rows = async () => (await one.db.select().from(yjsUpdates).where(eq(yjsUpdates.docName, 'set'))).length;
  const slowly = () => new Promise<void>((resolve) => setTimeout(resolve, 300));

  it('leaves the set once when both take the lock, however they overlap', async () => {
    await Promise.all([replace(one, true, slowly), replace(two, true, slowly)]);
    expect(await rows()).toBe(1);
    await Promise.all([replace(one, true, slowly), replace(two, true, async () => undefined)]);
    expect(await rows()).toBe(1);
  });

  it('(the race the lock closes) leaves it twice when both delete before either inserts', async () => {
    let secondDeleted!: () => void;
    const deleted = new Promise<void>((resolve) => (secondDeleted = resolve));
    // The first commits only after the second has deleted; the second inserts after that.
    const first = replace(one, false, () => deleted);
    const second = replace(two, false, () => {
      secondDeleted();
      return first;
    });
    await Promise.all([first, second]);
    expect(await rows()).toBe(2);
  });
});
