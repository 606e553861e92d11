import { formatQdcLabel } from '../steps/qdc';
import type { QResult } from '../types';

/** Engine and contract the numbers come from, written into every export. */
export const ENGINE_INFO = { engine: 'verksted-qmethod', compatibleWith: 'qmethod 1.8.4 (R)' } as const;

/**
 * The full result as pretty-printed JSON: everything in `QResult` plus qmethod's text of each
 * distinguishing/consensus label, and optional statement texts.
 */
export function resultToJson(result: QResult, statementTexts?: readonly string[]): string {
  return `${JSON.stringify(
    {
      ...ENGINE_INFO,
      ...result,
      statementTexts: statementTexts ? [...statementTexts] : undefined,
      qdcLabelText: result.qdcLabels.map(formatQdcLabel),
    },
    null,
    2,
  )}\n`;
}
