import { describe, expect, it } from 'vitest';
import { answeredCount, normalizeWord, publicResults, type ActivityResults } from './results';

const findings = (total: number): ActivityResults => ({
  kind: 'findings',
  activityId: 'a',
  findingId: 'f',
  total,
  counts: { kjenner_igjen: total, nyanserer: 0, avkrefter: 0 },
  comments: [
    { id: 'c1', text: 'Stemmer', response: 'kjenner_igjen' },
    { id: 'c2', text: 'Skjult', response: 'kjenner_igjen' },
  ],
});

describe('publicResults', () => {
  it('shows nothing before the facilitator reveals', () => {
    expect(publicResults(findings(10), false, 3, [])).toBeNull();
  });

  it('withholds tallies and comments below the minimum count', () => {
    expect(publicResults(findings(2), true, 3, [])).toEqual({ kind: 'findings', activityId: 'a', findingId: 'f', total: null, counts: null, comments: [] });
    expect(publicResults(findings(3), true, 3, [])).toMatchObject({ counts: { kjenner_igjen: 3 } });
  });

  it('leaves out hidden comments and words', () => {
    expect(publicResults(findings(5), true, 3, ['c2'])).toMatchObject({ comments: [{ id: 'c1' }] });
    // Which answer a comment came with stays with the facilitator.
    expect(publicResults(findings(5), true, 3, [])).toMatchObject({ comments: [{ id: 'c1', text: 'Stemmer' }, { id: 'c2', text: 'Skjult' }] });
    expect(JSON.stringify(publicResults(findings(5), true, 3, []))).not.toContain('"response"');
    const plenary: ActivityResults = { kind: 'plenary', activityId: 'a', voters: 4, votes: { c1: 6 }, wordTotal: 4, words: [{ word: 'tillit', count: 3 }, { word: 'tid', count: 1 }] };
    expect(publicResults(plenary, true, 3, ['word:tid'])).toMatchObject({ votes: { c1: 6 }, words: [{ word: 'tillit' }] });
    expect(publicResults({ ...plenary, voters: 2, wordTotal: 2 }, true, 3, [])).toMatchObject({ voters: null, votes: null, wordTotal: null, words: [] });
  });

  it('hides the distribution of a question with too few answers', () => {
    const closing: ActivityResults = {
      kind: 'closing',
      activityId: 'a',
      respondents: 3,
      questions: [
        { id: 'q1', n: 3, distribution: [0, 0, 1, 1, 1], mean: 3 },
        { id: 'q2', n: 2, distribution: [0, 0, 0, 1, 1], mean: 3.5 },
      ],
      texts: [{ id: 't', text: 'Takk' }],
    };
    expect(publicResults(closing, true, 3, [])).toMatchObject({ respondents: 3, questions: [{ n: 3, mean: 3 }, { n: null, distribution: null, mean: null }], texts: [{ text: 'Takk' }] });
    expect(publicResults({ ...closing, respondents: 2 }, true, 3, [])).toMatchObject({ respondents: null, texts: [] });
  });

  it('normalises words for the cloud', () => {
    expect(normalizeWord('  Tillit  ')).toBe('tillit');
    expect(normalizeWord('GOD   Dialog')).toBe('god dialog');
  });
});

describe('answeredCount', () => {
  const closing = (respondents: number): ActivityResults => ({ kind: 'closing', activityId: 'c', respondents, questions: [], texts: [{ id: 't', text: 'Nyttig' }] });

  it('says how many answered only from the minimum count up', () => {
    expect(answeredCount(findings(2), 3)).toEqual({ activityId: 'a', count: null });
    expect(answeredCount(findings(3), 3)).toEqual({ activityId: 'a', count: 3 });
    expect(answeredCount(findings(12), 3)).toEqual({ activityId: 'a', count: 12 });
  });

  it('rounds respondents counted across streams down to whole batches, as the public view does', () => {
    expect(answeredCount(closing(4), 3)).toEqual({ activityId: 'c', count: 3 });
    expect(answeredCount(closing(6), 3)).toEqual({ activityId: 'c', count: 6 });
    expect(answeredCount(closing(2), 3)).toEqual({ activityId: 'c', count: null });
  });

  it('carries the count and nothing of the answers themselves', () => {
    expect(JSON.stringify(answeredCount(findings(5), 3))).not.toContain('Stemmer');
    expect(answeredCount(null, 3)).toBeNull();
  });
});
