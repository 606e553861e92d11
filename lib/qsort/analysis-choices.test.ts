import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choicesToOptions, DEFAULT_CHOICES, parsePValue } from './analysis-choices';
import { analysisOptionsSchema } from './runtime';

describe('the researcher’s choices in the console', () => {
  it('reads a p-value as typed in Norwegian or English, and nothing else', () => {
    expect(parsePValue('0,001')).toBe(0.001);
    expect(parsePValue(' 0.01 ')).toBe(0.01);
    expect(parsePValue('1e-3')).toBe(0.001);
    expect(parsePValue('.5')).toBe(0.5);
    for (const bad of ['', '0', '0,6', '1', '-0.01', '5%', 'p<0.05', '0,0,1', 'abc', 'NaN', 'Infinity']) expect(parsePValue(bad)).toBeNull();
  });

  it('asks for nothing beyond the defaults when the defaults are chosen', () => {
    expect(choicesToOptions(DEFAULT_CHOICES)).toEqual({});
    expect(choicesToOptions({ ...DEFAULT_CHOICES, level: 'custom', custom: '0,05' })).toEqual({});
  });

  it('gives options the server’s schema takes, or null while the custom level is unreadable', () => {
    fc.assert(
      fc.property(
        fc.record({ correlation: fc.constantFrom('pearson', 'spearman', 'kendall' as const), level: fc.constantFrom('0.05', '0.01', 'custom' as const), custom: fc.string(), majority: fc.boolean() }),
        (draft) => {
          const options = choicesToOptions(draft);
          if (draft.level === 'custom' && parsePValue(draft.custom) === null) {
            expect(options).toBeNull();
            return;
          }
          expect(analysisOptionsSchema.safeParse({ factors: 2, extraction: 'pca', rotation: 'varimax', ...options }).success).toBe(true);
          expect(options?.correlation ?? 'pearson').toBe(draft.correlation);
          expect(options?.flagRule?.majority ?? true).toBe(draft.majority);
        },
      ),
    );
  });
});
