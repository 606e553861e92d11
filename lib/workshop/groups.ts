/**
 * Splits participants into groups of 3–5. Group count is chosen so that sizes stay within
 * bounds (e.g. 7 people with target 4 → 4+3, not 4+3 with a lonely 0); people are dealt
 * round-robin after shuffling, or after sorting by an attribute so each office sits together.
 */
export interface Groupable {
  id: string;
  attributes: Record<string, string>;
}

export interface FormedGroup {
  id: string;
  name: string;
  memberIds: string[];
}

export function groupCount(people: number, target: number): number {
  if (people === 0) return 0;
  return Math.max(1, Math.round(people / target));
}

export function formGroups(
  people: Groupable[],
  options: { size: number; rule: 'random' | 'attribute' | 'manual'; attribute?: string; random: () => number; names: (n: number) => string },
): FormedGroup[] {
  const count = groupCount(people.length, options.size);
  const groups: FormedGroup[] = Array.from({ length: count }, (_, i) => ({ id: `g${i + 1}`, name: options.names(i + 1), memberIds: [] }));
  if (count === 0 || options.rule === 'manual') return groups;
  let ordered = shuffle(people, options.random);
  if (options.rule === 'attribute' && options.attribute) {
    const key = options.attribute;
    ordered = [...ordered].sort((a, b) => (a.attributes[key] ?? '').localeCompare(b.attributes[key] ?? ''));
    // Fill groups one after another so people with the same answer end up together.
    const base = Math.floor(ordered.length / count);
    let extra = ordered.length % count;
    let cursor = 0;
    for (const group of groups) {
      const take = base + (extra-- > 0 ? 1 : 0);
      group.memberIds = ordered.slice(cursor, cursor + take).map((p) => p.id);
      cursor += take;
    }
    return groups;
  }
  ordered.forEach((p, i) => groups[i % count]!.memberIds.push(p.id));
  return groups;
}

/** The group a latecomer joins: the smallest, the first of equals. */
export function smallestGroup(groups: FormedGroup[]): FormedGroup | undefined {
  return groups.reduce<FormedGroup | undefined>((best, g) => (!best || g.memberIds.length < best.memberIds.length ? g : best), undefined);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
