import type { Config } from 'tailwindcss';
import akselPreset from '@navikt/ds-tailwind';

const config: Config = {
  presets: [akselPreset],
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  // Aksel's CSS already normalises elements; Tailwind's preflight would fight it.
  corePlugins: { preflight: false },
};

export default config;
