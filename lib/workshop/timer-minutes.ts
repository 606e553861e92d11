/** The shortest and longest time box a facilitator can set (the timer commands' own bounds). */
export const TIMER_MIN_SECONDS = 10;
export const TIMER_MAX_SECONDS = 4 * 3600;

export type MinutesProblem = 'notANumber' | 'tooShort' | 'tooLong';

/**
 * Minutes as a facilitator types them into "Sett tid": "2" is two minutes, and a decimal with
 * a comma (the Norwegian way) or a point is a fraction, so "1,5" and "1.5" are both 90 s.
 * Anything else is refused rather than guessed at: a silent 10 s timer in a full room is worse
 * than an error under the field. The result is whole seconds, as the timer commands take them.
 */
export function parseMinutes(text: string): { ok: true; seconds: number } | { ok: false; problem: MinutesProblem } {
  const match = /^(\d{1,4})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!match) return { ok: false, problem: 'notANumber' };
  const minutes = Number(`${match[1]}.${match[2] ?? '0'}`);
  const seconds = Math.round(minutes * 60);
  if (seconds < TIMER_MIN_SECONDS) return { ok: false, problem: 'tooShort' };
  if (seconds > TIMER_MAX_SECONDS) return { ok: false, problem: 'tooLong' };
  return { ok: true, seconds };
}
