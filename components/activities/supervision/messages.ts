import type nb from '@/messages/nb.supervision.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    supervision: (typeof nb)['supervision'];
  }
}

/** The kind's texts: `messages/<locale>.supervision.json`, namespace `supervision`. */
export const messages = { namespace: 'supervision', file: 'supervision' } as const satisfies ActivityMessages;
