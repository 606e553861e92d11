/**
 * `npm test`: the whole suite in phases, each a set of commands run side by side.
 *
 *   1. typecheck ‖ lint                 (each single-threaded: one core each)
 *   2. Vitest: unit and integration     (two files at a time)
 *   3. Vitest: restarts ‖ the page build (the restart files mostly wait for processes to die and
 *                                       come back, about a third of the machine; the build
 *                                       takes the rest, and the e2e servers then find it fresh)
 *   4. Vitest: timed                    (they measure latency: nothing beside them)
 *   5. Playwright e2e
 *
 * Vitest and the e2e suite were tried side by side (with the restart files as a third lane):
 * on 2 cores it took as long as one after the other (14:07 against 14:23 for a fresh-clone CI
 * run) and made a socket heartbeat time out under the load. `/usr/bin/time` had shown the e2e
 * suite at 0.7 cores, but it does not see the browsers' and the PostgreSQL server's CPU; the
 * machine was in fact full (vmstat: 97–100 % busy through the e2e suite). So the suites take
 * turns, and only the restart files, which leave most of the machine idle, get a neighbour.
 *
 * A phase starts only when the one before it passed. Output is streamed line by line, each line
 * prefixed with its command's name, and each command's time is printed when it ends.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

interface Command {
  name: string;
  bin: string;
  args: string[];
}

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

const vitest = (name: string, ...projects: string[]): Command => ({ name, bin: bin('vitest'), args: ['run', ...projects.flatMap((p) => ['--project', p])] });

const phases: Command[][] = [
  [
    { name: 'typecheck', bin: bin('tsc'), args: ['--noEmit'] },
    { name: 'lint', bin: bin('eslint'), args: ['.'] },
  ],
  [vitest('vitest', 'unit', 'integration')],
  [vitest('restarts', 'restarts'), { name: 'build', bin: bin('tsx'), args: ['scripts/start.ts', '--build-only'] }],
  [vitest('timed', 'timed')],
  [{ name: 'e2e', bin: bin('playwright'), args: ['test'] }],
];

function run(command: Command, width: number): Promise<number> {
  const prefix = `[${command.name}]`.padEnd(width + 2);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command.bin, command.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const relay = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) out.write(`${prefix} ${line}\n`);
      });
      stream.on('end', () => pending && out.write(`${prefix} ${pending}\n`));
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', (err) => {
      process.stderr.write(`${prefix} ${String(err)}\n`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`${prefix} ${code === 0 ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
      resolve(code ?? 1);
    });
  });
}

const width = Math.max(...phases.flat().map((c) => c.name.length));
const started = Date.now();
for (const phase of phases) {
  const codes = await Promise.all(phase.map((command) => run(command, width)));
  if (codes.some((code) => code !== 0)) {
    process.stdout.write(`npm test failed after ${Math.round((Date.now() - started) / 1000)} s\n`);
    process.exit(1);
  }
}
process.stdout.write(`npm test passed in ${Math.round((Date.now() - started) / 1000)} s\n`);
