import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { fail, type AppError, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import type { Ack } from '@/lib/protocol';
import { socketEventSpecs, type ClientEvent, type EventOutput, type EventPayload } from '@/lib/socket-events';
import type { Logger } from '../logger';
import { admitEvent } from './event-limits';
import type { SocketData } from './rooms';

/**
 * Wraps a socket event handler: count it against the caller's budget, validate the payload
 * with zod, run the handler, answer the ack. A bad or missing payload, a missing ack, a flood
 * or a thrown error never takes the connection down, and every ack gets an answer.
 */
export function handle<S extends z.ZodType, T>(
  socket: Socket,
  event: string,
  schema: S,
  run: (input: z.infer<S>) => Promise<Result<T>>,
  log: Logger,
  refusal?: (error: z.ZodError) => Result<T>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    // socket.io hands the ack over as the last argument, so `emit(event, ack)` puts it first.
    const last = args.at(-1);
    const ack = typeof last === 'function' ? (last as (r: Ack<T>) => void) : () => undefined;
    const payloadGiven = args.length >= 2 || (args.length === 1 && typeof last !== 'function');
    try {
      const m = (socket.data as Partial<SocketData> | undefined)?.membership;
      if (!(await admitEvent(event, socket.id, m?.participantId ?? m?.userId ?? null))) {
        ack(fail('RATE_LIMITED', `too many ${event} events`));
        return;
      }
      const parsed = payloadGiven ? schema.safeParse(args[0]) : null;
      if (!parsed) {
        ack(fail('BAD_REQUEST', `invalid ${event}: no payload`));
        return;
      }
      if (!parsed.success) {
        // The privacy guard's refusals travel as PERSONAL_DATA, so the sender's form keeps the text and says why.
        ack(refusal ? refusal(parsed.error) : parseFailure(parsed.error, `invalid ${event}: ${parsed.error.issues[0]?.message ?? 'no payload'}`));
        return;
      }
      ack(await run(parsed.data));
    } catch (err) {
      log.error({ err, event }, 'socket handler failed');
      const error: AppError = { code: 'INTERNAL', message: 'internal error' };
      ack({ ok: false, error });
    }
  });
}

/**
 * `handle` for an event of the table in lib/socket-events.ts: validated with that event's own
 * schema, answered with that event's answer type (the same types the client's `call` has).
 */
export function handleEvent<E extends ClientEvent>(
  socket: Socket,
  event: E,
  run: (input: EventPayload<E>) => Promise<Result<EventOutput<E>>>,
  log: Logger,
): void {
  // Indexing the table by a generic key loses the pairing TypeScript cannot follow; it holds by construction.
  const { input, refusal } = socketEventSpecs[event] as { input: z.ZodType; refusal?: (error: z.ZodError) => Result<EventOutput<E>> };
  handle(socket, event, input as z.ZodType<EventPayload<E>>, run, log, refusal);
}
