import { outcomeInputSchema } from '../../supervision/outcome';
import { supervisionRuntimeSchema } from '../../supervision/engine';
import type { ActivityKindModule } from '../contract';
import { supervisionOutcome, type SupervisionOutcome } from './outcome';
import type { SupervisionConfig } from './config';
import type { SupervisionRuntime } from '../../supervision/engine';
import { supervisionConfigSchema } from './config';
import { roundNotesAccess } from './doc-access';
import { followSupervision } from './follow';

/**
 * A kollegaveiledning inside a workshop: the template's rounds are frozen at start, the people
 * in the room are seated as they come, each round's notes are a Yjs document. It reports through
 * its own outcome event, so it has no tally here.
 */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const supervisionActivity: ActivityKindModule<'supervision', SupervisionConfig, never, SupervisionRuntime, Record<never, never>, 'supervision_case' | 'round_notes' | 'learning_point' | 'agreement', SupervisionOutcome> = {
  kind: 'supervision',
  configSchema: supervisionConfigSchema,
  inDefaultAgenda: false,
  defaultActivity: ({ templateId }) => (templateId ? { kind: 'supervision', title: 'Kollegaveiledning', config: { templateId } } : null),
  texts: () => [],
  answers: { 'supervision:outcome': outcomeInputSchema },
  events: {},
  feedback: {
    supervision_case: { dataWithoutText: false, resendable: false, retention: { text: 'clear', data: ['question'] } },
    round_notes: { dataWithoutText: true, resendable: false, retention: { text: 'clear', data: [] } },
    learning_point: { dataWithoutText: true, resendable: false, retention: { text: 'clear', data: [] } },
    agreement: { dataWithoutText: false, resendable: false, retention: { text: 'clear', data: '*' } },
  },
  results: null,
  docs: { refKinds: ['round-notes'], access: roundNotesAccess },
  nested: { preparedSchema: supervisionRuntimeSchema, follow: followSupervision },
  outcome: supervisionOutcome,
};
