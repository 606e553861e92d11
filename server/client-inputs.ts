import type { z } from 'zod';
import { registrationSchema, signInSchema } from '@/lib/account-schemas';
import { findingInputSchema, importTextSchema, statusChangeSchema } from '@/lib/finding-schemas';
import { phaseInputSchema, projectInputSchema, liveSessionInputSchema } from '@/lib/project-schemas';
import { archiveRetryRequestSchema, clientEvents, commandRequestSchema, eraseParticipantRequestSchema, joinRequestSchema, redactRequestSchema, updateSelfRequestSchema, yjsTokenRequestSchema } from '@/lib/protocol';
import { instructionsSchema } from '@/lib/qsort/instructions';
import { newStatementSchema, setNameSchema, statementSchema } from '@/lib/qsort/statement-schemas';
import { outcomeInputSchema } from '@/lib/supervision/outcome';
import { templateContentSchema } from '@/lib/supervision/template';
import { activityInputSchema, workshopInputSchema } from '@/lib/workshop/agenda';
import { evaluateSchema, respondSchema, votesSchema, withdrawSchema, wordSchema } from '@/lib/workshop/answers';
import { questionAnswerRequestSchema } from '@/lib/activities/question/answers';
import { joinBodySchema, resumeBodySchema } from './http/api';
import { analyzeSchema, keepSchema, resolveHelpSchema } from './realtime/qsort-handlers';
import { exportRequestSchema } from './services/qsort-export';
import { helpSchema, saveSortSchema } from './services/qsort-service';
import { groupInputSchema } from './services/supervision-service';

type ClientEvent = (typeof clientEvents)[keyof typeof clientEvents];

/**
 * The schema that finally validates each socket event's payload: the handler's own, or the
 * service's when the handler passes the payload through. `null`: the event carries no payload.
 * Typed by every event name, so a new event does not compile until it is listed here, and the
 * schema walk in `client-inputs.test.ts` then checks its strings are guarded.
 */
export const socketEventSchemas: Record<ClientEvent, z.ZodType | null> = {
  [clientEvents.join]: joinRequestSchema,
  [clientEvents.command]: commandRequestSchema,
  [clientEvents.updateSelf]: updateSelfRequestSchema,
  [clientEvents.yjsToken]: yjsTokenRequestSchema,
  [clientEvents.workshopContent]: null,
  [clientEvents.respond]: respondSchema,
  [clientEvents.withdraw]: withdrawSchema,
  [clientEvents.word]: wordSchema,
  [clientEvents.votes]: votesSchema,
  [clientEvents.evaluate]: evaluateSchema,
  [clientEvents.questionAnswer]: questionAnswerRequestSchema,
  [clientEvents.mine]: null,
  [clientEvents.supervisionOutcome]: outcomeInputSchema,
  [clientEvents.qsortMine]: null,
  [clientEvents.qsortSave]: saveSortSchema,
  [clientEvents.qsortHelp]: helpSchema,
  [clientEvents.qsortResolveHelp]: resolveHelpSchema,
  [clientEvents.qsortAnalyze]: analyzeSchema,
  [clientEvents.qsortKeepFactors]: keepSchema,
  [clientEvents.resumeLink]: null,
  [clientEvents.archiveRetry]: archiveRetryRequestSchema,
  [clientEvents.redact]: redactRequestSchema,
  [clientEvents.eraseParticipant]: eraseParticipantRequestSchema,
  [clientEvents.withdrawAll]: null,
};

/** What HTTP endpoints and server actions (through their services) validate. */
export const formSchemas = {
  joinBody: joinBodySchema,
  resumeBody: resumeBodySchema,
  registration: registrationSchema,
  signIn: signInSchema,
  project: projectInputSchema,
  phase: phaseInputSchema,
  liveSession: liveSessionInputSchema,
  finding: findingInputSchema,
  findingStatus: statusChangeSchema,
  findingImport: importTextSchema,
  workshop: workshopInputSchema,
  activity: activityInputSchema,
  statementSetName: setNameSchema,
  newStatement: newStatementSchema,
  statement: statementSchema,
  instructions: instructionsSchema,
  template: templateContentSchema,
  supervisionGroup: groupInputSchema,
  qsortExport: exportRequestSchema,
} satisfies Record<string, z.ZodType>;
