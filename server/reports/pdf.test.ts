import { describe, expect, it } from 'vitest';
import { documentWriter, type ReportDocument } from '@/lib/reports/document';
import { readPdfText } from '../../test/report-files';
import { reportToPdf } from './pdf';

const SENTENCE = 'Deltakerne beskrev hvordan oppfølgingen av brukerne endret seg etter at kompetanseaktivitetene kom i gang på kontoret.';

/**
 * A long report whose sections differ in length, so that over many pages headings fall at
 * every height of a page, the foot included, unless the renderer moves them. `shift` changes
 * the lengths, and so where the page breaks fall.
 */
function longReport(shift: number): { doc: ReportDocument; headings: string[] } {
  const w = documentWriter();
  const headings: string[] = [];
  const heading = (level: 1 | 2 | 3, text: string) => {
    headings.push(text);
    w.heading(level, text);
  };
  for (let part = 1; part <= 4; part++) {
    heading(1, `Del ${part}`);
    for (let section = 1; section <= 12; section++) {
      heading(2, `Avsnitt ${part}.${section}`);
      // A heading straight under a heading: neither may be left at the foot.
      if (section % 2 === 1) heading(3, `Funn i avsnitt ${part}.${section}`);
      // 1–7 paragraphs of one to three lines, in an order that does not repeat with the page length.
      for (let p = 0; p < ((part * 13 + section * 5 + shift) % 7) + 1; p++) w.paragraph(SENTENCE.repeat(((section + p) % 3) + 1));
      if (section % 3 === 0) {
        heading(3, `Underavsnitt ${part}.${section}`);
        w.list([SENTENCE, 'Tid til oppfølging mangler', 'Kollegaveiledning gir trygghet']);
      }
    }
  }
  return { doc: { title: 'En lang rapport', preamble: ['Laget 30. november 2026'], labels: { table: 'Tabell', figure: 'Figur' }, blocks: w.blocks, locale: 'nb' }, headings };
}

describe('reportToPdf', () => {
  // Layouts where, without the page-break rule, a heading (alone or under another) ends a page.
  it.each([0, 2, 5, 9, 12])('never leaves a heading as the last line of a page (layout %i): it moves on with what follows it', async (shift) => {
    const { doc, headings } = longReport(shift);
    const pages = await readPdfText(await reportToPdf(doc));
    expect(pages.length).toBeGreaterThan(10);
    const lines = (page: string) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    // Every heading is in the file, each on a line of its own (so the check below can see it).
    const all = pages.flatMap(lines);
    for (const h of headings) expect(all).toContain(h);
    const lastLines = pages.slice(0, -1).map((page) => lines(page).at(-1));
    for (const [i, last] of lastLines.entries()) expect(headings, `page ${i + 1} ends with the heading «${last}»`).not.toContain(last);
  }, 60_000);
});
