import { z } from 'zod';
import type { ActivityTally } from '../contract';
import { normalizeWord } from '../plenary/answers';
import type { AnswerRow } from '../tally-kit';
import { isChoiceFormat, isScaleFormat, questionFormats, scaleRange, scaleValues, type QuestionConfig } from './config';

/** The feedback kind a Spørsmål answer is stored as: one row per participant, replaced on change. */
export const QUESTION_FEEDBACK_KIND = 'question_answer';
/** The row's item key: one answer per person and question. */
export const QUESTION_ITEM_KEY = 'answer';

const count = z.number().int().nonnegative().nullable();

/**
 * A Spørsmål's results. Facilitators get them whole and live; the screen and the phones get
 * `questionPublicView` of the published answers: nothing before reveal, and below the
 * workshop's minimum nothing at all but that there are too few.
 */
export const questionResultsSchema = z.object({
  kind: z.literal('question'),
  activityId: z.string(),
  /** The question's format; null below the minimum, where the view says nothing but that there are too few. */
  format: z.enum(questionFormats).nullable(),
  /** How many answered; null below the minimum. */
  total: count,
  /** Choice formats: how many chose each option, in the editor's order (null below the minimum or for other formats). */
  options: z.array(z.object({ id: z.string(), text: z.string(), count: z.number().int().nonnegative() })).nullable(),
  /** Scales: the values offered and what their ends mean, so the results draw without the config. */
  scale: z.object({ min: z.number().int(), max: z.number().int(), lowLabel: z.string(), highLabel: z.string() }).nullable(),
  /** Scales: how many gave each value, lowest value first. */
  distribution: z.array(z.number().int().nonnegative()).nullable(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  /** Open answers grouped by their normalised text, most frequent first; hidden and redacted ones left out. */
  words: z.array(z.object({ word: z.string(), count: z.number().int().positive() })),
  /** Facilitators only: each open answer, to hide or redact it; empty in the public view. */
  answers: z.array(z.object({ id: z.string(), text: z.string(), redacted: z.boolean().optional() })),
});
export type QuestionResults = z.infer<typeof questionResultsSchema>;

/**
 * The live results if they are this question's, else null: they carry whichever step is
 * current, and two questions may follow each other, so a moment's old results are not shown.
 */
export function resultsOfQuestion(results: unknown, activityId: string): QuestionResults | null {
  const parsed = questionResultsSchema.safeParse(results);
  return parsed.success && parsed.data.activityId === activityId ? parsed.data : null;
}

/** At most this many entries in a word list: the screen has room for a list, not for everything. */
export const WORD_LIST_MAX = 40;

/** Identical answers (after trimming and lower-casing) counted together, most frequent first. */
export function wordList(answers: readonly { text: string }[]): { word: string; count: number }[] {
  const words = new Map<string, number>();
  for (const a of answers) {
    const word = normalizeWord(a.text);
    if (word) words.set(word, (words.get(word) ?? 0) + 1);
  }
  return [...words.entries()]
    .map(([word, n]) => ({ word, count: n }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nb'))
    .slice(0, WORD_LIST_MAX);
}

/** The middle value of the sorted values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** A row's chosen options, as stored by the server (`data.optionIds`). */
const optionIdsOf = (row: AnswerRow): string[] => {
  const ids = row.data.optionIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
};

/**
 * Whether a stored row holds an answer at all (its shape, whatever the format): the one stream
 * a Spørsmål's answers are published in. A redacted open answer still counts; its text is gone.
 */
const holdsAnswer = (row: AnswerRow) => row.kind === QUESTION_FEEDBACK_KIND && (optionIdsOf(row).length > 0 || row.value !== null || row.text !== '' || row.redactedAt !== null);

/** Whether a stored answer fits this question (the server only stores such; a row of another shape is left out). */
function counts(config: QuestionConfig, row: AnswerRow): boolean {
  if (!holdsAnswer(row)) return false;
  if (isChoiceFormat(config.format)) return optionIdsOf(row).length > 0;
  if (isScaleFormat(config.format)) return row.value !== null && scaleValues(config.format).includes(row.value);
  return row.text !== '' || row.redactedAt !== null;
}

/** Random ids in order: a newly published answer is not the last in the list. */
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Tallies a Spørsmål from its stored answers (all of them for facilitators, the published ones for the rest). */
export function tallyQuestion(activityId: string, config: QuestionConfig, rows: readonly AnswerRow[]): QuestionResults {
  const answered = rows.filter((r) => counts(config, r));
  const base: QuestionResults = { kind: 'question', activityId, format: config.format, total: answered.length, options: null, scale: null, distribution: null, mean: null, median: null, words: [], answers: [] };
  if (isChoiceFormat(config.format)) {
    const chosen = answered.map((r) => new Set(optionIdsOf(r)));
    return { ...base, options: config.options.map((o) => ({ id: o.id, text: o.text, count: chosen.filter((ids) => ids.has(o.id)).length })) };
  }
  if (isScaleFormat(config.format)) {
    const scale = scaleValues(config.format);
    const values = answered.map((r) => r.value!);
    return {
      ...base,
      scale: { ...scaleRange(config.format), lowLabel: config.lowLabel, highLabel: config.highLabel },
      distribution: scale.map((v) => values.filter((x) => x === v).length),
      mean: mean(values),
      median: median(values),
    };
  }
  const answers = answered.map((r) => (r.redactedAt !== null ? { id: r.id, text: '', redacted: true } : { id: r.id, text: r.text })).sort(byId);
  return { ...base, answers, words: wordList(answers.filter((a) => !a.redacted)) };
}

/**
 * What the screen and the phones may see once revealed (lib/workshop/results.ts shows nothing
 * before): below the minimum nothing about the answers, not even how many there are; the open
 * answers only as a word list, without the answers the facilitator hid or redacted.
 */
export function questionPublicView(results: QuestionResults, minCount: number, hidden: ReadonlySet<string>): QuestionResults {
  if (results.total === null || results.total < minCount) {
    return { ...results, format: null, total: null, options: null, scale: null, distribution: null, mean: null, median: null, words: [], answers: [] };
  }
  return { ...results, words: wordList(results.answers.filter((a) => !a.redacted && !hidden.has(a.id))), answers: [] };
}

/** Each option's share of those who answered, 0–1 (a multiple choice's shares may add up to more than 1). */
export const shareOf = (n: number, total: number | null): number => (total ? n / total : 0);

/** The registry's view of the tally (lib/activities/contract.ts): one stream, published in whole batches. */
export const questionTally: ActivityTally<'question', QuestionConfig, QuestionResults> = {
  schema: questionResultsSchema,
  answerKinds: [QUESTION_FEEDBACK_KIND],
  streamOf: (row) => (holdsAnswer(row) ? 'question' : null),
  tally: (activity, _step, rows) => tallyQuestion(activity.id, activity.config, rows),
  publicView: questionPublicView,
};
