import type nb from '@/messages/nb.closing.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    closing: (typeof nb)['closing'];
  }
}

/** The kind's texts: `messages/<locale>.closing.json`, namespace `closing`. */
export const messages = { namespace: 'closing', file: 'closing' } as const satisfies ActivityMessages;
