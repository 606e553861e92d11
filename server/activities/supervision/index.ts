import { fail, ok } from '@/lib/errors';
import type { ServerActivityModule } from '../contract';
import { freezeTemplate } from '../../services/nested-freeze';

/**
 * A kollegaveiledning's template must be the project's own; its rounds are frozen when the
 * workshop starts. The case, round notes, agreements and evaluations are stored and kept by
 * the supervision services (supervision-outcome.ts), which the archive runs for the session.
 */
export const supervisionServer: ServerActivityModule<'supervision'> = {
  kind: 'supervision',
  async check(db, projectId, activity) {
    const frozen = await freezeTemplate(db, projectId, activity.config.templateId);
    return frozen.ok ? ok(activity) : fail('BAD_REQUEST', frozen.error.message, { templateId: 'NOT_FOUND' });
  },
  async prepare(db, projectId, activity) {
    const frozen = await freezeTemplate(db, projectId, activity.config.templateId);
    return frozen.ok ? { kind: 'supervision', runtime: { ...frozen.data, activityId: activity.id } } : null;
  },
  answers: {},
  keptKinds: [],
};
