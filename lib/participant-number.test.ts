import { describe, expect, it } from 'vitest';
import { participantNumbers, participantWithNumber } from './participant-number';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s));

describe('participantNumbers', () => {
  it('numbers from 1 in join order, whatever order the rows come in', () => {
    const rows = [
      { id: 'c', joinedAt: at(3) },
      { id: 'a', joinedAt: at(1) },
      { id: 'b', joinedAt: at(2) },
    ];
    expect([...participantNumbers(rows)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('breaks a tie of join times by id, so every server agrees', () => {
    const rows = [
      { id: 'z', joinedAt: at(1) },
      { id: 'm', joinedAt: at(1) },
    ];
    expect(participantNumbers(rows).get('m')).toBe(1);
    expect(participantNumbers([...rows].reverse()).get('m')).toBe(1);
  });

  it('finds a participant by number and nobody for a number not given', () => {
    const rows = [
      { id: 'a', joinedAt: at(1) },
      { id: 'b', joinedAt: at(2) },
    ];
    expect(participantWithNumber(rows, 2)).toBe('b');
    expect(participantWithNumber(rows, 3)).toBeNull();
    expect(participantWithNumber(rows, 0)).toBeNull();
  });
});
