import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { activityModules, defaultActivity as defaultOfKind, type ActivityInput, type ActivityKindName } from '../activities/registry';
import type { DefaultRefs } from '../activities/contract';

/**
 * A workshop and its agenda. The activity kinds themselves live in `lib/activities/<kind>/`;
 * this module keeps the workshop's own schema and the names other code imported from here.
 */
export { activityInputSchema, activityTexts, activityKinds, type ActivityInput, type AgendaActivity, type ActivityKindName } from '../activities/registry';
export type { DefaultRefs } from '../activities/contract';
export { findingsConfigSchema } from '../activities/findings/config';
export { groupingRules, reflectionConfigSchema } from '../activities/reflection/config';
export { plenaryConfigSchema } from '../activities/plenary/config';
export { closingConfigSchema, evaluationQuestionSchema, newQuestionId } from '../activities/closing/config';
export { qsortConfigSchema } from '../activities/qsort/config';
export { supervisionConfigSchema } from '../activities/supervision/config';

export const workshopInputSchema = z.object({
  title: freeText(200).min(1, { error: 'REQUIRED' }),
  phaseId: z.uuid().nullable().default(null),
  date: z.union([z.literal('').transform(() => null), z.iso.date({ error: 'DATE_INVALID' }), z.null()]).default(null),
  place: freeText(200).default(''),
  allowNames: z.boolean().default(false),
  minRevealCount: z.number().int().min(1).max(20).default(3),
});
export type WorkshopInput = z.infer<typeof workshopInputSchema>;

/** The kinds the editor offers, in registry order (kept under its old name). */
export { activityKinds as agendaKinds } from '../activities/registry';

/** What a new workshop's agenda holds: the classic utviklingsverksted, one activity of each. */
export const defaultAgendaKinds: readonly ActivityKindName[] = activityModules.filter((m) => m.inDefaultAgenda).map((m) => m.kind);

/** Kinds that run a whole nested session (a Q-sort, a kollegaveiledning) inside the workshop. */
export const nestedKinds: readonly ActivityKindName[] = activityModules.filter((m) => m.nested !== null).map((m) => m.kind);
export const isNestedKind = (kind: string): boolean => nestedKinds.includes(kind as ActivityKindName);

/**
 * A ready-to-run activity of each kind, so a facilitator edits rather than fills in from
 * nothing (see the kinds' `defaultActivity`). Also takes the finding ids alone, as before.
 */
export function defaultActivity(kind: ActivityKindName, refs: DefaultRefs | readonly string[]): ActivityInput | null {
  return defaultOfKind(kind, 'findingIds' in refs ? refs : { findingIds: refs });
}

/** What a new workshop starts with: one activity of each default kind, the findings round with all given findings. */
export const defaultAgenda = (findingIds: readonly string[]): ActivityInput[] => defaultAgendaKinds.flatMap((kind) => defaultActivity(kind, findingIds) ?? []);

/**
 * Field → error code for an activity form. Settings live under `config`, but the form shows
 * them as plain fields, so `config.prompt` becomes `prompt` and `config.questions.1.text`
 * becomes `questions.1.text`.
 */
export function activityFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'config' && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const field = path.length > 0 ? path.map(String).join('.') : 'form';
    if (!(field in out)) out[field] = /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID';
  }
  return out;
}
