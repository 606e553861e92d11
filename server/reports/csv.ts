import JSZip from 'jszip';
import type { ReportSheet } from '@/lib/reports/build-tables';
import type { Cell } from '@/lib/reports/document';
import type { Locale } from '@/i18n/locales';
import { decimalSign } from '@/lib/i18n/format';

/** Excel reads UTF-8 (æ, ø, å) only when the file starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * Excel in Norwegian splits on semicolons and reads a decimal comma, so the bokmål and nynorsk
 * files use both; the English ones are plain RFC 4180 with commas.
 */
const dialect = (locale: Locale) => (decimalSign(locale) === ',' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' });

function field(value: Cell, d: { separator: string; decimal: string }): string {
  const text = typeof value === 'number' ? String(value).replace('.', d.decimal) : value;
  return /["\r\n]/.test(text) || text.includes(d.separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sheetToCsv(sheet: ReportSheet, locale: Locale): string {
  const d = dialect(locale);
  return BOM + [sheet.header, ...sheet.rows].map((row) => row.map((c) => field(c, d)).join(d.separator)).join('\r\n') + '\r\n';
}

/** One CSV file per kind (`findings.csv`, `notes.csv`, …, `settings.csv`) in one zip. */
export async function sheetsToCsvZip(sheets: ReportSheet[], locale: Locale): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const sheet of sheets) zip.file(`${sheet.key}.csv`, sheetToCsv(sheet, locale));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
