import type nb from '@/messages/nb.findings-round.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    findingsRound: (typeof nb)['findingsRound'];
  }
}

/** The kind's texts: `messages/<locale>.findings-round.json`, namespace `findingsRound`. */
export const messages = { namespace: 'findingsRound', file: 'findings-round' } as const satisfies ActivityMessages;
