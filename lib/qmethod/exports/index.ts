/** Exports researchers expect (QMETHOD.md): CSV, PQMethod .DAT/.STA, JSON and .xlsx. */
export { csvField, sortsToCsv } from './sorts-csv';
export { pqmethodIds, toAscii, toPqmethodDat, toPqmethodSta, STA_LINE_LENGTH, type PqmethodDatOptions } from './pqmethod';
export { ENGINE_INFO, resultToJson } from './result-json';
export { DEFAULT_XLSX_LABELS, pairLabel, resultToXlsx, settingsRows, sourceLabel, type XlsxLabels } from './xlsx';
export type { AnalysisRecord, SortHistory } from './record';
