import type nb from '@/messages/nb.question.json';
import type { ActivityMessages } from '../contract';

declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    question: (typeof nb)['question'];
  }
}

/** The kind's texts: `messages/<locale>.question.json`, namespace `question`. */
export const messages = { namespace: 'question', file: 'question' } as const satisfies ActivityMessages;
