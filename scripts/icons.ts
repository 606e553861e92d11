/**
 * Every raster icon Verksted serves, drawn from the one drawing in app/icon.svg. Pure apart from
 * sharp: `npm run icons` (scripts/make-icons.ts) writes the result, and app/manifest.test.ts
 * renders it again to catch committed icons that no longer match the drawing.
 */
import sharp from 'sharp';

/** The files, relative to the repository root, and what each is for. */
export const iconFiles = {
  /** 16, 32 and 48 px, for browsers that ask for /favicon.ico. */
  favicon: 'app/favicon.ico',
  /** 180 px, full-bleed: iOS rounds the corners itself. */
  apple: 'app/apple-icon.png',
  /** The manifest's icons, as drawn (rounded corners). */
  any192: 'public/icons/icon-192.png',
  any512: 'public/icons/icon-512.png',
  /** Full-bleed, the mark inside the central 80 % safe zone Android may cut to a circle. */
  maskable512: 'public/icons/maskable-512.png',
} as const;

export const faviconSizes = [16, 32, 48] as const;

/** The drawing on a square of its own background colour, scaled about the centre by `scale`. */
function fullBleed(drawing: string, scale: number): string {
  const background = /<rect[^>]*fill="(#[0-9a-f]{6})"/i.exec(drawing)?.[1];
  if (!background) throw new Error('app/icon.svg: no background <rect fill="#rrggbb"> found');
  const inner = drawing.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const offset = (512 * (1 - scale)) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${background}"/><g transform="translate(${offset} ${offset}) scale(${scale})">${inner}</g></svg>`;
}

// A high density renders the SVG sharply before it is scaled down.
const png = (svg: string, size: number) => sharp(Buffer.from(svg), { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An ICO file whose images are PNGs (every browser since IE 11 reads those). */
export function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4); // colour planes; bytes 2–3 (palette, reserved) stay 0
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

/** The PNG images inside an ICO file written by `ico`, in order. */
export function icoImages(file: Buffer): Buffer[] {
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const [length, offset] = [file.readUInt32LE(entry + 8), file.readUInt32LE(entry + 12)];
    return file.subarray(offset, offset + length);
  });
}

/** Renders every icon file from the SVG source of app/icon.svg. */
export async function renderIcons(drawing: string): Promise<Record<keyof typeof iconFiles, Buffer>> {
  const favicons = await Promise.all(faviconSizes.map(async (size) => ({ size, data: await png(drawing, size) })));
  return {
    favicon: ico(favicons),
    apple: await png(fullBleed(drawing, 1), 180),
    any192: await png(drawing, 192),
    any512: await png(drawing, 512),
    maskable512: await png(fullBleed(drawing, 0.8), 512),
  };
}
