import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import type { AnalyzeOptions, QErrorCode, QInput } from './types';

const good: QInput = {
  statements: ['a', 'b', 'c', 'd'],
  sorts: ['x', 'y', 'z'],
  scores: [
    [-1, 0, 1],
    [0, -1, 0],
    [0, 1, -1],
    [1, 0, 0],
  ],
};
const options: AnalyzeOptions = { factors: 1, extraction: 'pca', rotation: 'varimax' };

function code(input: QInput, opts: AnalyzeOptions = options): QErrorCode | 'OK' {
  const r = analyze(input, opts);
  return r.ok ? 'OK' : r.error.code;
}

describe('validation returns coded errors, never throws', () => {
  it('accepts a valid input', () => expect(code(good)).toBe('OK'));
  it.each<[string, QInput, QErrorCode]>([
    ['ragged rows', { ...good, scores: [[1, 2, 3], [1, 2]] }, 'BAD_SHAPE'],
    ['one statement', { statements: ['a'], sorts: ['x', 'y'], scores: [[0, 0]] }, 'TOO_FEW_STATEMENTS'],
    ['one sort', { statements: ['a', 'b'], sorts: ['x'], scores: [[0], [1]] }, 'TOO_FEW_SORTS'],
    ['NaN', { ...good, scores: [[-1, 0, 1], [0, Number.NaN, 0], [0, 1, -1], [1, 0, 0]] }, 'NON_NUMERIC'],
    ['broken distribution', { ...good, scores: [[-1, 0, 1], [0, -1, 0], [0, 1, -1], [1, 0, 1]] }, 'DISTRIBUTION_MISMATCH'],
    ['duplicate sort names', { ...good, sorts: ['x', 'y', 'x'] }, 'DUPLICATE_SORT_NAMES'],
    ['duplicate statement ids', { ...good, statements: ['a', 'b', 'a', 'd'] }, 'DUPLICATE_STATEMENT_IDS'],
    ['a constant sort', { ...good, scores: [[0, 0], [0, 1], [0, -1], [0, 0]], sorts: ['x', 'y'], distribution: [-1, 0, 0, 1] }, 'ZERO_VARIANCE'],
    ['distribution of the wrong length', { ...good, distribution: [1, 2] }, 'DISTRIBUTION_LENGTH'],
  ])('%s', (_, input, expected) => expect(code(input)).toBe(expected));

  it('blames the sort that differs from the distribution most sorts share, the first one too', () => {
    const first = analyze({ ...good, scores: [[-1, 0, 1], [0, -1, 0], [0, 1, -1], [2, 0, 0]] }, options);
    expect(!first.ok && first.error).toMatchObject({ code: 'DISTRIBUTION_MISMATCH', sort: 'x' });
    const middle = analyze({ ...good, scores: [[-1, 0, 1], [0, -1, 0], [0, 1, -1], [1, 2, 0]] }, options);
    expect(!middle.ok && middle.error).toMatchObject({ code: 'DISTRIBUTION_MISMATCH', sort: 'y' });
    // Two sorts, two distributions: nothing says which is right, so the second is named, as R does.
    const two = analyze({ statements: ['a', 'b', 'c'], sorts: ['x', 'y'], scores: [[-1, -1], [0, 1], [1, 1]] }, options);
    expect(!two.ok && two.error).toMatchObject({ code: 'DISTRIBUTION_MISMATCH', sort: 'y' });
  });

  it.each([0, -1, 4, 1.5, Number.NaN])('k = %s is out of range for 3 sorts', (k) =>
    expect(code(good, { ...options, factors: k })).toBe('FACTORS_OUT_OF_RANGE'),
  );
  it('k = M is allowed', () => expect(code(good, { ...options, factors: 3 })).toBe('OK'));
  it('rejects an unknown extraction or rotation', () => {
    expect(code(good, { ...options, extraction: 'ml' as never })).toBe('BAD_OPTION');
    expect(code(good, { ...options, rotation: 'promax' as never })).toBe('BAD_OPTION');
  });
  it('rejects flags of the wrong shape', () => {
    expect(code(good, { ...options, flags: [[true], [false]] })).toBe('BAD_FLAGS');
    expect(code(good, { ...options, flags: [[true, false], [false, false], [true, false]] })).toBe('BAD_FLAGS');
    expect(code(good, { ...options, flags: [[true], [false], [1 as never]] })).toBe('BAD_FLAGS');
  });
  it('names the sort that breaks the distribution', () => {
    const r = analyze({ ...good, scores: [[-1, 0, 1], [0, -1, 0], [0, 1, -1], [1, 0, 1]] }, options);
    expect(r.ok || r.error.sort).toBe('z');
  });
});
