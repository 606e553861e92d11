import { describe, expect, it } from 'vitest';
import type { AgendaActivity } from './agenda';
import { publicResults } from './results';
import { batchSize, publishedAnswers, tallyActivity, type AnswerRow } from './tally';

/*
 * Review of issue 10: "after reveal, public tallies change in batches that never expose a
 * single new answer". A changed answer is a new answer too.
 */

const findingId = '00000000-0000-4000-8000-000000000001';
const findings = { id: 'act', kind: 'findings', title: 'Funn', config: { findingIds: [findingId] } } as unknown as AgendaActivity;

const answer = (who: number, response: AnswerRow['response'], at: number): AnswerRow => ({
  id: `item-${who}`,
  kind: 'finding_response',
  participantId: `p${who}`,
  findingId,
  itemKey: findingId,
  response,
  text: '',
  value: null,
  data: {},
  updatedAt: at,
  redactedAt: null,
});

const publicView = (rows: AnswerRow[], min: number) => publicResults(tallyActivity(findings, 0, publishedAnswers(rows, batchSize(min))), true, min, []);

describe('review R8: one participant changing an answer after reveal', () => {
  for (const min of [2, 3, 4]) {
    it(`is not published alone (minimum ${min})`, () => {
      const k = batchSize(min);
      const before = Array.from({ length: 2 * k }, (_, i) => answer(i, i % 2 === 0 ? 'kjenner_igjen' : 'nyanserer', i));
      // Participant 0 (everyone saw them tap their phone) changes "kjenner igjen" to "avkrefter".
      const after = [...before.slice(1), answer(0, 'avkrefter', 100)];
      const [was, now] = [publicView(before, min), publicView(after, min)];
      expect(was?.kind === 'findings' && was.counts).toBeTruthy();
      // The public counts must not move by exactly one person's switch from one answer to another.
      expect(now).toEqual(was);
    });
  }
});
