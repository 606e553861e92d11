import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * app/layout.tsx imports Aksel's stylesheet in parts so it can leave out Aksel's fonts.css (which
 * loads Source Sans 3 from NAV's CDN) and put app/fonts.css (our own copy) in its place. These
 * tests fail when an Aksel upgrade splits its stylesheet differently, so no rule goes missing
 * and no foreign URL comes back unnoticed.
 */
const root = path.resolve(__dirname, '..');
const aksel = path.join(root, 'node_modules', '@navikt', 'ds-css');
const read = (file: string) => readFileSync(file, 'utf8');
/** Without `@layer a, b;` statements: each part repeats the layer order before its own rules. */
const rules = (css: string) => css.replace(/^@layer [^{;]+;\s*/gm, '').trim();

const layoutCssImports = [...read(path.join(root, 'app', 'layout.tsx')).matchAll(/^import '([^']+\.css)';$/gm)].map((m) => m[1] ?? '');
const resolveImport = (spec: string) => (spec.startsWith('.') ? path.join(root, 'app', spec) : path.join(root, 'node_modules', spec));

describe("Aksel's stylesheet without its CDN fonts", () => {
  it('imports every part of dist/index.css but fonts.css, in its order, with our fonts in that place', () => {
    expect(layoutCssImports).toEqual([
      '@navikt/ds-css/dist/global/reset.css',
      '@navikt/ds-css/dist/global/tokens.css',
      '@navikt/ds-css/dist/global/baseline.css',
      '@navikt/ds-css/dist/global/print.css',
      './fonts.css',
      '@navikt/ds-css/dist/components.css',
      './globals.css',
    ]);
    const parts = ['global/reset.css', 'global/tokens.css', 'global/baseline.css', 'global/print.css', 'global/fonts.css', 'components.css'];
    const whole = rules(read(path.join(aksel, 'dist', 'index.css')));
    expect(parts.map((part) => rules(read(path.join(aksel, 'dist', part)))).join('\n\n')).toBe(whole);
  });

  it('loads no stylesheet that reaches outside Verksted', () => {
    for (const spec of layoutCssImports) {
      const css = read(resolveImport(spec));
      expect(css, spec).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(css, spec).not.toMatch(/@import\s+(url\()?\s*["']?(https?:)?\/\//i);
    }
  });

  it('serves every Source Sans 3 face Aksel declares, from files that exist', () => {
    const faces = (css: string) =>
      [...css.matchAll(/@font-face\s*{([^}]*)}/g)]
        .map((m) => m[1] ?? '')
        .filter((body) => /font-family:\s*"Source Sans 3"/.test(body))
        .map((body) => ({
          style: /font-style:\s*(\w+)/.exec(body)?.[1],
          url: /url\("([^"]+)"\)/.exec(body)?.[1] ?? '',
        }));
    const ours = faces(read(path.join(root, 'app', 'fonts.css')));
    // Aksel names its files SourceSans3-<style>[-<subset>].woff2 (no subset: latin).
    const akselFaces = faces(read(path.join(aksel, 'dist', 'global', 'fonts.css'))).map(({ style, url }) => {
      const subset = /SourceSans3-\w+-?([a-z_]*)\.woff2$/.exec(url)?.[1] || 'latin';
      return `${subset.replace('_', '-')}-${style}`;
    });
    const ourFaces = ours.map(({ style, url }) => `${/source-sans-3-([a-z-]+)-wght-\w+\.woff2$/.exec(url)?.[1]}-${style}`);
    expect(akselFaces).toHaveLength(8);
    expect(ourFaces.sort()).toEqual(akselFaces.sort());
    for (const { url } of ours) {
      expect(url).toMatch(/^\.\.\/node_modules\//);
      expect(existsSync(path.join(root, 'app', url)), url).toBe(true);
    }
  });
});
