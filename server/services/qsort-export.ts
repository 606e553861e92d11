import { z } from 'zod';
import { locales } from '@/i18n/locales';
import { fail, ok, type Result } from '@/lib/errors';
import { resultToJson, resultToXlsx, sortsToCsv, toPqmethodDat, toPqmethodSta } from '@/lib/qmethod/exports';
import { analysisInput, runAnalysis } from '@/lib/qsort/analysis';
import { analysisOptionsSchema } from '@/lib/qsort/runtime';
import { qExportLabels } from '@/lib/reports/q-export-labels';
import type { ProjectService } from './project-service';
import type { QsortService } from './qsort-service';

export const exportFormats = ['csv', 'dat', 'sta', 'json', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportRequestSchema = z.object({
  format: z.enum(exportFormats),
  /** For the result formats (json, xlsx): the analysis to export. */
  options: analysisOptionsSchema.omit({ flags: true }).optional(),
  /** The result workbook's sheet names and headings; the machine formats (CSV for R, PQMethod) have none to translate. */
  locale: z.enum(locales).catch('nb'),
});

export interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  filename: string;
}

const slug = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'qsort';

/** The files Q researchers expect from a session's finished sorts (see QMETHOD.md, Exports). */
export function createQsortExport(qsort: QsortService, projects: ProjectService) {
  return {
    async file(userId: string, sessionId: string, input: unknown): Promise<Result<ExportFile>> {
      const parsed = exportRequestSchema.safeParse(input);
      if (!parsed.success) return fail('BAD_REQUEST', 'unknown export');
      const found = await qsort.runtimeOf(sessionId);
      if (!found || !(await projects.roleOf(found.session.projectId, userId))) return fail('NOT_FOUND', 'no such Q-sort');
      const { runtime } = found;
      const sorts = await qsort.finished(sessionId);
      const input2 = analysisInput(runtime, sorts);
      const base = slug(runtime.setName);
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
        case 'xlsx': {
          if (sorts.length < 2) return fail('CONFLICT', 'at least two finished sorts are needed');
          const options = parsed.data.options ?? { factors: Math.min(3, sorts.length), extraction: 'centroid' as const, rotation: 'varimax' as const };
          const analysed = runAnalysis(runtime, sorts, options);
          if (!analysed.ok) return fail('BAD_REQUEST', analysed.error.message);
          if (parsed.data.format === 'json') return ok({ body: resultToJson(analysed.value, texts), contentType: 'application/json', filename: `${base}.json` });
          return ok({ body: await resultToXlsx(analysed.value, { statementTexts: texts, labels: qExportLabels(parsed.data.locale) }), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` });
        }
      }
    },
  };
}
export type QsortExport = ReturnType<typeof createQsortExport>;
