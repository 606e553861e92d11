import type { QuestionAnswer, MyQuestionAnswer } from './answers';
import { QUESTION_FEEDBACK_KIND, QUESTION_ITEM_KEY } from './tally';

/** The feedback row columns an answer is kept in: choices in `data`, a scale value in `value`, an open answer in `text`. */
export interface StoredQuestionAnswer {
  kind: typeof QUESTION_FEEDBACK_KIND;
  itemKey: typeof QUESTION_ITEM_KEY;
  text: string;
  value: number | null;
  data: { optionIds?: string[] };
}

/**
 * The row an answer becomes. `prompt` goes in `theme`, so the kept feedback reads on its own
 * after the session (as a finding round keeps its finding); it is the facilitator's text.
 */
export function storedAnswer(answer: QuestionAnswer): StoredQuestionAnswer {
  const row = { kind: QUESTION_FEEDBACK_KIND, itemKey: QUESTION_ITEM_KEY } as const;
  switch (answer.type) {
    case 'choice':
      return { ...row, text: '', value: null, data: { optionIds: answer.optionIds } };
    case 'scale':
      return { ...row, text: '', value: answer.value, data: {} };
    case 'open':
      return { ...row, text: answer.text, value: null, data: {} };
  }
}

/** A participant's stored answer (as `workshop:mine` sends it back) as their phone shows it again; null when the row holds none. */
export function answerOfRow(row: { text: string; value: number | null; data: Record<string, unknown>; redacted: boolean }): MyQuestionAnswer | null {
  const ids = row.data.optionIds;
  if (Array.isArray(ids) && ids.length > 0) return { type: 'choice', optionIds: ids.filter((id): id is string => typeof id === 'string') };
  if (row.value !== null) return { type: 'scale', value: row.value };
  if (row.redacted) return { type: 'open', text: '', redacted: true };
  return row.text ? { type: 'open', text: row.text } : null;
}
