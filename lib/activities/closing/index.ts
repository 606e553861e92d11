import type { ActivityKindModule } from '../contract';
import { closingOutcome, type ClosingOutcome } from './outcome';
import type { ClosingConfig } from './config';
import type { ClosingResults } from './results';
import { closingConfigSchema } from './config';
import { closingEvents } from './events';
import { closingTally } from './results';

/** Avslutning: each participant rates the workshop on 0–4 scales and may write one text. */
// Annotated rather than inferred: the runtime's types derive from the registry, which derives from these.
export const closingActivity: ActivityKindModule<'closing', ClosingConfig, ClosingResults, never, typeof closingEvents, 'evaluation' | 'evaluation_text', ClosingOutcome> = {
  kind: 'closing',
  configSchema: closingConfigSchema,
  inDefaultAgenda: true,
  defaultActivity: () => ({
    kind: 'closing',
    title: 'Hvordan var det å delta?',
    config: {
      questions: [
        { id: 'nytte', text: 'Hvor nyttig var verkstedet for deg?' },
        { id: 'stemme', text: 'Hvor godt fikk du fram dine synspunkter?' },
        { id: 'gjenkjenning', text: 'Hvor godt kjente du deg igjen i funnene?' },
      ],
      freeTextQuestion: 'Er det noe du vil si til forskerne?',
    },
  }),
  texts: (config) => [...config.questions.map((q, i): [string, string] => [`questions.${i}.text`, q.text]), ['freeTextQuestion', config.freeTextQuestion]],
  answers: { [closingEvents.evaluate.name]: closingEvents.evaluate.schema },
  events: closingEvents,
  feedback: {
    // The question asked (the team's text) and the answer on the scale stay.
    evaluation: { dataWithoutText: true, resendable: false, retention: { text: 'keep', data: [] } },
    evaluation_text: { dataWithoutText: true, resendable: true, retention: { text: 'clear', data: [] } },
  },
  results: closingTally,
  docs: null,
  nested: null,
  outcome: closingOutcome,
};
