import { describe, expect, it } from 'vitest';
import { formGroups, groupCount, smallestGroup } from './groups';

const people = (n: number, office = (i: number) => (i % 2 ? 'Gjøvik' : 'Hamar')) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, attributes: { kontor: office(i) } }));
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const names = (n: number) => `Gruppe ${n}`;

describe('formGroups', () => {
  it('keeps every group within 3–5 for any room of 3 to 150 people (target 4)', () => {
    for (let n = 3; n <= 150; n++) {
      const groups = formGroups(people(n), { size: 4, rule: 'random', random, names });
      const sizes = groups.map((g) => g.memberIds.length);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.min(...sizes), `n=${n}`).toBeGreaterThanOrEqual(3);
      expect(Math.max(...sizes), `n=${n}`).toBeLessThanOrEqual(5);
      expect(new Set(groups.flatMap((g) => g.memberIds)).size).toBe(n);
    }
  });

  it('puts people with the same attribute together', () => {
    const groups = formGroups(people(8), { size: 4, rule: 'attribute', attribute: 'kontor', random, names });
    expect(groups).toHaveLength(2);
    for (const g of groups) {
      const offices = new Set(g.memberIds.map((id) => (Number(id.slice(1)) % 2 ? 'Gjøvik' : 'Hamar')));
      expect(offices.size).toBe(1);
    }
  });

  it('makes empty groups for manual grouping and none for nobody', () => {
    expect(formGroups(people(9), { size: 3, rule: 'manual', random, names }).map((g) => g.memberIds)).toEqual([[], [], []]);
    expect(formGroups([], { size: 4, rule: 'random', random, names })).toEqual([]);
    expect(groupCount(2, 4)).toBe(1);
  });

  it('sends a latecomer to the smallest group', () => {
    const groups = [
      { id: 'g1', name: 'A', memberIds: ['a', 'b', 'c', 'd'] },
      { id: 'g2', name: 'B', memberIds: ['e', 'f', 'g'] },
    ];
    expect(smallestGroup(groups)?.id).toBe('g2');
    expect(smallestGroup([])).toBeUndefined();
  });
});
