import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { icoImages, iconFiles, renderIcons } from '../scripts/icons';
import manifest from './manifest';

const root = path.resolve(__dirname, '..');

/** Width and height from a PNG's IHDR chunk (bytes 16–23, after the signature and chunk header). */
function pngSize(data: Buffer): string {
  expect(data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return `${data.readUInt32BE(16)}x${data.readUInt32BE(20)}`;
}

/** A public path as the server finds it: public/ first, then the app folder's icon files. */
function served(src: string): Buffer {
  const candidates = [path.join(root, 'public', src), path.join(root, 'app', src)];
  const file = candidates.find((c) => existsSync(c));
  if (!file) throw new Error(`${src}: no such file in public/ or app/`);
  return readFileSync(file);
}

describe('the web app manifest and icons', () => {
  const m = manifest();

  it('installs the participant page as a standalone app', () => {
    expect(m).toMatchObject({ start_url: '/delta', display: 'standalone', name: 'Verksted', short_name: 'Verksted' });
    expect(m.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(m.background_color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('lists icons that exist and have the sizes it claims, with a maskable one', () => {
    const icons = m.icons ?? [];
    for (const icon of icons) {
      const data = served(icon.src);
      if (icon.type === 'image/png') expect(pngSize(data), icon.src).toBe(icon.sizes);
      else expect(data.toString('utf8'), icon.src).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    }
    expect(icons.map((i) => `${i.sizes}/${i.purpose}`)).toEqual(expect.arrayContaining(['192x192/any', '512x512/any', '512x512/maskable']));
  });

  it('has a favicon.ico of 16, 32 and 48 px PNGs and a 180 px apple-touch-icon', () => {
    const ico = readFileSync(path.join(root, 'app', 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = icoImages(ico).map((image, i) => {
      const size = pngSize(image);
      expect(size).toBe(`${ico.readUInt8(6 + 16 * i)}x${ico.readUInt8(7 + 16 * i)}`);
      return size;
    });
    expect(sizes).toEqual(['16x16', '32x32', '48x48']);
    expect(pngSize(readFileSync(path.join(root, 'app', 'apple-icon.png')))).toBe('180x180');
  });

  it('commits the icons as app/icon.svg draws them now (else run `npm run icons`)', async () => {
    const rendered = await renderIcons(readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8'));
    const pngs = (name: keyof typeof iconFiles, data: Buffer) => (name === 'favicon' ? icoImages(data) : [data]);
    for (const name of Object.keys(iconFiles) as (keyof typeof iconFiles)[]) {
      const committed = pngs(name, readFileSync(path.join(root, iconFiles[name])));
      const fresh = pngs(name, rendered[name]);
      expect(committed.map(pngSize), name).toEqual(fresh.map(pngSize));
      for (const [i, image] of committed.entries()) {
        // Pixels, not bytes: another platform's libvips may compress or anti-alias a shade apart.
        const [a, b] = await Promise.all([image, fresh[i]!].map((d) => sharp(d).ensureAlpha().raw().toBuffer()));
        const worst = a!.reduce((max, v, j) => Math.max(max, Math.abs(v - b![j]!)), 0);
        expect(worst, `${iconFiles[name]} image ${i}`).toBeLessThanOrEqual(8);
      }
    }
  });
});
