import { describe, expect, it } from 'vitest';
import { buildReportDocument } from './build-document';
import { buildReportSheets } from './build-tables';
import type { TableBlock } from './document';
import { sampleReport } from '../../test/report-sample';

const tables = (blocks: ReturnType<typeof buildReportDocument>['blocks']) => blocks.filter((b): b is TableBlock => b.type === 'table');

describe('report document', () => {
  it('numbers tables and figures apart, in order, and writes each section under its heading', () => {
    const doc = buildReportDocument(sampleReport, 'nb');
    expect(doc.title).toBe('Rapport fra Arbeid først');
    expect(doc.labels).toEqual({ table: 'Tabell', figure: 'Figur' });
    expect(doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(['Funn og status', 'Verksteder', 'Kollegaveiledning', 'Q-sortering']);
    expect(tables(doc.blocks).map((t) => t.number)).toEqual(tables(doc.blocks).map((_, i) => i + 1));
    // One figure per evaluation question with enough answers (the second is below the minimum), and one for the scale question.
    const figures = doc.blocks.filter((b) => b.type === 'figure');
    expect(figures).toEqual([
      { type: 'figure', number: 1, caption: 'Fordeling av svarene (0–4) på «Var det nyttig?»', bars: [0, 0, 0, 2, 1].map((value, i) => ({ label: String(i), value })), max: 2 },
      { type: 'figure', number: 2, caption: 'Fordeling av svarene på «Hvor nyttig var dagen?»', bars: [0, 1, 0, 2, 1].map((value, i) => ({ label: String(i + 1), value })), max: 2 },
    ]);
    // A Spørsmål below the minimum says so and shows nothing else.
    const at = doc.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Et spørsmål til');
    expect(doc.blocks.slice(at + 1, at + 3)).toEqual([{ type: 'paragraph', text: 'Hva tar du med deg?' }, { type: 'paragraph', text: 'Færre enn 3 svar: resultatet vises ikke.' }]);
  });

  it('says where a result is held back instead of leaving a silent gap, and leaves redacted texts out', () => {
    const doc = buildReportDocument(sampleReport, 'nb');
    const responses = tables(doc.blocks).find((t) => t.caption.startsWith('Svar på funnene'))!;
    expect(responses.rows).toEqual([
      ['Veilederne mangler tid', 2, 1, 1, 4],
      ['Brukerne ønsker mer kontakt', '', '', '', 'Færre enn 3 svar: resultatet vises ikke.'],
    ]);
    const evaluation = tables(doc.blocks).find((t) => t.caption.startsWith('Evaluering i'))!;
    expect(evaluation.rows[0]).toEqual(['Var det nyttig?', 0, 0, 0, 2, 1, 3, '3,3']);
    const meeting = tables(doc.blocks).find((t) => t.caption.startsWith('Evaluering av møtet'))!;
    expect(meeting.rows).toEqual([['Det var et trygt klima', 3, '3,5']]);
    const lists = doc.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(lists).toContain('Små avtaler holder');
    expect(lists).not.toContain('');
  });

  it('writes the Q factors with their arrays and distinguishing statements', () => {
    const doc = buildReportDocument(sampleReport, 'nb');
    const arrays = tables(doc.blocks).find((t) => t.caption === 'Faktorarrays for «Q-utsagn»')!;
    expect(arrays.header).toEqual(['Utsagn', 'F1']);
    expect(arrays.rows).toEqual([['1. Jeg har tid', -5], ['2. Jeg får hjelp', 3]]);
    expect(doc.blocks).toContainEqual({ type: 'heading', level: 3, text: 'Faktor 1: De travle' });
    expect(tables(doc.blocks).find((t) => t.caption.startsWith('Utskillende utsagn'))!.rows).toEqual([['1. Jeg har tid', -5, '−1,87']]);
  });

  it('speaks English when the reader does', () => {
    const doc = buildReportDocument(sampleReport, 'en');
    expect(doc.title).toBe('Report from Arbeid først');
    expect(doc.labels).toEqual({ table: 'Table', figure: 'Figure' });
    expect(tables(doc.blocks)[0]!.header).toEqual(['Finding', 'Phase', 'Status']);
    expect(tables(doc.blocks)[0]!.rows[0]![2]).toBe('Confirmed');
  });

  it('writes nynorsk when the reader does, with the decimal comma', () => {
    const doc = buildReportDocument(sampleReport, 'nn');
    expect(doc.title).toBe('Rapport frå Arbeid først');
    expect(doc.blocks.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b as { text: string }).text)).toEqual(['Funn og status', 'Verkstader', 'Kollegarettleiing', 'Q-sortering']);
    expect(tables(doc.blocks)[0]!.header).toEqual(['Funn', 'Fase', 'Status']);
    expect(tables(doc.blocks)[0]!.rows[0]![2]).toBe('Stadfesta');
    expect(tables(doc.blocks).find((t) => t.caption.startsWith('Evaluering i'))!.rows[0]).toEqual(['Var det nyttig?', 0, 0, 0, 2, 1, 3, '3,3']);
    expect(tables(doc.blocks).find((t) => t.caption.startsWith('Utskiljande utsegner'))!.rows).toEqual([['1. Jeg har tid', -5, '−1,87']]);
  });
});

describe('report sheets', () => {
  it('has one sheet per kind with raw numbers, and the settings last', () => {
    const sheets = buildReportSheets(sampleReport, 'nb');
    expect(sheets.map((s) => s.key)).toEqual(['findings', 'status-changes', 'finding-responses', 'comments', 'notes', 'themes', 'word-cloud', 'evaluation', 'evaluation-text', 'questions', 'learning-points', 'agreements', 'meeting-evaluation', 'q-factors', 'q-factor-arrays', 'q-distinguishing', 'settings']);
    const of = (key: string) => sheets.find((s) => s.key === key)!.rows;
    expect(of('finding-responses')).toEqual([['Verksted på Hamar 2026-03-15', 'Kjenner dere igjen funnene?', 'Veilederne mangler tid', 2, 1, 1, 4]]);
    expect(of('evaluation')).toEqual([['Verksted på Hamar 2026-03-15', 'Avslutning', 'Var det nyttig?', 0, 0, 0, 2, 1, 3, 10 / 3]]);
    expect(of('notes').map((r) => r[3])).toEqual(['Tid til oppfølging', 'Mer kollegaveiledning']);
    expect(of('questions').map((r) => r.slice(2))).toEqual([1, 2, 3, 4, 5].map((v, i) => ['Hvor nyttig var dagen?', v, [0, 1, 0, 2, 1][i]]));
    expect(of('learning-points').map((r) => r[2])).toEqual(['Små avtaler holder']);
    expect(of('meeting-evaluation')).toEqual([['NAV Nordby 2026-03-15', '', 'Det var et trygt klima', 3, 3.5]]);
    expect(of('settings')).toContainEqual(['Minste antall svar som vises (verksteder)', '3']);
  });
});
