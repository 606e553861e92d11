import { describe, expect, it } from 'vitest';
import { activityFieldErrors, activityInputSchema, activityTexts, defaultActivity, defaultAgenda, newQuestionId } from './agenda';

const findingId = '6f1c2a4e-1d2b-4c3d-8e9f-0a1b2c3d4e5f';

describe('agenda helpers', () => {
  it('builds a default agenda that passes the schemas, with a findings round only when there are findings', () => {
    const agenda = defaultAgenda([findingId]);
    expect(agenda.map((a) => a.kind)).toEqual(['findings', 'reflection', 'plenary', 'closing']);
    for (const activity of agenda) expect(activityInputSchema.parse(activity)).toEqual(activity);
    expect(defaultAgenda([]).map((a) => a.kind)).toEqual(['reflection', 'plenary', 'closing']);
  });

  it('has a Q-sort and a kollegaveiledning default only when the project has a set or a template', () => {
    expect(defaultActivity('qsort', { findingIds: [] })).toBeNull();
    expect(defaultActivity('supervision', { findingIds: [], templateId: null })).toBeNull();
    const qsort = defaultActivity('qsort', { findingIds: [], setId: findingId });
    const supervision = defaultActivity('supervision', { findingIds: [], templateId: findingId });
    expect(activityInputSchema.parse(qsort)).toEqual({ kind: 'qsort', title: qsort?.title, config: { setId: findingId } });
    expect(activityInputSchema.parse(supervision)).toEqual({ kind: 'supervision', title: supervision?.title, config: { templateId: findingId } });
    expect(activityTexts(qsort!)).toEqual([['title', qsort!.title]]);
    const missing = activityInputSchema.safeParse({ kind: 'qsort', title: 'Q', config: { setId: '' } });
    expect(!missing.success && activityFieldErrors(missing.error)).toEqual({ setId: 'REQUIRED' });
  });

  it('names settings errors by their form field, not by config', () => {
    const parsed = activityInputSchema.safeParse({ kind: 'closing', title: '', config: { questions: [{ id: 'a', text: '' }], freeTextQuestion: 'x'.repeat(301) } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(activityFieldErrors(parsed.error)).toEqual({ title: 'REQUIRED', 'questions.0.text': 'REQUIRED', freeTextQuestion: 'TOO_LONG' });
    }
  });

  it('lists every free text with its field for the privacy guard', () => {
    const [, reflection, plenary, closing] = defaultAgenda([findingId]);
    expect(activityTexts(reflection!).map(([field]) => field)).toEqual(['title', 'prompt', 'attribute']);
    expect(activityTexts(plenary!).map(([field]) => field)).toEqual(['title', 'wordCloudQuestion']);
    expect(activityTexts(closing!).map(([field]) => field)).toEqual(['title', 'questions.0.text', 'questions.1.text', 'questions.2.text', 'freeTextQuestion']);
  });

  it('makes question ids that fit the schema and do not repeat', () => {
    const ids = Array.from({ length: 50 }, newQuestionId);
    expect(new Set(ids).size).toBe(50);
    expect(ids.every((id) => id.length <= 40)).toBe(true);
  });
});
