import { z } from 'zod';
import type { NewFeedbackItem } from '@/db/schema';
import { fail, ok, type Result } from '@/lib/errors';
import { clientEvents, serverEvents, type QsortAnalysis } from '@/lib/protocol';
import { analysisInput, MIN_SCREEN_SORTS, publicAnalysis, runAnalysis, screeValues, screenAnalysis, type PublicAnalysis } from '@/lib/qsort/analysis';
import { createKeyedQueue } from '../services/keyed-queue';
import { analysisOptionsSchema, factorNameInputSchema } from '@/lib/qsort/runtime';
import { opaque } from '@/lib/privacy/free-text';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { everywhere } from './everywhere';
import type { Revocation } from './revocation';
import { handle } from './socket-handler';
import { facilitatorRoom, sessionRoom, type VerkstedIo, type VerkstedSocket } from './socket-server';

const anything = z.unknown();
export const analyzeSchema = z.object({ options: analysisOptionsSchema });
export const keepSchema = z.object({
  options: analysisOptionsSchema,
  names: z.array(factorNameInputSchema.extend({ name: factorNameInputSchema.shape.name.min(1) })).min(1).max(12),
});
export const resolveHelpSchema = z.object({ sortId: opaque(z.string()) });

/** Keeps facilitators' progress view and everyone's screen view of a Q-sort current. */
export function createQsortBroadcast(io: VerkstedIo, services: Services, log: Logger) {
  // One computation per session at a time, in order (a late "show" never overtakes a "hide"),
  // and the last view kept until the sorts or the display change: forty phones rejoining after
  // a network blip cost one analysis, not forty.
  const serially = createKeyedQueue();
  const cache = new Map<string, { key: string; view: PublicAnalysis | null }>();

  async function publicView(sessionId: string): Promise<PublicAnalysis | null> {
    const found = await services.qsort.runtimeOf(sessionId);
    if (!found?.runtime.display) return null;
    const sorts = await services.qsort.finished(sessionId);
    // Small counts are not shown: an array from one or two sorts is nearly someone's own sort.
    if (sorts.length < MIN_SCREEN_SORTS) return null;
    const key = JSON.stringify([sorts.map((s) => s.id), found.runtime.display, found.runtime.factorNames]);
    const cached = cache.get(sessionId);
    if (cached?.key === key) return cached.view;
    const analysed = runAnalysis(found.runtime, sorts, found.runtime.display);
    const view = analysed.ok ? screenAnalysis(publicAnalysis(found.runtime, analysed.value)) : null;
    cache.set(sessionId, { key, view });
    return view;
  }
  const report = (what: string, sessionId: string) => (err: unknown) => log.error({ err, sessionId }, `sending the Q-sort ${what} failed`);
  return {
    progress: everywhere(services.bus, 'qsortProgress', (sessionId) => {
      void services.qsort.progress(sessionId).then((p) => io.to(facilitatorRoom(sessionId)).emit(serverEvents.qsortProgress, p), report('progress', sessionId));
    }),
    screen: everywhere(services.bus, 'qsortScreen', (sessionId) => {
      void serially(sessionId, async () => io.to(sessionRoom(sessionId)).emit(serverEvents.qsortPublic, await publicView(sessionId))).catch(report('screen', sessionId));
    }),
    sendTo(socket: VerkstedSocket, sessionId: string, facilitator: boolean) {
      if (facilitator) void services.qsort.progress(sessionId).then((p) => socket.emit(serverEvents.qsortProgress, p), report('progress', sessionId));
      void serially(sessionId, async () => socket.emit(serverEvents.qsortPublic, await publicView(sessionId))).catch(report('screen', sessionId));
    },
  };
}
export type QsortBroadcast = ReturnType<typeof createQsortBroadcast>;

/** Q-sort events: parse, identify the caller, call the service, ack; then tell the room. */
export function registerQsortHandlers(socket: VerkstedSocket, services: Services, access: Revocation, broadcast: QsortBroadcast, log: Logger) {
  const { qsort } = services;
  const participant = <T,>(run: (sessionId: string, participantId: string, input: unknown) => Promise<Result<T>>) => async (input: unknown): Promise<Result<T>> => {
    const m = socket.data.membership;
    if (!m?.participantId) return fail('NOT_JOINED', 'only participants sort');
    return run(m.sessionId, m.participantId, input);
  };
  // Facilitators only, and still members now (a removed colleague's open console gets nothing).
  const facilitator = async (need: 'read' | 'write') => {
    if (socket.data.membership?.role !== 'facilitator') return fail('FORBIDDEN', 'facilitators only');
    return access.member(socket, need);
  };

  handle(socket, clientEvents.qsortMine, anything, participant(async (sessionId, participantId) => ok(await qsort.mine(sessionId, participantId))), log);

  handle(socket, clientEvents.qsortSave, anything, participant(async (sessionId, participantId, input) => {
    const saved = await qsort.save(sessionId, participantId, input);
    if (saved.ok) {
      broadcast.progress(sessionId);
      if (saved.data.status === 'done') broadcast.screen(sessionId);
    }
    return saved;
  }), log);

  handle(socket, clientEvents.qsortHelp, anything, participant(async (sessionId, participantId, input) => {
    const asked = await qsort.help(sessionId, participantId, input);
    if (asked.ok) broadcast.progress(sessionId);
    return asked;
  }), log);

  handle(socket, clientEvents.qsortResolveHelp, resolveHelpSchema, async ({ sortId }) => {
    const checked = await facilitator('write');
    if (!checked.ok) return checked;
    const m = checked.data;
    const done = await qsort.resolveHelp(m.sessionId, sortId);
    broadcast.progress(m.sessionId);
    return done;
  }, log);

  handle(socket, clientEvents.qsortAnalyze, analyzeSchema, async ({ options }): Promise<Result<QsortAnalysis>> => {
    const checked = await facilitator('read');
    if (!checked.ok) return checked;
    const m = checked.data;
    const found = await qsort.runtimeOf(m.sessionId);
    if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
    const sorts = await qsort.finished(m.sessionId);
    if (sorts.length < 2) return fail('CONFLICT', 'at least two finished sorts are needed', { sorts: 'TOO_FEW_SORTS' });
    const analysed = runAnalysis(found.runtime, sorts, options);
    if (!analysed.ok) return fail('BAD_REQUEST', analysed.error.message, { analysis: analysed.error.code });
    return ok({ result: analysed.value, scree: screeValues(analysisInput(found.runtime, sorts)), sortIds: sorts.map((s) => s.id) });
  }, log);

  handle(socket, clientEvents.qsortKeepFactors, keepSchema, async ({ options, names }) => {
    const checked = await facilitator('write');
    if (!checked.ok) return checked;
    const m = checked.data;
    const found = await qsort.runtimeOf(m.sessionId);
    if (!found) return fail('NOT_FOUND', 'no Q-sort in this session');
    const sorts = await qsort.finished(m.sessionId);
    const analysed = sorts.length >= 2 ? runAnalysis(found.runtime, sorts, options) : null;
    if (!analysed?.ok) return fail('CONFLICT', 'no analysis to keep');
    const named = await services.live.command(m.sessionId, { type: 'qsort', command: { type: 'nameFactors', names } }, { kind: 'facilitator', userId: m.userId });
    if (!named.ok) return named;
    const view = publicAnalysis(found.runtime, analysed.value, names);
    const items: NewFeedbackItem[] = view.factors.slice(0, names.length).map((f) => ({
      projectId: found.session.projectId,
      sessionId: found.session.id,
      workshopId: found.session.workshopId,
      activityId: found.runtime.activityId ?? null,
      kind: 'q_factor',
      authorKind: 'facilitator',
      itemKey: `f${f.number}`,
      theme: f.name,
      text: f.description,
      value: f.definingSorts,
      data: { number: f.number, name: f.name, array: f.array, distinguishing: f.distinguishing, options, sortCount: view.sortCount, setId: found.runtime.setId, setName: found.runtime.setName },
    }));
    await qsort.keepFactors(found.session, items);
    return ok({ kept: items.length });
  }, log);
}
