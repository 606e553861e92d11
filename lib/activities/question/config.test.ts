import { describe, expect, it } from 'vitest';
import { activityFieldErrors } from '../../workshop/agenda';
import { seededRng, validNationalId } from '../../../test/personal-numbers';
import { answerFits, questionAnswerSchema, type QuestionAnswer } from './answers';
import { defaultQuestionConfig, newOptionId, questionConfigSchema, questionTexts } from './config';
import { answerOfRow, storedAnswer } from './stored';

const choices = { prompt: 'Hva passer best?', format: 'single', options: [{ id: 'o1', text: 'Ja' }, { id: 'o2', text: 'Nei' }] };

describe('a Spørsmål config', () => {
  it('starts as the seeds’ 0–4 question and parses as it is', () => {
    const config = defaultQuestionConfig();
    expect(questionConfigSchema.parse(config)).toEqual(config);
    expect(config.format).toBe('scale4');
    expect(config.lowLabel).toBe('I svært liten grad');
  });

  it('needs two options for a choice, none for a scale or an open answer', () => {
    const one = questionConfigSchema.safeParse({ ...choices, options: [{ id: 'o1', text: 'Ja' }] });
    expect(one.success).toBe(false);
    expect(activityFieldErrors(one.error!)).toEqual({ options: 'OPTIONS_REQUIRED' });
    expect(questionConfigSchema.safeParse({ prompt: 'Ett ord?', format: 'open' }).success).toBe(true);
    expect(questionConfigSchema.safeParse({ prompt: 'Hvor godt?', format: 'scale10' }).success).toBe(true);
  });

  it('refuses the same option id twice and an empty prompt', () => {
    expect(questionConfigSchema.safeParse({ ...choices, options: [{ id: 'o1', text: 'Ja' }, { id: 'o1', text: 'Nei' }] }).success).toBe(false);
    const empty = questionConfigSchema.safeParse({ ...choices, prompt: '  ' });
    expect(activityFieldErrors(empty.error!)).toEqual({ prompt: 'REQUIRED' });
  });

  it('names every text the privacy guard checks, and the guard refuses a personal number in each', () => {
    const config = questionConfigSchema.parse({ ...choices, lowLabel: 'Lite', highLabel: 'Mye' });
    const texts = questionTexts(config);
    expect(texts.map(([field]) => field)).toEqual(['prompt', 'options.0.text', 'options.1.text', 'lowLabel', 'highLabel']);
    for (const [field] of texts) {
      const input = structuredClone(config) as Record<string, unknown>;
      const [head, i, leaf] = field.split('.');
      if (leaf) (input[head!] as Record<string, string>[])[Number(i)]![leaf] = `ring ${validNationalId(seededRng(3))}`;
      else input[head!] = `ring ${validNationalId(seededRng(3))}`;
      const parsed = questionConfigSchema.safeParse(input);
      expect(parsed.success, field).toBe(false);
      expect(activityFieldErrors(parsed.error!)[field]).toBe('PERSONAL_DATA');
    }
  });

  it('mints an option id that is not taken', () => {
    expect(newOptionId(['o1', 'o3'])).toBe('o2');
    expect(newOptionId([])).toBe('o1');
  });
});

describe('a Spørsmål answer', () => {
  const single = questionConfigSchema.parse(choices);
  const multiple = questionConfigSchema.parse({ ...choices, format: 'multiple' });
  const scale = questionConfigSchema.parse({ prompt: 'Hvor godt?', format: 'scale10' });
  const open = questionConfigSchema.parse({ prompt: 'Ett ord?', format: 'open' });

  it('fits only the question’s own format and range', () => {
    expect(answerFits(single, { type: 'choice', optionIds: ['o1'] })).toBe(true);
    expect(answerFits(single, { type: 'choice', optionIds: ['o1', 'o2'] })).toBe(false);
    expect(answerFits(multiple, { type: 'choice', optionIds: ['o1', 'o2'] })).toBe(true);
    expect(answerFits(multiple, { type: 'choice', optionIds: ['o1', 'o1'] })).toBe(false);
    expect(answerFits(multiple, { type: 'choice', optionIds: ['o9'] })).toBe(false);
    expect(answerFits(scale, { type: 'scale', value: 10 })).toBe(true);
    expect(answerFits(scale, { type: 'scale', value: 0 })).toBe(false);
    expect(answerFits(defaultQuestionConfig(), { type: 'scale', value: 0 })).toBe(true);
    expect(answerFits(defaultQuestionConfig(), { type: 'scale', value: 5 })).toBe(false);
    expect(answerFits(open, { type: 'open', text: 'tillit' })).toBe(true);
    expect(answerFits(open, { type: 'scale', value: 3 })).toBe(false);
  });

  it('refuses a personal number in an open answer', () => {
    const parsed = questionAnswerSchema.safeParse({ type: 'open', text: validNationalId(seededRng(7)) });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('PERSONAL_DATA');
  });

  it('is stored and read back as the same answer', () => {
    const answers: QuestionAnswer[] = [{ type: 'choice', optionIds: ['o1', 'o2'] }, { type: 'scale', value: 3 }, { type: 'open', text: 'tillit' }];
    for (const answer of answers) expect(answerOfRow({ ...storedAnswer(answer), redacted: false })).toEqual(answer);
    expect(answerOfRow({ text: '', value: null, data: {}, redacted: true })).toEqual({ type: 'open', text: '', redacted: true });
  });
});
