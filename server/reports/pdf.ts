import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { captionText, type Block, type FigureBlock, type ReportDocument, type TableBlock } from '@/lib/reports/document';

/**
 * Roboto as pdfmake ships it: embedded in every file, and it covers æ, ø and å. Read from the
 * installed package (pdfmake stays outside Next's bundle, see next.config.mjs), and nothing
 * else on the disk may be read while a report is made.
 */
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
pdfmake.setUrlAccessPolicy(() => false);

const BAR_WIDTH = 36;
const BAR_GAP = 16;
const BAR_HEIGHT = 90;

/** Tables short enough to fit a page are kept whole, with their caption; longer ones repeat their header row. */
const UNBREAKABLE_ROWS = 20;

function table(block: TableBlock, label: string): Content[] {
  const caption: Content = { text: captionText(label, block.number, block.caption), style: 'caption', headlineLevel: 4 };
  const cells = block.rows.map((row) => row.map((c) => (typeof c === 'number' ? { text: String(c), alignment: 'right' as const } : { text: c })));
  const body: Content = {
    table: { headerRows: 1, widths: block.header.map((_, i) => (i === 0 ? '*' : 'auto')), body: [block.header.map((h) => ({ text: h, style: 'th' })), ...cells] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 12],
  };
  return [{ unbreakable: block.rows.length <= UNBREAKABLE_ROWS, stack: [caption, body] }];
}

/** Bars drawn as vectors, with each bar's value above its label. */
function figure(block: FigureBlock, label: string): Content[] {
  const step = BAR_WIDTH + BAR_GAP;
  return [
    {
      unbreakable: true,
      stack: [
        {
          canvas: [
            ...block.bars.map((b, i) => {
              const h = Math.round((b.value / block.max) * BAR_HEIGHT);
              return { type: 'rect' as const, x: i * step, y: BAR_HEIGHT - h, w: BAR_WIDTH, h: Math.max(h, 0.5), color: '#0067C5' };
            }),
            { type: 'line' as const, x1: 0, y1: BAR_HEIGHT, x2: block.bars.length * step - BAR_GAP, y2: BAR_HEIGHT, lineWidth: 0.5 },
          ],
        },
        { columns: block.bars.map((b) => ({ width: BAR_WIDTH, text: `${b.label}\n${b.value}`, fontSize: 9, alignment: 'center' as const })), columnGap: BAR_GAP, margin: [0, 2, 0, 0] },
        { text: captionText(label, block.number, block.caption), style: 'caption' },
      ],
    },
  ];
}

function render(block: Block, doc: ReportDocument): Content[] {
  switch (block.type) {
    case 'heading':
      return [{ text: block.text, style: `h${block.level}`, headlineLevel: block.level }];
    case 'paragraph':
      return [{ text: block.text, margin: [0, 0, 0, 6] }];
    case 'list':
      return [{ ul: block.items, margin: [0, 0, 0, 8] }];
    case 'table':
      return table(block, doc.labels.table);
    case 'figure':
      return figure(block, doc.labels.figure);
  }
}

/** The report as a PDF with embedded fonts; the same blocks, numbering and captions as the Word file. */
export async function reportToPdf(doc: ReportDocument): Promise<Uint8Array> {
  const definition: TDocumentDefinitions = {
    info: { title: doc.title, creator: 'Verksted', producer: 'Verksted' },
    language: doc.locale,
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 8] },
      h1: { fontSize: 16, bold: true, margin: [0, 16, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fillColor: '#E6F0FF' },
      caption: { italics: true, fontSize: 9, margin: [0, 6, 0, 4] },
      muted: { italics: true, color: '#444444' },
    },
    // A heading or a caption is never the last line on a page: it moves on when nothing but
    // headings follows it there (a heading straight under another would otherwise stay behind).
    pageBreakBefore: (node, nodes) => Boolean(node.headlineLevel) && nodes.getFollowingNodesOnPage().every((next) => Boolean(next.headlineLevel)),
    content: [{ text: doc.title, style: 'title' }, ...doc.preamble.map((line): Content => ({ text: line, style: 'muted' })), { text: '', margin: [0, 0, 0, 8] }, ...doc.blocks.flatMap((b) => render(b, doc))],
  };
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
}
