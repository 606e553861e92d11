import { fail, ok } from '@/lib/errors';
import { clientEvents, serverEvents } from '@/lib/protocol';
import { MIN_SCREEN_SORTS, publicAnalysis, screenAnalysis, type PublicAnalysis } from '@/lib/qsort/analysis';
import type { Logger } from '../logger';
import type { Services } from '../services';
import { createKeyedQueue } from '../services/keyed-queue';
import { everywhere } from './everywhere';
import type { Revocation } from './revocation';
import { facilitatorRoom, sessionRoom, type VerkstedIo, type VerkstedSocket } from './rooms';
import { handleEvent } from './socket-handler';

// The schemas moved to lib/qsort/socket-schemas.ts (the client's calls are typed from them).
export { analyzeSchema, keepSchema, resolveHelpSchema } from '@/lib/qsort/socket-schemas';

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
    const analysed = await services.analysis.run(found.runtime, sorts, found.runtime.display);
    const view = analysed.ok ? screenAnalysis(publicAnalysis(found.runtime, analysed.value)) : null;
    cache.set(sessionId, { key, view });
    return view;
  }
  const report = (what: string, sessionId: string) => (err: unknown) => log.error({ err, sessionId }, `sending the Q-sort ${what} failed`);
  return {
    progress: everywhere(services.bus, 'qsortProgress', (sessionId) => {
      void services.qsort.progress(sessionId).then((p) => io.local.to(facilitatorRoom(sessionId)).emit(serverEvents.qsortProgress, p), report('progress', sessionId));
    }),
    screen: everywhere(services.bus, 'qsortScreen', (sessionId) => {
      void serially(sessionId, async () => io.local.to(sessionRoom(sessionId)).emit(serverEvents.qsortPublic, await publicView(sessionId))).catch(report('screen', sessionId));
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
  const participant = () => {
    const m = socket.data.membership;
    return m?.participantId ? { sessionId: m.sessionId, participantId: m.participantId } : null;
  };
  // Facilitators only, and still members now (a removed colleague's open console gets nothing).
  const facilitator = async (need: 'read' | 'write') => {
    if (socket.data.membership?.role !== 'facilitator') return fail('FORBIDDEN', 'facilitators only');
    return access.member(socket, need);
  };
  const notJoined = () => fail('NOT_JOINED', 'only participants sort');

  handleEvent(socket, clientEvents.qsortMine, async () => {
    const p = participant();
    return p ? ok(await qsort.mine(p.sessionId, p.participantId)) : notJoined();
  }, log);

  handleEvent(socket, clientEvents.qsortSave, async (input) => {
    const p = participant();
    if (!p) return notJoined();
    const saved = await qsort.save(p.sessionId, p.participantId, input);
    if (saved.ok) {
      broadcast.progress(p.sessionId);
      if (saved.data.status === 'done') broadcast.screen(p.sessionId);
    }
    return saved;
  }, log);

  handleEvent(socket, clientEvents.qsortHelp, async (input) => {
    const p = participant();
    if (!p) return notJoined();
    const asked = await qsort.help(p.sessionId, p.participantId, input);
    if (asked.ok) broadcast.progress(p.sessionId);
    return asked;
  }, log);

  handleEvent(socket, clientEvents.qsortResolveHelp, async ({ sortId }) => {
    const checked = await facilitator('write');
    if (!checked.ok) return checked;
    const done = await qsort.resolveHelp(checked.data.sessionId, sortId);
    broadcast.progress(checked.data.sessionId);
    return done;
  }, log);

  handleEvent(socket, clientEvents.qsortAnalyze, async ({ options }) => {
    const checked = await facilitator('read');
    // The steps go to the one who asked, who is waiting for this answer.
    return checked.ok ? services.qsortFactors.analyze(checked.data.sessionId, options, (step) => socket.emit(serverEvents.qsortAnalysisStep, { step })) : checked;
  }, log);

  handleEvent(socket, clientEvents.qsortCancelAnalysis, async () => {
    const checked = await facilitator('read');
    return checked.ok ? services.qsortFactors.cancel(checked.data.sessionId) : checked;
  }, log);

  handleEvent(socket, clientEvents.qsortKeepFactors, async (input) => {
    const checked = await facilitator('write');
    return checked.ok ? services.qsortFactors.keep(checked.data.sessionId, checked.data.userId, input) : checked;
  }, log);

  handleEvent(socket, clientEvents.qsortAddPaperSort, async (input) => {
    const checked = await facilitator('write');
    if (!checked.ok) return checked;
    const added = await services.qsort.addPaperSort(checked.data.sessionId, input);
    if (added.ok) broadcast.progress(checked.data.sessionId);
    return added;
  }, log);

  handleEvent(socket, clientEvents.qsortImportSorts, async (input) => {
    const checked = await facilitator('write');
    if (!checked.ok) return checked;
    const imported = await services.qsort.importSorts(checked.data.sessionId, input.text);
    if (imported.ok) broadcast.progress(checked.data.sessionId);
    return imported;
  }, log);

  handleEvent(socket, clientEvents.qsortMerge, async (input) => {
    const checked = await facilitator(input.change ? 'write' : 'read');
    if (!checked.ok) return checked;
    if (!input.change) return services.qsort.studies(checked.data.sessionId);
    const merged = await services.qsort.merge(checked.data.sessionId, checked.data.userId, input.change);
    if (merged.ok) broadcast.progress(checked.data.sessionId);
    return merged;
  }, log);
}
