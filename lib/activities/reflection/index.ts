import { startTimer } from '../../workshop/timer';
import type { ActivityKindModule } from '../contract';
import { reflectionOutcome, type ReflectionOutcome } from './outcome';
import type { ReflectionConfig } from './config';
import { reflectionConfigSchema } from './config';
import { reflectionDocAccess } from './doc-access';
import { formReflectionGroups, seatInSmallestGroup } from './groups';

/** Refleksjon i grupper: groups write notes on their own Yjs board, silently first if set. */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const reflectionActivity: ActivityKindModule<'reflection', ReflectionConfig, never, never, Record<never, never>, 'note', ReflectionOutcome> = {
  kind: 'reflection',
  configSchema: reflectionConfigSchema,
  inDefaultAgenda: true,
  defaultActivity: () => ({
    kind: 'reflection',
    title: 'Refleksjon i grupper',
    config: { prompt: 'Hva kjenner dere igjen fra egen praksis, og hva mangler?', groupSize: 4, grouping: 'random' as const, attribute: '', minutes: 15, silentFirst: true, silentMinutes: 5 },
  }),
  texts: (config) => [
    ['prompt', config.prompt],
    ['attribute', config.attribute],
  ],
  answers: {},
  events: {},
  feedback: {
    note: { dataWithoutText: true, resendable: false, retention: { text: 'clear', data: [] } },
  },
  // Which join answer groups people is how the facilitator seats them; phones and screen show the prompt and board.
  publicConfig: (config) => ({ ...config, attribute: '' }),
  onEnter(rt, activity, ctx, previous) {
    const c = activity.config;
    // Two reflections in a row keep their groups: people stay where they sat.
    const groups = rt.groups.length > 0 && previous?.kind === 'reflection' ? rt.groups : formReflectionGroups(c, ctx);
    return { ...rt, groups, silent: c.silentFirst, timer: startTimer((c.silentFirst ? c.silentMinutes : c.minutes) * 60_000, ctx.now) };
  },
  onLatecomer: (rt, _activity, participantId) => seatInSmallestGroup(rt, participantId),
  joinQuestions: (config) => (config.grouping === 'attribute' && config.attribute ? [config.attribute] : []),
  results: null,
  docs: { refKinds: ['board', 'draft'], access: reflectionDocAccess },
  nested: null,
  outcome: reflectionOutcome,
};
