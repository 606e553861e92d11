import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { freeText, guarded, isOpaque, opaque, parseFailure, personalDataPaths, trustedParse } from './free-text';
import { validNationalId } from '../../test/personal-numbers';

// A fødselsnummer with both control digits right, built here so this unit test needs no fixture.
const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
function nationalId(nine: string): string | null {
  const d = Array.from(nine, Number);
  const c = (ws: number[], ds: number[]) => {
    const r = 11 - (ws.reduce((s, w, i) => s + w * ds[i]!, 0) % 11);
    return r === 11 ? 0 : r === 10 ? null : r;
  };
  const k1 = c(K1, d);
  const k2 = k1 === null ? null : c(K2, [...d, k1]);
  return k1 === null || k2 === null ? null : `${nine}${k1}${k2}`;
}
const ids = Array.from({ length: 400 }, (_, i) => nationalId(`1503${String(80 + (i % 20)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`)).filter((x): x is string => x !== null);

describe('freeText', () => {
  it('accepts ordinary text and refuses personal data with a PERSONAL_DATA issue', () => {
    const schema = z.object({ title: freeText(200).min(1, { error: 'REQUIRED' }) });
    expect(schema.safeParse({ title: '  Sak 2023/1234, kr 150 000, 12 %  ' })).toEqual({ success: true, data: { title: 'Sak 2023/1234, kr 150 000, 12 %' } });
    for (const id of ids.slice(0, 20)) {
      const parsed = schema.safeParse({ title: `Bruker ${id.slice(0, 6)} ${id.slice(6)}` });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ code: 'custom', message: 'PERSONAL_DATA', path: ['title'], params: { code: 'PERSONAL_DATA', kinds: ['NATIONAL_ID'] } });
    }
  });

  it('keeps the length checks of the wrapped schema', () => {
    const schema = guarded(z.string().max(5, { error: 'TOO_LONG' }));
    expect(schema.safeParse('123456').error?.issues.map((i) => i.message)).toEqual(['TOO_LONG']);
  });
});

describe('parseFailure', () => {
  const schema = z.object({
    items: z.array(z.object({ text: freeText(100) })),
    choice: z.union([z.object({ a: freeText(10) }), z.object({ b: z.number() })]),
    byKey: z.record(guarded(z.string()), z.number()),
  });

  it('maps a refused value anywhere (arrays, union branches, record keys) to PERSONAL_DATA with its field', () => {
    const id = ids[0]!;
    const parsed = schema.safeParse({ items: [{ text: 'ok' }, { text: id }], choice: { a: id }, byKey: { [`k ${id}`]: 1 } });
    expect(parsed.success).toBe(false);
    expect(personalDataPaths(parsed.error!)).toEqual(expect.arrayContaining(['items.1.text', 'choice.a']));
    const failure = parseFailure(parsed.error!, 'invalid');
    expect(failure.error.code).toBe('PERSONAL_DATA');
    expect(failure.error.fields).toMatchObject({ 'items.1.text': 'PERSONAL_DATA' });
  });

  it('is BAD_REQUEST with the given fields for any other problem', () => {
    const parsed = schema.safeParse({ items: 'x', choice: { b: 1 }, byKey: {} });
    expect(parseFailure(parsed.error!, 'invalid', { items: 'INVALID' }).error).toEqual({ code: 'BAD_REQUEST', message: 'invalid', fields: { items: 'INVALID' } });
  });
});

describe('opaque', () => {
  it('marks a schema without changing what it accepts', () => {
    const id = opaque(z.string().min(1).max(60));
    expect(isOpaque(id)).toBe(true);
    expect(isOpaque(z.string())).toBe(false);
    expect(id.safeParse('g1').success).toBe(true);
  });
});

describe('trustedParse', () => {
  it('reads what the server stored without judging its texts again, and only within the call', () => {
    const schema = z.object({ note: freeText(200) });
    const stored = { note: `Ring ${validNationalId()}` };
    expect(schema.safeParse(stored).success).toBe(false);
    expect(trustedParse(() => schema.safeParse(stored)).success).toBe(true);
    // A parse that throws inside still ends the trust.
    expect(() => trustedParse(() => schema.parse({ note: 42 }))).toThrow();
    expect(schema.safeParse(stored).success).toBe(false);
  });
});
