import { fail, ok } from '@/lib/errors';
import type { ServerActivityModule } from '../contract';
import { freezeStatementSet } from '../../services/nested-freeze';

/**
 * A Q-sort's set must be the project's own and its grid must fit the statements; the set is
 * frozen when the workshop starts. Its sorts are stored by the Q-sort service (`q_sorts`), and
 * factors are kept as feedback when the facilitator chooses to (qsort:keepFactors).
 */
export const qsortServer: ServerActivityModule<'qsort'> = {
  kind: 'qsort',
  async check(db, projectId, activity) {
    const frozen = await freezeStatementSet(db, projectId, activity.config.setId);
    return frozen.ok ? ok(activity) : fail('BAD_REQUEST', frozen.error.message, { setId: frozen.error.fields?.setId ?? 'INVALID' });
  },
  async prepare(db, projectId, activity) {
    const frozen = await freezeStatementSet(db, projectId, activity.config.setId);
    return frozen.ok ? { kind: 'qsort', runtime: { ...frozen.data, activityId: activity.id } } : null;
  },
  answers: {},
  keptKinds: [],
};
