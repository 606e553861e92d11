import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidNationalId, personalDataKinds } from './privacy-guard';

/** Builds a fødselsnummer from date + individual number by computing both control digits. */
function nationalId(ddmmyy: string, individual: string): string | null {
  const d = [...(ddmmyy + individual)].map(Number);
  const c = (w: number[], digits: number[]) => {
    const r = 11 - (w.reduce((a, x, i) => a + x * digits[i]!, 0) % 11);
    return r === 11 ? 0 : r === 10 ? null : r;
  };
  const k1 = c([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  if (k1 === null) return null;
  const k2 = c([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  return k2 === null ? null : ddmmyy + individual + k1 + k2;
}

const valid = (['010190', '150875', '311299', '290204'] as const).flatMap((date) =>
  ['123', '456', '789', '500', '999'].map((i) => nationalId(date, i)).filter((x): x is string => x !== null),
);

describe('fødselsnummer and D-nummer', () => {
  it('accepts numbers whose control digits are right, with or without the space', () => {
    expect(valid.length).toBeGreaterThan(10);
    for (const id of valid) {
      expect(isValidNationalId(id)).toBe(true);
      expect(personalDataKinds(`Bruker ${id} ringte`)).toEqual(['NATIONAL_ID']);
      expect(personalDataKinds(`Bruker ${id.slice(0, 6)} ${id.slice(6)} ringte`)).toEqual(['NATIONAL_ID']);
    }
    // By hand: 010190 124 → k1: 0+7+0+1+72+0+4+10+8 = 102, 102 mod 11 = 3, 11−3 = 8;
    // k2: 0+4+0+2+63+0+5+8+12+16 = 110, mod 11 = 0 → 0. And 010190 123 has k1 = 10: no such number.
    expect(isValidNationalId('01019012480')).toBe(true);
    expect(nationalId('010190', '123')).toBeNull();
  });

  it('accepts a D-nummer (day + 40)', () => {
    const d = nationalId('410190', '123') ?? nationalId('410190', '124')!;
    expect(personalDataKinds(d)).toEqual(['NATIONAL_ID']);
  });

  it('refuses a wrong first or second control digit, and impossible dates', () => {
    for (const id of valid.slice(0, 5)) {
      const wrongK1 = id.slice(0, 9) + ((Number(id[9]) + 1) % 10) + id[10];
      const wrongK2 = id.slice(0, 10) + ((Number(id[10]) + 1) % 10);
      expect(isValidNationalId(wrongK1)).toBe(false);
      expect(isValidNationalId(wrongK2)).toBe(false);
      expect(findPersonalData(wrongK2).filter((f) => f.kind === 'NATIONAL_ID')).toEqual([]);
    }
    expect(isValidNationalId('00000000000')).toBe(false);
    expect(isValidNationalId(nationalId('321399', '123') ?? '32139912300')).toBe(false);
  });

  it('does not match inside longer digit runs', () => {
    expect(findPersonalData(`9${valid[0]}`)).toEqual([]);
    expect(findPersonalData(`${valid[0]}4`)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds Norwegian numbers in the usual groupings and with country code', () => {
    for (const phone of ['41234567', '412 34 567', '41 23 45 67', '4123 4567', '+47 41234567', '+4741234567', '0047 412 34 567', '(+47) 22 33 44 55', '92345678']) {
      expect(personalDataKinds(`Ring ${phone} i morgen`), phone).toEqual(['PHONE']);
    }
  });

  it('leaves ordinary numbers alone', () => {
    for (const text of ['I 2024 var det 150 000 kroner', '3 av 5 veiledere', 'Møte 12.03.2024', 'Saksnummer 01234567', '12345678901234', 'kl 14 30 45 12 gikk vi', 'Beløp 1 234 567']) {
      expect(personalDataKinds(text), text).toEqual([]);
    }
  });
});

describe('e-mail addresses and mixed text', () => {
  it('finds e-mail addresses', () => {
    expect(personalDataKinds('Skriv til kari.nordmann@nav.no')).toEqual(['EMAIL']);
    expect(personalDataKinds('BJØRN@eksempel.NO svarte')).toEqual(['EMAIL']);
    expect(personalDataKinds('@nav.no alene er ikke en adresse')).toEqual([]);
  });

  it('reports every match in order with its position', () => {
    const id = valid[0]!;
    const text = `A ${id}, tlf 41234567, e-post a@b.no`;
    const found = findPersonalData(text);
    expect(found.map((f) => f.kind)).toEqual(['NATIONAL_ID', 'PHONE', 'EMAIL']);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual([id, '41234567', 'a@b.no']);
    expect(findPersonalData('')).toEqual([]);
  });

  it('stays fast on long texts', () => {
    const long = 'tall 1234 og ord '.repeat(400);
    const started = performance.now();
    expect(findPersonalData(long)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
