/**
 * The Q analysis in a worker thread (./analysis-runner.ts): takes `{ id, runtime, sorts, options, advice }`
 * and answers `{ id, result, advice }`, one request at a time. Engine code, and the result files'
 * rendering, so the server's event loop keeps serving every other session while a large study
 * is analysed or written out.
 */
import { parentPort } from 'node:worker_threads';
import type { Locale } from '../../i18n/locales';
import { resultToXlsx, type AnalysisRecord } from '../../lib/qmethod/exports';
import { qExportLabels } from '../../lib/reports/q-export-labels';
import { buildQStudyReport } from '../../lib/reports/q-study-report';
import { reportToDocx } from '../reports/docx';
import type { FactorAdvice } from '../../lib/qmethod/factor-advice';
import { analysisInput, factorAdviceOf, runAnalysis, type FinishedSort } from '../../lib/qsort/analysis';
import { studyTables, type StudyTables } from '../../lib/qmethod/study-tables';
import type { AnalysisStep, QResult, Result } from '../../lib/qmethod/types';
import type { AnalysisOptions, QsortRuntime } from '../../lib/qsort/runtime';

export interface AnalysisRequest {
  id: number;
  runtime: QsortRuntime;
  sorts: FinishedSort[];
  options: AnalysisOptions;
  /**
   * Also the help with choosing k (every eigenvalue for the scree, Humphrey's rule, a parallel
   * analysis): at 1,000 sorts the eigenvalues alone are seconds of arithmetic, so it is done
   * here, never on the server's thread.
   */
  advice: boolean;
  /** Also the full report's tables (`studyTables`): a sort × sort matrix and a second extraction. */
  tables?: boolean;
  /**
   * Also a result file, rendered here: the Word report of a few hundred sorts is seconds of
   * work for the docx library, and the workbook's sheets nearly one.
   */
  file?: ResultFileRequest;
}

export interface ResultFileRequest {
  format: 'docx' | 'xlsx';
  locale: Locale;
  record: AnalysisRecord;
  texts: string[];
}

/** What the worker says: a step as it starts, then the result. */
export type AnalysisMessage =
  | { id: number; step: AnalysisStep }
  | { id: number; result: Result<QResult>; advice: FactorAdvice | null; tables: StudyTables | null; file: Uint8Array | null };

async function renderFile(request: ResultFileRequest, result: QResult, tables: StudyTables): Promise<Uint8Array> {
  const { format, locale, record, texts } = request;
  if (format === 'docx') return reportToDocx(buildQStudyReport({ result, tables, record, texts }, locale));
  return resultToXlsx(result, { statementTexts: texts, labels: qExportLabels(locale), record, tables });
}

parentPort?.on('message', async (request: AnalysisRequest) => {
  const say = (message: AnalysisMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
  let result: Result<QResult>;
  let advice: FactorAdvice | null = null;
  let tables: StudyTables | null = null;
  let file: Uint8Array | null = null;
  try {
    result = runAnalysis(request.runtime, request.sorts, request.options, (step) => say({ id: request.id, step }));
    if (result.ok && request.advice) advice = factorAdviceOf(request.runtime, request.sorts, request.options);
    if (result.ok && (request.tables || request.file)) tables = studyTables(analysisInput(request.runtime, request.sorts), result.value);
    if (result.ok && request.file && tables) file = await renderFile(request.file, result.value, tables);
  } catch (err) {
    // The engine answers bad input with a Result; a throw is a bug, reported as one.
    result = { ok: false, error: { code: 'EXTRACTION_FAILED', message: `analysis failed: ${String(err)}` } };
  }
  // The file's bytes move to the server's thread rather than being copied.
  // The tables go back only when asked for: a file needs them here, and a large study's
  // sort × sort matrix is not cloned across for nothing.
  say({ id: request.id, result, advice, tables: request.tables ? tables : null, file }, file ? [file.buffer as ArrayBuffer] : []);
});
