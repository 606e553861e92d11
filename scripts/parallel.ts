/**
 * `tsx scripts/parallel.ts a b …`: runs the npm scripts a, b, … at the same time and fails when
 * any of them fails. For checks that are independent and each hold one core (tsc and eslint are
 * single-threaded): side by side on a 2-core machine they take as long as the slower one.
 * Each script's output is printed whole when it ends, so the logs do not interleave.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: tsx scripts/parallel.ts <npm script> [<npm script> …]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (err) => {
      output.push(Buffer.from(`${String(err)}\n`));
      resolve(1);
    });
    child.on('close', (code, signal) => {
      process.stdout.write(`\n> ${script}${code === 0 ? '' : ` (failed: ${signal ?? `exit ${code}`})`}\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

const codes = await Promise.all(scripts.map(run));
process.exit(codes.some((code) => code !== 0) ? 1 : 0);
