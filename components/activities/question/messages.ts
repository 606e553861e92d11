import type nb from '@/messages/nb.question.json';

/** The Spørsmål's message namespace, declared into the catalogue from this folder (see i18n/catalogue.ts). */
declare module '@/i18n/catalogue' {
  interface ActivityCatalogues {
    question: (typeof nb)['question'];
  }
}

export const questionMessages = { namespace: 'question', file: 'question' } as const;
