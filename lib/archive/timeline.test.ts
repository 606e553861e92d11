import { describe, expect, it } from 'vitest';
import { buildTimeline, evaluationDistributions } from './timeline';

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const answers = (sessionId: string, question: string, values: number[]) => values.map((value) => ({ sessionId, question, label: `Spørsmål ${question}`, value }));

describe('evaluation distributions', () => {
  it('counts each value 0–4 with the mean, and holds back below the minimum', () => {
    const [useful, voice] = evaluationDistributions([...answers('s', 'nytte', [4, 3, 3, 0]), ...answers('s', 'stemme', [2, 2])], 3);
    expect(useful).toEqual({ question: 'nytte', label: 'Spørsmål nytte', answers: 4, counts: [1, 0, 0, 2, 1], mean: 2.5 });
    expect(voice).toEqual({ question: 'stemme', label: 'Spørsmål stemme', answers: 2, counts: null, mean: null });
  });

  it('ignores values off the scale', () => {
    expect(evaluationDistributions(answers('s', 'x', [5, -1, 1.5, 4]), 1)).toEqual([{ question: 'x', label: 'Spørsmål x', answers: 1, counts: [0, 0, 0, 0, 1], mean: 4 }]);
  });
});

describe('project timeline', () => {
  const phases = [
    { id: 'p2', name: 'Utprøving', position: 2, startsOn: '2026-09-01', endsOn: null },
    { id: 'p1', name: 'Kartlegging', position: 1, startsOn: '2026-01-01', endsOn: '2026-08-31' },
  ];

  it('orders phases, places workshops by their phase and sessions by date, counts what each produced', () => {
    const timeline = buildTimeline({
      phases,
      workshops: [
        { id: 'w2', title: 'Verksted 2', date: '2026-10-01', phaseId: 'p2', minRevealCount: 3, createdAt: at('2026-01-01') },
        { id: 'w1', title: 'Verksted 1', date: '2026-03-01', phaseId: 'p1', minRevealCount: 4, createdAt: at('2026-01-01') },
        { id: 'w3', title: 'Planlagt', date: null, phaseId: 'p2', minRevealCount: 3, createdAt: at('2026-01-01') },
      ],
      sessions: [
        { id: 's1', kind: 'workshop', title: 'Verksted 1', workshopId: 'w1', createdAt: at('2026-03-01'), endedAt: at('2026-03-01') },
        { id: 'k1', kind: 'kollegaveiledning', title: 'NAV Nordby', workshopId: null, createdAt: at('2026-04-02'), endedAt: null },
        { id: 'q1', kind: 'qsort', title: 'Q-studie', workshopId: null, createdAt: at('2026-09-15'), endedAt: null },
        { id: 'x1', kind: 'plain', title: 'Løs økt', workshopId: null, createdAt: at('2025-12-01'), endedAt: null },
      ],
      counts: [
        { sessionId: 's1', kind: 'note', count: 5 },
        { sessionId: 's1', kind: 'evaluation', count: 8 },
        { sessionId: 'k1', kind: 'learning_point', count: 2 },
      ],
      evaluations: [...answers('s1', 'nytte', [4, 4, 3, 2]), ...answers('s1', 'stemme', [1, 2, 3])],
      minAnswers: 3,
    });
    expect(timeline.map((g) => g.phase?.name ?? null)).toEqual(['Kartlegging', 'Utprøving', null]);
    const [first, second, loose] = timeline;
    expect(first!.entries.map((e) => [e.type, e.title])).toEqual([
      ['workshop', 'Verksted 1'],
      ['kollegaveiledning', 'NAV Nordby'],
    ]);
    expect(first!.entries[0]!.produced).toEqual({ note: 5, evaluation: 8 });
    // The workshop's own minimum (4) holds: three answers to "stemme" are held back.
    expect(first!.entries[0]!.evaluation.map((e) => [e.question, e.counts])).toEqual([
      ['nytte', [0, 0, 1, 1, 2]],
      ['stemme', null],
    ]);
    expect(second!.entries.map((e) => e.title)).toEqual(['Q-studie', 'Verksted 2', 'Planlagt']);
    expect(second!.entries[1]!.sessions).toEqual([]);
    expect(loose!.entries.map((e) => [e.type, e.title])).toEqual([['session', 'Løs økt']]);
  });
});
