import { describe, expect, it } from 'vitest';
import { confirmsName, escapeLike, idsOnly, sessionKeyPatterns } from './deletion-scope';

/** LIKE as PostgreSQL reads it (escape `\`), to check the patterns without a database. */
function like(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(text);
}

describe('sessionKeyPatterns', () => {
  const a = '0b6f1c1e-1111-4a4a-8b8b-000000000001';
  const b = '0b6f1c1e-1111-4a4a-8b8b-000000000002';
  const p = sessionKeyPatterns(a);

  it("matches every document, usage counter and per-session limit of the session and nothing of another's", () => {
    for (const doc of [`live.${a}.notes`, `live.${a}.round.r1`, `live.${a}.board.${b}.g1`, `live.${a}.draft.${b}.g2.${b}`]) {
      expect(like(p.docs, doc)).toBe(true);
      expect(p.usage.some((u) => like(u, `d:${doc}`))).toBe(true);
      expect(like(p.docs, doc.replace(a, b))).toBe(false);
    }
    expect(p.usage.some((u) => like(u, `s:${a}:p:${b}`))).toBe(true);
    expect(p.usage.some((u) => like(u, `s:${b}:p:${a}`))).toBe(false);
    expect(like(p.rateLimits, `joinsPerSession:${a}`)).toBe(true);
    expect(like(p.rateLimits, `joinsPerSession:${b}`)).toBe(false);
    expect(like(p.rateLimits, 'joinsPerAddress:127.0.0.1')).toBe(false);
  });

  it('escapes LIKE wildcards', () => {
    expect(escapeLike('a_b%c\\d')).toBe('a\\_b\\%c\\\\d');
    expect(like(`${escapeLike('x_y')}%`, 'xzy1')).toBe(false);
  });
});

describe('idsOnly', () => {
  it('keeps ids, numbers and flags and drops any text', () => {
    const id = '9a0e7c52-3b1f-4f3e-9b55-2c4d8e6f7a10';
    expect(idsOnly({ activityId: id, op: 'add', count: 3, hidden: true, text: 'Ring 41234567', nested: { id } })).toEqual({ activityId: id, count: 3, hidden: true });
  });
});

describe('confirmsName', () => {
  it('accepts the name typed with other spacing or case and refuses anything else', () => {
    expect(confirmsName('  nav  nordby ', 'NAV Nordby')).toBe(true);
    expect(confirmsName('NAV Nordb', 'NAV Nordby')).toBe(false);
    expect(confirmsName('', '')).toBe(false);
    expect(confirmsName(undefined, 'NAV')).toBe(false);
  });
});
