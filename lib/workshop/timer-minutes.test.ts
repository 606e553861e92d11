import { describe, expect, it } from 'vitest';
import { parseMinutes, TIMER_MAX_SECONDS, TIMER_MIN_SECONDS } from './timer-minutes';
import { timerCommandSchemas } from './timer';

describe('parseMinutes', () => {
  it.each([
    ['2', 120],
    ['1,5', 90],
    ['1.5', 90],
    [' 3 ', 180],
    ['0,5', 30],
    ['10', 600],
    ['0,25', 15],
    ['240', 4 * 3600],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseMinutes(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', ' ', 'abc', '1,5 min', '-2', '1,,5', '1.5.2', '1:30', '2e3', ',5', '12345'])('refuses %j as not a number', (text) => {
    expect(parseMinutes(text)).toEqual({ ok: false, problem: 'notANumber' });
  });

  it('refuses a time box shorter than the timer allows', () => {
    expect(parseMinutes('0')).toEqual({ ok: false, problem: 'tooShort' });
    expect(parseMinutes('0,1')).toEqual({ ok: false, problem: 'tooShort' });
  });

  it('refuses a time box longer than the timer allows', () => {
    expect(parseMinutes('241')).toEqual({ ok: false, problem: 'tooLong' });
    expect(parseMinutes('240,5')).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('gives whole seconds the timer command accepts', () => {
    const start = timerCommandSchemas[0];
    for (const text of ['0,17', '1,333', '2', '240']) {
      const parsed = parseMinutes(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(start.safeParse({ type: 'timerStart', seconds: parsed.seconds }).success).toBe(true);
    }
    expect(TIMER_MIN_SECONDS).toBe(10);
    expect(TIMER_MAX_SECONDS).toBe(14_400);
  });
});
