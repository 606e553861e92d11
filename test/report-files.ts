import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

/**
 * Reads report files back with real parsers, so tests check what Word, a PDF reader or Excel
 * would see: the .docx's XML parts, the PDF's text layer (pdf.js), the workbook's cells.
 */

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };
const children = (node: XmlNode): XmlNode[] => {
  const key = Object.keys(node).find((k) => k !== ':@');
  const value = key ? node[key] : [];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const tag = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';

/** Every text inside a node (runs and fields' cached results), in order. */
function textOf(node: XmlNode): string {
  if ('#text' in node) return String(node['#text']);
  return children(node).map(textOf).join('');
}

function findAll(nodes: XmlNode[], name: string, stopAt: string | null = null): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    if (tag(node) === name) found.push(node);
    else if (tag(node) !== stopAt) found.push(...findAll(children(node), name, stopAt));
  }
  return found;
}

export interface DocxContent {
  /** Paragraphs outside tables, with their style id ('' for Normal). */
  paragraphs: { style: string; text: string; fields: string[] }[];
  tables: string[][][];
  /** The chart parts (`word/charts/chartN.xml`). */
  charts: number;
  /** All text, paragraphs and tables. */
  text: string;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false });
  const root = parser.parse(xml) as XmlNode[];
  const body = findAll(root, 'w:body')[0]!;
  const paragraphs = children(body)
    .filter((n) => tag(n) === 'w:p')
    .map((p) => {
      const style = findAll(children(p), 'w:pStyle')[0]?.[':@']?.['w:val'] ?? '';
      const fields = findAll(children(p), 'w:fldSimple').map((f) => f[':@']?.['w:instr'] ?? '');
      return { style, text: textOf(p), fields };
    });
  const tables = findAll(children(body), 'w:tbl').map((tbl) => findAll(children(tbl), 'w:tr').map((tr) => findAll(children(tr), 'w:tc').map(textOf)));
  const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f)).length;
  const text = [...paragraphs.map((p) => p.text), ...tables.flat(2)].join('\n');
  return { paragraphs, tables, charts, text };
}

/** The text of every page, as pdf.js extracts it for copy and search. */
export async function readPdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** Each sheet's rows as plain values, by sheet name. */
export async function readXlsx(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets.set(ws.name, rows);
  });
  return sheets;
}

/** The CSV files of a zip by name, as text (BOM kept, to check it is there). */
export async function readCsvZip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const raw = await zip.file(name)!.async('uint8array');
    files.set(name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(raw));
  }
  return files;
}
