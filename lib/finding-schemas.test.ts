import { describe, expect, it } from 'vitest';
import { findingStatuses as dbStatuses } from '@/db/schema';
import { findingInputSchema, findingStatuses, parseFindingsText, quotesFromText, statusChangeSchema } from './finding-schemas';
import { fieldErrors } from './account-schemas';

describe('finding input', () => {
  it('keeps the statuses equal to the database enum', () => {
    expect([...findingStatuses]).toEqual([...dbStatuses]);
  });

  it('trims, fills defaults and treats an empty phase as none', () => {
    const parsed = findingInputSchema.parse({ title: '  Tillit  ', phaseId: '', quotes: ['  «ja»', '', '  '] });
    expect(parsed).toEqual({ title: 'Tillit', summary: '', quotes: ['«ja»'], reflectionQuestion: '', theme: '', phaseId: null });
  });

  it('reports field codes for missing, long and malformed values', () => {
    const result = findingInputSchema.safeParse({
      title: ' ',
      summary: 'x'.repeat(5001),
      quotes: ['y'.repeat(1001)],
      reflectionQuestion: 'z'.repeat(1001),
      theme: 't'.repeat(201),
      phaseId: 'fase-1',
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      title: 'REQUIRED',
      summary: 'TOO_LONG',
      quotes: 'TOO_LONG',
      // The nested problem is also named by its whole path, so the exact quote can be marked.
      'quotes.0': 'TOO_LONG',
      reflectionQuestion: 'TOO_LONG',
      theme: 'TOO_LONG',
      phaseId: 'INVALID',
    });
  });

  it('accepts 20 quotes and refuses 21', () => {
    const quotes = Array.from({ length: 21 }, (_, i) => `Sitat ${i}`);
    expect(findingInputSchema.safeParse({ title: 'A', quotes: quotes.slice(0, 20) }).success).toBe(true);
    const many = findingInputSchema.safeParse({ title: 'A', quotes });
    expect(fieldErrors(many.error!)).toEqual({ quotes: 'TOO_MANY' });
  });

  it('validates a status change', () => {
    expect(statusChangeSchema.parse({ status: 'nyansert' })).toEqual({ status: 'nyansert', note: '' });
    expect(fieldErrors(statusChangeSchema.safeParse({ status: 'ferdig', note: 'n'.repeat(2001) }).error!)).toEqual({ status: 'INVALID', note: 'TOO_LONG' });
  });

  it('reads the quotes textarea one quote per line without markers', () => {
    expect(quotesFromText('«Vi har ikke tid»\n\n> Det tar lang tid \r\n"Sitert"')).toEqual(['Vi har ikke tid', 'Det tar lang tid', 'Sitert']);
  });
});

describe('parseFindingsText', () => {
  it('makes one finding per non-empty line', () => {
    const found = parseFindingsText('Tid til oppfølging mangler\n\n  Arbeidsretting varierer mellom kontor  \n\n- Språket former holdninger\n');
    expect(found.map((f) => f.title)).toEqual(['Tid til oppfølging mangler', 'Arbeidsretting varierer mellom kontor', 'Språket former holdninger']);
    expect(found[0]).toEqual({ title: 'Tid til oppfølging mangler', summary: '', quotes: [], reflectionQuestion: '', theme: '' });
  });

  it('reads blocks: title, summary lines, quotes, question and themes', () => {
    const text = [
      '# Arbeidsretting',
      'Tid til oppfølging mangler',
      'Veilederne beskriver for mange brukere per veileder.',
      'Det går ut over arbeidsrettingen.',
      '> Jeg rekker ikke å følge opp alle',
      '«Vi prioriterer de som roper høyest»',
      '? Kjenner dere igjen dette?',
      '',
      'Samarbeid med arbeidsgivere',
      'Noen kontor har faste kontaktpersoner.',
      '',
      '# Forvaltning',
      'Regelverket oppleves som tungt',
      'Saksbehandlingen tar tid.',
    ].join('\n');
    expect(parseFindingsText(text)).toEqual([
      {
        title: 'Tid til oppfølging mangler',
        summary: 'Veilederne beskriver for mange brukere per veileder.\nDet går ut over arbeidsrettingen.',
        quotes: ['Jeg rekker ikke å følge opp alle', 'Vi prioriterer de som roper høyest'],
        reflectionQuestion: 'Kjenner dere igjen dette?',
        theme: 'Arbeidsretting',
      },
      { title: 'Samarbeid med arbeidsgivere', summary: 'Noen kontor har faste kontaktpersoner.', quotes: [], reflectionQuestion: '', theme: 'Arbeidsretting' },
      { title: 'Regelverket oppleves som tungt', summary: 'Saksbehandlingen tar tid.', quotes: [], reflectionQuestion: '', theme: 'Forvaltning' },
    ]);
  });

  it('attaches quotes and questions in line mode to the finding they follow', () => {
    const found = parseFindingsText('## Tema A\nFunn en\n> sitat\n? spørsmål\nFunn to\n#\nFunn tre');
    expect(found).toEqual([
      { title: 'Funn en', summary: '', quotes: ['sitat'], reflectionQuestion: 'spørsmål', theme: 'Tema A' },
      { title: 'Funn to', summary: '', quotes: [], reflectionQuestion: '', theme: 'Tema A' },
      { title: 'Funn tre', summary: '', quotes: [], reflectionQuestion: '', theme: '' },
    ]);
  });

  it('gives a block of only quotes to the finding before it, and quotes before a title to that title', () => {
    const found = parseFindingsText('> først\nTittel\nOppsummering\n\n> etterpå\n? Hva nå?');
    expect(found).toEqual([{ title: 'Tittel', summary: 'Oppsummering', quotes: ['først', 'etterpå'], reflectionQuestion: 'Hva nå?', theme: '' }]);
  });

  it('handles Windows line endings, numbered lists and empty markers', () => {
    expect(parseFindingsText('1. Første\r\n2) Andre\r\n>\r\n?\r\n').map((f) => [f.title, f.quotes.length])).toEqual([
      ['Første', 0],
      ['Andre', 0],
    ]);
  });

  it('returns nothing for blank text or only markers', () => {
    expect(parseFindingsText('  \n\n \t')).toEqual([]);
    expect(parseFindingsText('# Tema\n> sitat uten funn')).toEqual([]);
  });
});
