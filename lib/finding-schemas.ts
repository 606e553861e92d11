import { z } from 'zod';
import { freeText, guarded } from './privacy/free-text';
import type { FindingStatus } from '@/db/schema';

/**
 * Inputs of the findings library, shared by the pages (field errors, import preview) and the
 * findings service (the real check). Pure: no drizzle at run time, so client components may
 * import it.
 */

/** The database's status enum, repeated here so this module stays pure; a unit test keeps both equal. */
export const findingStatuses = ['forelopig', 'bekreftet', 'nyansert', 'avkreftet'] as const satisfies readonly FindingStatus[];

export const FINDING_LIMITS = { title: 200, summary: 5000, quote: 1000, quotes: 20, reflectionQuestion: 1000, theme: 200, note: 2000 } as const;

const text = freeText;
/** '' from a "no phase" select option means null. */
const phaseId = z.union([z.literal('').transform(() => null), z.uuid({ error: 'INVALID' }), z.null()]).default(null);

export const findingInputSchema = z.object({
  title: text(FINDING_LIMITS.title).min(1, { error: 'REQUIRED' }),
  summary: text(FINDING_LIMITS.summary).default(''),
  quotes: z
    .array(text(FINDING_LIMITS.quote))
    .transform((quotes) => quotes.filter((q) => q.length > 0))
    .pipe(z.array(z.string()).max(FINDING_LIMITS.quotes, { error: 'TOO_MANY' }))
    .default([]),
  reflectionQuestion: text(FINDING_LIMITS.reflectionQuestion).default(''),
  theme: text(FINDING_LIMITS.theme).default(''),
  phaseId,
});
export type FindingInput = z.infer<typeof findingInputSchema>;

export const statusChangeSchema = z.object({
  status: z.enum(findingStatuses, { error: 'INVALID' }),
  note: text(FINDING_LIMITS.note).default(''),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

/**
 * Guards the import form: a pasted report chapter is fine, a whole report is not. The whole
 * text is guarded too, so a number split over two lines (two findings) is still refused.
 */
export const importTextSchema = guarded(z.string().max(100_000, { error: 'TOO_LONG' }));
export const MAX_IMPORTED_FINDINGS = 200;

/** The free-text fields of a finding, in form order; every one passes the privacy guard. */
export const findingTextFields = ['title', 'summary', 'quotes', 'reflectionQuestion', 'theme'] as const;

export type ParsedFinding = Omit<FindingInput, 'phaseId'>;

/** A quote without the marker or guillemets it was typed with: the cards add their own «». */
export function cleanQuote(line: string): string {
  return line
    .trim()
    .replace(/^>\s*/, '')
    .replace(/^[«"“]\s*/, '')
    .replace(/\s*[»"”]$/, '')
    .trim();
}

/** The quotes textarea: one quote per line, empty lines dropped. */
export function quotesFromText(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(cleanQuote)
    .filter((q) => q.length > 0);
}

type Line = { kind: 'theme' | 'quote' | 'question' | 'plain'; text: string };

function classify(line: string): Line {
  if (line.startsWith('#')) return { kind: 'theme', text: line.replace(/^#+/, '').trim() };
  if (line.startsWith('>') || line.startsWith('«')) return { kind: 'quote', text: cleanQuote(line) };
  if (line.startsWith('?')) return { kind: 'question', text: line.slice(1).trim() };
  // Pasted bullet lists: "- Funn", "• Funn", "1. Funn" are the finding, not its marker.
  return { kind: 'plain', text: line.replace(/^(?:[-*•–]|\d{1,3}[.)])\s+/, '') };
}

function blocksOf(text: string): Line[][] {
  const blocks: Line[][] = [[]];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      if (blocks.at(-1)!.length > 0) blocks.push([]);
    } else {
      blocks.at(-1)!.push(classify(line));
    }
  }
  return blocks.filter((b) => b.length > 0);
}

/**
 * Turns pasted text into findings. Two layouts, told apart by whether the text has several
 * blank-line separated blocks and one of them has more than one ordinary line:
 * - one finding per non-empty line;
 * - blocks separated by blank lines: the first ordinary line is the title, the rest the summary.
 * In both, lines starting with `>` or `«` are quotes and a `?` line is the reflection question
 * (of the finding they follow, or of the block's finding); a `#` line sets the theme of the
 * findings that follow it. Extras in a block without a title belong to the finding before.
 */
export function parseFindingsText(text: string): ParsedFinding[] {
  const blocks = blocksOf(text);
  // One block (no blank lines) is always a list: a single finding with a summary is easier to
  // make with the form than to guess here.
  const blockMode = blocks.length > 1 && blocks.some((b) => b.filter((l) => l.kind === 'plain').length > 1);
  const out: ParsedFinding[] = [];
  let theme = '';
  for (const block of blocks) {
    let current: ParsedFinding | null = null;
    const early: Line[] = []; // quotes and questions seen before this block's first title
    const summary: string[] = [];
    const attach = (target: ParsedFinding, line: Line) => {
      if (!line.text) return;
      if (line.kind === 'quote') target.quotes.push(line.text);
      else target.reflectionQuestion = [target.reflectionQuestion, line.text].filter(Boolean).join(' ');
    };
    const finish = () => {
      if (current && summary.length > 0) current.summary = summary.splice(0).join('\n');
    };
    for (const line of block) {
      if (line.kind === 'theme') theme = line.text;
      else if (line.kind !== 'plain') {
        if (current) attach(current, line);
        else early.push(line);
      } else if (blockMode && current) summary.push(line.text);
      else {
        finish();
        current = { title: line.text, summary: '', quotes: [], reflectionQuestion: '', theme };
        out.push(current);
        for (const e of early.splice(0)) attach(current, e);
      }
    }
    finish();
    const previous = out.at(-1);
    if (previous) for (const e of early) attach(previous, e);
  }
  return out;
}
