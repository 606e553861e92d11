/**
 * `npm run icons`: renders every raster icon from app/icon.svg (scripts/icons.ts) and writes
 * them into the repository. They are committed, so a build needs no image tooling; run this
 * again after changing the drawing (app/manifest.test.ts fails until you do).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconFiles, renderIcons } from './icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendered = await renderIcons(readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8'));
for (const [name, file] of Object.entries(iconFiles)) {
  const data = rendered[name as keyof typeof iconFiles];
  writeFileSync(path.join(root, file), data);
  console.log(`${file} (${data.length} bytes)`);
}
