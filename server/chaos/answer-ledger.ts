/**
 * What simulated participants sent and what the server acknowledged, and how that compares
 * with what the database holds. An answer to a finding replaces the participant's earlier
 * answer to it, so each (participant, finding) pair keeps an ordered list of writes.
 */
export type AckOutcome = 'ok' | 'refused' | 'unknown';

interface Write {
  comment: string;
  outcome: AckOutcome;
}

export interface LedgerTally {
  /** Answers whose ack said ok. */
  acked: number;
  /** Acked answers the database accounts for (held, or replaced by a later write it holds). */
  found: number;
  /** Acked answers the database does not account for. */
  lost: number;
  /** Sends whose ack never came (the server died first): either outcome is allowed. */
  unknown: number;
}

export function createAnswerLedger() {
  const writes = new Map<string, Write[]>();
  const key = (participantId: string, findingId: string) => `${participantId}/${findingId}`;

  return {
    /** Records a send before it goes out; call `settle` with its ack. */
    send(participantId: string, findingId: string, comment: string) {
      const list = writes.get(key(participantId, findingId)) ?? [];
      const write: Write = { comment, outcome: 'unknown' };
      list.push(write);
      writes.set(key(participantId, findingId), list);
      return { settle: (outcome: AckOutcome) => void (write.outcome = outcome) };
    },

    /**
     * Compares with the stored answers (participant, finding → comment). The stored one must
     * be the last acked write for its pair or a later write whose ack never came; an acked
     * write is found when the stored write is it or comes after it.
     */
    tally(stored: Map<string, string>): LedgerTally {
      const tally: LedgerTally = { acked: 0, found: 0, lost: 0, unknown: 0 };
      for (const [pair, list] of writes) {
        const held = stored.get(pair);
        const heldIndex = held === undefined ? -1 : list.findLastIndex((w) => w.comment === held && w.outcome !== 'refused');
        list.forEach((w, i) => {
          if (w.outcome === 'unknown') tally.unknown += 1;
          if (w.outcome !== 'ok') return;
          tally.acked += 1;
          if (heldIndex >= i) tally.found += 1;
          else tally.lost += 1;
        });
      }
      return tally;
    },

    pairKey: key,
  };
}
export type AnswerLedger = ReturnType<typeof createAnswerLedger>;
