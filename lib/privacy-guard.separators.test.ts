import { describe, expect, it } from 'vitest';
import { seededRng, validNationalId, validPhone } from '../test/personal-numbers';
import { personalDataKinds } from './privacy-guard';

/*
 * Marks between the groups of a number that a review found the detector missing, and
 * ordinary text it used to refuse. Numbers are generated; each case runs over several.
 */

const ids = Array.from({ length: 20 }, (_, i) => validNationalId(seededRng(100 + i)));
const phones = Array.from({ length: 20 }, (_, i) => validPhone(seededRng(200 + i)));

describe('a fødselsnummer with the marks people use between groups', () => {
  const separators = ['·', ' · ', '•', '|', ' | ', '*', '+', '~', ':', '\\', '\u2027', '\u30FB', '\u2044', '\u2215', ' -- ', ' \u2014\u2014 ', ' - - '];
  for (const separator of separators) {
    it(`refuses DDMMYY${JSON.stringify(separator)}IIIKK`, () => {
      for (const id of ids) expect(personalDataKinds(`${id.slice(0, 6)}${separator}${id.slice(6)}`), id).toEqual(['NATIONAL_ID']);
    });
  }
  it('refuses DD:MM:YY IIIKK and DD·MM·YY·III·KK', () => {
    for (const id of ids) {
      expect(personalDataKinds(`${id.slice(0, 2)}:${id.slice(2, 4)}:${id.slice(4, 6)} ${id.slice(6)}`), id).toEqual(['NATIONAL_ID']);
      expect(personalDataKinds([id.slice(0, 2), id.slice(2, 4), id.slice(4, 6), id.slice(6, 9), id.slice(9)].join('·')), id).toEqual(['NATIONAL_ID']);
    }
  });
});

describe('eight digits read out one by one', () => {
  it('are Likert answers, not a phone number, unless a word or +47 says phone', () => {
    expect(personalDataKinds('Svarene på spørsmål 2 var 4 3 5 4 2 3 4 5, altså ganske jevnt.')).toEqual([]);
    for (const phone of phones) {
      const spaced = phone.split('').join(' ');
      expect(personalDataKinds(`Svarene var ${spaced}.`), phone).toEqual([]);
      expect(personalDataKinds(`tlf ${spaced}`), phone).toEqual(['PHONE']);
      expect(personalDataKinds(`+47 ${spaced}`), phone).toEqual(['PHONE']);
    }
  });
});
