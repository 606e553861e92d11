import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { DEFAULT_XLSX_LABELS } from '@/lib/qmethod/exports/xlsx';
import { qExportLabels } from './q-export-labels';

const sheetNames = ['settings', 'loadings', 'flags', 'zscores', 'arrays', 'distinguishing', 'characteristics', 'cribSheets', 'unrotated', 'sortCorrelations', 'byZ', 'history'] as const;

describe('the Q result workbook by language', () => {
  it('keeps the engine’s English labels in English', () => {
    expect(qExportLabels('en')).toEqual(DEFAULT_XLSX_LABELS);
  });

  it('has every label in bokmål and nynorsk, and the two differ where the languages do', () => {
    for (const locale of ['nb', 'nn'] as const) expect(Object.keys(qExportLabels(locale)).sort()).toEqual(Object.keys(DEFAULT_XLSX_LABELS).sort());
    expect(qExportLabels('nn').statement).toBe('Utsegn');
    expect(qExportLabels('nb').statement).toBe('Utsagn');
  });

  it.each(locales)('gives sheet names Excel accepts in %s (at most 31 characters, none of : \\ / ? * [ ])', (locale) => {
    const labels = qExportLabels(locale);
    const names = sheetNames.map((k) => labels[k]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[:\\/?*[\]]/);
      // Excel keeps this name for itself and refuses a sheet called so.
      expect(name.toLowerCase()).not.toBe('history');
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
