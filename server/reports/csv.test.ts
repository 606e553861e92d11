import { describe, expect, it } from 'vitest';
import { sheetToCsv } from './csv';
import type { ReportSheet } from '@/lib/reports/build-tables';

const sheet: ReportSheet = { key: 'evaluation', title: 'Evaluering', header: ['Spørsmål', 'Snitt'], rows: [['Var det nyttig, totalt?', 10 / 3]] };
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('CSV by language', () => {
  it('uses semicolons and a decimal comma in nynorsk, as in bokmål (what Norwegian Excel reads)', () => {
    for (const locale of ['nb', 'nn'] as const) {
      const [header, row] = lines(sheetToCsv(sheet, locale));
      expect(header).toBe('Spørsmål;Snitt');
      expect(row).toBe(`Var det nyttig, totalt?;${String(10 / 3).replace('.', ',')}`);
    }
  });

  it('uses commas and a decimal point in English, quoting a text with a comma', () => {
    const [header, row] = lines(sheetToCsv(sheet, 'en'));
    expect(header).toBe('Spørsmål,Snitt');
    expect(row).toBe(`"Var det nyttig, totalt?",${String(10 / 3)}`);
  });

  it('starts with a byte order mark so Excel reads æ, ø and å', () => {
    expect(sheetToCsv(sheet, 'nn').startsWith('\uFEFF')).toBe(true);
  });
});
