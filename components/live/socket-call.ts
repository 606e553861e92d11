import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@/lib/protocol';
import type { ClientEvent, EventInput, EventOutput } from '@/lib/socket-events';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 10_000;

/**
 * Sends an event and waits for the server's answer, typed from lib/socket-events.ts (payload
 * and answer), the table the server's handlers are typed from too. A lost connection or no
 * answer in time becomes an error answer, so callers handle one shape.
 */
export async function call<E extends ClientEvent>(socket: LiveSocket | null, event: E, payload: EventInput<E>, timeoutMs = ACK_TIMEOUT_MS): Promise<Ack<EventOutput<E>>> {
  if (!socket) return { ok: false, error: { code: 'NOT_JOINED', message: 'not connected' } };
  try {
    // socket.io's typed emitWithAck cannot follow a generic event name; the table pairs them.
    const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(e: E, p: EventInput<E>): Promise<Ack<EventOutput<E>>> };
    return await timed.emitWithAck(event, payload);
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: 'no answer from server' } };
  }
}
