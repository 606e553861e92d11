import type nb from '@/messages/nb.qsort.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    qsort: (typeof nb)['qsort'];
  }
}

/** The kind's texts: `messages/<locale>.qsort.json`, namespace `qsort`. */
export const messages = { namespace: 'qsort', file: 'qsort' } as const satisfies ActivityMessages;
