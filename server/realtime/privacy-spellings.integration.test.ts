import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents } from '@/lib/protocol';
import { describeHits, scanDatabase } from '../../test/pii-scan';
import { namedSpellings, seededRng, validDNumber, validNationalId, validPhone } from '../../test/personal-numbers';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { emit, workshopRoom } from '../../test/workshop-room';

type Harness = ReturnType<typeof serverHarness>;

/**
 * The spellings take turns over rooms of their own facilitator and phone: event budgets are
 * per connection and per person, and one room's 40 commands per 10 s made this file wait out
 * three budget windows (~27 s). Each room still sees every path.
 */
const ROOMS = 4;

/**
 * Every spelling from the probe (hyphen, dots, two spaces, tab, newline, date and
 * personnr apart, fullwidth and Arabic-Indic digits, zero-width spaces, soft hyphens) on the
 * paths the probe found open, end to end. NEEDS the spelling-proof detector of branch
 * i10-detect: without it the spellings beyond "contiguous" and "one space" get through.
 */
describe.each(harnessDrivers())('every spelling of a personal number is refused on every path (%s; needs the i10-detect detector)', (driver) => {
  let h: Harness;
  const rooms: Awaited<ReturnType<typeof workshopRoom>>[] = [];
  let plain: { code: string };
  let facilitator: { userId: string; projectId: string };
  const rng = seededRng(40);
  const numbers = [validNationalId(rng), validDNumber(rng), validPhone(rng)];
  const spellings = numbers
    .flatMap((n) => namedSpellings(n).map(([name, text]) => ({ name: `${n.length === 8 ? 'phone' : 'id'} ${name}`, text })))
    .map((spelling, i) => ({ ...spelling, room: i % ROOMS }));

  beforeAll(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
    for (let i = 0; i < ROOMS; i++) rooms.push(await workshopRoom(h, 1, i === 0 ? undefined : `spellings.room${i}@nav.example`));
    const { user } = await h.facilitator('spellings@nav.example');
    const project = await h.server.services.projects.create(user.id, { name: 'Stavemåter' });
    if (!project.ok) throw new Error(project.error.code);
    const opened = await h.server.services.live.open(user.id, project.data.id, { title: 'Med navn' });
    if (!opened.ok) throw new Error(opened.error.code);
    plain = { code: opened.data.code };
    facilitator = { userId: user.id, projectId: project.data.id };
  });
  afterAll(() => h.cleanup());

  /** Sends again after the event budget refills: this test sends far more than a person would. */
  async function admitted<T extends { ok: boolean; error?: { code: string } }>(send: () => Promise<T>): Promise<T> {
    for (;;) {
      const ack = await send();
      if (ack.ok || ack.error?.code !== 'RATE_LIMITED') return ack;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  it.each(spellings)('$name', async ({ text, room: r }) => {
    const room = rooms[r]!;
    const command = (c: unknown) => admitted(() => emit(room.fac, clientEvents.command, { sessionId: room.sessionId, command: c }));
    const phone = room.phones[0]!.socket;
    const refusals = {
      message: await command({ type: 'setMessage', message: text }),
      theme: await command({ type: 'workshop', command: { type: 'clusterCreate', clusterId: 'c1', name: `Tema ${text}` } }),
      factor: await command({ type: 'qsort', command: { type: 'nameFactors', names: [{ name: text, description: '' }] } }),
      comment: await admitted(() => emit(phone, clientEvents.respond, { findingId: '7d0c1f8e-2a4b-4c6d-8e9f-0a1b2c3d4e5f', response: 'nyanserer', comment: `Bruker ${text}` })),
      join: (await h.joinHttp(plain.code, text)).body,
      finding: await h.server.services.findings.create(facilitator.userId, facilitator.projectId, { title: 'Funn', summary: text }),
    };
    for (const [path, ack] of Object.entries(refusals)) expect({ path, ack }).toMatchObject({ path, ack: { ok: false, error: { code: 'PERSONAL_DATA' } } });
    const hits = await scanDatabase(h.server.services.database.db, numbers);
    expect(hits, describeHits(hits)).toEqual([]);
  });

  it('refuses a number split over two lines of an import (two findings, two statements)', async () => {
    const id = numbers[0]!;
    const split = `Bruker ${id.slice(0, 6)}\n${id.slice(6)} ringte`;
    const services = h.server.services;
    expect(await services.findings.importText(facilitator.userId, facilitator.projectId, split, null)).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    const set = await services.statementSets.create(facilitator.userId, facilitator.projectId, { name: 'Utsagn' });
    if (!set.ok) throw new Error(set.error.code);
    expect(await services.statementSets.importStatements(facilitator.userId, set.data.id, split)).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
    const hits = await scanDatabase(services.database.db, [id]);
    expect(hits, describeHits(hits)).toEqual([]);
  });
});
