/**
 * The load generator: a process of its own (forked by bench/run.ts), so the clients never share
 * the server's event loop. It connects every phone and facilitator of one run, says when the
 * measured window starts and ends (the parent reads the server's /proc then), and answers with
 * every latency it measured. All times are this process's `performance.now()`: sender and
 * receivers of every measured message live here, so one clock measures both ends.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clientEvents } from '@/lib/protocol';
import { findingResponseValues } from '@/lib/workshop/answers';
import { addNote, boardDocName } from '@/lib/workshop/board';
import { myGroup } from '@/lib/live-view';
import { workshopViewOf } from '@/lib/workshop/view';
import type { ActivityKindName } from '@/lib/activities/registry';
import type { Scenario } from './args';
import { relayEvents } from './baseline/socket-relay';
import type { BenchSession } from './setup';
import { percentile, summarise, type Summary } from './stats';
import { pingPong } from './steps';
import { boardClient, drops, refusals, relayFacilitator, relayPhone, verkstedFacilitator, verkstedPhone, type BenchBoard, type PhoneLog } from './targets';

export interface Sizes {
  /** Bytes of the participants' snapshot at each agenda index (JSON), as Verksted sent it. */
  snapshotBytesByIndex: Record<number, number>;
  agendaLength: number;
  /** The activity kind at each agenda index (stepping scenarios). */
  agendaKinds: string[];
  /** Bytes of one answer's payload and of the facilitator's results message (median). */
  answerBytes: number;
  resultsBytes: number;
}

export interface DriverConfig {
  target: 'verksted' | 'baseline';
  scenario: Scenario;
  origin: string;
  /**
   * Several Verksted processes: client n (facilitators by session, phones by seat) connects to
   * `origins[n % length]`, so a session's facilitator and phones sit on different processes.
   */
  origins?: string[];
  durationMs: number;
  sessions: BenchSession[];
  /** Participants in each session, in `sessions` order. */
  participants: number[];
  /** The baseline's message sizes: what Verksted sent in the same run. */
  sizes: Sizes | null;
}

export interface DriverResult {
  latencies: number[];
  /** `answers` only: answer sent → the facilitator's next results message after its ack. */
  resultsDelays: number[];
  /** Stepping scenarios: the latency by the agenda step moved to (`<index>:<kind>`), and what was missed there. */
  byStep?: Record<string, Summary & { missed: number }>;
  /** Messages a receiver should have had and never got. */
  missed: number;
  /** Steps, answers or notes sent in the window, and how many the server refused (or never acked). */
  sent: number;
  refused: number;
  /** socket.io connections the server dropped during the run (they reconnect and rejoin). */
  drops: number;
  /** Error codes of refused or unanswered events over the whole run (NO_ACK: connection lost first). */
  refusalCodes: Record<string, number>;
  /** This process's event-loop delay over the window (ms): high values mean the load generator, not the server, was slow. */
  driverLoopDelay: { p99Ms: number; maxMs: number };
  sizes: Sizes;
}

export type DriverMessage = { type: 'window'; phase: 'start' | 'end' } | { type: 'log'; line: string } | { type: 'done'; result: DriverResult } | { type: 'error'; message: string };

const STEP_MS = 500;
/** Filled in by `run` for every scenario. */
const noDelay = { p99Ms: 0, maxMs: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const windowHooks = { start: () => undefined as void, end: () => undefined as void };
const tell = (message: DriverMessage) => {
  if (message.type === 'window') windowHooks[message.phase]();
  process.send?.(message);
};
const log = (line: string) => tell({ type: 'log', line });

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Waits until `done` holds, for at most 5 s: what has not come by then is counted as missed. */
async function settle(done: () => boolean): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!done() && performance.now() < deadline) await sleep(50);
  await sleep(200);
}

/** Runs `make(i)` for i < count, `concurrency` at a time, keeping the order. */
async function inBatches<T>(count: number, concurrency: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await make(i);
      }
    }),
  );
  return out;
}

const median = (xs: number[]) => (xs.length ? percentile(xs, 50) : 0);
const room = (s: BenchSession) => `room-${s.sessionId}`;
const indexOfKind = (snapshot: { state: { workshop?: unknown } }, kind: ActivityKindName) => {
  const rt = snapshot.state.workshop as Parameters<typeof workshopViewOf>[0] | undefined;
  return rt ? workshopViewOf(rt).agenda.findIndex((a) => a.kind === kind) : -1;
};
const currentKind = (snapshot: { state: { workshop?: unknown } }) => {
  const rt = snapshot.state.workshop as Parameters<typeof workshopViewOf>[0] | undefined;
  return rt ? (workshopViewOf(rt).activity?.kind ?? null) : null;
};

/** Every phone of every session, numbered across sessions (each has its own address). */
function phoneSlots(config: DriverConfig) {
  return config.sessions.flatMap((session, s) => Array.from({ length: config.participants[s]! }, (_, seat) => ({ session, s, seat })));
}

// --- plenary and many: the facilitator steps the agenda --------------------------------------

interface Stepper {
  /** Sends step `k` (agenda index `index`); resolves with the key phones see it under, or null when refused. */
  step(k: number, index: number): Promise<number | null>;
  phones: PhoneLog[];
}

/** The server client `n` connects to: one of several processes in turn, or the one. */
const originAt = (config: DriverConfig, n: number) => (config.origins?.length ? config.origins[n % config.origins.length]! : config.origin);

async function stepping(config: DriverConfig): Promise<DriverResult> {
  const slots = phoneSlots(config);
  let steppers: Stepper[];
  let agendaLength: number;
  let agendaKinds: string[];
  const versionIndex = new Map<number, number>();
  let sizePhone: PhoneLog | null = null;
  let closeAll: () => void;
  if (config.target === 'verksted') {
    const facs = await Promise.all(config.sessions.map((s, n) => verkstedFacilitator(originAt(config, n), s)));
    const phones = await inBatches(slots.length, 8, (i) => verkstedPhone(originAt(config, i + 1), slots[i]!.session, i, slots[i]!.seat, i === 0));
    sizePhone = phones[0]!.log;
    const agenda = workshopViewOf(facs[0]!.snapshot().state.workshop!).agenda;
    agendaLength = agenda.length;
    agendaKinds = agenda.map((a) => a.kind);
    steppers = facs.map((fac, s) => ({
      phones: phones.filter((_, i) => slots[i]!.s === s).map((p) => p.log),
      async step(_k, index) {
        const version = await fac.goTo(index);
        if (version !== null && s === 0) versionIndex.set(version, index);
        return version;
      },
    }));
    closeAll = () => [...facs, ...phones].forEach((c) => c.close());
  } else {
    const sizes = config.sizes!;
    agendaLength = sizes.agendaLength;
    agendaKinds = sizes.agendaKinds ?? [];
    const facs = await Promise.all(config.sessions.map((s) => relayFacilitator(config.origin, room(s))));
    const phones = await inBatches(slots.length, 8, (i) => relayPhone(config.origin, room(slots[i]!.session)));
    const fallback = median(Object.values(sizes.snapshotBytesByIndex));
    steppers = facs.map((fac, s) => ({
      phones: phones.filter((_, i) => slots[i]!.s === s).map((p) => p.log),
      async step(k, index) {
        return (await fac.step(k, sizes.snapshotBytesByIndex[index] ?? fallback)) ? k : null;
      },
    }));
    closeAll = () => [...facs, ...phones].forEach((c) => c.close());
  }
  log(`${config.target}: ${slots.length} phones in ${config.sessions.length} session(s) connected; agenda of ${agendaLength} steps`);

  // Warm-up: one pass over the whole agenda, not measured.
  for (let k = 0; k < agendaLength; k++) await Promise.all(steppers.map((st) => st.step(k, pingPong(k, agendaLength))));
  await sleep(1000);

  const sends = steppers.map(() => new Map<number, { t0: number; index: number }>());
  let sent = 0;
  let refused = 0;
  tell({ type: 'window', phase: 'start' });
  const start = performance.now();
  await Promise.all(
    steppers.map(async (st, s) => {
      // Sessions' facilitators are not in step with each other: each starts a little later.
      await sleep((s * STEP_MS) / steppers.length);
      const pending: Promise<void>[] = [];
      for (let k = agendaLength; performance.now() - start < config.durationMs; k++) {
        const t0 = performance.now();
        const index = pingPong(k, agendaLength);
        sent++;
        pending.push(
          st.step(k, index).then((key) => {
            if (key === null) refused++;
            else sends[s]!.set(key, { t0, index });
          }),
        );
        await sleep(Math.max(0, STEP_MS - (performance.now() - t0)));
      }
      await Promise.all(pending);
    }),
  );
  tell({ type: 'window', phase: 'end' });
  // Stragglers still count (or are missed) below.
  await settle(() => steppers.every((st, s) => [...sends[s]!.keys()].every((key) => st.phones.every((p) => p.arrivals.has(key)))));

  const latencies: number[] = [];
  let missed = 0;
  const steps = new Map<string, { latencies: number[]; missed: number }>();
  steppers.forEach((st, s) => {
    for (const [key, { t0, index }] of sends[s]!) {
      const label = `${index}:${agendaKinds[index] ?? '?'}`;
      const step = steps.get(label) ?? { latencies: [], missed: 0 };
      steps.set(label, step);
      for (const phone of st.phones) {
        const at = phone.arrivals.get(key);
        if (at === undefined) {
          missed++;
          step.missed++;
        } else {
          latencies.push(at - t0);
          step.latencies.push(at - t0);
        }
      }
    }
  });
  const byStep = Object.fromEntries([...steps].filter(([, v]) => v.latencies.length > 0).map(([label, v]) => [label, { ...summarise(v.latencies), missed: v.missed }]));
  const snapshotBytesByIndex: Record<number, number> = config.sizes?.snapshotBytesByIndex ?? {};
  if (sizePhone) for (const [version, index] of versionIndex) snapshotBytesByIndex[index] ??= sizePhone.bytes.get(version) ?? 0;
  closeAll();
  return { latencies, resultsDelays: [], byStep, missed, sent, refused, drops: 0, refusalCodes: {}, driverLoopDelay: noDelay, sizes: { snapshotBytesByIndex, agendaLength, agendaKinds, answerBytes: config.sizes?.answerBytes ?? 0, resultsBytes: config.sizes?.resultsBytes ?? 0 } };
}

// --- answers: phones answer every few seconds ---------------------------------------------

async function answering(config: DriverConfig): Promise<DriverResult> {
  const session = config.sessions[0]!;
  const count = config.participants[0]!;
  const findingIds = session.findingIds;
  const payloadOf = (i: number, k: number) => ({ findingId: findingIds[k % findingIds.length]!, response: findingResponseValues[(i + k) % findingResponseValues.length]!, comment: `svar ${i} ${k}` });
  const answerBytes = config.sizes?.answerBytes ?? Buffer.byteLength(JSON.stringify(payloadOf(count, 10)));
  let send: (i: number, k: number) => Promise<boolean>;
  let results: { at: number; bytes: number | null }[];
  let closeAll: () => void;
  if (config.target === 'verksted') {
    const fac = await verkstedFacilitator(originAt(config, 0), session);
    const phones = await inBatches(count, 8, (i) => verkstedPhone(originAt(config, i + 1), session, i, i, false));
    const index = indexOfKind(fac.snapshot(), 'findings');
    if (index < 0 || (await fac.goTo(index)) === null) throw new Error('could not open the findings round');
    await until(() => phones.every((p) => currentKind(p.snapshot()) === 'findings'), 60_000, 'every phone to see the findings round');
    results = fac.results;
    send = (i, k) => phones[i]!.send(clientEvents.respond, payloadOf(i, k));
    closeAll = () => [fac, ...phones].forEach((c) => c.close());
  } else {
    const fac = await relayFacilitator(config.origin, room(session));
    const phones = await inBatches(count, 8, () => relayPhone(config.origin, room(session)));
    const resultsBytes = config.sizes!.resultsBytes;
    results = fac.results;
    send = (i) => phones[i]!.send(relayEvents.answer, { room: room(session), pad: 'x'.repeat(answerBytes), resultsBytes });
    closeAll = () => [fac, ...phones].forEach((c) => c.close());
  }
  log(`${config.target}: ${count} phones answering`);
  await sleep(1000);

  const answers: { t0: number; t1: number }[] = [];
  let refused = 0;
  const resultsBefore = results.length;
  tell({ type: 'window', phase: 'start' });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      await sleep(Math.random() * 4000);
      for (let k = 0; performance.now() - start < config.durationMs; k++) {
        const t0 = performance.now();
        // Only acked answers have an ack latency; a refusal or a lost connection is counted apart.
        if (await send(i, k)) answers.push({ t0, t1: performance.now() });
        else refused++;
        // Every few seconds: 2–6 s apart, about 4 s on average.
        await sleep(2000 + Math.random() * 4000);
      }
    }),
  );
  tell({ type: 'window', phase: 'end' });
  const lastAck = Math.max(0, ...answers.map((a) => a.t1));
  await settle(() => results.some((r) => r.at >= lastAck));

  const arrivals = results.slice(resultsBefore).map((r) => r.at);
  const resultsDelays: number[] = [];
  let missed = 0;
  for (const a of answers) {
    const next = arrivals.find((at) => at >= a.t1);
    if (next === undefined) missed++;
    else resultsDelays.push(next - a.t0);
  }
  const measured = results.map((r) => r.bytes).filter((b): b is number => b !== null);
  closeAll();
  return {
    latencies: answers.map((a) => a.t1 - a.t0),
    resultsDelays,
    missed,
    sent: answers.length + refused,
    refused,
    drops: 0,
    refusalCodes: {},
    driverLoopDelay: noDelay,
    sizes: { snapshotBytesByIndex: {}, agendaLength: 0, agendaKinds: [], answerBytes, resultsBytes: config.sizes?.resultsBytes ?? median(measured) },
  };
}

// --- groups: boards of five ---------------------------------------------------------------

async function boards(config: DriverConfig): Promise<DriverResult> {
  const session = config.sessions[0]!;
  const count = config.participants[0]!;
  const wsBase = `${config.origin.replace(/^http/, 'ws')}/yjs`;
  const wsOf = (n: number) => `${originAt(config, n).replace(/^http/, 'ws')}/yjs`;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const seen = (id: string, at: number) => {
    const t0 = sentAt.get(id);
    if (t0 !== undefined) latencies.push(at - t0);
  };
  // y-websocket's awareness adds a process 'exit' listener per provider.
  process.setMaxListeners(count + 50);
  const writers: { board: BenchBoard; authorKey: string; group: string }[] = [];
  let closeAll: () => void;
  if (config.target === 'verksted') {
    const fac = await verkstedFacilitator(originAt(config, 0), session);
    const phones = await inBatches(count, 8, (i) => verkstedPhone(originAt(config, i + 1), session, i, i, false));
    const index = indexOfKind(fac.snapshot(), 'reflection');
    if (index < 0 || (await fac.goTo(index)) === null) throw new Error('could not open the group reflection');
    await until(() => phones.every((p) => currentKind(p.snapshot()) === 'reflection' && myGroup(p.snapshot().state.workshop!) !== null), 60_000, 'every phone to get a group');
    const activityId = workshopViewOf(fac.snapshot().state.workshop!).agenda[index]!.id;
    await inBatches(count, 8, async (i) => {
      const group = myGroup(phones[i]!.snapshot().state.workshop!)!.id;
      const docName = boardDocName(session.sessionId, activityId, group);
      const grant = await phones[i]!.yjsGrant(docName);
      writers[i] = { board: boardClient(wsOf(i + 1), docName, grant.token, seen), authorKey: grant.authorKey, group };
    });
    closeAll = () => {
      writers.forEach((w) => w.board.close());
      [fac, ...phones].forEach((c) => c.close());
    };
  } else {
    for (let i = 0; i < count; i++) {
      const group = `g${Math.floor(i / 5)}`;
      writers.push({ board: boardClient(wsBase, `bench.${room(session)}.${group}`, null, seen), authorKey: `k${i}`, group });
    }
    closeAll = () => writers.forEach((w) => w.board.close());
  }
  await until(() => writers.every((w) => w.board.provider.synced), 60_000, 'every board to sync');
  const members = new Map<string, number>();
  for (const w of writers) members.set(w.group, (members.get(w.group) ?? 0) + 1);
  log(`${config.target}: ${count} phones on ${members.size} boards`);
  await sleep(1000);

  let sent = 0;
  let expected = 0;
  tell({ type: 'window', phase: 'start' });
  const start = performance.now();
  await Promise.all(
    writers.map(async (w, i) => {
      await sleep(Math.random() * 2000);
      for (let k = 0; performance.now() - start < config.durationMs; k++) {
        const id = `n${i}-${k}`;
        sentAt.set(id, performance.now());
        addNote(w.board.doc, { id, text: `Lapp ${i} ${k}`, colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: w.authorKey, createdAt: Date.now() });
        sent++;
        expected += members.get(w.group)! - 1;
        // A note every 1–3 s from each member.
        await sleep(1000 + Math.random() * 2000);
      }
    }),
  );
  tell({ type: 'window', phase: 'end' });
  await settle(() => latencies.length >= expected);
  closeAll();
  return { latencies, resultsDelays: [], missed: expected - latencies.length, sent, refused: 0, drops: 0, refusalCodes: {}, driverLoopDelay: noDelay, sizes: config.sizes ?? { snapshotBytesByIndex: {}, agendaLength: 0, agendaKinds: [], answerBytes: 0, resultsBytes: 0 } };
}

const scenarios: Record<Scenario, (config: DriverConfig) => Promise<DriverResult>> = { plenary: stepping, many: stepping, answers: answering, groups: boards };

/** Runs a scenario, watching this process's own event loop while the window lasts. */
async function run(config: DriverConfig): Promise<DriverResult> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  windowHooks.start = () => delay.enable();
  windowHooks.end = () => delay.disable();
  const result = await scenarios[config.scenario](config);
  return { ...result, drops: drops.count, refusalCodes: refusals, driverLoopDelay: { p99Ms: Number((delay.percentile(99) / 1e6).toFixed(1)), maxMs: Number((delay.max / 1e6).toFixed(1)) } };
}

process.once('message', (config: DriverConfig) => {
  run(config).then(
    // Exit only once the answer is handed over: thousands of latencies are one large message.
    (result) => process.send?.({ type: 'done', result } satisfies DriverMessage, () => process.exit(0)),
    (err: unknown) => process.send?.({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies DriverMessage, () => process.exit(1)),
  );
});
