import { describe, expect, it } from 'vitest';
import { createAnswerLedger } from './answer-ledger';

describe('the chaos answer ledger', () => {
  it('counts an acked answer found when it or a later write of the same pair is stored', () => {
    const ledger = createAnswerLedger();
    ledger.send('p1', 'f1', 'a').settle('ok');
    ledger.send('p1', 'f1', 'b').settle('ok');
    ledger.send('p1', 'f2', 'c').settle('ok');
    ledger.send('p1', 'f2', 'd'); // in flight when the server died, and it did land
    ledger.send('p2', 'f1', 'e').settle('refused');
    const stored = new Map([[ledger.pairKey('p1', 'f1'), 'b'], [ledger.pairKey('p1', 'f2'), 'd']]);
    expect(ledger.tally(stored)).toEqual({ acked: 3, found: 3, lost: 0, unknown: 1 });
  });

  it('counts acked answers lost when the stored one is older, missing, or was refused', () => {
    const ledger = createAnswerLedger();
    ledger.send('p1', 'f1', 'a').settle('ok');
    ledger.send('p1', 'f1', 'b').settle('ok');
    ledger.send('p2', 'f1', 'c').settle('ok');
    ledger.send('p3', 'f1', 'd').settle('ok');
    ledger.send('p3', 'f1', 'x').settle('refused');
    const stored = new Map([[ledger.pairKey('p1', 'f1'), 'a'], [ledger.pairKey('p3', 'f1'), 'x']]);
    // p1's second ack is older than what is stored: lost; p2 has nothing stored; p3 holds a refused write.
    expect(ledger.tally(stored)).toEqual({ acked: 4, found: 1, lost: 3, unknown: 0 });
  });
});
