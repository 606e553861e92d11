import type { z } from 'zod';
import { registrationSchema, signInSchema } from '@/lib/account-schemas';
import { archiveSearchParamsSchema, tagInputSchema } from '@/lib/archive/search-query';
import { findingInputSchema, importTextSchema, statusChangeSchema } from '@/lib/finding-schemas';
import { phaseInputSchema, projectInputSchema, liveSessionInputSchema } from '@/lib/project-schemas';
import { socketEventSpecs, type ClientEvent } from '@/lib/socket-events';
import { instructionsSchema } from '@/lib/qsort/instructions';
import { newStatementSchema, setNameSchema, statementSchema } from '@/lib/qsort/statement-schemas';
import { templateContentSchema } from '@/lib/supervision/template';
import { activityInputSchema, workshopInputSchema } from '@/lib/workshop/agenda';
import { joinBodySchema, resumeBodySchema } from './http/api';
import { exportRequestSchema } from './services/qsort-export';
import { reportRequestSchema } from './services/report-service';
import { groupInputSchema } from './services/supervision-service';

/**
 * The schema that validates each socket event's payload at the edge, from the one table in
 * lib/socket-events.ts (which the handlers and the client's calls are typed from). Typed by
 * every event name, so a new event does not compile until it has a schema there, and the
 * schema walk in `client-inputs.test.ts` then checks its strings are guarded. (`null` would
 * mark an event without a payload; every event now has a schema, the empty ones included.)
 */
export const socketEventSchemas: Record<ClientEvent, z.ZodType | null> = inputsOf(socketEventSpecs);

function inputsOf<T extends Record<ClientEvent, { input: z.ZodType }>>(specs: T): Record<ClientEvent, z.ZodType> {
  const events = Object.keys(specs) as ClientEvent[];
  return Object.fromEntries(events.map((event) => [event, specs[event].input])) as Record<ClientEvent, z.ZodType>;
}

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
  archiveSearch: archiveSearchParamsSchema,
  archiveTag: tagInputSchema,
  report: reportRequestSchema,
} satisfies Record<string, z.ZodType>;
