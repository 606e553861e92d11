/**
 * `npm run bench -- --scenario NAME --participants N [--duration SECONDS] [--out DIR]`
 *
 * Starts Verksted (the server of `npm start` without the Next.js pages: server/chaos/
 * child-server.ts) on PGlite in a scratch directory, or on PostgreSQL when DATABASE_URL is set,
 * drives it from a separate load process with real socket.io and y-websocket clients, then does
 * the same against the bare relays (bench/baseline/) with the same load and the message sizes
 * Verksted sent. Writes bench/results/<scenario>-<date>.json; the last line on stdout is the
 * contract's JSON object (see bench/README.md).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverProcess, type ServerProcessOptions } from '@/server/chaos/server-process';
import { freePort } from '../test/ports';
import { MANY_SESSIONS, parseBenchArgs, type BenchOptions } from './args';
import type { DriverConfig, DriverMessage, DriverResult } from './driver';
import { prepareSessions } from './setup';
import { benchLine, summarise } from './stats';
import { watchProcess } from './proc';
import { split } from './steps';

const here = path.dirname(fileURLToPath(import.meta.url));
const began = performance.now();
const say = (line: string) => process.stdout.write(`[${((performance.now() - began) / 1000).toFixed(1)} s] ${line}\n`);

/** Runs one driver process against one server and measures the server's process over the window. */
function drive(config: DriverConfig, serverPids: number[]): Promise<DriverResult & { server: { rssMb: number; cpuPct: number } }> {
  const child = fork(path.join(here, 'driver.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let watch: ReturnType<typeof watchProcess>[] = [];
    let server: { rssMb: number; cpuPct: number } | null = null;
    let settled = false;
    child.on('message', (message: DriverMessage) => {
      if (message.type === 'log') say(`  ${message.line}`);
      else if (message.type === 'window' && message.phase === 'start') watch = serverPids.map(watchProcess);
      else if (message.type === 'window' && message.phase === 'end') {
        // Several processes: their memory and CPU added up (CPU may then pass 100 % of one core).
        const each = watch.map((w) => w.stop());
        server = each.length ? { rssMb: each.reduce((sum, e) => sum + e.rssMb, 0), cpuPct: each.reduce((sum, e) => sum + e.cpuPct, 0) } : null;
      }
      else if (message.type === 'error') {
        settled = true;
        reject(new Error(`the ${config.target} driver failed: ${message.message}`));
      } else if (message.type === 'done') {
        settled = true;
        if (!server) reject(new Error('the driver never closed its measured window'));
        else resolve({ ...message.result, server });
      }
    });
    // 'close', not 'exit': it comes after the last message on the channel has been read.
    child.once('close', (code) => {
      if (!settled) reject(new Error(`the ${config.target} driver exited with ${code} before it finished`));
    });
    child.send(config);
  });
}

async function main(options: BenchOptions): Promise<void> {
  const sessionCount = options.scenario === 'many' ? MANY_SESSIONS : 1;
  const participants = split(options.participants, sessionCount);
  const databaseUrl = process.env.DATABASE_URL || null;
  const redisUrl = process.env.REDIS_URL || null;
  if (options.processes > 1 && (!databaseUrl || !redisUrl)) throw new Error('bench: --processes above 1 needs DATABASE_URL and REDIS_URL (the processes share them)');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'verksted-bench-'));
  // Each simulated phone comes from its own address in X-Forwarded-For (bench/targets.ts), which
  // the server believes only behind a proxy it trusts: the per-address join limits then see
  // what a real network shows them instead of 300 phones on 127.0.0.1.
  process.env.TRUST_PROXY = 'true';
  const verksted: ServerProcessOptions = { port: await freePort(), dataDir, databaseUrl, redisUrl: options.processes > 1 ? redisUrl : null, sessionSecret: randomBytes(36).toString('base64url'), logFile: path.join(dataDir, 'verksted.log') };
  const others: ServerProcessOptions[] = [];
  for (let n = 1; n < options.processes; n++) others.push({ ...verksted, port: await freePort(), logFile: path.join(dataDir, `verksted-${n}.log`) });
  const relay: ServerProcessOptions = { ...verksted, port: await freePort(), databaseUrl: null, redisUrl: null, logFile: path.join(dataDir, 'baseline.log'), entry: path.join(here, 'baseline', 'entry.ts') };
  const database = databaseUrl ? 'PostgreSQL' : 'PGlite';
  say(`bench ${options.scenario}: ${options.participants} participants in ${sessionCount} session(s), ${options.duration} s measured; Verksted on ${database}${databaseUrl ? '' : ` in ${dataDir}`}${options.processes > 1 ? `, ${options.processes} processes joined through Redis` : ''}`);
  let keep = true;
  try {
    const sessions = await prepareSessions(verksted, participants, 5);
    const base = { scenario: options.scenario, durationMs: options.duration * 1000, sessions, participants };

    const servers = [verksted, ...others].map((o) => serverProcess(o));
    let verkstedRun: Awaited<ReturnType<typeof drive>>;
    try {
      await Promise.all(servers.map((s) => s.start()));
      const origins = servers.map((s) => s.origin);
      verkstedRun = await drive({ ...base, target: 'verksted', origin: origins[0]!, origins, sizes: null }, servers.map((s) => s.pid()!));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await Promise.all(servers.map((s) => s.close()));
    }
    const bare = serverProcess(relay);
    let baselineRun: Awaited<ReturnType<typeof drive>>;
    try {
      await bare.start();
      baselineRun = await drive({ ...base, target: 'baseline', origin: bare.origin, sizes: verkstedRun.sizes }, [bare.pid()!]);
    } finally {
      await bare.stop();
      await bare.close();
    }

    const mine = summarise(verkstedRun.latencies);
    const theirs = summarise(baselineRun.latencies);
    const line = benchLine(options.scenario, options.participants, mine, theirs, verkstedRun.server);
    const measuredOf = (run: typeof verkstedRun) => ({
      latency: summarise(run.latencies),
      ...(run.resultsDelays.length ? { resultsDelay: summarise(run.resultsDelays) } : {}),
      ...(run.byStep ? { byStep: run.byStep } : {}),
      sent: run.sent,
      refused: run.refused,
      missed: run.missed,
      drops: run.drops,
      refusalCodes: run.refusalCodes,
      driverLoopDelay: run.driverLoopDelay,
      process: run.server,
    });
    const stamp = new Date().toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replace(':', '');
    const outDir = options.out ?? path.join(here, 'results');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `${options.scenario}-${stamp}.json`);
    const record = {
      ...line,
      command: `npm run bench -- --scenario ${options.scenario} --participants ${options.participants} --duration ${options.duration}${options.processes > 1 ? ` --processes ${options.processes}` : ''}`,
      processes: options.processes,
      at: new Date().toISOString(),
      database,
      sessions: sessionCount,
      durationSeconds: options.duration,
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? null, node: process.version },
      latencyMeaning: latencyMeaning[options.scenario],
      verksted: measuredOf(verkstedRun),
      baseline: measuredOf(baselineRun),
      sizes: verkstedRun.sizes,
    };
    writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
    say(`verksted: ${JSON.stringify(record.verksted)}`);
    say(`baseline: ${JSON.stringify(record.baseline)}`);
    say(`written to ${path.relative(process.cwd(), file)}`);
    keep = false;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    if (keep) say(`data and server logs kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

const latencyMeaning: Record<BenchOptions['scenario'], string> = {
  plenary: 'facilitator goTo command sent -> snapshot (relay: message of the same size) seen at each phone',
  many: 'as plenary, in each of 20 sessions stepping at once',
  answers: 'answer sent -> its ack at the phone; resultsDelay: answer sent -> the facilitator\'s next results message after the ack',
  groups: 'note added on one phone -> seen on each other member\'s copy of the group board',
};

main(parseBenchArgs(process.argv.slice(2))).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
