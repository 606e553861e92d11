import { defaultActivity, type ActivityInput } from '@/lib/workshop/agenda';

/**
 * The demo project's first utviklingsverksted: the standard agenda, worded for the Fase 1
 * findings of "Arbeid først" (respond to the findings, reflect in groups, plenary, closing).
 */
export const demoWorkshop = {
  workshop: { title: 'Utviklingsverksted 1: foreløpige funn fra Fase 1', date: '2022-03-15', place: 'Lillehammer', allowNames: false, minRevealCount: 3 },
  agenda(findingIds: string[]): ActivityInput[] {
    const agenda: ActivityInput[] = [];
    for (const kind of ['findings', 'reflection', 'plenary', 'closing'] as const) {
      const activity = defaultActivity(kind, findingIds);
      if (!activity) continue;
      if (activity.kind === 'findings') activity.title = 'Kjenner dere igjen funnene?';
      if (activity.kind === 'reflection') activity.config.prompt = 'Hva kjenner dere igjen fra egen praksis, hva vil dere nyansere, og hva mangler i funnene?';
      if (activity.kind === 'plenary') {
        activity.title = 'Plenum: hva er viktigst?';
        activity.config.wordCloudQuestion = 'Ett ord som beskriver kompetanseaktivitetene for deg?';
      }
      agenda.push(activity);
    }
    return agenda;
  },
};
