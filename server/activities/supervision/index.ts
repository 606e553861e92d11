import { fail, ok } from '@/lib/errors';
import type { Round } from '@/lib/supervision/template';
import type { ServerActivityModule } from '../contract';
import { freezeTemplate } from '../../services/nested-freeze';

/**
 * A kollegaveiledning's template must be the project's own; its rounds are frozen when the
 * workshop starts. The case, round notes, agreements and evaluations are stored and kept by
 * the supervision services (supervision-outcome.ts), which the archive runs for the session.
 */
/**
 * Round notes are Yjs documents named by session and round id (lib/protocol.ts), so a second
 * kollegaveiledning in one workshop, often from the same template, gets round ids of its own:
 * `s2-<id>`, or `s2-r<n>` where a long id would not stay unique within the 40-character limit.
 */
export function distinctRounds(rounds: readonly Round[], ordinal: number): Round[] {
  if (ordinal <= 1) return [...rounds];
  const prefixed = rounds.map((r) => `s${ordinal}-${r.id}`.slice(0, 40));
  const unique = new Set(prefixed).size === rounds.length;
  return rounds.map((r, i) => ({ ...r, id: unique ? prefixed[i]! : `s${ordinal}-r${i + 1}` }));
}

export const supervisionServer: ServerActivityModule<'supervision'> = {
  kind: 'supervision',
  async check(db, projectId, activity) {
    const frozen = await freezeTemplate(db, projectId, activity.config.templateId);
    return frozen.ok ? ok(activity) : fail('BAD_REQUEST', frozen.error.message, { templateId: 'NOT_FOUND' });
  },
  async prepare(db, projectId, activity, earlier) {
    const frozen = await freezeTemplate(db, projectId, activity.config.templateId);
    if (!frozen.ok) return null;
    const before = earlier.filter((p) => p.kind === 'supervision').length;
    return { kind: 'supervision', runtime: { ...frozen.data, rounds: distinctRounds(frozen.data.rounds, before + 1), activityId: activity.id } };
  },
  answers: {},
  keptKinds: [],
};
