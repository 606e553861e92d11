import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSealer } from './sealed';

const schema = z.object({ v: z.string(), exp: z.number() });

describe('createSealer', () => {
  const sealer = createSealer('a-server-secret-of-enough-length-xx', 'test', schema);

  it('opens what it sealed until it expires, and hides the contents', () => {
    const sealed = sealer.seal({ v: 'verifier-123', exp: 1000 });
    expect(sealed).not.toContain('verifier');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('verifier');
    expect(sealer.open(sealed, 999)).toEqual({ v: 'verifier-123', exp: 1000 });
    expect(sealer.open(sealed, 1000)).toBeNull();
  });

  it('refuses tampered values, other purposes, other secrets and junk', () => {
    const sealed = sealer.seal({ v: 'x', exp: 1000 });
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[14] = raw[14]! ^ 1;
    expect(sealer.open(`v1.${raw.toString('base64url')}`, 0)).toBeNull();
    expect(createSealer('a-server-secret-of-enough-length-xx', 'other', schema).open(sealed, 0)).toBeNull();
    expect(createSealer('another-server-secret-of-enough-len', 'test', schema).open(sealed, 0)).toBeNull();
    for (const junk of [undefined, '', 'v1.', 'v1.AAAA', 'v2.abc', sealed.slice(0, -4)]) expect(sealer.open(junk, 0)).toBeNull();
  });
});
