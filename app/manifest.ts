import type { MetadataRoute } from 'next';
import messages from '@/messages/nb.json';
import { headerColor, pageColor } from './_lib/brand';

/**
 * The web app manifest (/manifest.webmanifest; Next links it from every page). It makes the
 * participant page installable: an installed Verksted opens /delta, where a participant types
 * the room's code, in a window of its own. Browsers fetch a manifest without cookies, so it
 * cannot follow the reader's language choice: it speaks bokmål, the default.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/delta',
    name: messages.meta.title,
    short_name: messages.meta.title,
    description: messages.meta.description,
    lang: 'nb',
    start_url: '/delta',
    scope: '/',
    display: 'standalone',
    theme_color: headerColor,
    background_color: pageColor,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
