import { describe, expect, it } from 'vitest';
import {
  PERSONAL_DATA_ERROR,
  containsPersonalData,
  findPersonalData,
  isValidNationalId,
  personalDataKinds,
  type PersonalDataMatch,
} from './privacy-guard';

/** Builds a fødselsnummer from date + individual number by computing both control digits (null if k1 or k2 is 10). */
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

/** First valid number for the date, trying individual numbers from `from` upwards. */
function someNationalId(ddmmyy: string, from = 100): string {
  for (let i = from; i < 1000; i++) {
    const id = nationalId(ddmmyy, String(i).padStart(3, '0'));
    if (id) return id;
  }
  throw new Error(`no valid number for ${ddmmyy}`);
}

/** Replaces control digit `index` (9 = k1, 10 = k2) with a different digit. */
function withWrongDigit(id: string, index: 9 | 10): string {
  return id.slice(0, index) + ((Number(id[index]) + 1) % 10) + id.slice(index + 1);
}

const spaced = (id: string, sep = ' ') => `${id.slice(0, 6)}${sep}${id.slice(6)}`;
const slices = (text: string) => findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)]);

/*
 * Verified by hand (weights k1: 3 7 6 1 8 9 4 5 2, k2: 5 4 3 2 7 6 5 4 3 2):
 * - 01019012480: 010190 124 → k1 sum 0+7+0+1+72+0+4+10+8 = 102, 102 mod 11 = 3, 11−3 = 8;
 *   k2 sum 0+4+0+2+63+0+5+8+12+16 = 110, mod 11 = 0 → 11 → 0.
 * - 24127545622: 241275 456 → k1 sum 6+28+6+2+56+45+16+25+12 = 196, mod 11 = 9, 11−9 = 2;
 *   k2 sum 10+16+3+4+49+30+20+20+18+4 = 174, mod 11 = 9, 11−9 = 2.
 * - 010190 123 → k1 sum 0+7+0+1+72+0+4+10+6 = 100, mod 11 = 1, 11−1 = 10: no such number.
 */
const HAND_VERIFIED = ['01019012480', '24127545622'] as const;

const valid = (['010190', '150875', '311299', '290204', '010101', '241275'] as const).flatMap((date) =>
  ['123', '124', '456', '789', '500', '999'].map((i) => nationalId(date, i)).filter((x): x is string => x !== null),
);

describe('fødselsnummer and D-nummer', () => {
  it('the helper agrees with the hand-verified numbers', () => {
    expect(nationalId('010190', '124')).toBe('01019012480');
    expect(nationalId('241275', '456')).toBe('24127545622');
  });

  it('accepts numbers whose control digits are right, with or without the space', () => {
    expect(valid.length).toBeGreaterThan(20);
    for (const id of [...valid, ...HAND_VERIFIED]) {
      expect(isValidNationalId(id), id).toBe(true);
      expect(personalDataKinds(`Bruker ${id} ringte`), id).toEqual(['NATIONAL_ID']);
      expect(personalDataKinds(`Bruker ${spaced(id)} ringte`), id).toEqual(['NATIONAL_ID']);
    }
  });

  it('reports the exact span, including the space between date and personal number', () => {
    const id = HAND_VERIFIED[0];
    expect(findPersonalData(id)).toEqual([{ kind: 'NATIONAL_ID', start: 0, end: 11 }]);
    const text = `fnr: ${spaced(id)}.`;
    expect(findPersonalData(text)).toEqual([{ kind: 'NATIONAL_ID', start: 5, end: 17 }]);
    expect(slices(text)).toEqual([['NATIONAL_ID', '010190 12480']]);
  });

  it('accepts a non-breaking space between the two parts', () => {
    expect(personalDataKinds(spaced(HAND_VERIFIED[1], '\u00A0'))).toEqual(['NATIONAL_ID']);
  });

  it('accepts any separators between the parts: two spaces, hyphen, dot, slash, tab, newline, dashes', () => {
    for (const id of [...HAND_VERIFIED, ...valid.slice(0, 6)]) {
      for (const sep of ['  ', '-', '.', '/', '\t', '\n', '\r\n', ' - ', '\u2013', ' \u2014 ', '\u2212', '\u2011', '\u3000', '. ', '\u2E3A', '\uFE58', '\uFF0D', '_']) {
        expect(slices(`Bruker ${spaced(id, sep)} ringte`), JSON.stringify(sep)).toEqual([['NATIONAL_ID', spaced(id, sep)]]);
      }
    }
  });

  it('accepts any grouping of the eleven digits', () => {
    const id = HAND_VERIFIED[1];
    const groupings = [
      [2, 2, 2, 5],
      [2, 2, 2, 3, 2],
      [4, 2, 3, 2],
      [9, 2],
      [3, 3, 3, 2],
      [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    ];
    for (const sizes of groupings) {
      for (const sep of [' ', '.', '-']) {
        let rest: string = id;
        const parts = sizes.map((n) => {
          const part = rest.slice(0, n);
          rest = rest.slice(n);
          return part;
        });
        const written = parts.join(sep);
        expect(slices(`nr ${written}!`), written).toEqual([['NATIONAL_ID', written]]);
      }
    }
  });

  it('reads a run of whitespace as one separator and up to five marks as a gap, but does not join groups across words or commas inside a number', () => {
    const id = HAND_VERIFIED[0];
    expect(personalDataKinds(spaced(id, '\r\n        '))).toEqual(['NATIONAL_ID']);
    expect(personalDataKinds(spaced(id, '\n\n\n'))).toEqual(['NATIONAL_ID']);
    // Review R2: both control digits hold, so a longer run of marks is still one number.
    expect(personalDataKinds(spaced(id, ' - - '))).toEqual(['NATIONAL_ID']);
    expect(personalDataKinds(spaced(id, '.-./'))).toEqual(['NATIONAL_ID']);
    expect(findPersonalData(spaced(id, ' - - - '))).toEqual([]);
    expect(findPersonalData(spaced(id, ' og '))).toEqual([]);
    expect(findPersonalData(`${id.slice(0, 3)}, ${id.slice(3)}`)).toEqual([]);
    // A birth date, a comma and a five-digit personnummer that together pass the checksum are refused.
    expect(personalDataKinds(spaced(id, ', '))).toEqual(['NATIONAL_ID']);
    expect(findPersonalData('4123, 4567')).toEqual([]);
  });

  it('accepts a D-nummer (day + 40)', () => {
    expect(isValidNationalId('41019012474')).toBe(true);
    for (const date of ['410190', '711299', '550875']) {
      const d = someNationalId(date);
      expect(personalDataKinds(`D-nummer ${d}`), d).toEqual(['NATIONAL_ID']);
      expect(personalDataKinds(`D-nummer ${spaced(d)}`), d).toEqual(['NATIONAL_ID']);
    }
  });

  it('accepts synthetic test numbers with month + 40 (Dolly) and month + 80 (Tenor)', () => {
    for (const date of ['014190', '015290', '018190', '019290', '418190']) {
      const id = someNationalId(date);
      expect(personalDataKinds(id), id).toEqual(['NATIONAL_ID']);
    }
  });

  it('refuses a wrong first or second control digit', () => {
    for (const id of [...valid.slice(0, 8), ...HAND_VERIFIED]) {
      const wrongK1 = withWrongDigit(id, 9);
      const wrongK2 = withWrongDigit(id, 10);
      expect(isValidNationalId(wrongK1), wrongK1).toBe(false);
      expect(isValidNationalId(wrongK2), wrongK2).toBe(false);
      expect(findPersonalData(`nr ${wrongK1}`), wrongK1).toEqual([]);
      expect(findPersonalData(`nr ${spaced(wrongK2)}`), wrongK2).toEqual([]);
    }
    expect(isValidNationalId('01019012481')).toBe(false);
    expect(isValidNationalId('01019012490')).toBe(false);
  });

  it('treats a number whose k1 computes to 10 as invalid', () => {
    expect(nationalId('010190', '123')).toBeNull();
    // No choice of the last two digits makes 010190 123 valid.
    for (let kk = 0; kk < 100; kk++) {
      const candidate = `010190123${String(kk).padStart(2, '0')}`;
      expect(isValidNationalId(candidate), candidate).toBe(false);
      expect(findPersonalData(candidate)).toEqual([]);
    }
  });

  it('treats a number whose k2 computes to 10 as invalid', () => {
    // Find a date + individual number where k1 is fine but k2 would be 10.
    const w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let prefix: string | null = null;
    for (let i = 100; i < 1000 && !prefix; i++) {
      const d = [...`010190${i}`].map(Number);
      const r1 = 11 - (w1.reduce((a, x, j) => a + x * d[j]!, 0) % 11);
      if (r1 === 10) continue;
      const k1 = r1 === 11 ? 0 : r1;
      const r2 = 11 - (w2.reduce((a, x, j) => a + x * [...d, k1][j]!, 0) % 11);
      if (r2 === 10) prefix = `010190${i}${k1}`;
    }
    expect(prefix).not.toBeNull();
    for (let k2 = 0; k2 < 10; k2++) expect(isValidNationalId(`${prefix}${k2}`)).toBe(false);
  });

  it('refuses impossible dates even when the control digits add up', () => {
    for (const date of ['000190', '320190', '720190', '010090', '011390', '013390', '016090', '019390']) {
      const id = nationalId(date, '123') ?? nationalId(date, '124') ?? nationalId(date, '125')!;
      expect(id, date).toBeTruthy();
      expect(isValidNationalId(id), id).toBe(false);
      expect(findPersonalData(id), id).toEqual([]);
    }
    expect(isValidNationalId('00000000000')).toBe(false);
  });

  it('does not match inside longer digit runs', () => {
    const id = HAND_VERIFIED[0];
    expect(findPersonalData(`9${id}`)).toEqual([]);
    expect(findPersonalData(`${id}4`)).toEqual([]);
    expect(findPersonalData(`1${spaced(id)}`)).toEqual([]);
    expect(findPersonalData(`${spaced(id)}7`)).toEqual([]);
    // 12 digits in a row: neither 11-digit window counts, and no phone number either.
    for (const id2 of valid.slice(0, 6)) {
      expect(findPersonalData(`${id2}0`), id2).toEqual([]);
      expect(findPersonalData(`0${id2}`), id2).toEqual([]);
    }
  });

  it('never reports an 11-digit number as a phone number', () => {
    for (const id of valid) expect(findPersonalData(`tlf ${id}`).map((f) => f.kind), id).toEqual(['NATIONAL_ID']);
    expect(findPersonalData('41234567890')).toEqual([]);
    expect(findPersonalData('412 34 567 89')).toEqual([]);
  });
});

describe('phone numbers', () => {
  const phones = [
    '41234567',
    '91234567',
    '22334455',
    '33445566',
    '55667788',
    '61234567',
    '71234567',
    '81234567',
    '412 34 567',
    '41 23 45 67',
    '4123 4567',
    '+47 41234567',
    '+4741234567',
    '+47 412 34 567',
    '+47 41 23 45 67',
    '0047 41234567',
    '004741234567',
    '0047 412 34 567',
    '(+47) 22 33 44 55',
    '(+47)92345678',
    '(+47) 9234 5678',
    '41\u00A023\u00A045\u00A067',
    '41.23.45.67',
    '4123.4567',
    '4123-4567',
    '412-34-567',
    '41 234 567',
    '412 345 67',
    '412  34 567',
    '41\t23\t45\t67',
    '+47-412 34 567',
    '+47 412.34.567',
    '0047-41234567',
    '(0047) 4123 4567',
  ];

  it('finds Norwegian numbers in the usual groupings and with country code', () => {
    for (const phone of phones) {
      const text = `Ring ${phone} i morgen`;
      expect(findPersonalData(text), phone).toEqual([{ kind: 'PHONE', start: 5, end: 5 + phone.length }]);
    }
  });

  it('finds numbers at the start and end of the text and next to punctuation', () => {
    expect(slices('41234567')).toEqual([['PHONE', '41234567']]);
    expect(slices('tlf:41234567.')).toEqual([['PHONE', '41234567']]);
    expect(slices('(412 34 567)')).toEqual([['PHONE', '412 34 567']]);
    expect(slices('41234567,98765432')).toEqual([
      ['PHONE', '41234567'],
      ['PHONE', '98765432'],
    ]);
  });

  it('leaves ordinary numbers alone', () => {
    for (const text of [
      '2024',
      'I 2024 var det 150 000 kroner',
      'kr 150 000',
      '3 av 5 veiledere',
      'Møte 12.03.2024',
      '24.12.2024',
      'Saksnummer 01234567',
      '12345678',
      '123456789',
      '412345678',
      '12345678901234',
      'kl 14 30 45 12 gikk vi',
      'Beløp 1 234 567',
      '4 12 34 56 7',
      'skår 10 20 30 40 50',
      'skoleåret 2023 2024',
      '+47 01234567',
    ]) {
      expect(findPersonalData(text), text).toEqual([]);
    }
  });

  it('does not match inside longer digit runs', () => {
    expect(findPersonalData('941234567')).toEqual([]);
    expect(findPersonalData('412345670')).toEqual([]);
    expect(findPersonalData('0412 34 567')).toEqual([]);
    expect(findPersonalData('412 34 5670')).toEqual([]);
  });
});

describe('e-mail addresses', () => {
  it('finds e-mail addresses, case-insensitively and with Norwegian letters', () => {
    for (const email of ['kari.nordmann@nav.no', 'BJØRN@eksempel.NO', 'ærlig.øyvind_åsen@firma.co.uk', 'a+tag@sub-domene.example.com', 'x@y.io']) {
      expect(slices(`Skriv til ${email}, takk`), email).toEqual([['EMAIL', email]]);
    }
  });

  it('ignores things that are not addresses', () => {
    for (const text of ['@nav.no alene er ikke en adresse', 'kari@nav', 'kari@nav.n', 'kari@.no', 'se @kari på Slack', 'e-post: kari@']) {
      expect(findPersonalData(text), text).toEqual([]);
    }
  });

  it('reports a whole address once even when it contains a phone number or national id', () => {
    expect(slices('ola41234567@nav.no')).toEqual([['EMAIL', 'ola41234567@nav.no']]);
    expect(slices(`${HAND_VERIFIED[0]}@nav.no`)).toEqual([['EMAIL', `${HAND_VERIFIED[0]}@nav.no`]]);
  });
});

describe('mixed text and the helpers', () => {
  it('returns [] and false for the empty string and for clean text', () => {
    expect(findPersonalData('')).toEqual([]);
    expect(containsPersonalData('')).toBe(false);
    expect(personalDataKinds('')).toEqual([]);
    const clean = 'Vi diskuterte 3 av 5 saker i 2024, budsjett kr 150 000. Neste møte 12.03.2024.';
    expect(findPersonalData(clean)).toEqual([]);
    expect(containsPersonalData(clean)).toBe(false);
  });

  it('reports every match in order with its position', () => {
    const id = HAND_VERIFIED[1];
    const text = `Skriv til kari@nav.no eller ring +47 412 34 567. Fnr ${spaced(id)}, ellers 98765432.`;
    const found = findPersonalData(text);
    expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ['EMAIL', 'kari@nav.no'],
      ['PHONE', '+47 412 34 567'],
      ['NATIONAL_ID', '241275 45622'],
      ['PHONE', '98765432'],
    ]);
    expect(found[0]).toEqual({ kind: 'EMAIL', start: 10, end: 21 });
    expect(found[1]).toEqual({ kind: 'PHONE', start: 33, end: 47 });
    // Sorted and non-overlapping.
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);

    expect(containsPersonalData(text)).toBe(true);
    // Kinds come deduplicated in the fixed order, not in text order.
    expect(personalDataKinds(text)).toEqual(['NATIONAL_ID', 'PHONE', 'EMAIL']);
  });

  it('lists only the kinds present', () => {
    expect(personalDataKinds('a@b.no og c@d.no')).toEqual(['EMAIL']);
    expect(personalDataKinds('a@b.no og 41234567')).toEqual(['PHONE', 'EMAIL']);
    expect(personalDataKinds(`${HAND_VERIFIED[0]} og a@b.no`)).toEqual(['NATIONAL_ID', 'EMAIL']);
  });

  it('works as a zod refinement', () => {
    const refine = (text: string) => personalDataKinds(text).length === 0;
    expect(refine('Helt vanlig tekst')).toBe(true);
    expect(refine('ring 41 23 45 67')).toBe(false);
    expect(PERSONAL_DATA_ERROR).toBe('PERSONAL_DATA');
  });

  it('returns plain data objects', () => {
    const [match] = findPersonalData('x@y.no');
    const expected: PersonalDataMatch = { kind: 'EMAIL', start: 0, end: 6 };
    expect(match).toEqual(expected);
  });
});

describe('many matches', () => {
  it('finds many matches in one long text', () => {
    const text = 'ring 41234567 nå. '.repeat(250);
    expect(text.length).toBeLessThanOrEqual(5000);
    const found = findPersonalData(text);
    expect(found).toHaveLength(250);
    expect(found.every((f) => f.kind === 'PHONE' && text.slice(f.start, f.end) === '41234567')).toBe(true);
  });
});
