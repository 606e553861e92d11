import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { fail, type AppError, type Result } from '@/lib/errors';
import type { Ack } from '@/lib/protocol';
import type { Logger } from '../logger';

/**
 * Wraps a socket event handler: validate the payload with zod, run the handler, answer the
 * ack. A bad payload, a missing ack or a thrown error never takes the connection down.
 */
export function handle<S extends z.ZodType, T>(
  socket: Socket,
  event: string,
  schema: S,
  run: (input: z.infer<S>) => Promise<Result<T>>,
  log: Logger,
): void {
  socket.on(event, async (payload: unknown, maybeAck: unknown) => {
    const ack = typeof maybeAck === 'function' ? (maybeAck as (r: Ack<T>) => void) : () => undefined;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      ack(fail('BAD_REQUEST', `invalid ${event}: ${parsed.error.issues[0]?.message ?? 'bad payload'}`));
      return;
    }
    try {
      ack(await run(parsed.data));
    } catch (err) {
      log.error({ err, event }, 'socket handler failed');
      const error: AppError = { code: 'INTERNAL', message: 'internal error' };
      ack({ ok: false, error });
    }
  });
}
