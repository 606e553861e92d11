import type { FindingStatus } from '@/db/schema';
import type { FindingWithPhase } from '@/server/services/findings-service';
import type { FindingValues } from './FindingForm';

/** A finding as the library's client components get it: plain, serialisable data. */
export interface FindingView {
  id: string;
  title: string;
  summary: string;
  quotes: string[];
  reflectionQuestion: string;
  theme: string;
  phaseId: string | null;
  phaseName: string | null;
  status: FindingStatus;
}

/** The edit form's values for a stored finding. */
export function valuesOf(f: FindingView): FindingValues {
  return {
    title: f.title,
    summary: f.summary,
    quotesText: f.quotes.join('\n'),
    reflectionQuestion: f.reflectionQuestion,
    theme: f.theme,
    phaseId: f.phaseId ?? '',
  };
}

/** Only what the client components need: no timestamps, no ids beyond the finding's own. */
export function viewOf(f: FindingWithPhase): FindingView {
  const { id, title, summary, quotes, reflectionQuestion, theme, phaseId, phaseName, status } = f;
  return { id, title, summary, quotes, reflectionQuestion, theme, phaseId, phaseName, status };
}
