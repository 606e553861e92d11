import { eq } from 'drizzle-orm';
import { workshopViewOf } from '@/lib/workshop/view';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import { expect } from 'vitest';
import { workshops } from '@/db/schema';
import { myGroup } from '@/lib/live-view';
import { clientEvents, serverEvents, yjsMessageTypes, type JoinResult, type SnapshotView, type YjsTokenResult } from '@/lib/protocol';
import type { WorkshopCommand } from '@/lib/workshop/runtime';
import { seedDemoProject } from '@/server/demo/seed-demo';
import type { Sample } from './load';
import { eventually } from './retry';
import { emitAck, type serverHarness, type TestSocket } from './server-harness';

type Harness = ReturnType<typeof serverHarness>;
export const emit = emitAck;

export interface Phone {
  socket: TestSocket;
  id: string;
  authorKey: string;
  snapshots: SnapshotView[];
}

/**
 * A running demo workshop on its group reflection step (which starts with silent writing),
 * with a facilitator and `count` phones joined and seated in groups.
 */
export async function workshopRoom(h: Harness, count: number, facilitatorEmail?: string) {
  const { user, cookie } = await h.facilitator(facilitatorEmail);
  const db = h.server.services.database.db;
  const projectId = await seedDemoProject(db, user.id);
  const [workshop] = await db.select({ id: workshops.id }).from(workshops).where(eq(workshops.projectId, projectId));
  const opened = await h.server.services.live.open(user.id, projectId, { title: 'Verksted' }, { workshopId: workshop!.id });
  if (!opened.ok) throw new Error(opened.error.code);
  const sessionId = opened.data.id;
  const fac = h.socket(cookie);
  const joined = await emit<JoinResult>(fac, clientEvents.join, { as: 'facilitator', sessionId });
  if (!joined.ok) throw new Error('join');
  const phones: Phone[] = [];
  for (let i = 0; i < count; i++) {
    const { cookie: pc } = await h.joinHttp(opened.data.code, null);
    const socket = h.socket(pc);
    const snapshots: SnapshotView[] = [];
    socket.on(serverEvents.snapshot, (s) => snapshots.push(s));
    const join = await emit<JoinResult>(socket, clientEvents.join, { as: 'participant', code: opened.data.code });
    if (!join.ok) throw new Error('join');
    phones.push({ socket, id: join.data.participantId!, authorKey: join.data.authorKey!, snapshots });
  }
  const run = async (command: WorkshopCommand) => {
    const r = await emit<{ version: number }>(fac, clientEvents.command, { sessionId, command: { type: 'workshop', command } });
    if (!r.ok) throw new Error(`${command.type}: ${r.error.code}`);
  };
  const reflection = workshopViewOf(joined.data.snapshot.state.workshop!).agenda.findIndex((x) => x.kind === 'reflection');
  await run({ type: 'goTo', index: reflection });
  await eventually(() => expect(phones.every((p) => (p.snapshots.at(-1)?.state.workshop?.groups.length ?? 0) > 0)).toBe(true));
  const runtime = () => workshopViewOf(phones[0]!.snapshots.at(-1)!.state.workshop!);
  const activityId = runtime().agenda[reflection]!.id;
  // A phone is told which group is its own, never who else is in it.
  const groupOf = (p: Phone) => myGroup(p.snapshots.at(-1)!.state.workshop!)!.id;
  return { sessionId, code: opened.data.code, cookie, fac, phones, run, activityId, groupOf, runtime };
}

/**
 * A kollegaveiledning meeting, opened by `userId` in a new project of theirs with the project's
 * first template; resolves to its live session row.
 */
export async function openSupervisionMeeting(h: Harness, userId: string, projectName = 'Arbeid først') {
  const services = h.server.services;
  const ok = <T>(r: { ok: true; data: T } | { ok: false; error: { code: string } }): T => {
    if (!r.ok) throw new Error(r.error.code);
    return r.data;
  };
  const project = ok(await services.projects.create(userId, { name: projectName, description: '' }));
  const templates = ok(await services.supervision.listTemplates(userId, project.id));
  const group = ok(await services.supervision.createGroup(userId, project.id, { name: 'Veiledningsgruppe', templateId: templates[0]!.id }));
  const opened = ok(await services.supervision.openMeeting(userId, project.id, group.id));
  return (await services.live.byId(opened.sessionId))!;
}

export async function yjsToken(socket: TestSocket, docName: string): Promise<string> {
  return (await yjsGrant(socket, docName)).token;
}

/**
 * A Yjs token and the author key that comes with it: on a board or draft, what a participant's
 * notes must carry there (`boardAuthorKey`); `'facilitator'` for a facilitator, as the Board writes.
 */
export async function yjsGrant(socket: TestSocket, docName: string): Promise<{ token: string; authorKey: string }> {
  const r = await emit<YjsTokenResult>(socket, clientEvents.yjsToken, { docName });
  if (!r.ok) throw new Error(r.error.code);
  return { token: r.data.token, authorKey: r.data.authorKey ?? 'facilitator' };
}

/** Collects the refusal codes the server sends a provider (as use-yjs-doc.ts reads them). */
export function refusalsOf(provider: WebsocketProvider): string[] {
  const codes: string[] = [];
  provider.messageHandlers[yjsMessageTypes.refused] = (_encoder, decoder) => {
    codes.push(decoding.readVarString(decoder));
  };
  return codes;
}

/** A hand-made y-websocket client, as an attacker would write one: sends whatever it likes. */
export async function rawYjsClient(port: number, docName: string, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/yjs/${encodeURIComponent(docName)}?token=${encodeURIComponent(token)}`);
  const refusals: string[] = [];
  let closeCode: number | null = null;
  const received = { messages: 0, bytes: 0 };
  ws.on('message', (data: Buffer) => {
    received.messages++;
    received.bytes += data.length;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === yjsMessageTypes.refused) refusals.push(decoding.readVarString(decoder));
  });
  ws.on('close', (code) => (closeCode = code));
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    refusals,
    closeCode: () => closeCode,
    /** Sends one Yjs update as a sync `update` message. */
    sendUpdate(update: Uint8Array) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
      ws.send(encoding.toUint8Array(e));
    },
    sendRaw: (bytes: Uint8Array) => ws.send(bytes),
    /** Messages and bytes received so far. */
    received,
    /** Asks for everything the server has after `stateVector` (empty: the whole document). */
    sendSyncStep1(stateVector: Uint8Array = new Uint8Array([0])) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, stateVector);
      ws.send(encoding.toUint8Array(e));
    },
  };
}

/** Probes a working session from its phones in turn (a read of their own answers), then /api/health. */
export function sessionProbe(h: Harness, phones: Phone[]): () => Promise<Sample> {
  let turn = 0;
  return async () => {
    const phone = phones[turn++ % phones.length]!;
    const t0 = performance.now();
    const ack = await emit(phone.socket, clientEvents.mine, {});
    const t1 = performance.now();
    const res = await fetch(`${h.origin}/api/health`);
    const t2 = performance.now();
    if (!ack.ok || res.status !== 200) throw new Error(`the working session failed: ${JSON.stringify(ack)} ${res.status}`);
    return { event: t1 - t0, health: t2 - t1 };
  };
}
