import type nb from '@/messages/nb.plenary.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    plenary: (typeof nb)['plenary'];
  }
}

/** The kind's texts: `messages/<locale>.plenary.json`, namespace `plenary`. */
export const messages = { namespace: 'plenary', file: 'plenary' } as const satisfies ActivityMessages;
