import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingEvents } from '@/lib/activities/closing/events';
import { plenaryEvents } from '@/lib/activities/plenary/events';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import { describeHits, scanDatabase } from '../../test/pii-scan';
import { seededRng, validNationalId, validPhone } from '../../test/personal-numbers';
import { harnessDrivers, serverHarness, type TestSocket } from '../../test/server-harness';
import { emit, openSupervisionMeeting, workshopRoom } from '../../test/workshop-room';

type Harness = ReturnType<typeof serverHarness>;
type Refusal = { ok: false; error: { code: string; fields?: Record<string, string> } };

/**
 * Every socket path a person types into, from a real socket.io client against a real server:
 * the guard refuses with PERSONAL_DATA, the connection keeps working, nothing reaches other
 * clients, and afterwards no table and no Yjs document holds the number. Spellings here are
 * the two every detector version catches; `privacy-spellings.integration.test.ts` sends the rest.
 */
describe.each(harnessDrivers())('the privacy guard on every socket path (%s)', (driver) => {
  let h: Harness;
  let room: Awaited<ReturnType<typeof workshopRoom>>;
  const rng = seededRng(20);
  /** Two spellings of a fresh number for each test, so a trace found is this test's. */
  const fresh = () => {
    const id = validNationalId(rng);
    return { id, spelled: [`Bruker ${id}`, `${id.slice(0, 6)} ${id.slice(6)}`] };
  };

  beforeAll(async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
    room = await workshopRoom(h, 2);
  });
  afterAll(() => h.cleanup());

  async function expectNoTrace(...needles: string[]) {
    const hits = await scanDatabase(h.server.services.database.db, needles);
    expect(hits, describeHits(hits)).toEqual([]);
  }

  const command = (socket: TestSocket, command: unknown) => emit<{ version: number }>(socket, clientEvents.command, { sessionId: room.sessionId, command });
  const refused = (ack: unknown) => expect(ack).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });

  /** Snapshots the phones receive while `act` runs: a refused command must send none. */
  async function phonesSeeNothing(act: () => Promise<void>) {
    const seen: SnapshotView[] = [];
    const listen = (s: SnapshotView) => seen.push(s);
    for (const p of room.phones) p.socket.on(serverEvents.snapshot, listen);
    await act();
    // A valid command afterwards proves the connection works and flushes anything in flight.
    expect(await command(room.fac, { type: 'setMessage', message: null })).toMatchObject({ ok: true });
    for (const p of room.phones) p.socket.off(serverEvents.snapshot, listen);
    return seen.map((s) => JSON.stringify(s));
  }

  it("refuses the facilitator's message to participants", async () => {
    const { id, spelled } = fresh();
    const phone = validPhone(rng);
    const seen = await phonesSeeNothing(async () => {
      for (const message of [...spelled, `Ring ${phone}`]) refused(await command(room.fac, { type: 'setMessage', message }));
    });
    expect(seen.join('\n')).not.toContain(id.slice(6));
    await expectNoTrace(id, phone);
  });

  it('refuses theme names in clusterCreate and clusterRename', async () => {
    const { id, spelled } = fresh();
    const phone = validPhone(rng);
    const seen = await phonesSeeNothing(async () => {
      for (const name of [...spelled, `Ring ${phone}`]) {
        refused(await command(room.fac, { type: 'workshop', command: { type: 'clusterCreate', clusterId: 'c1', name } }));
      }
      expect(await command(room.fac, { type: 'workshop', command: { type: 'clusterCreate', clusterId: 'c2', name: 'Samarbeid' } })).toMatchObject({ ok: true });
      for (const name of spelled) refused(await command(room.fac, { type: 'workshop', command: { type: 'clusterRename', clusterId: 'c2', name } }));
      // A key the client makes up is no hiding place either.
      expect(await command(room.fac, { type: 'workshop', command: { type: 'clusterCreate', clusterId: `c${id}`, name: 'Tema' } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });
    expect(seen.join('\n')).not.toContain(id.slice(6));
    expect(room.runtime().clusters.map((c) => c.name)).toContain('Samarbeid');
    await expectNoTrace(id, phone);
  });

  it('refuses factor names in qsort.nameFactors and qsort:keepFactors', async () => {
    const { id, spelled } = fresh();
    for (const text of spelled) {
      refused(await command(room.fac, { type: 'qsort', command: { type: 'nameFactors', names: [{ name: text, description: '' }] } }));
      refused(await command(room.fac, { type: 'qsort', command: { type: 'nameFactors', names: [{ name: 'Faktor 1', description: text }] } }));
      const kept = await emit(room.fac, clientEvents.qsortKeepFactors, { options: { factors: 1, extraction: 'pca', rotation: 'varimax' }, names: [{ name: text, description: '' }] });
      expect(kept).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { 'names.0.name': 'PERSONAL_DATA' } } });
    }
    await expectNoTrace(id);
  });

  it('refuses a case with a number in a kollegaveiledning command', async () => {
    const { id, spelled } = fresh();
    for (const framlegg of spelled) {
      refused(await command(room.fac, { type: 'supervision', command: { type: 'setCase', case: { framlegg, question: 'Hva gjør vi?' } } }));
    }
    await expectNoTrace(id);
  });

  it("refuses participants' answers: a finding comment, a word, an evaluation text", async () => {
    const { id, spelled } = fresh();
    const phone = room.phones[0]!.socket;
    for (const text of spelled) {
      refused(await emit(phone, clientEvents.respond, { findingId: '7d0c1f8e-2a4b-4c6d-8e9f-0a1b2c3d4e5f', response: 'nyanserer', comment: text }));
      refused(await emit(phone, plenaryEvents.word.name, { word: text }));
      refused(await emit(phone, closingEvents.evaluate.name, { answers: {}, text }));
      refused(await emit(phone, clientEvents.supervisionOutcome, { type: 'learningPoint', text }));
    }
    // The phone is still in the session.
    expect(await emit(phone, clientEvents.mine, {})).toMatchObject({ ok: true });
    await expectNoTrace(id);
  });

  describe('display names', () => {
    let plain: { id: string; code: string };
    beforeAll(async () => {
      const { user } = await h.facilitator('names@nav.example');
      const project = await h.server.services.projects.create(user.id, { name: 'Navn', description: '' });
      if (!project.ok) throw new Error(project.error.code);
      const opened = await h.server.services.live.open(user.id, project.data.id, { title: 'Med navn' });
      if (!opened.ok) throw new Error(opened.error.code);
      plain = { id: opened.data.id, code: opened.data.code };
    });

    it('refuses a display name or a join answer with a number at the HTTP join, and stores no participant', async () => {
      const { id, spelled } = fresh();
      const phone = validPhone(rng);
      for (const name of [...spelled, `Kari ${phone}`]) {
        const joined = await h.joinHttp(plain.code, name);
        expect(joined.status).toBe(422);
        expect(joined.body).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { displayName: 'PERSONAL_DATA' } } });
        expect(joined.cookie).toBe('');
      }
      const res = await fetch(`${h.origin}/api/sessions/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: h.origin },
        body: JSON.stringify({ code: plain.code, displayName: null, attributes: { kontor: spelled[1] } }),
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA', fields: { 'attribute.kontor': 'PERSONAL_DATA' } } });
      expect(await h.joinHttp(plain.code, 'Kari')).toMatchObject({ status: 200, body: { ok: true } });
      await expectNoTrace(id, phone);
    });

    it('refuses a new display name with a number in participant:update, and keeps the old one', async () => {
      const { id, spelled } = fresh();
      const joined = await h.joinHttp(plain.code, 'Ola');
      const socket = h.socket(joined.cookie);
      const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: plain.code });
      expect(join).toMatchObject({ ok: true, data: { displayName: 'Ola' } });
      for (const displayName of spelled) {
        expect(await emit(socket, clientEvents.updateSelf, { displayName })).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } } satisfies Refusal);
      }
      expect(await emit(socket, clientEvents.updateSelf, { displayName: 'Ola N.' })).toMatchObject({ ok: true, data: { displayName: 'Ola N.' } });
      await expectNoTrace(id);
    });

    it('refuses a number as a kollegaveiledning member name, at join and on update', async () => {
      const { id, spelled } = fresh();
      const { user } = await h.facilitator('veileder@nav.example');
      const session = await openSupervisionMeeting(h, user.id, 'Veiledning');
      for (const name of spelled) expect((await h.joinHttp(session.code, name)).body).toMatchObject({ ok: false, error: { code: 'PERSONAL_DATA' } });
      const kari = await h.joinHttp(session.code, 'Kari');
      const socket = h.socket(kari.cookie);
      expect(await emit(socket, clientEvents.join, { as: 'participant', code: session.code })).toMatchObject({ ok: true });
      for (const displayName of spelled) refused(await emit(socket, clientEvents.updateSelf, { displayName }));
      await expectNoTrace(id);
    });
  });
});
