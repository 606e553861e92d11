/**
 * A report as a small document model that knows nothing of any file format: the Word and PDF
 * renderers (server/reports/) lay the same blocks out their own way, so both say the same
 * thing, and tests can check the model before any bytes exist.
 */

export type Cell = string | number;

/** A table with a header row and a numbered caption ("Tabell 3: …"). */
export interface TableBlock {
  type: 'table';
  number: number;
  caption: string;
  header: string[];
  rows: Cell[][];
}

/** A numbered bar chart ("Figur 2: …"): one bar per label, on a scale from 0 to `max`. */
export interface FigureBlock {
  type: 'figure';
  number: number;
  caption: string;
  bars: { label: string; value: number }[];
  max: number;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | TableBlock
  | FigureBlock;

export interface ReportDocument {
  title: string;
  /** Lines under the title: when it was made and what was left out. */
  preamble: string[];
  /** The words numbered captions start with, in the report's language ("Tabell", "Figur"). */
  labels: { table: string; figure: string };
  blocks: Block[];
  /** For the file's metadata (Word's and PDF's "language"). */
  locale: string;
}

/** The caption as printed: "Tabell 1: Funn med status". */
export const captionText = (label: string, number: number, caption: string) => `${label} ${number}: ${caption}`;

/**
 * Collects blocks and numbers tables and figures in the order they are added, as Word's
 * caption fields do; one writer per document.
 */
export function documentWriter() {
  const blocks: Block[] = [];
  let tables = 0;
  let figures = 0;
  return {
    blocks,
    heading(level: 1 | 2 | 3, text: string) {
      blocks.push({ type: 'heading', level, text });
    },
    paragraph(text: string) {
      if (text.trim()) blocks.push({ type: 'paragraph', text });
    },
    list(items: string[]) {
      if (items.length > 0) blocks.push({ type: 'list', items });
    },
    table(caption: string, header: string[], rows: Cell[][]) {
      blocks.push({ type: 'table', number: ++tables, caption, header, rows });
    },
    figure(caption: string, bars: { label: string; value: number }[], max: number) {
      blocks.push({ type: 'figure', number: ++figures, caption, bars, max });
    },
  };
}
export type DocumentWriter = ReturnType<typeof documentWriter>;
