import { describe, expect, it } from 'vitest';
import { decimalSign, formatDate, formatDecimal, formatNumber, formatPercent, intlLocale } from './format';

describe('numbers and dates by language', () => {
  it('writes a mean with a decimal comma in bokmål and nynorsk, and a point in English', () => {
    expect(formatDecimal('nb', 3, 1)).toBe('3,0');
    expect(formatDecimal('nn', 3, 1)).toBe('3,0');
    expect(formatDecimal('en', 3, 1)).toBe('3.0');
    expect(formatDecimal('nn', 10 / 3)).toBe('3,3');
  });

  it('rounds to the digits asked for, and writes a minus sign the Norwegian way', () => {
    expect(formatDecimal('nb', -1.8666, 2)).toBe('−1,87');
    expect(formatDecimal('nn', 0.72, 2)).toBe('0,72');
    expect(formatDecimal('en', -1.8666, 2)).toBe('-1.87');
  });

  it('groups thousands as each language does', () => {
    expect(formatDecimal('nn', 1234.5, 1)).toBe('1\u00a0234,5');
    expect(formatDecimal('en', 1234.5, 1)).toBe('1,234.5');
  });

  it('drops needless decimals where a whole number will do', () => {
    expect(formatNumber('nn', 3)).toBe('3');
    expect(formatNumber('nn', 3.25)).toBe('3,3');
    expect(formatNumber('en', 3.25)).toBe('3.3');
  });

  it('writes shares as whole percents', () => {
    expect(formatPercent('nb', 0.425)).toBe('43\u00a0%');
    expect(formatPercent('nn', 0.425)).toBe('43\u00a0%');
    expect(formatPercent('en', 0.425)).toBe('43%');
  });

  it('writes dates in Oslo time, with nynorsk month names', () => {
    // 23:30 UTC on 30 November is already 1 December in Oslo.
    const lateEvening = new Date('2026-11-30T23:30:00Z');
    expect(formatDate('nb', lateEvening)).toBe('1. desember 2026');
    expect(formatDate('nn', new Date('2026-05-17T10:00:00Z'))).toBe('17. mai 2026');
    expect(formatDate('en', lateEvening)).toBe('1 December 2026');
  });

  it('names the Intl locale and the decimal sign a spreadsheet needs', () => {
    expect([intlLocale('nb'), intlLocale('nn'), intlLocale('en')]).toEqual(['nb-NO', 'nn-NO', 'en-GB']);
    expect([decimalSign('nb'), decimalSign('nn'), decimalSign('en')]).toEqual([',', ',', '.']);
  });
});
