import { Writable } from 'node:stream';
import pino from 'pino';

export interface LoggedLine {
  level: number;
  msg: string;
  err?: { message?: string };
}

/** A logger that keeps every line, so a test can say what was (and was not) logged. */
export function capturingLogger(level: 'debug' | 'info' = 'info') {
  const lines: LoggedLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LoggedLine);
      done();
    },
  });
  return { log: pino({ level }, stream), lines };
}
