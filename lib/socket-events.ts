import { z } from 'zod';
import type { ArchiveStatus } from './archive-status';
import type { AppError } from './errors';
import { parseFailure } from './privacy/free-text';
import {
  archiveRetryRequestSchema,
  clientEvents,
  commandRequestSchema,
  eraseParticipantRequestSchema,
  joinRequestSchema,
  redactRequestSchema,
  updateSelfRequestSchema,
  yjsTokenRequestSchema,
  type ErasedContributions,
  type FindingCard,
  type JoinResult,
  type QsortAnalysis,
  type YjsTokenResult,
} from './protocol';
import type { KindEvent } from './activities/contract';
import { kindEvents, type AnyKindEvent } from './activities/registry';
import { analyzeSchema, helpSchema, importSortsSchema, keepSchema, mergeSchema, paperSortSchema, resolveHelpSchema, saveSortSchema, sortRefusal } from './qsort/socket-schemas';
import type { MergeCandidate } from './qsort/merge';
import type { SortState } from './qsort/sort';
import { outcomeInputSchema } from './supervision/outcome';
import { respondSchema, withdrawSchema, type MyAnswers } from './workshop/answers';

/**
 * Every client → server event with the schema its payload is validated with at the edge and
 * the type of its answer. The server's `handleEvent` and the client's `call` are both typed
 * from this table, so a payload or an answer cannot drift between them.
 */
export interface EventSpec<I extends z.ZodType, O> {
  input: I;
  /**
   * How a refused payload is answered, when the sender's form needs its fields named its own
   * way; otherwise `parseFailure` (PERSONAL_DATA with the refused fields, or BAD_REQUEST).
   */
  refusal?: (error: z.ZodError) => { ok: false; error: AppError };
  /** Never set: carries the answer's type. */
  output?: O;
}
const spec = <O>() => <I extends z.ZodType>(input: I, refusal?: EventSpec<I, O>['refusal']): EventSpec<I, O> => ({ input, ...(refusal ? { refusal } : {}) });

/** Events that carry nothing: an empty object, and nothing else. */
export const noPayloadSchema = z.object({}).strict();

type CoreEventName = (typeof clientEvents)[keyof typeof clientEvents];

/** The core events, named in lib/protocol.ts. */
const coreEventSpecs = {
  [clientEvents.join]: spec<JoinResult>()(joinRequestSchema),
  [clientEvents.command]: spec<{ version: number }>()(commandRequestSchema),
  [clientEvents.updateSelf]: spec<{ displayName: string | null }>()(updateSelfRequestSchema),
  [clientEvents.yjsToken]: spec<YjsTokenResult>()(yjsTokenRequestSchema),
  /** The findings a workshop shows, once after joining. */
  [clientEvents.workshopContent]: spec<{ findings: FindingCard[] }>()(noPayloadSchema),
  [clientEvents.respond]: spec<null>()(respondSchema),
  [clientEvents.withdraw]: spec<null>()(withdrawSchema),
  /** A participant's own answers (they also come pushed on `workshop:mineChanged`). */
  [clientEvents.mine]: spec<MyAnswers>()(noPayloadSchema),
  /** Adds or removes a learning point or agreement, or records one's evaluation. */
  [clientEvents.supervisionOutcome]: spec<null>()(outcomeInputSchema, (error) =>
    parseFailure(error, 'invalid outcome', { [String(error.issues[0]?.path.at(-1) ?? 'text')]: 'INVALID' }),
  ),
  /** A participant's saved Q-sort, to resume it (null: not started). */
  [clientEvents.qsortMine]: spec<{ state: SortState; rev: number } | null>()(noPayloadSchema),
  /** Saves the whole sort with the device's next revision; acknowledged once it is stored. */
  [clientEvents.qsortSave]: spec<{ status: 'sorting' | 'done' }>()(saveSortSchema, sortRefusal),
  [clientEvents.qsortHelp]: spec<null>()(helpSchema),
  [clientEvents.qsortResolveHelp]: spec<null>()(resolveHelpSchema),
  /** Facilitators: the full analysis of the submitted sorts. */
  [clientEvents.qsortAnalyze]: spec<QsortAnalysis>()(analyzeSchema),
  /** Facilitators: name the factors and keep them with their arrays as feedback. */
  [clientEvents.qsortKeepFactors]: spec<{ kept: number }>()(keepSchema),
  /** Facilitators: stop this session's analysis, waiting or running (it then answers `CANCELLED`). */
  [clientEvents.qsortCancelAnalysis]: spec<{ cancelled: boolean }>()(noPayloadSchema),
  [clientEvents.qsortAddPaperSort]: spec<{ id: string }>()(paperSortSchema),
  [clientEvents.qsortImportSorts]: spec<{ imported: number }>()(importSortsSchema),
  [clientEvents.qsortMerge]: spec<MergeCandidate[]>()(mergeSchema),
  /** A participant: a one-use link (token) to continue on another device, valid 10 minutes. */
  [clientEvents.resumeLink]: spec<{ token: string; expiresAt: number }>()(noPayloadSchema),
  /** Facilitators: archive the session again; answered when the run (with its retries) ends. */
  [clientEvents.archiveRetry]: spec<ArchiveStatus>()(archiveRetryRequestSchema),
  /** Facilitators: redact one contribution; acked once stored and compacted. */
  [clientEvents.redact]: spec<null>()(redactRequestSchema),
  /** Facilitators: delete one participant's contributions by number. */
  [clientEvents.eraseParticipant]: spec<ErasedContributions>()(eraseParticipantRequestSchema),
  /** A participant: delete everything they contributed in this session; they may go on taking part. */
  [clientEvents.withdrawAll]: spec<ErasedContributions>()(noPayloadSchema),
} satisfies Record<CoreEventName, EventSpec<z.ZodType, unknown>>;

type OutputOf<E> = E extends KindEvent<string, z.ZodType, infer O> ? O : never;
/** The events the activity kinds own (lib/activities/<kind>/), from the registry. */
type KindEventSpecs = { [E in AnyKindEvent as E['name']]: EventSpec<E['schema'], OutputOf<E>> };
const kindEventSpecs = Object.fromEntries(kindEvents.map((e) => [e.name, { input: e.schema, ...(e.refusal ? { refusal: e.refusal } : {}) }])) as KindEventSpecs;

export const socketEventSpecs = { ...coreEventSpecs, ...kindEventSpecs };

export type ClientEvent = keyof typeof socketEventSpecs;
/** What a client sends with `event` (before validation: defaults may be left out). */
export type EventInput<E extends ClientEvent> = z.input<(typeof socketEventSpecs)[E]['input']>;
/** What the server's handler gets for `event`, validated. */
export type EventPayload<E extends ClientEvent> = z.output<(typeof socketEventSpecs)[E]['input']>;
/** What the server answers `event` with, when it succeeds. */
export type EventOutput<E extends ClientEvent> = (typeof socketEventSpecs)[E] extends EventSpec<z.ZodType, infer O> ? O : never;
