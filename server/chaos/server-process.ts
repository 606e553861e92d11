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
  sessionSecret: string;
  /** The child's stdout and stderr go here (appended), so a failed run can be read afterwards. */
  logFile: string;
  logLevel?: string;
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
    const started: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

  return {
    origin,
    start,
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
