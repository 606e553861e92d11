/**
 * `npm start`: build the pages when there is no build or the sources changed since the last
 * one, then run the server. A fresh clone therefore needs only `npm ci && npm start`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Everything the pages' bundle can import (pages import db/schema and a few server types).
const inputs = ['app', 'components', 'lib', 'messages', 'i18n', 'db/schema', 'server', 'next.config.mjs', 'instrumentation-client.ts', 'tailwind.config.ts', 'postcss.config.mjs', 'package-lock.json'];
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

const wanted = hashInputs();
const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built !== wanted) {
  console.log('Bygger Verksted (første start eller endret kode) …');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, wanted);
}

await import('../server/index');
