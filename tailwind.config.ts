import type { Config } from 'tailwindcss';
import akselPreset from '@navikt/ds-tailwind';

const config: Config = {
  presets: [akselPreset],
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}'],
  // Aksel's CSS already normalises elements; Tailwind's preflight would fight it.
  corePlugins: { preflight: false },
  theme: {
    extend: {
      // The preset only has ax-* breakpoints and colours; plain names at Aksel's breakpoints
      // keep class names familiar while layouts switch where Aksel components do.
      screens: { sm: '480px', md: '768px', lg: '1024px', xl: '1280px' },
      colors: { inherit: 'inherit', current: 'currentColor', transparent: 'transparent', white: '#fff' },
    },
  },
};

export default config;
