import { describe, expect, it } from 'vitest';
import {
  ARABIC_INDIC_ZERO,
  FULLWIDTH_ZERO,
  MATH_BOLD_ZERO,
  inScript,
  namedSpellings,
  seededRng,
  validDNumber,
  validHNumber,
  validNationalId,
  validPhone,
  withControlDigits,
} from '../test/personal-numbers';
import { findPersonalData, isValidNationalId, normaliseForDetection, personalDataKinds } from './privacy-guard';

const rng = seededRng(10);
const slices = (text: string) => findPersonalData(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
const kinds = (text: string) => personalDataKinds(text);

/** A number whose date is right but whose second control digit is wrong. */
function withWrongK2(id: string): string {
  return id.slice(0, 10) + ((Number(id[10]) + 1) % 10);
}

describe('the generators in test/personal-numbers', () => {
  it('make valid numbers of each kind and the spellings the issue lists', () => {
    for (let i = 0; i < 200; i++) {
      const [id, d, h, phone] = [validNationalId(rng), validDNumber(rng), validHNumber(rng), validPhone(rng)];
      for (const n of [id, d, h]) expect(isValidNationalId(n), n).toBe(true);
      expect(Number(d.slice(0, 2))).toBeGreaterThan(40);
      expect(Number(h.slice(2, 4))).toBeGreaterThan(40);
      expect(phone).toMatch(/^[2-79]\d{7}$/);
    }
    const names = namedSpellings(validNationalId(rng)).map(([name]) => name);
    for (const name of ['hyphen', 'dot', 'two spaces', 'tab', 'newline', 'DD.MM.YY IIIKK', 'DD MM YY IIIKK', 'birth date and personnr', 'fullwidth', 'Arabic-Indic', 'zero-width spaces', 'soft hyphens']) {
      expect(names).toContain(name);
    }
    expect(() => namedSpellings('123')).toThrow();
  });
});

describe('normalisation', () => {
  it('maps digits of any script to ASCII and drops format characters and combining marks', () => {
    const n = normaliseForDetection('a\u0661\u06F2\u0969\uFF14\u{1D7D3}\u0E56\u200B\u00AD\u2060\uFEFF7\u20E3b\u00A0c\u3000\u2009d');
    expect(n.text).toBe('a1234567b c d');
  });

  it('turns a run of whitespace into one character, a newline if the run holds one', () => {
    expect(normaliseForDetection('1 \t 2\r\n  3\u200B \u00A04').text).toBe('1 2\n3 4');
    const n = normaliseForDetection('1  \n 2');
    expect(n.starts).toEqual([0, 1, 5]);
    expect(n.ends).toEqual([1, 5, 6]);
  });

  it('drops invisible letters and blanks that are not format characters', () => {
    expect(normaliseForDetection('4\u31641\u115F2\u28003\uFFA04\u{E0041}5').text).toBe('412345');
  });

  it('keeps a map from every normalised unit back to the original code point', () => {
    const input = 'x\u{1D7CF}\u200B2';
    const n = normaliseForDetection(input);
    expect(n.text).toBe('x12');
    expect(n.starts).toEqual([0, 1, 4]);
    expect(n.ends).toEqual([1, 3, 5]);
  });
});

describe('the spellings from the issue', () => {
  const numbers = [validNationalId(rng), validNationalId(rng), validDNumber(rng), validHNumber(rng)];

  it('refuses every spelling of a generated national id, and reports where it is in the original text', () => {
    for (const id of numbers) {
      for (const [name, written] of namedSpellings(id)) {
        const text = `Kommentar: ${written} – ferdig`;
        const found = findPersonalData(text);
        expect(found.map((f) => f.kind), `${name}: ${JSON.stringify(written)}`).toEqual(['NATIONAL_ID']);
        // The span runs from the first to the last digit as written, whatever is in between.
        const firstDigit = text.search(/\p{Nd}/u);
        const lastDigit = text.length - [...text].reverse().join('').search(/\p{Nd}/u);
        expect(found[0]?.start, name).toBe(firstDigit);
        expect(found[0]?.end, name).toBe(lastDigit);
      }
    }
  });

  it('refuses every spelling of a generated phone number', () => {
    for (const phone of [validPhone(rng), validPhone(rng), '55553333']) {
      for (const [name, written] of namedSpellings(phone)) {
        expect(kinds(`Ring ${written} i morgen`), `${name}: ${JSON.stringify(written)}`).toEqual(['PHONE']);
      }
    }
  });

  it('finds a theme named "Ring 41234567" and a phone number spelled with keycap emoji', () => {
    expect(slices('Ring 41234567')).toEqual([['PHONE', '41234567']]);
    const keycaps = Array.from('41234567', (d) => `${d}\uFE0F\u20E3`).join('');
    // The span ends at the last digit; the last keycap's marks after it are not part of the number.
    expect(slices(`ring ${keycaps}`)).toEqual([['PHONE', keycaps.slice(0, -2)]]);
  });

  it('reports offsets into the original text for digits outside the BMP and invisible characters', () => {
    const phone = inScript('41234567', MATH_BOLD_ZERO);
    expect(slices(`tlf ${phone}!`)).toEqual([['PHONE', phone]]);
    const hidden = '\u200B4123\u00AD4567\u200B';
    expect(slices(`tlf ${hidden}.`)).toEqual([['PHONE', '4123\u00AD4567']]);
    const id = validNationalId(rng);
    const arabic = inScript(`${id.slice(0, 6)}-${id.slice(6)}`, ARABIC_INDIC_ZERO);
    expect(slices(`رقم ${arabic}`)).toEqual([['NATIONAL_ID', arabic]]);
    const full = inScript(id, FULLWIDTH_ZERO);
    expect(slices(`（${full}）`)).toEqual([['NATIONAL_ID', full]]);
  });
});

describe('birth dates, personnummer and keywords', () => {
  const id = validNationalId(rng);
  const [dd, mm, yy, pnr] = [id.slice(0, 2), id.slice(2, 4), id.slice(4, 6), id.slice(6)];

  it('refuses a birth date followed by the personnummer, with or without words between', () => {
    for (const text of [
      `Fødselsdato ${dd}.${mm}.${yy}, personnr ${pnr}`,
      `født ${dd}${mm}${yy} pnr ${pnr}`,
      `${dd}.${mm}.${yy} – ${pnr}`,
      `f.nr. ${dd}${mm}${yy}-${pnr}`,
      `fødselsnummer: ${dd}/${mm}/${yy} ${pnr}`,
      `personnummer ${pnr}, født ${dd}.${mm}.${yy}`,
      `født ${dd}.${mm}.${yy}, ${pnr}`,
      `${dd}.${mm}.${yy}, ${pnr}`,
      `${dd}${mm}${yy} (${pnr})`,
      `${dd}${mm}${yy}_${pnr}`,
    ]) {
      expect(kinds(text), text).toEqual(['NATIONAL_ID']);
    }
  });

  it('drops the century of a four-digit birth year', () => {
    const year = Number(yy) + (Number(pnr.slice(0, 3)) >= 500 && Number(yy) < 40 ? 2000 : 1900);
    expect(kinds(`${dd}.${mm}.${year} – ${pnr}`)).toEqual(['NATIONAL_ID']);
    expect(kinds(`Fødselsdato ${dd}.${mm}.${year}, personnr ${pnr}`)).toEqual(['NATIONAL_ID']);
    expect(kinds(`${dd}${mm}${year}${pnr}`)).toEqual(['NATIONAL_ID']);
  });

  it('refuses a mistyped number when a keyword names it, but not without one', () => {
    const wrong = withWrongK2(id);
    expect(isValidNationalId(wrong)).toBe(false);
    for (const keyword of ['fnr', 'Fnr:', 'f.nr.', 'dnr', 'fødselsnr.', 'Fødselsnummer', 'personnr', 'Personnummer:', 'pnr', 'D-nummer', 'ID-nummer', 'ident', 'Personident:']) {
      expect(kinds(`${keyword} ${wrong}`), keyword).toEqual(['NATIONAL_ID']);
      expect(kinds(`${keyword} ${wrong.slice(0, 6)} ${wrong.slice(6)}`), keyword).toEqual(['NATIONAL_ID']);
    }
    expect(kinds(`Fødselsdato ${dd}.${mm}.${yy}, personnr ${wrong.slice(6)}`)).toEqual(['NATIONAL_ID']);
    expect(kinds(`nr ${wrong}`)).toEqual([]);
    expect(kinds(`identitet ${wrong}`)).toEqual([]);
    expect(kinds(`født ${dd}.${mm}.${yy}, ${wrong.slice(6)}`)).toEqual([]);
    expect(kinds(`${dd}.${mm}.${yy}, ${wrong.slice(6)}`)).toEqual([]);
  });

  it('leaves a birth date alone, a personnummer alone, and a keyword next to an impossible date', () => {
    expect(kinds(`Fødselsdato ${dd}.${mm}.${yy}`)).toEqual([]);
    expect(kinds(`personnr ${pnr}`)).toEqual([]);
    expect(kinds('fnr 32138512345')).toEqual([]);
    expect(kinds(`Født ${dd}.${mm}.${yy}. Saken har 120 sider.`)).toEqual([]);
  });

  it('checks the calendar: 31 April and 29 February outside leap years are no dates', () => {
    const make = (ddmmyy: string) => {
      for (let i = 100; i < 1000; i++) {
        const candidate = withControlDigits(`${ddmmyy}${i}`);
        if (candidate) return candidate;
      }
      throw new Error(ddmmyy);
    };
    expect(isValidNationalId(make('310485'))).toBe(false);
    expect(isValidNationalId(make('290285'))).toBe(false);
    expect(isValidNationalId(make('290284'))).toBe(true);
    expect(isValidNationalId(make('300485'))).toBe(true);
    expect(isValidNationalId(make('694185'))).toBe(true); // D-nummer and H-nummer at once: 29 + 40, 01 + 40
  });
});

describe('phone numbers and what is not one', () => {
  it('finds numbers listed on lines of their own or separated by a different mark', () => {
    expect(slices('41 23 45 67\n98 76 54 32')).toEqual([
      ['PHONE', '41 23 45 67'],
      ['PHONE', '98 76 54 32'],
    ]);
    expect(slices('412 34 567 - 987 65 432')).toEqual([
      ['PHONE', '412 34 567'],
      ['PHONE', '987 65 432'],
    ]);
  });

  it('accepts any grouping after a country code without "+" or a word like "tlf" or "ring"', () => {
    for (const text of ['47 41 23 45 67', 'tlf 4 12 34 56 7', 'Mobil: 412 345 67', 'ring 9 1234 567', 'Tlf.412-3-4567', 'telefonnr 41 234 567']) {
      expect(kinds(text), text).toEqual(['PHONE']);
    }
    // Without such a word an odd grouping is not taken for a phone number.
    expect(kinds('skår 4 12 34 56 7')).toEqual([]);
    expect(slices('47 41 23 45 67')).toEqual([['PHONE', '47 41 23 45 67']]);
  });

  it('accepts 4-2-2 and 2-2-4 with spaces unless they read as a date', () => {
    expect(kinds('ring meg på 4123 45 67 i dag')).toEqual(['PHONE']);
    expect(kinds('ring meg på 41 23 4567 i dag')).toEqual(['PHONE']);
    expect(kinds('Dato: 2024 03 15')).toEqual([]);
    expect(kinds('Dato: 24 12 2024')).toEqual([]);
  });

  it('leaves dates, times, year pairs, ranges, amounts and case numbers alone', () => {
    for (const text of [
      'kl. 20.00–22.30',
      'kl 20.15 - 21.45',
      '2024-03-15',
      '2024.03.15',
      '20.03–22.04',
      '2023–2024',
      '2019 - 2024',
      'kr 25 000 000',
      '25.000.000 kroner',
      '23 456 789 kroner',
      'kr 23 456 789',
      '23 456 789,-',
      'Mellom 2500–3000 brukere',
      'Mellom 3450–3900 brukere',
      'Åpent 2030-2200',
      'sak 2023/4567',
      'saksnr. 23/4567-12',
      'forskrift 2021-12-17-1234',
      'skår 20 30 40 50 60',
      '9 8 7 6 5 4 3 2 1',
    ]) {
      expect(slices(text), text).toEqual([]);
    }
  });
});

describe('e-mail addresses', () => {
  it('finds obfuscated and Unicode-disguised addresses', () => {
    for (const written of ['kari＠nav.no', 'kari﹫nav．no', 'kari(a)nav.no', 'kari @ nav.no', 'kari [at] nav [dot] no', 'kari(at)nav.no', 'kari (krøllalfa) nav (punktum) no', 'ka\u200Bri@nav.no']) {
      expect(slices(`Skriv til ${written} i dag`), written).toEqual([['EMAIL', written]]);
    }
  });

  it('does not take the word "at" for "@"', () => {
    expect(kinds('Vi ser at nav.no er nede')).toEqual([]);
    expect(kinds('kari at nav dot no')).toEqual([]);
  });
});
