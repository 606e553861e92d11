import { z } from 'zod';
import { locales, type Locale } from '@/i18n/locales';
import { fail, ok, type Result } from '@/lib/errors';
import { resultToJson, sortsToCsv, toPqmethodDat, toPqmethodSta, type AnalysisRecord } from '@/lib/qmethod/exports';
import type { QResult } from '@/lib/qmethod/types';
import { analysisInput, sortSetKey, type FinishedSort } from '@/lib/qsort/analysis';
import { isForced } from '@/lib/qsort/grid';
import { analysisOptionsSchema, type QsortRuntime } from '@/lib/qsort/runtime';
import { reportTranslator } from '@/lib/reports/translate';
import type { AnalysisRunner } from './analysis-runner';
import type { ProjectService } from './project-service';
import type { QsortService } from './qsort-service';

export const exportFormats = ['csv', 'dat', 'sta', 'json', 'xlsx', 'docx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportRequestSchema = z.object({
  format: z.enum(exportFormats),
  /** For the result formats (json, xlsx): the analysis to export, manual flags included, as it was run on the screen. */
  options: analysisOptionsSchema.optional(),
  /** The analysed sorts' key (`sortSetKey`): the export is refused if the finished sorts are no longer those. */
  sortSet: z.string().regex(/^[0-9a-f]{8}$/).optional(),
  /** The result workbook's sheet names and headings; the machine formats (CSV for R, PQMethod) have none to translate. */
  locale: z.enum(locales).catch('nb'),
});

const contentTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

/** A file name part from free text: letters of any language (ø, å, é) and digits kept, the rest a dash. */
export const fileSlug = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'qsort';

/**
 * `arbeid-først-k3-centroid-varimax-manuell-flagging-2026-12-01`: a result file's name says which
 * analysis it holds, the researcher's choices included where they differ from qmethod's defaults
 * (`-kendall`, `-snudd-2`, `-p0.01`, `-uten-flertallsregel`).
 */
export function resultFileBase(setName: string, result: Pick<QResult, 'factors' | 'extraction' | 'rotation' | 'flagging' | 'correlation' | 'flagRule' | 'inverted' | 'handRotations' | 'split'>, analysedAt: Date, locale: Locale): string {
  const t = reportTranslator(locale);
  const correlation = result.correlation === 'pearson' ? '' : `-${result.correlation}`;
  // With manual flags the automatic rule flagged nothing, so the name does not speak of it.
  const automatic = result.flagging === 'automatic';
  const level = automatic && result.flagRule.significance !== 0.05 ? `-p${result.flagRule.significance}` : '';
  const majority = automatic && !result.flagRule.majority ? `-${t('qExport.fileNoMajority')}` : '';
  const manual = automatic ? '' : `-${t('qExport.fileManual')}`;
  const inverted = result.inverted.length > 0 ? `-${t('qExport.fileInverted')}-${result.inverted.join('-')}` : '';
  const byHand = result.handRotations.length > 0 ? `-${t('qExport.fileHandRotated')}` : '';
  const split = result.split.length > 0 ? `-${t('qExport.fileSplit')}-${result.split.join('-')}` : '';
  // k is the factors extracted; a split factor's two poles are one of them.
  return `${fileSlug(setName)}-k${result.factors - result.split.length}-${result.extraction}-${result.rotation}${byHand}${correlation}${inverted}${split}${level}${majority}${manual}-${analysedAt.toISOString().slice(0, 10)}`;
}

function recordOf(runtime: QsortRuntime, analysedAt: Date, factors: number, sorts: FinishedSort[]): AnalysisRecord {
  return {
    paperSorts: sorts.filter((s) => s.source === 'paper').map((s) => s.name),
    forced: isForced(runtime.grid),
    history: sorts.map((s) => ({ sort: s.name, source: s.source ?? 'live', at: s.submittedAt ?? null, ...(s.study ? { study: s.study } : {}) })),
    study: runtime.setName,
    analysedAt: analysedAt.toISOString(),
    factorNames: runtime.factorNames.slice(0, factors).flatMap((f, i) => (f.name.trim() || f.description.trim() ? [{ number: i + 1, name: f.name, description: f.description }] : [])),
  };
}

/** The files Q researchers expect from a session's finished sorts (see QMETHOD.md, Exports). */
export function createQsortExport(qsort: QsortService, projects: ProjectService, analysis: AnalysisRunner, now: () => Date = () => new Date()) {
  return {
    async file(userId: string, sessionId: string, input: unknown): Promise<Result<ExportFile>> {
      const parsed = exportRequestSchema.safeParse(input);
      if (!parsed.success) return fail('BAD_REQUEST', 'unknown export');
      const found = await qsort.runtimeOf(sessionId);
      if (!found || !(await projects.roleOf(found.session.projectId, userId))) return fail('NOT_FOUND', 'no such Q-sort');
      const { runtime } = found;
      const sorts = await qsort.finished(sessionId);
      const input2 = analysisInput(runtime, sorts);
      const base = fileSlug(runtime.setName);
      const texts = runtime.statements.map((s) => s.text);
      switch (parsed.data.format) {
        case 'csv':
          return ok({ body: sortsToCsv(input2), contentType: 'text/csv; charset=utf-8', filename: `${base}.csv` });
        case 'sta':
          return ok({ body: toPqmethodSta(texts), contentType: 'text/plain; charset=us-ascii', filename: `${base}.STA` });
        case 'dat': {
          const dat = toPqmethodDat(input2, { studyName: runtime.setName });
          return dat.ok ? ok({ body: dat.value, contentType: 'text/plain; charset=us-ascii', filename: `${base}.DAT` }) : fail('BAD_REQUEST', dat.error.message);
        }
        case 'json':
        case 'xlsx':
        case 'docx': {
          if (sorts.length < 2) return fail('CONFLICT', 'at least two finished sorts are needed');
          const { sortSet, locale } = parsed.data;
          if (sortSet !== undefined && sortSet !== sortSetKey(sorts.map((s) => s.id))) return fail('CONFLICT', 'the finished sorts have changed since this analysis');
          const options = parsed.data.options ?? { factors: Math.min(3, sorts.length), extraction: 'centroid' as const, rotation: 'varimax' as const };
          const at = now();
          // A split factor is two: the names are for every factor of the result.
          const record = recordOf(runtime, at, options.factors + (options.split?.length ?? 0), sorts);
          const format = parsed.data.format;
          if (format === 'json') {
            const analysed = await analysis.runWithTables(runtime, sorts, options);
            if (!analysed.ok) return fail('BAD_REQUEST', analysed.error.message);
            const { result, tables } = analysed.value;
            return ok({ body: resultToJson(result, texts, record, tables), contentType: 'application/json', filename: `${resultFileBase(runtime.setName, result, at, locale)}.json` });
          }
          // The workbook and the Word report are rendered in the worker: seconds of work for a large study.
          const rendered = await analysis.runFile(runtime, sorts, options, { format, locale, record, texts });
          if (!rendered.ok) return fail('BAD_REQUEST', rendered.error.message);
          const { result, bytes } = rendered.value;
          return ok({ body: bytes, contentType: contentTypes[format], filename: `${resultFileBase(runtime.setName, result, at, locale)}.${format}` });
        }
      }
    },
  };
}
export type QsortExport = ReturnType<typeof createQsortExport>;
