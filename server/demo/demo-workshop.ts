import type { ActivityInput } from '@/lib/workshop/agenda';

/**
 * The demo project's first utviklingsverksted: the six Fase 1 findings for response, group
 * reflection, a plenary with dots and a word cloud, and a closing round on 0–4 scales.
 */
export const demoWorkshop = {
  workshop: { title: 'Utviklingsverksted 1: foreløpige funn fra Fase 1', date: '2022-03-15', place: 'Lillehammer', allowNames: false, minRevealCount: 3 },
  agenda(findingIds: string[]): ActivityInput[] {
    return [
      { kind: 'findings', title: 'Kjenner dere igjen funnene?', config: { findingIds } },
      {
        kind: 'reflection',
        title: 'Refleksjon i grupper',
        config: {
          prompt: 'Hva kjenner dere igjen fra egen praksis, hva vil dere nyansere, og hva mangler i funnene?',
          groupSize: 4,
          grouping: 'random',
          attribute: '',
          minutes: 15,
          silentFirst: true,
          silentMinutes: 5,
        },
      },
      { kind: 'plenary', title: 'Plenum: hva er viktigst?', config: { dotVotes: 3, wordCloudQuestion: 'Ett ord som beskriver kompetanseaktivitetene for deg?' } },
      {
        kind: 'closing',
        title: 'Hvordan var det å delta?',
        config: {
          questions: [
            { id: 'nytte', text: 'Hvor nyttig var verkstedet for deg?' },
            { id: 'stemme', text: 'Hvor godt fikk du fram dine synspunkter?' },
            { id: 'gjenkjenning', text: 'Hvor godt kjente du deg igjen i funnene?' },
          ],
          freeTextQuestion: 'Er det noe du vil si til forskerne?',
        },
      },
    ];
  },
};
