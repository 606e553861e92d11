import type { QInput } from '../types';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The sorts in QMETHOD.md's CSV layout (`statement,<sort>,…`, one row per statement): what the
 * CLI reads, and what R reads with `read.csv(file, row.names = 1)` for `qmethod()`.
 */
export function sortsToCsv(input: QInput): string {
  const lines = [['statement', ...input.sorts].map(csvField).join(',')];
  input.statements.forEach((id, s) => {
    lines.push([id, ...input.scores[s]!].map(csvField).join(','));
  });
  return `${lines.join('\n')}\n`;
}
