import { analyze } from './analyze';
import { toCliJson } from './cli-json';
import { parseSortsCsv } from './csv';
import { decodeSortsFile } from './decode';
import { parseFlagsCsv } from './flags-csv';
import type { AnalyzeOptions, CorrelationMethod, Extraction, Rotation } from './types';

/** What the CLI needs from its host, injected so tests can run it in-process. */
export interface CliIo {
  /** Returns the file's bytes, or null when it cannot be read (the CLI decodes them: ./decode.ts). */
  readFile(path: string): Uint8Array | null;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE =
  'usage: qmethod analyze FILE.csv --factors K [--extraction pca|centroid] [--rotation varimax|none] [--flags FLAGS.csv] ' +
  '[--correlation pearson|spearman|kendall] [--significance P] [--majority on|off] [--invert F[,F…]] [--rotate A,B,DEGREES[;A,B,DEGREES…]] [--split F[,F…]]';

/** Exit code for any bad input or usage, as QMETHOD.md requires. */
export const EXIT_BAD_INPUT = 2;

type Parsed = { file: string; options: AnalyzeOptions; flagsFile?: string } | { error: string };

/**
 * `qmethod analyze FILE.csv --factors K --extraction pca|centroid --rotation varimax|none`:
 * prints QMETHOD.md's JSON on stdout and returns 0, or prints one line on stderr and returns 2.
 * Extraction and rotation default to qmethod's defaults (pca, varimax).
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const failWith = (code: string, message: string) => {
    io.stderr(`error ${code}: ${message.replace(/\s+/g, ' ').trim()}\n`);
    return EXIT_BAD_INPUT;
  };
  if (argv[0] === '--help' || argv[0] === '-h') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(argv);
  if ('error' in parsed) return failWith('USAGE', `${parsed.error}. ${USAGE}`);
  const bytes = io.readFile(parsed.file);
  if (bytes === null) return failWith('FILE_UNREADABLE', `cannot read ${parsed.file}`);
  const text = decodeSortsFile(bytes);
  if (!text.ok) return failWith(text.error.code, `${parsed.file}: ${text.error.message}`);
  const input = parseSortsCsv(text.value.text);
  if (!input.ok) return failWith(input.error.code, input.error.message);
  const options = parsed.options;
  if (parsed.flagsFile !== undefined) {
    const flagBytes = io.readFile(parsed.flagsFile);
    if (flagBytes === null) return failWith('FILE_UNREADABLE', `cannot read ${parsed.flagsFile}`);
    const flagsText = decodeSortsFile(flagBytes);
    if (!flagsText.ok) return failWith(flagsText.error.code, `${parsed.flagsFile}: ${flagsText.error.message}`);
    const flags = parseFlagsCsv(flagsText.value.text, input.value.sorts);
    if (!flags.ok) return failWith(flags.error.code, flags.error.message);
    options.flags = flags.value;
  }
  const result = analyze(input.value, options);
  if (!result.ok) return failWith(result.error.code, result.error.message);
  io.stdout(`${JSON.stringify(toCliJson(result.value))}\n`);
  return 0;
}

function parseArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command !== 'analyze') return { error: command ? `unknown command "${command}"` : 'missing command' };
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
    if (!['factors', 'extraction', 'rotation', 'flags', 'correlation', 'significance', 'majority', 'invert', 'rotate', 'split'].includes(name)) return { error: `unknown option --${name}` };
    if (value === undefined) return { error: `--${name} needs a value` };
    if (values.has(name)) return { error: `--${name} given twice` };
    values.set(name, value);
  }
  if (positional.length !== 1) return { error: positional.length === 0 ? 'missing FILE.csv' : 'more than one file given' };
  const factorsText = values.get('factors');
  if (factorsText === undefined) return { error: 'missing --factors' };
  if (!/^[+]?\d+$/.test(factorsText.trim())) return { error: `--factors must be a whole number, got "${factorsText}"` };
  const extraction = values.get('extraction') ?? 'pca';
  if (extraction !== 'pca' && extraction !== 'centroid') return { error: `--extraction must be pca or centroid, got "${extraction}"` };
  const rotation = values.get('rotation') ?? 'varimax';
  if (rotation !== 'varimax' && rotation !== 'none') return { error: `--rotation must be varimax or none, got "${rotation}"` };
  const correlation = values.get('correlation') ?? 'pearson';
  if (!['pearson', 'spearman', 'kendall'].includes(correlation)) return { error: `--correlation must be pearson, spearman or kendall, got "${correlation}"` };
  const significanceText = values.get('significance') ?? '0.05';
  const significance = /^\s*[\d.eE+-]+\s*$/.test(significanceText) ? Number(significanceText) : NaN;
  if (!(significance > 0 && significance <= 0.5)) return { error: `--significance must be a p-value above 0 and at most 0.5 (0.05, 0.01, 0.001), got "${significanceText}"` };
  const majority = values.get('majority') ?? 'on';
  if (majority !== 'on' && majority !== 'off') return { error: `--majority must be on or off, got "${majority}"` };
  const invertText = values.get('invert');
  const invert = invertText === undefined ? [] : invertText.split(',').map((f) => (/^\s*\d+\s*$/.test(f) ? Number(f) : NaN));
  if (invert.some((f) => !Number.isInteger(f))) return { error: `--invert takes factor numbers separated by commas (2 or 1,3), got "${invertText}"` };
  const splitText = values.get('split');
  const split = splitText === undefined ? [] : splitText.split(',').map((f) => (/^\s*\d+\s*$/.test(f) ? Number(f) : NaN));
  if (split.some((f) => !Number.isInteger(f))) return { error: `--split takes factor numbers separated by commas (2 or 1,3), got "${splitText}"` };
  const rotateText = values.get('rotate');
  const handRotations = rotateText === undefined ? [] : rotateText.split(';').map((turn) => {
    const parts = turn.split(',').map((p) => p.trim());
    const [a, b, degrees] = parts.map((p) => (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(p) ? Number(p) : NaN));
    return parts.length === 3 ? { a: a!, b: b!, degrees: degrees! } : { a: NaN, b: NaN, degrees: NaN };
  });
  if (handRotations.some((r) => !Number.isInteger(r.a) || !Number.isInteger(r.b) || Number.isNaN(r.degrees))) {
    return { error: `--rotate takes factor pairs and angles as A,B,DEGREES separated by semicolons (1,2,15 or "1,2,15;1,3,-5"), got "${rotateText}"` };
  }
  return {
    file: positional[0]!,
    options: {
      factors: Number(factorsText),
      extraction: extraction as Extraction,
      rotation: rotation as Rotation,
      correlation: correlation as CorrelationMethod,
      flagRule: { significance, majority: majority === 'on' },
      ...(invert.length > 0 ? { invert } : {}),
      ...(split.length > 0 ? { split } : {}),
      ...(handRotations.length > 0 ? { handRotations } : {}),
    },
    flagsFile: values.get('flags'),
  };
}
