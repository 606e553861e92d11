import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-entry.ts');
const root = path.resolve(path.dirname(entry), '..', '..');

export interface ServerProcessOptions {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** Several processes joined through Redis (socket.io's adapter and the bus). */
  redisUrl?: string | null;
  sessionSecret: string;
  /** The child's stdout and stderr go here (appended), so a failed run can be read afterwards. */
  logFile: string;
  logLevel?: string;
  /**
   * Another entry script instead of server-entry.ts; it gets an IPC channel, which `request`
   * talks to (a test driving a service the pages reach through server actions, say).
   */
  entry?: string;
}

/** A Verksted server in a child process that can be killed hard and started again on the same port and data. */
export function serverProcess(options: ServerProcessOptions) {
  let child: ChildProcess | null = null;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const origin = `http://127.0.0.1:${options.port}`;

  async function start(timeoutMs = 60_000): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      SESSION_SECRET: options.sessionSecret,
      SEED_DEMO: 'false',
      LOG_LEVEL: options.logLevel ?? 'warn',
      NODE_ENV: 'production',
    };
    delete env.DATABASE_URL;
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    delete env.REDIS_URL;
    if (options.redisUrl) env.REDIS_URL = options.redisUrl;
    const script = options.entry ?? entry;
    const stdio = options.entry ? (['ignore', 'pipe', 'pipe', 'ipc'] as const) : (['ignore', 'pipe', 'pipe'] as const);
    const started: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: [...stdio] });
    child = started;
    started.stdout?.pipe(log, { end: false });
    started.stderr?.pipe(log, { end: false });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms; see ${options.logFile}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        if (!chunk.toString().includes('READY')) return;
        clearTimeout(timer);
        started.stdout?.off('data', onData);
        resolve();
      };
      started.stdout?.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} while starting; see ${options.logFile}`));
      });
    });
  }

  function exited(proc: ChildProcess): Promise<void> {
    return proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((resolve) => proc.once('exit', () => resolve()));
  }

  let nextRequest = 0;
  /** Sends `message` over IPC (with an `id`) and resolves with the child's answer of the same id. */
  function request<T>(message: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
    const proc = child;
    if (!proc?.send) return Promise.reject(new Error('the server has no IPC channel (start it with `entry`)'));
    const id = ++nextRequest;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to request ${id} within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (answer: { id?: number; result?: T }) => {
        if (answer.id !== id) return;
        clearTimeout(timer);
        proc.off('message', onMessage);
        resolve(answer.result as T);
      };
      proc.on('message', onMessage);
      proc.send?.({ ...message, id });
    });
  }

  return {
    origin,
    start,
    request,
    /** The running child's process id (null when stopped), for reading its /proc entry. */
    pid: (): number | null => child?.pid ?? null,
    /** SIGKILL: no flush, no goodbye; what was acknowledged must already be stored. */
    async kill(): Promise<void> {
      const proc = child;
      child = null;
      if (!proc) return;
      proc.kill('SIGKILL');
      await exited(proc);
    },
    /** SIGTERM: the orderly stop, as at the end of the run. */
    async stop(): Promise<void> {
      const proc = child;
      child = null;
      if (!proc) return;
      proc.kill('SIGTERM');
      const force = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      await exited(proc);
      clearTimeout(force);
    },
    close(): Promise<void> {
      return new Promise((resolve) => log.end(() => resolve()));
    },
  };
}
