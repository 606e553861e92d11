import type { CorrelationMethod } from '@/lib/qmethod/types';
import type { AnalysisOptions } from './runtime';

/** The console's form for the researcher's choices, as typed (a custom level stays text until it is run). */
export interface ChoicesDraft {
  correlation: CorrelationMethod;
  level: '0.05' | '0.01' | 'custom';
  custom: string;
  majority: boolean;
}

/** qmethod's own: Pearson, p < .05, the majority rule. */
export const DEFAULT_CHOICES: ChoicesDraft = { correlation: 'pearson', level: '0.05', custom: '', majority: true };

/**
 * A significance level as a researcher types it: "0,001" (Norwegian), "0.001" or "1e-3"; above
 * 0 and at most 0.5. Null for anything else.
 */
export function parsePValue(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(t)) return null;
  const p = Number(t);
  return p > 0 && p <= 0.5 ? p : null;
}

/**
 * The choices as analysis options, each only where it differs from qmethod's defaults (so an
 * analysis with the defaults is asked for, shown and exported as before); null while the custom
 * level is not a p-value.
 */
export function choicesToOptions(draft: ChoicesDraft): Pick<AnalysisOptions, 'correlation' | 'flagRule'> | null {
  const significance = draft.level === 'custom' ? parsePValue(draft.custom) : Number(draft.level);
  if (significance === null) return null;
  return {
    ...(draft.correlation === 'pearson' ? {} : { correlation: draft.correlation }),
    ...(significance === 0.05 && draft.majority ? {} : { flagRule: { significance, majority: draft.majority } }),
  };
}
