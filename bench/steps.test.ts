import { describe, expect, it } from 'vitest';
import { pingPong, split } from './steps';

describe('pingPong', () => {
  it('steps to the end of the agenda and back, never standing still', () => {
    expect(Array.from({ length: 10 }, (_, k) => pingPong(k, 4))).toEqual([0, 1, 2, 3, 2, 1, 0, 1, 2, 3]);
    expect(Array.from({ length: 4 }, (_, k) => pingPong(k, 2))).toEqual([0, 1, 0, 1]);
    expect(pingPong(5, 1)).toBe(0);
  });
});

describe('split', () => {
  it('spreads people over sessions as evenly as whole people allow', () => {
    expect(split(300, 20)).toEqual(Array(20).fill(15));
    const uneven = split(305, 20);
    expect(uneven.reduce((a, b) => a + b, 0)).toBe(305);
    expect(Math.max(...uneven) - Math.min(...uneven)).toBe(1);
  });
});
