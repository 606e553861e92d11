/**
 * `npm start`: build the pages when there is no build or the sources changed since the last
 * one, then run the server. A fresh clone therefore needs only `npm ci && npm start`.
 * `--build-only` stops after the build (`npm test` builds while other tests run).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Everything the pages' bundle can import (pages import db/schema and a few server types).
const inputs = ['scripts/start.ts', 'app', 'components', 'lib', 'messages', 'i18n', 'db/schema', 'server', 'next.config.mjs', 'instrumentation-client.ts', 'tailwind.config.ts', 'postcss.config.mjs', 'package-lock.json'];
const stampFile = path.join(root, '.next', 'verksted-build-hash');

function hashInputs(): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest('hex');
}

const builtHash = () => (existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '');

/**
 * Several processes may start from one checkout at once (the e2e suite starts one server per
 * worker; an operator may start instances side by side). One builds; the others wait for it and
 * then find the build fresh. A lock older than the longest build is taken for a crashed one.
 */
function withBuildLock(build: () => void): void {
  const lock = path.join(root, '.next-build.lock');
  const staleMs = 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (Date.now() - since > staleMs) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const wanted = hashInputs();
if (builtHash() !== wanted) {
  let failed: number | null = null;
  withBuildLock(() => {
    if (builtHash() === wanted) return;
    console.log('Bygger Verksted (første start eller endret kode) …');
    // webpack, not Turbopack: Turbopack puts every chunk a page could import() in its first
    // load (vercel/next.js#96042), so a phone would download the console, the Q grid and the
    // board editor; webpack loads a lazy part when it is shown (e2e/phone-weight.spec.ts).
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build', '--webpack'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status === 0) writeFileSync(stampFile, wanted);
    else failed = result.status ?? 1;
  });
  // Exiting inside the lock would leave it behind for the others to wait out.
  if (failed !== null) process.exit(failed);
}

if (!process.argv.includes('--build-only')) await import('../server/index');
