import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';

/** What the bench driver sends the bare relay; sizes are the bytes Verksted sent for the same step. */
export const relayEvents = { join: 'join', cmd: 'cmd', answer: 'answer', snap: 'snap', results: 'results' } as const;

const joinSchema = z.object({ room: z.string().min(1).max(100), facilitator: z.boolean() });
const cmdSchema = z.object({ room: z.string().min(1).max(100), seq: z.number().int(), bytes: z.number().int().min(0).max(10_000_000) });
const answerSchema = z.object({ room: z.string().min(1).max(100), pad: z.string().max(100_000), resultsBytes: z.number().int().min(0).max(10_000_000) });

type Ack = (answer: { ok: boolean }) => void;
const facilitators = (room: string) => `${room}:facilitators`;

/**
 * The bare socket.io relay Verksted is measured against: join a room; on `cmd`, broadcast a
 * message of the given size to the room and ack; on `answer`, ack and send the room's
 * facilitators a results message of the given size. No auth, no state, no database.
 */
export function attachSocketRelay(http: HttpServer): Server {
  const io = new Server(http, { path: '/socket.io', transports: ['websocket'], maxHttpBufferSize: 1e7 });
  io.on('connection', (socket) => {
    socket.on(relayEvents.join, (payload: unknown, ack: Ack) => {
      const join = joinSchema.safeParse(payload);
      if (!join.success) return ack({ ok: false });
      void socket.join(join.data.facilitator ? [join.data.room, facilitators(join.data.room)] : join.data.room);
      ack({ ok: true });
    });
    socket.on(relayEvents.cmd, (payload: unknown, ack: Ack) => {
      const cmd = cmdSchema.safeParse(payload);
      if (!cmd.success) return ack({ ok: false });
      io.to(cmd.data.room).emit(relayEvents.snap, { seq: cmd.data.seq, pad: 'x'.repeat(cmd.data.bytes) });
      ack({ ok: true });
    });
    socket.on(relayEvents.answer, (payload: unknown, ack: Ack) => {
      const answer = answerSchema.safeParse(payload);
      if (!answer.success) return ack({ ok: false });
      ack({ ok: true });
      io.to(facilitators(answer.data.room)).emit(relayEvents.results, { pad: 'x'.repeat(answer.data.resultsBytes) });
    });
  });
  return io;
}
