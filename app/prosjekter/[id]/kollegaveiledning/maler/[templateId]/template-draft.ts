import { isPersonalDataIssue } from '@/lib/privacy/free-text';
import { personalDataKinds } from '@/lib/privacy-guard';
import { templateContentSchema, type Round, type TemplateContent } from '@/lib/supervision/template';

/** A problem with one field of the draft, as a code the editor translates. */
export interface DraftProblem {
  code: 'REQUIRED' | 'TOO_LONG' | 'MINUTES' | 'ROUNDS' | 'INVALID' | 'PERSONAL_DATA';
  max?: number;
}

/**
 * Where each problem of a template draft is, keyed `name`, `description`, `rounds` or
 * `rounds.<roundId>.<field>`. The service answers by round index (`rounds.2.guidance`), which
 * no longer points at the right round once rounds move, so after it refuses a save the editor
 * runs the same checks here (the schema, then the privacy guard) to point at the exact control.
 */
export function draftProblems(draft: TemplateContent): Map<string, DraftProblem> {
  const parsed = templateContentSchema.safeParse(draft);
  const problems = new Map<string, DraftProblem>();
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [top, index, field] = issue.path;
    const round = typeof index === 'number' ? draft.rounds[index] : undefined;
    const key = top === 'rounds' && round && typeof field === 'string' ? `rounds.${round.id}.${field}` : String(top ?? 'form');
    if (problems.has(key)) continue;
    if (isPersonalDataIssue(issue)) problems.set(key, { code: 'PERSONAL_DATA' });
    else if (key.endsWith('.minutes')) problems.set(key, { code: 'MINUTES' });
    else if (key === 'rounds') problems.set(key, { code: issue.code === 'too_small' || issue.code === 'too_big' ? 'ROUNDS' : 'INVALID' });
    else if (issue.code === 'too_small') problems.set(key, { code: 'REQUIRED' });
    else if (issue.code === 'too_big' && 'maximum' in issue) problems.set(key, { code: 'TOO_LONG', max: Number(issue.maximum) });
    else problems.set(key, { code: 'INVALID' });
  }
  for (const [key, text] of draftTexts(draft)) {
    if (!problems.has(key) && personalDataKinds(text).length > 0) problems.set(key, { code: 'PERSONAL_DATA' });
  }
  return problems;
}

/** The free text of a draft the privacy guard checks, as the service does, keyed like `draftProblems`. */
const draftTexts = (draft: TemplateContent): [key: string, text: string][] => [
  ['name', draft.name],
  ['description', draft.description],
  ...draft.rounds.flatMap((r): [string, string][] => [
    [`rounds.${r.id}.name`, r.name],
    [`rounds.${r.id}.guidance`, r.guidance],
  ]),
];

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
