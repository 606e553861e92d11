import type nb from '@/messages/nb.reflection.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    reflection: (typeof nb)['reflection'];
  }
}

/** The kind's texts: `messages/<locale>.reflection.json`, namespace `reflection`. */
export const messages = { namespace: 'reflection', file: 'reflection' } as const satisfies ActivityMessages;
