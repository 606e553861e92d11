import { z } from 'zod';
import { guarded } from '../privacy/free-text';

/**
 * What a kollegaveiledning leaves behind: learning points, agreements as SMARTE mål, and a
 * short process evaluation. Shared by the forms on phones and the service that stores them.
 */

const field = (max: number) => guarded(z.string().trim().max(max));

/**
 * An agreement "til neste gang" as a SMARTE mål (seeds/000, L483–492): Spesifikk, Målbart,
 * Anerkjennelse, Realistisk, Tidsfrist, Evaluer. A structured form, so the next meeting can
 * check each part.
 */
export const agreementSchema = z.object({
  /** Spesifikk: what exactly will be done, and by whom. */
  specific: field(300).min(1),
  /** Målbart: how we will see that it happened. */
  measurable: field(300).min(1),
  /** Anerkjennelse: what will be acknowledged, and who supports it. */
  acknowledged: field(300),
  /** Realistisk: why it is doable now. */
  realistic: field(300),
  /** Tidsfrist: by when (ISO date). */
  deadline: z.iso.date(),
  /** Evaluer: when and how the group follows it up. */
  evaluate: field(300).min(1),
});
export type Agreement = z.infer<typeof agreementSchema>;
export const agreementFields = ['specific', 'measurable', 'acknowledged', 'realistic', 'deadline', 'evaluate'] as const;

export const learningPointSchema = z.object({ text: field(500).min(1) });

/** The process evaluation, each on a 0–4 scale (seeds/002, L2129–2130). */
export const evaluationQuestions = ['helpedCaseOwner', 'followedRounds', 'safeClimate', 'usefulForMe'] as const;
export type EvaluationQuestion = (typeof evaluationQuestions)[number];
export const evaluationSchema = z.object({
  answers: z.partialRecord(z.enum(evaluationQuestions), z.number().int().min(0).max(4)),
});

export const outcomeInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('learningPoint'), text: learningPointSchema.shape.text }),
  z.object({ type: z.literal('agreement'), agreement: agreementSchema }),
  z.object({ type: z.literal('remove'), itemId: z.uuid() }),
  z.object({ type: z.literal('evaluate'), answers: evaluationSchema.shape.answers }),
]);
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/** What everyone in the meeting sees of the outcome so far. */
export interface SupervisionOutcome {
  /** `redacted`: a facilitator took the text out; a marker is shown in its place. */
  learningPoints: { id: string; text: string; redacted?: boolean }[];
  agreements: ({ id: string } & Agreement)[];
  /** How many have answered the evaluation (the answers themselves stay private). */
  evaluations: number;
}

/** The free-text fields of an outcome input by form field name, for the privacy guard. */
export function outcomeTexts(input: OutcomeInput): [field: string, text: string][] {
  switch (input.type) {
    case 'learningPoint':
      return [['text', input.text]];
    case 'agreement':
      return agreementFields.filter((f) => f !== 'deadline').map((f) => [f, input.agreement[f]]);
    default:
      return [];
  }
}
