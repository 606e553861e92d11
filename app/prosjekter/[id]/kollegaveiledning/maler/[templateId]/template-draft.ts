import { templateContentSchema, type Round, type TemplateContent } from '@/lib/supervision/template';

/** A problem with one field of the draft, as a code the editor translates. */
export interface DraftProblem {
  code: 'REQUIRED' | 'TOO_LONG' | 'MINUTES' | 'ROUNDS' | 'INVALID';
  max?: number;
}

/**
 * Where each problem of a template draft is, keyed `name`, `description`, `rounds` or
 * `rounds.<roundId>.<field>`. The service answers with top-level fields only (`rounds`), so
 * after it refuses a save the editor runs the same schema here to point at the exact control.
 */
export function draftProblems(draft: TemplateContent): Map<string, DraftProblem> {
  const parsed = templateContentSchema.safeParse(draft);
  const problems = new Map<string, DraftProblem>();
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const [top, index, field] = issue.path;
    const round = typeof index === 'number' ? draft.rounds[index] : undefined;
    const key = top === 'rounds' && round && typeof field === 'string' ? `rounds.${round.id}.${field}` : String(top ?? 'form');
    if (problems.has(key)) continue;
    if (key.endsWith('.minutes')) problems.set(key, { code: 'MINUTES' });
    else if (key === 'rounds') problems.set(key, { code: issue.code === 'too_small' || issue.code === 'too_big' ? 'ROUNDS' : 'INVALID' });
    else if (issue.code === 'too_small') problems.set(key, { code: 'REQUIRED' });
    else if (issue.code === 'too_big' && 'maximum' in issue) problems.set(key, { code: 'TOO_LONG', max: Number(issue.maximum) });
    else problems.set(key, { code: 'INVALID' });
  }
  return problems;
}

/** A fresh round id the schema accepts (`r-` and eight lowercase letters or digits). */
export const newRoundId = () => `r-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;

export const newRound = (name: string): Round => ({ id: newRoundId(), name, guidance: '', minutes: 5, speakers: 'participants', writers: 'all', turnBased: false });

/** Moves the item at `index` one place up (-1) or down (1); out-of-range moves change nothing. */
export function moved<T>(items: T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

export const MAX_ROUNDS = 12;
