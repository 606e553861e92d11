/**
 * `npm run icons`: draws every raster icon from the one drawing, app/icon.svg, and writes the
 * results into the repository (they are committed, so a build needs no image tooling):
 *   app/favicon.ico                16, 32 and 48 px, for browsers that ask for /favicon.ico
 *   app/apple-icon.png             180 px, full-bleed (iOS rounds the corners itself)
 *   public/icons/icon-192.png      the manifest's icons, as drawn (rounded corners)
 *   public/icons/icon-512.png
 *   public/icons/maskable-512.png  full-bleed, the mark inside the central 80 % safe zone that
 *                                  Android may cut to a circle or a squircle
 * Run it again after changing app/icon.svg; app/manifest.test.ts checks the sizes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const drawing = readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8');

/** The drawing's own background colour, so the full-bleed variants match it exactly. */
const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(drawing)?.[1];
if (!background) throw new Error('app/icon.svg: no background <rect fill="#rrggbb"> found');

/** The drawing on a square of its background colour, scaled about the centre by `scale`. */
function fullBleed(scale: number): string {
  const inner = drawing.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const offset = (512 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${background}"/><g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g></svg>`;
}

// A high density renders the SVG sharply before it is scaled down.
const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An ICO file whose images are PNGs (every browser since IE 11 reads those). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const write = (file: string, data: Buffer) => {
  writeFileSync(path.join(root, file), data);
  console.log(`${file} (${data.length} bytes)`);
};

const favicons = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(drawing, size) })));
write('app/favicon.ico', ico(favicons));
write('app/apple-icon.png', await png(fullBleed(1), 180));
write('public/icons/icon-192.png', await png(drawing, 192));
write('public/icons/icon-512.png', await png(drawing, 512));
write('public/icons/maskable-512.png', await png(fullBleed(0.8), 512));
