import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { phases } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import { personalDataKinds } from '@/lib/privacy-guard';
import { serverModuleOf } from '../activities/registry';
import {
  activityFieldErrors,
  activityInputSchema,
  activityTexts,
  workshopInputSchema,
  type ActivityInput,
  type WorkshopInput,
} from '@/lib/workshop/agenda';

/**
 * Validation of what a facilitator submits for a workshop, beyond the zod shapes: no personal
 * data in free text; phases, findings, statement sets and templates only from the workshop's
 * own project; a Q-sort's set must have a grid that fits its statements.
 */
export function createWorkshopChecks(db: Db) {
  async function checkWorkshop(projectId: string, input: unknown): Promise<Result<WorkshopInput>> {
    const parsed = workshopInputSchema.safeParse(input);
    if (!parsed.success) return parseFailure(parsed.error, 'invalid workshop', fieldErrors(parsed.error));
    const leak = personalData([['title', parsed.data.title], ['place', parsed.data.place]]);
    if (leak) return leak;
    const { phaseId } = parsed.data;
    if (phaseId) {
      const [phase] = await db.select({ id: phases.id }).from(phases).where(and(eq(phases.id, phaseId), eq(phases.projectId, projectId)));
      if (!phase) return fail('BAD_REQUEST', 'phase of another project', { phaseId: 'INVALID' });
    }
    return ok(parsed.data);
  }

  async function checkActivity(projectId: string, input: unknown): Promise<Result<ActivityInput>> {
    const parsed = activityInputSchema.safeParse(input);
    if (!parsed.success) return parseFailure(parsed.error, 'invalid activity', activityFieldErrors(parsed.error));
    const activity = parsed.data;
    const leak = personalData(activityTexts(activity));
    if (leak) return leak;
    // Beyond the shape: the kind's own checks against the project's material (server/activities/<kind>/).
    const check = serverModuleOf(activity.kind).check;
    return check ? ((await check(db, projectId, activity)) as Result<ActivityInput>) : ok(activity);
  }

  return { checkWorkshop, checkActivity };
}

/** Refuses the first text holding personal data, naming the field it was typed in. */
function personalData(texts: [field: string, text: string][]) {
  for (const [field, text] of texts) {
    const kinds = personalDataKinds(text);
    if (kinds.length > 0) return fail('PERSONAL_DATA', `${kinds.join(', ')} in ${field}`, { [field]: 'PERSONAL_DATA' });
  }
  return null;
}
