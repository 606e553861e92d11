import { z } from 'zod';
import { freeText, newClientKey } from '../../privacy/free-text';

/**
 * Spørsmål: one quick question on the big screen, answered on the phones. The format decides
 * how people answer and how the result is drawn: bars for choices, a distribution for the
 * scales, a word list for short open answers.
 */
export const questionFormats = ['single', 'multiple', 'scale4', 'scale10', 'open'] as const;
export type QuestionFormat = (typeof questionFormats)[number];

export const isChoiceFormat = (format: QuestionFormat): format is 'single' | 'multiple' => format === 'single' || format === 'multiple';
export const isScaleFormat = (format: QuestionFormat): format is 'scale4' | 'scale10' => format === 'scale4' || format === 'scale10';

/** The values a scale offers: 0–4 as in the seeds' evaluations, 1–10 as in their mastery ratings. */
export const scaleRange = (format: 'scale4' | 'scale10'): { min: number; max: number } => (format === 'scale4' ? { min: 0, max: 4 } : { min: 1, max: 10 });
export const scaleValues = (format: 'scale4' | 'scale10'): number[] => {
  const { min, max } = scaleRange(format);
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
};

export const MAX_OPTIONS = 10;
export const MIN_OPTIONS = 2;
/** An open answer is a word or a few: long enough for "mer tid til refleksjon", short enough for a list. */
export const OPEN_ANSWER_MAX = 80;

/** A choice; its id is minted by the editor (not typed by a person), its text is. */
export const questionOptionSchema = z.object({
  id: newClientKey(20),
  text: freeText(120).min(1, { error: 'REQUIRED' }),
});
export type QuestionOption = z.infer<typeof questionOptionSchema>;

/**
 * One flat shape for every format, so switching the format in the editor keeps what was typed
 * for the others; only the choice formats need options, which the refinement checks.
 */
export const questionConfigSchema = z
  .object({
    prompt: freeText(300).min(1, { error: 'REQUIRED' }),
    format: z.enum(questionFormats).default('single'),
    options: z.array(questionOptionSchema).max(MAX_OPTIONS).default([]),
    /** What the lowest and highest value of a scale mean, shown at its ends ("I svært liten grad"). */
    lowLabel: freeText(60).default(''),
    highLabel: freeText(60).default(''),
  })
  .check((ctx) => {
    const { format, options } = ctx.value;
    if (isChoiceFormat(format) && options.length < MIN_OPTIONS) {
      ctx.issues.push({ code: 'custom', message: 'OPTIONS_REQUIRED', path: ['options'], input: options });
    }
    if (new Set(options.map((o) => o.id)).size !== options.length) {
      ctx.issues.push({ code: 'custom', message: 'INVALID', path: ['options'], input: options });
    }
  });
export type QuestionConfig = z.infer<typeof questionConfigSchema>;

/** What a new Spørsmål asks: the seeds' 0–4 question during a workshop. Content, so bokmål. */
export const defaultQuestionConfig = (): QuestionConfig => ({
  prompt: 'I hvilken grad kjenner du deg igjen i det vi har snakket om?',
  format: 'scale4',
  options: [
    { id: 'o1', text: 'Ja' },
    { id: 'o2', text: 'Nei' },
    { id: 'o3', text: 'Vet ikke' },
  ],
  lowLabel: 'I svært liten grad',
  highLabel: 'I svært stor grad',
});

export const defaultQuestionTitle = 'Et raskt spørsmål';

/** Every text of the config the privacy guard checks, by the form field it came from. */
export function questionTexts(config: QuestionConfig): [field: string, text: string][] {
  return [
    ['prompt', config.prompt],
    ...config.options.map((o, i): [string, string] => [`options.${i}.text`, o.text]),
    ['lowLabel', config.lowLabel],
    ['highLabel', config.highLabel],
  ];
}

/** A fresh option id: letters only after the prefix, so it never reads as a number. */
export const newOptionId = (taken: readonly string[]): string => {
  for (let n = 1; ; n++) if (!taken.includes(`o${n}`)) return `o${n}`;
};
