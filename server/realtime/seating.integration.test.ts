import { afterEach, describe, expect, it } from 'vitest';
import { readLiveState } from '@/lib/live-session';
import { clientEvents, serverEvents, type JoinResult, type SnapshotView } from '@/lib/protocol';
import { createLiveService } from '../services/live-service';
import { eventually } from '../../test/retry';
import { harnessDrivers, serverHarness } from '../../test/server-harness';
import { emit, workshopRoom } from '../../test/workshop-room';

describe.each(harnessDrivers())('seating latecomers through the command path (%s)', (driver) => {
  let h: ReturnType<typeof serverHarness>;
  afterEach(() => h.cleanup());

  it('seats every latecomer who joins during group work at once, also with a second writer on the database', async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
    const room = await workshopRoom(h, 4);
    const services = h.server.services;
    // A second live service on the same database stands in for another server process: its
    // commands are not queued behind this process's, so the two commit over each other and
    // every seat depends on the versioned retry.
    const other = createLiveService(services.database.db, services.projects, services.audit);

    const viaSocket = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const { cookie } = await h.joinHttp(room.code, null);
        const socket = h.socket(cookie);
        const snapshots: SnapshotView[] = [];
        socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
        return { socket, snapshots };
      }),
    );
    const viaOther = await Promise.all(Array.from({ length: 12 }, async () => (await h.joinHttp(room.code, null)).body));
    const otherIds = viaOther.map((b) => (b.ok ? b.data.participantId : ''));

    const [joins] = await Promise.all([
      Promise.all(viaSocket.map((p) => emit<JoinResult>(p.socket, clientEvents.join, { as: 'participant', code: room.code }))),
      Promise.all(otherIds.map((id) => other.seat(room.sessionId, id, null))),
    ]);
    const socketIds = joins.map((j) => (j.ok ? j.data.participantId! : ''));

    const stored = await services.live.byId(room.sessionId);
    const groups = readLiveState(stored!.state).workshop!.groups;
    const seated = groups.flatMap((g) => g.memberIds);
    for (const id of [...room.phones.map((p) => p.id), ...socketIds, ...otherIds]) expect(seated).toContain(id);
    expect(new Set(seated).size).toBe(seated.length);
    // Latecomers go to the smallest group: the groups stay within one of each other.
    const sizes = groups.map((g) => g.memberIds.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // Each phone that joined over the socket is told its group.
    await eventually(() => expect(viaSocket.every((p) => p.snapshots.at(-1)?.state.workshop?.groups.some((g) => g.mine) ?? false)).toBe(true), 15_000);
  }, 60_000);

  it('refuses seating and forgetting sent over the socket, by a participant or a facilitator', async () => {
    h = serverHarness({}, undefined, driver);
    await h.start();
    const room = await workshopRoom(h, 1);
    const [phone] = room.phones;
    const commands = [
      { type: 'seat', participantId: phone!.id, displayName: null },
      { type: 'forgetCase', marker: 'x' },
      { type: 'forgetMemberName', participantId: phone!.id, number: 1 },
    ];
    for (const command of commands) {
      for (const socket of [phone!.socket, room.fac]) {
        expect(await emit(socket, clientEvents.command, { sessionId: room.sessionId, command })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      }
    }
  }, 30_000);
});
