import { describe, expect, it } from 'vitest';
import { builtinTemplates, roundSchema } from '@/lib/supervision/template';
import { distinctRounds } from '.';

describe('round ids of a second kollegaveiledning in one workshop', () => {
  const rounds = builtinTemplates.standard.rounds;

  it('keeps the first one’s ids, and gives later ones ids of their own that still fit a round id', () => {
    expect(distinctRounds(rounds, 1)).toEqual(rounds);
    const second = distinctRounds(rounds, 2);
    const third = distinctRounds(rounds, 3);
    for (const later of [second, third]) {
      expect(later.map((r) => ({ ...r, id: '' }))).toEqual(rounds.map((r) => ({ ...r, id: '' })));
      for (const r of later) expect(roundSchema.safeParse(r).success).toBe(true);
    }
    const all = [...rounds, ...second, ...third].map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it('falls back to numbered ids when long ids would collide once prefixed and cut to 40 characters', () => {
    const long = 'x'.repeat(39);
    const crowded = [{ ...rounds[0]!, id: `${long}a` }, { ...rounds[1]!, id: `${long}b` }];
    expect(distinctRounds(crowded, 2).map((r) => r.id)).toEqual(['s2-r1', 's2-r2']);
  });
});
