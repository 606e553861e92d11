import { describe, expect, it } from 'vitest';
import { createRedactedDigest } from './redacted-digest';

describe('redacted-text digest', () => {
  const digest = createRedactedDigest('a-test-secret-that-is-long-enough-000');

  it('recognises the same text in another case, spacing or Unicode form', () => {
    const d = digest('Kari sa det rett ut');
    expect(d).not.toBeNull();
    expect(digest('  kari  SA det\nrett ut ')).toBe(d);
    expect(digest('Ｋａｒｉ sa det rett ut')).toBe(d);
  });

  it('tells different texts apart and holds no trace of the text', () => {
    const d = digest('Kari sa det rett ut')!;
    expect(digest('Kari sa det rett ut!')).not.toBe(d);
    expect(d).not.toMatch(/kari/i);
  });

  it('depends on the server secret', () => {
    expect(createRedactedDigest('another-secret-that-is-long-enough-111')('Kari')).not.toBe(digest('Kari'));
  });

  it('gives no digest for an empty or blank text', () => {
    expect(digest('')).toBeNull();
    expect(digest(' \n\t')).toBeNull();
  });
});
