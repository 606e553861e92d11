import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSetKey } from './analysis';
import { decodeExportChoices, decodeExportFlags, exportLink } from './export-link';
import { analysisOptionsSchema } from './runtime';

describe('exportLink', () => {
  it('carries the analysed settings, its flags by sort id and the sorts’ key; the machine formats carry none', () => {
    const flags = { 'sort-å': [true, false], b: [false, true] };
    const link = new URL(exportLink('/x/eksport', 'xlsx', { options: { factors: 2, extraction: 'pca', rotation: 'none', flags }, sortSet: '0a1b2c3d' }), 'http://h');
    expect(Object.fromEntries([...link.searchParams].filter(([k]) => k !== 'flags'))).toEqual({ format: 'xlsx', factors: '2', extraction: 'pca', rotation: 'none', set: '0a1b2c3d' });
    expect(decodeExportFlags(link.searchParams.get('flags'))).toEqual(flags);
    expect(exportLink('/x/eksport', 'csv')).toBe('/x/eksport?format=csv');
  });

  it('round-trips any flags through the address', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 12 }), { maxKeys: 30 }), (flags) => {
        const link = new URL(exportLink('/e', 'json', { options: { factors: 3, extraction: 'centroid', rotation: 'varimax', flags }, sortSet: '00000000' }), 'http://h');
        expect(decodeExportFlags(link.searchParams.get('flags'))).toEqual(flags);
      }),
    );
  });

  it('round-trips the researcher\'s choices, and what the schema refuses stays refused', () => {
    fc.assert(
      fc.property(fc.constantFrom('pearson', 'spearman', 'kendall' as const), fc.double({ min: 1e-9, max: 0.5, noNaN: true }), fc.boolean(), (correlation, significance, majority) => {
        const options = { factors: 2, extraction: 'pca', rotation: 'varimax', correlation, flagRule: { significance, majority } } as const;
        const link = new URL(exportLink('/e', 'json', { options, sortSet: '00000000' }), 'http://h');
        const decoded = decodeExportChoices(link.searchParams);
        expect(decoded).toEqual({ correlation, flagRule: { significance, majority } });
        expect(analysisOptionsSchema.parse({ factors: 2, extraction: 'pca', rotation: 'varimax', ...decoded })).toEqual(options);
      }),
    );
    expect(decodeExportChoices(new URLSearchParams('format=json'))).toEqual({});
    const turned = new URL(exportLink('/e', 'xlsx', { options: { factors: 3, extraction: 'pca', rotation: 'varimax', invert: [1, 3] }, sortSet: '00000000' }), 'http://h');
    expect(decodeExportChoices(turned.searchParams)).toEqual({ invert: [1, 3] });
    const handRotations = [{ a: 1, b: 2, degrees: 12.25 }, { a: 3, b: 1, degrees: -0.1 }];
    const rotated = new URL(exportLink('/e', 'json', { options: { factors: 3, extraction: 'pca', rotation: 'none', handRotations }, sortSet: '00000000' }), 'http://h');
    expect(decodeExportChoices(rotated.searchParams)).toEqual({ handRotations });
    for (const bad of ['rotate=1,2', 'rotate=1,1,10', 'rotate=1,2,x', 'rotate=1,2,999']) {
      expect(analysisOptionsSchema.safeParse({ factors: 3, extraction: 'pca', rotation: 'varimax', ...decodeExportChoices(new URLSearchParams(bad)) }).success, bad).toBe(false);
    }
    expect(analysisOptionsSchema.safeParse({ factors: 3, extraction: 'pca', rotation: 'varimax', ...decodeExportChoices(new URLSearchParams('invert=1,x')) }).success).toBe(false);
    for (const bad of ['correlation=polychoric', 'significance=0&majority=on', 'significance=x&majority=on', 'significance=0.01&majority=maybe', 'significance=0.01']) {
      expect(analysisOptionsSchema.safeParse({ factors: 2, extraction: 'pca', rotation: 'varimax', ...decodeExportChoices(new URLSearchParams(bad)) }).success).toBe(false);
    }
  });

  it('reads a missing flags parameter as none and a damaged one as unreadable', () => {
    expect(decodeExportFlags(null)).toBeUndefined();
    for (const bad of ['%%%', 'bm90IGpzb24', '']) expect(decodeExportFlags(bad)).toBeNull();
  });
});

describe('sortSetKey', () => {
  it('changes when a sort is added, removed or the order changes, and only then', () => {
    const ids = ['a', 'b', 'c'];
    expect(sortSetKey(ids)).toBe(sortSetKey([...ids]));
    expect(sortSetKey(ids)).toMatch(/^[0-9a-f]{8}$/);
    for (const other of [['a', 'b'], ['a', 'b', 'c', 'd'], ['b', 'a', 'c'], ['a', 'bc'], ['ab', 'c']]) expect(sortSetKey(other)).not.toBe(sortSetKey(ids));
  });
});
