import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { myGroup } from '@/lib/live-view';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import type { ActivityResults, AnsweredCount } from '@/lib/workshop/results';
import { eventually } from '../../test/retry';
import { harnessDrivers, serverHarness, sharedServerHarness } from '../../test/server-harness';
import { emit, workshopRoom } from '../../test/workshop-room';

type Harness = ReturnType<typeof serverHarness>;

describe.each(harnessDrivers())('what participants and the screen are sent (%s)', (driver) => {
  let h: Harness;
  // One server for the file: each test opens its own workshop room and looks only at it.
  beforeAll(async () => {
    h = sharedServerHarness({}, undefined, driver);
    await h.start();
  });
  afterEach(() => h.closeClients());
  afterAll(() => h.cleanup());

  it('sends no participant another participant id, and the screen none at all', async () => {
    const room = await workshopRoom(h, 6);
    const { cookie } = room;
    const ids = room.phones.map((p) => p.id);
    const screen = h.socket(cookie);
    const screenSnapshots: SnapshotView[] = [];
    screen.on(serverEvents.snapshot, (s) => screenSnapshots.push(s));
    const screenJoin = await emit<JoinResult>(screen, clientEvents.join, { as: 'presenter', sessionId: room.sessionId });
    if (!screenJoin.ok) throw new Error('presenter join');

    // Move someone to the other group: the views follow, and still name nobody else.
    const moved = room.phones[0]!;
    const target = room.runtime().groups.find((g) => g.id !== room.groupOf(moved))!;
    await room.run({ type: 'moveParticipant', participantId: moved.id, groupId: target.id });
    await eventually(() => expect(room.groupOf(moved)).toBe(target.id));
    await eventually(() => expect(screenSnapshots.length).toBeGreaterThan(0));

    const rejoined = await Promise.all(room.phones.map((p) => emit<JoinResult>(p.socket, clientEvents.join, { as: 'participant', code: room.code })));
    for (const [i, phone] of room.phones.entries()) {
      const sent = JSON.stringify([phone.snapshots, rejoined[i]]);
      expect(ids.filter((id) => id !== phone.id && sent.includes(id))).toEqual([]);
      const own = phone.snapshots.at(-1)!.state.workshop!;
      expect(own.groups.filter((g) => g.mine)).toHaveLength(1);
      expect(own.groups.reduce((sum, g) => sum + (g.memberCount ?? 0), 0)).toBe(6);
    }
    const shown = JSON.stringify([screenJoin.data, screenSnapshots]);
    expect(ids.filter((id) => shown.includes(id))).toEqual([]);
    expect(myGroup(screenSnapshots.at(-1)!.state.workshop!)).toBeNull();

    // The facilitator still gets the whole state: who sits where.
    const facJoin = await emit<JoinResult>(room.fac, clientEvents.join, { as: 'facilitator', sessionId: room.sessionId });
    expect(facJoin.ok && facJoin.data.snapshot.state.workshop!.groups.flatMap((g) => g.memberIds).sort()).toEqual([...ids].sort());
  });

  it('shows no total below the minimum and moves public tallies in whole batches', async () => {
    const room = await workshopRoom(h, 7);
    const { cookie } = room;
    // The demo workshop's minimum is 3: public counts move three answers at a time.
    await room.run({ type: 'goTo', index: 0 });
    // A phone's view holds only the current step's config: wait until it stands on the round.
    await eventually(() => expect(room.runtime().activity?.kind).toBe('findings'));
    const findingId = (room.runtime().activity!.config as { findingIds: string[] }).findingIds[0]!;
    const facResults: (ActivityResults | null)[] = [];
    const phoneResults: (ActivityResults | null)[] = [];
    const screenResults: (ActivityResults | null)[] = [];
    room.fac.on(serverEvents.results, (r) => facResults.push(r));
    room.phones[6]!.socket.on(serverEvents.results, (r) => phoneResults.push(r));
    const screen = h.socket(cookie);
    screen.on(serverEvents.results, (r) => screenResults.push(r));
    await emit(screen, clientEvents.join, { as: 'presenter', sessionId: room.sessionId });
    await room.run({ type: 'setRevealed', revealed: true });

    const answer = async (i: number, response: string, comment = '') =>
      expect(await emit(room.phones[i]!.socket, clientEvents.respond, { findingId, response, comment })).toEqual({ ok: true, data: null });
    await answer(0, 'avkrefter', 'Ikke hos oss');
    await answer(1, 'kjenner_igjen');
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ total: 2, counts: { avkrefter: 1, kjenner_igjen: 1 } }));
    for (const results of [phoneResults, screenResults]) {
      await eventually(() => expect(results.at(-1)).toEqual({ kind: 'findings', activityId: expect.any(String), findingId, total: null, counts: null, comments: [] }));
    }

    await answer(2, 'nyanserer');
    await eventually(() => expect(phoneResults.at(-1)).toMatchObject({ total: 3, counts: { avkrefter: 1, kjenner_igjen: 1, nyanserer: 1 }, comments: [{ text: 'Ikke hos oss' }] }));
    // The fourth and fifth answers reach the facilitator at once, the others not yet.
    await answer(3, 'avkrefter', 'Stemmer ikke');
    await answer(4, 'avkrefter');
    await eventually(() => expect(facResults.at(-1)).toMatchObject({ total: 5 }));
    await eventually(() => expect(screenResults.at(-1)).toMatchObject({ total: 3 }));
    const beforeBatch = phoneResults.length;
    await answer(5, 'kjenner_igjen');
    await eventually(() => expect(phoneResults.at(-1)).toMatchObject({ total: 6, counts: { avkrefter: 3, kjenner_igjen: 2, nyanserer: 1 } }));
    const totals = [...phoneResults, ...screenResults].flatMap((r) => (r?.kind === 'findings' && r.total !== null ? [r.total] : []));
    expect(totals.every((t) => t % 3 === 0)).toBe(true);
    expect(phoneResults.slice(beforeBatch).every((r) => r?.kind === 'findings' && (r.total === 3 || r.total === 6))).toBe(true);
  });
  it('tells the screen and the phones how many have answered before reveal, from the minimum up and in whole batches', async () => {
    const room = await workshopRoom(h, 7);
    await room.run({ type: 'goTo', index: 0 });
    await eventually(() => expect(room.runtime().activity?.kind).toBe('findings'));
    const activityId = room.runtime().activity!.id;
    const findingId = (room.runtime().activity!.config as { findingIds: string[] }).findingIds[0]!;
    const screenAnswered: (AnsweredCount | null)[] = [];
    const screenResults: (ActivityResults | null)[] = [];
    const phoneAnswered: (AnsweredCount | null)[] = [];
    const screen = h.socket(room.cookie);
    screen.on(serverEvents.answered, (a) => screenAnswered.push(a));
    screen.on(serverEvents.results, (r) => screenResults.push(r));
    room.phones[6]!.socket.on(serverEvents.answered, (a) => phoneAnswered.push(a));
    await emit(screen, clientEvents.join, { as: 'presenter', sessionId: room.sessionId });
    // Joining brings the screen up to date: nothing answered, so no number to show.
    await eventually(() => expect(screenAnswered.at(-1)).toEqual({ activityId, count: null }));

    const answer = async (i: number) =>
      expect(await emit(room.phones[i]!.socket, clientEvents.respond, { findingId, response: 'kjenner_igjen', comment: 'Hemmelig før visning' })).toEqual({ ok: true, data: null });
    await answer(0);
    await answer(1);
    await answer(2);
    await eventually(() => expect(screenAnswered.at(-1)).toEqual({ activityId, count: 3 }));
    await eventually(() => expect(phoneAnswered.at(-1)).toEqual({ activityId, count: 3 }));
    await answer(3);
    await answer(4);
    await answer(5);
    await eventually(() => expect(screenAnswered.at(-1)).toEqual({ activityId, count: 6 }));
    // Below the minimum no number at all; above it only whole batches; and no distribution before reveal.
    expect(screenAnswered.map((a) => a?.count ?? null).every((c) => c === null || c % 3 === 0)).toBe(true);
    expect(screenResults.every((r) => r === null)).toBe(true);
    expect(JSON.stringify([screenAnswered, screenResults])).not.toContain('Hemmelig');
  });
});
