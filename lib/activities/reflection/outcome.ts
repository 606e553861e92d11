import type { KindActivity } from '../contract';
import { authorOf, showableOf, type OutcomeContext, type OutcomeItem } from '../outcome-kit';
import type { ReflectionConfig } from './config';

/** A group reflection's outcome: every group's board notes, each naming the plenary themes it went to. */
export interface ReflectionOutcome {
  kind: 'reflection';
  prompt: string;
  groups: {
    name: string;
    /** Every kept note, in a theme or not; `themes` is empty for a note outside every theme. */
    notes: { id: string; text: string; author: string | null; themes: string[] }[];
  }[];
}

export function reflectionOutcome(activity: KindActivity<'reflection', ReflectionConfig>, items: readonly OutcomeItem[], ctx: OutcomeContext): ReflectionOutcome {
  const byGroup = new Map<string, ReflectionOutcome['groups'][number]['notes']>();
  for (const note of showableOf(items, 'note', ctx)) {
    const name = note.groupName ?? '';
    const themes = ctx.themes.filter((t) => note.itemKey !== null && t.noteIds.includes(note.itemKey)).map((t) => t.name);
    byGroup.set(name, [...(byGroup.get(name) ?? []), { id: note.id, text: note.text, author: authorOf(note, ctx), themes }]);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nb', { numeric: true }))
    .map(([name, notes]) => ({ name, notes }));
  return { kind: 'reflection', prompt: activity.config.prompt, groups };
}
