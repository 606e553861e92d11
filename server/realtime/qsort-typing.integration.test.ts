import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statementSets } from '@/db/schema';
import { clientEvents, type JoinResult } from '@/lib/protocol';
import { seedGrid } from '@/lib/qsort/grid';
import { emptySort, place } from '@/lib/qsort/sort';
import { seedDemoProject } from '../demo/seed-demo';
import { validNationalId, withControlDigits } from '../../test/personal-numbers';
import { emitAck as emit, serverHarness } from '../../test/server-harness';
import { tablesContaining } from '../../test/stored-text';

/*
 * Issue 10 (review R15) on a form path: the Q-sort form saves the whole sort after every
 * change (components/qsort/use-sort-draft.ts, CommentsStep's onChange), so a comment typed one
 * key at a time was stored at every keystroke until the one that completes the number was refused;
 * the first nine digits fix the number, so the server refuses it from the ninth digit on.
 */


describe('a fødselsnummer typed into a Q-sort comment', () => {
  let h: ReturnType<typeof serverHarness>;
  beforeEach(async () => {
    h = serverHarness();
    await h.start();
  }, 120_000);
  afterEach(() => h.cleanup());

  it('leaves no prefix in the stored sort that determines the whole number', async () => {
    const { user } = await h.facilitator();
    const services = h.server.services;
    const db = services.database.db;
    const projectId = await seedDemoProject(db, user.id);
    const [set] = await db.select().from(statementSets).where(eq(statementSets.projectId, projectId));
    const opened = await services.qsort.open(user.id, projectId, set!.id);
    if (!opened.ok) throw new Error(opened.error.code);
    const session = (await services.live.byId(opened.data.sessionId))!;
    const { cookie } = await h.joinHttp(session.code, null);
    const phone = h.socket(cookie);
    expect(await emit<JoinResult>(phone, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });

    let id = validNationalId();
    while (id[0]! > '1') id = validNationalId(); // never a phone number on the way
    const typed = `Saken til ${id.slice(0, 6)}-${id.slice(6)}`;
    const base = { ...place(emptySort(seedGrid), seedGrid, '7', 10)!, step: 'grid' as const };
    const verdicts: string[] = [];
    const fields: unknown[] = [];
    for (let n = 1; n <= typed.length; n++) {
      const saved = await emit(phone, clientEvents.qsortSave, { rev: n, state: { ...base, comments: { '7': typed.slice(0, n) } } });
      verdicts.push(saved.ok ? 'ok' : saved.error.code);
      if (!saved.ok) fields.push((saved.error as { fields?: unknown }).fields);
    }
    // Refused from the ninth digit on, under the field the form shows the error at.
    const ninth = 'Saken til '.length + 6 + 1 + 3;
    expect(verdicts.slice(0, ninth - 1).every((v) => v === 'ok')).toBe(true);
    expect(verdicts.slice(ninth - 1).every((v) => v === 'PERSONAL_DATA')).toBe(true);
    expect(fields[0]).toEqual({ 'comment.7': 'PERSONAL_DATA' });
    // The pseudonym is typed the same way.
    let rev = typed.length;
    for (let n = 1; n <= id.length; n++) {
      const saved = await emit(phone, clientEvents.qsortSave, { rev: ++rev, state: { ...base, pseudonym: id.slice(0, n) } });
      verdicts.push(saved.ok ? 'ok' : saved.error.code);
    }
    expect(verdicts.at(-1)).toBe('PERSONAL_DATA');
    expect(withControlDigits(id.slice(0, 9))).toBe(id);
    // Nine digits are the number: none of the stored text may hold them.
    expect(await tablesContaining(db, `${id.slice(0, 6)}-${id.slice(6, 9)}`)).toEqual([]);
    expect(await tablesContaining(db, id.slice(0, 9))).toEqual([]);
  }, 180_000);
});
