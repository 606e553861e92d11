import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({ level, base: { app: 'verksted' }, redact: ['req.headers.cookie', '*.password', '*.token'] });
}
