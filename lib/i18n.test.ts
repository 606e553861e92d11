import { describe, expect, it } from 'vitest';
import { loadMessages, messageFiles } from '../i18n/catalogue';
import { errorCodes } from './errors';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('message catalogues', async () => {
  const nb = await loadMessages('nb');
  const en = await loadMessages('en');

  it('have the same keys in bokmål and English', () => {
    expect(keys(en).sort()).toEqual(keys(nb).sort());
  });

  it('translate every error code', () => {
    for (const code of errorCodes) {
      expect(nb.errors).toHaveProperty(code);
      expect(en.errors).toHaveProperty(code);
    }
  });

  it('have no empty strings', () => {
    for (const catalogue of [nb, en]) {
      const flat = keys(catalogue).map((k) => k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue));
      expect(flat.every((v) => typeof v === 'string' && v.trim().length > 0)).toBe(true);
    }
  });

  it('keep feature files from overriding each other', async () => {
    const files = await Promise.all(messageFiles.map((f) => import(`../messages/nb${f ? `.${f}` : ''}.json`)));
    const tops = files.flatMap((f: { default: object }) => Object.keys(f.default));
    expect(new Set(tops).size).toBe(tops.length);
  });
});
