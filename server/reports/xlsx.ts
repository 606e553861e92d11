import ExcelJS from 'exceljs';
import type { ReportSheet } from '@/lib/reports/build-tables';

/** Excel allows 31 characters in a sheet name and none of []:*?/\ . */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** The raw data as a workbook: one sheet per kind, a bold frozen header row, and the settings sheet last. */
export async function sheetsToXlsx(sheets: ReportSheet[], title: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Verksted';
  workbook.title = title;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.title), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((column, i) => {
      const longest = Math.max(sheet.header[i]?.length ?? 0, ...sheet.rows.map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
