import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMessages, messageFiles } from '../i18n/catalogue';
import { defaultLocale, locales } from '../i18n/locales';
import { errorCodes } from './errors';
import { icuSignature } from './i18n/icu-arguments';

type Tree = { [key: string]: string | Tree };

const leaves = (o: Tree, prefix = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v as string] as [string, string]]));

const fileName = (locale: string, stem: string) => `${locale}${stem ? `.${stem}` : ''}.json`;
const messagesDir = join(import.meta.dirname, '..', 'messages');
const load = (locale: string, stem: string) => new Map(leaves(JSON.parse(readFileSync(join(messagesDir, fileName(locale, stem)), 'utf8')) as Tree));
const translations = locales.filter((l) => l !== defaultLocale);

// Words only bokmål writes: one of them in a nynorsk file is a sentence left untranslated.
const bokmaalOnly = /(?<!\p{L})(ikke|hva|hvordan|hvem|hvilke|jeg|noe|noen|fra|mye|bare|hvis|hver|hvert|deltaker|deltakere|deltakerne|utviklingsverksted|veileder|veiledning)(?!\p{L})/iu;

describe('message catalogues', async () => {
  const catalogues = await Promise.all(locales.map(loadMessages));

  it('have one file per language for every stem, and no file outside the list', () => {
    const expected = locales.flatMap((l) => messageFiles.map((stem) => fileName(l, stem))).sort();
    const present = readdirSync(messagesDir).filter((f) => f.endsWith('.json')).sort();
    expect(present).toEqual(expected);
  });

  describe.each(messageFiles.map((stem) => ({ stem, file: fileName('*', stem) })))('$file', ({ stem }) => {
    it.each(translations)('has exactly the bokmål keys in %s', (locale) => {
      const [nb, other] = [load(defaultLocale, stem), load(locale, stem)];
      const missing = [...nb.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !nb.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it.each(translations)('keeps the ICU arguments, select branches and tags of bokmål in %s', (locale) => {
      const [nb, other] = [load(defaultLocale, stem), load(locale, stem)];
      const differing = [...nb].filter(([key, text]) => other.has(key) && icuSignature(text).join() !== icuSignature(other.get(key)!).join());
      expect(differing.map(([key, text]) => ({ key, nb: icuSignature(text), [locale]: icuSignature(other.get(key)!) }))).toEqual([]);
    });

    it('is written in nynorsk in nn, without bokmål words', () => {
      const nn = load('nn', stem);
      expect([...nn].filter(([, text]) => bokmaalOnly.test(text))).toEqual([]);
    });
  });

  it('translate every error code in every language', () => {
    for (const catalogue of catalogues) for (const code of errorCodes) expect(catalogue.errors).toHaveProperty(code);
  });

  it('have no empty strings', () => {
    for (const catalogue of catalogues) {
      const empty = leaves(catalogue as unknown as Tree).filter(([, v]) => typeof v !== 'string' || v.trim().length === 0);
      expect(empty).toEqual([]);
    }
  });

  it('keep feature files from overriding each other', async () => {
    const files = await Promise.all(messageFiles.map((f) => import(`../messages/nb${f ? `.${f}` : ''}.json`)));
    const tops = files.flatMap((f: { default: object }) => Object.keys(f.default));
    expect(new Set(tops).size).toBe(tops.length);
  });
});
