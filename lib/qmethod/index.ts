/**
 * Q-method analysis engine (QMETHOD.md): pure functions, no I/O, for the browser, the server
 * and the CLI. Start with `analyze`; `parseSortsCsv` reads the CSV layout of the contract.
 */
export { analyze } from './analyze';
export { toCliJson, type QCliJson } from './cli-json';
export { parseSortsCsv, parseCsvRows } from './csv';
export { parseFlagsCsv } from './flags-csv';
export { formatQdcLabel } from './steps/qdc';
export type * from './types';
