import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, ShadingType, SimpleField, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { ChartRun } from 'docx/charts';
import type { Block, Cell, FigureBlock, ReportDocument, TableBlock } from '@/lib/reports/document';

const headingLevel = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/**
 * A caption as Word makes one with "Insert Caption": the Caption style and a SEQ field that
 * numbers tables and figures apart. The field carries its number, so the document reads right
 * before Word updates its fields, and the list of tables/figures works after.
 */
function caption(label: string, number: number, text: string, keepNext: boolean) {
  return new Paragraph({
    style: 'Caption',
    keepNext,
    children: [new TextRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)), new TextRun(`: ${text}`)],
  });
}

const cellText = (c: Cell) => (typeof c === 'number' ? String(c) : c);

function table(block: TableBlock, label: string) {
  const header = new TableRow({
    tableHeader: true,
    children: block.header.map(
      (h) => new TableCell({ shading: { type: ShadingType.CLEAR, fill: 'E6F0FF', color: 'auto' }, children: [new Paragraph({ keepNext: true, children: [new TextRun({ text: h, bold: true })] })] }),
    ),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((c) => new TableCell({ children: [new Paragraph({ alignment: typeof c === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, text: cellText(c) })] })),
      }),
  );
  // Research reports caption tables above them.
  return [caption(label, block.number, block.caption, true), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }), new Paragraph({})];
}

/** A real Word chart (editable in Word, with its data), captioned below as figures are. */
function figure(block: FigureBlock, label: string) {
  const chart = new ChartRun({
    type: 'column',
    categories: block.bars.map((b) => b.label),
    series: [{ name: block.caption, values: block.bars.map((b) => b.value), color: '0067C5' }],
    legend: false,
    dataLabels: { value: true },
    valueAxis: { minimum: 0, maximum: block.max },
    transformation: { width: 480, height: 220 },
    altText: { name: `${label} ${block.number}`, description: `${block.caption}: ${block.bars.map((b) => `${b.label}: ${b.value}`).join(', ')}` },
  });
  return [new Paragraph({ keepNext: true, children: [chart] }), caption(label, block.number, block.caption, false)];
}

function render(block: Block, doc: ReportDocument): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: headingLevel[block.level] })];
    case 'paragraph':
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
    case 'list':
      return block.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'table':
      return table(block, doc.labels.table);
    case 'figure':
      return figure(block, doc.labels.figure);
  }
}

/** The report as a Word document: real heading styles, tables with a repeated header row, numbered captions. */
export async function reportToDocx(doc: ReportDocument): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Verksted',
    title: doc.title,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22 } } },
      paragraphStyles: [{ id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, size: 18, color: '23262A' }, paragraph: { spacing: { before: 120, after: 120 } } }],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          ...doc.preamble.map((line) => new Paragraph({ children: [new TextRun({ text: line, italics: true })] })),
          ...doc.blocks.flatMap((b) => render(b, doc)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
