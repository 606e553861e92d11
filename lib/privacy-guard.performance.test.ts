import { describe, expect, it } from 'vitest';
import { findPersonalData } from './privacy-guard';

/*
 * Scanning must stay linear: a 100 000-character adversarial text (digits and separators
 * alternating, endless chains, prefixes, "@" runs) may cost a constant factor more than
 * ordinary prose of the same length, never a factor that grows with the length. Times are
 * compared as ratios, best of three, so a loaded machine slows both sides alike; a quadratic
 * scan would be thousands of times slower at this length, far beyond the allowed factor.
 */

const LENGTH = 100_000;
const MAX_FACTOR = 150;

const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

function bestOf3(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    findPersonalData(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const ADVERSARIAL = [
  '1 ',
  '1-',
  '12.',
  '1 2-3.4/5 ',
  '1  \n',
  '4',
  '41 23 45 67 ',
  '+47 ',
  '(+47) ',
  '0047 ',
  'fnr 150385 ',
  '15.03.85 personnr ',
  'født 15.03.1985 12 ',
  '\u0661 ',
  '\u{1D7CF}\u200B',
  '1\u00AD',
  '@a',
  'a@a-',
  'a.',
  'x@',
  'a [at] b [dot] ',
  '(at)',
];

describe('performance', () => {
  it(`scans ${LENGTH} characters of adversarial text within ${MAX_FACTOR}× the time of ordinary prose`, { timeout: 120_000 }, () => {
    const prose = bestOf3(fill('Vi diskuterte saken grundig i gruppa og ble enige om tiltak på tvers av kontorene. '));
    for (const unit of ADVERSARIAL) {
      const text = fill(unit);
      expect(text.length).toBe(LENGTH);
      const factor = bestOf3(text) / Math.max(prose, 1);
      expect(factor, JSON.stringify(unit)).toBeLessThan(MAX_FACTOR);
    }
  });

  it('doubling the length of an adversarial text roughly doubles the time', { timeout: 120_000 }, () => {
    for (const unit of ['1 ', '41 23 45 67 ', '\u0661-']) {
      const single = bestOf3(fill(unit));
      const double = bestOf3(fill(unit).repeat(2));
      expect(double / Math.max(single, 1), JSON.stringify(unit)).toBeLessThan(6);
    }
  });
});
