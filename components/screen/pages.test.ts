import { describe, expect, it } from 'vitest';
import { pageOf, pageStepOf } from './pages';

const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

describe('pageOf', () => {
  it('splits a long list into whole pages and numbers them from 1', () => {
    expect(pageOf(items, 3, 0)).toEqual({ items: ['a', 'b', 'c'], current: 1, total: 3 });
    expect(pageOf(items, 3, 2)).toEqual({ items: ['g'], current: 3, total: 3 });
  });

  it('wraps both ways, so the rotation and stepping back never run off the end', () => {
    expect(pageOf(items, 3, 3).current).toBe(1);
    expect(pageOf(items, 3, -1)).toEqual({ items: ['g'], current: 3, total: 3 });
  });

  it('has one page, and no label to show, for a short or empty list', () => {
    expect(pageOf(items.slice(0, 2), 3, 5)).toEqual({ items: ['a', 'b'], current: 1, total: 1 });
    expect(pageOf([], 3, 0)).toEqual({ items: [], current: 1, total: 1 });
  });
});

describe('pageStepOf', () => {
  it('steps forward and back with a clicker or the arrow keys, and ignores other keys', () => {
    expect(['PageDown', 'ArrowRight', 'ArrowDown'].map(pageStepOf)).toEqual([1, 1, 1]);
    expect(['PageUp', 'ArrowLeft', 'ArrowUp'].map(pageStepOf)).toEqual([-1, -1, -1]);
    expect(['Enter', 'f', ' '].map(pageStepOf)).toEqual([0, 0, 0]);
  });
});
