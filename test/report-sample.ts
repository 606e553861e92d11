import type { ReportData } from '@/lib/reports/report-data';

const at = new Date('2026-03-15T09:00:00Z');

/** A project with a workshop run, a meeting and a Q study held on their own: every section once. */
export const sampleReport: ReportData = {
  scope: 'project',
  name: 'Arbeid først',
  projectName: 'Arbeid først',
  generatedAt: new Date('2026-11-30T12:00:00Z'),
  minCounts: [3],
  meetingMinimum: 3,
  findings: [
    { id: 'f1', title: 'Veilederne mangler tid', summary: 'Travle dager', status: 'bekreftet', phaseName: 'Fase 1', history: [{ at, from: 'forelopig', to: 'bekreftet', note: 'Kjent igjen av alle', by: 'Ingrid' }] },
    { id: 'f2', title: 'Brukerne ønsker mer kontakt', summary: '', status: 'forelopig', phaseName: null, history: [] },
  ],
  sessions: [
    {
      id: 's1',
      title: 'Verksted på Hamar',
      workshopId: 'w1',
      startedAt: at,
      endedAt: at,
      minCount: 3,
      activities: [
        {
          kind: 'findings',
          id: 'a1',
          title: 'Kjenner dere igjen funnene?',
          findings: [
            { findingId: 'f1', title: 'Veilederne mangler tid', total: 4, counts: { kjenner_igjen: 2, nyanserer: 1, avkrefter: 1 }, comments: [{ text: 'Helt riktig for oss' }] },
            { findingId: 'f2', title: 'Brukerne ønsker mer kontakt', total: null, counts: null, comments: [] },
          ],
        },
        { kind: 'reflection', id: 'a2', title: 'Refleksjon i grupper', prompt: 'Hva mangler?', groups: [{ name: 'Gruppe 1', notes: ['Tid til oppfølging', 'Mer kollegaveiledning'] }, { name: 'Gruppe 2', notes: [] }] },
        { kind: 'plenary', id: 'a3', title: 'Plenum', voters: 3, themes: [{ name: 'Tid', dots: 6, notes: ['Tid til oppfølging'] }], wordQuestion: 'Ett ord?', wordTotal: 4, words: [{ word: 'travelt', count: 3 }, { word: 'lærerikt', count: 1 }] },
        { kind: 'closing', id: 'a4', title: 'Avslutning', respondents: 3, questions: [{ id: 'q1', text: 'Var det nyttig?', n: 3, distribution: [0, 0, 0, 2, 1], mean: 10 / 3 }, { id: 'q2', text: 'Lærte du noe?', n: null, distribution: null, mean: null }], freeTextQuestion: 'Noe mer?', texts: ['Godt opplegg'] },
        { kind: 'question', id: 'a5', title: 'Raskt spørsmål', prompt: 'Hvor nyttig var dagen?', total: 4, options: [], scale: { values: [1, 2, 3, 4, 5], counts: [0, 1, 0, 2, 1], mean: 3.75 }, words: [] },
        { kind: 'question', id: 'a6', title: 'Et spørsmål til', prompt: 'Hva tar du med deg?', total: null, options: [], scale: null, words: [] },
      ],
    },
  ],
  meetings: [
    {
      sessionId: 'm1',
      activityId: null,
      groupName: 'NAV Nordby',
      startedAt: at,
      case: null,
      learningPoints: [{ id: 'l1', text: 'Små avtaler holder' }, { id: 'l2', text: '', redacted: true }],
      agreements: [{ id: 'g1', specific: 'Ringe hver uke', measurable: 'Fire samtaler', acknowledged: '', realistic: 'Ja', deadline: '2026-12-08', evaluate: 'Neste møte' }],
      evaluation: { respondents: 3, questions: [{ question: 'safeClimate', answers: 3, average: 3.5 }, { question: 'usefulForMe', answers: 2, average: null }] },
    },
  ],
  studies: [
    {
      sessionId: 'q1',
      activityId: null,
      setName: 'Q-utsagn',
      startedAt: at,
      sortCount: 8,
      statements: [{ id: '1', text: 'Jeg har tid' }, { id: '2', text: 'Jeg får hjelp' }],
      analysis: { factors: 2, extraction: 'centroid', rotation: 'varimax' },
      factors: [{ number: 1, name: 'De travle', description: 'Ser tid som det største hinderet', definingSorts: 4, array: { '1': -5, '2': 3 }, distinguishing: [{ id: '1', value: -5, z: -1.87 }] }],
    },
  ],
};
