import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { runCli } from './cli';
import { toCliJson } from './cli-json';
import { SEED_GRID, simulateSorts, toCsv } from './test-data';

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'qmethod-cli-'));
const write = (name: string, text: string | Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const study = simulateSorts({ grid: SEED_GRID, sorts: 25, views: 4, noise: 0.9, seed: 5 });
const goodFile = write('good.csv', toCsv(study));

function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: (p) => {
      try {
        return readFileSync(p);
      } catch {
        return null;
      }
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('runCli', () => {
  it('prints the QMETHOD.md JSON with its keys in order', () => {
    const r = cli(['analyze', goodFile, '--factors', '3', '--extraction', 'centroid', '--rotation', 'varimax']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'statements', 'sorts', 'loadings', 'flagged', 'zscores', 'factorArrays', 'eigenvalues',
      'explainedVariance', 'reliability', 'standardError', 'significance', 'consensus',
    ]);
    expect(json.loadings).toHaveLength(25);
    expect(json.loadings[0]).toHaveLength(3);
    expect(Object.keys(json.significance)).toEqual(['f1_f2', 'f1_f3', 'f2_f3']);
  });

  it('accepts --name=value and defaults to pca with varimax', () => {
    const a = cli(['analyze', goodFile, '--factors=2']);
    const b = cli(['analyze', goodFile, '--factors', '2', '--extraction', 'pca', '--rotation', 'varimax']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('applies manual flags from --flags', () => {
    const flags = write('flags.csv', ['sort,f1,f2', ...study.sorts.map((s, i) => `${s},${i < 4},${i >= 4 && i < 8}`)].join('\n'));
    const r = cli(['analyze', goodFile, '--factors', '2', '--flags', flags]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).flagged.slice(0, 5)).toEqual([[true, false], [true, false], [true, false], [true, false], [false, true]]);
  });

  it('takes the researcher\'s choices: correlation, flagging significance and the majority rule', () => {
    const options = { factors: 3, extraction: 'centroid', rotation: 'varimax' } as const;
    const choices = { correlation: 'spearman', flagRule: { significance: 0.001, majority: false } } as const;
    const r = cli(['analyze', goodFile, '--factors', '3', '--extraction', 'centroid', '--correlation', 'spearman', '--significance', '0.001', '--majority', 'off']);
    expect(r.stderr).toBe('');
    const expected = analyze(study, { ...options, ...choices });
    if (!expected.ok) throw new Error(expected.error.message);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(toCliJson(expected.value))));
    // The defaults are qmethod's: Pearson, p < .05, the majority rule.
    const plain = cli(['analyze', goodFile, '--factors', '3', '--extraction', 'centroid']);
    expect(cli(['analyze', goodFile, '--factors', '3', '--extraction', 'centroid', '--correlation=pearson', '--significance=0.05', '--majority=on']).stdout).toBe(plain.stdout);
    expect(r.stdout).not.toBe(plain.stdout);
  });

  it('turns factor pairs by hand with --rotate, in order', () => {
    const r = cli(['analyze', goodFile, '--factors', '3', '--rotate', '1,2,15;1,3,-7.5']);
    expect(r.stderr).toBe('');
    const expected = analyze(study, { factors: 3, extraction: 'pca', rotation: 'varimax', handRotations: [{ a: 1, b: 2, degrees: 15 }, { a: 1, b: 3, degrees: -7.5 }] });
    if (!expected.ok) throw new Error(expected.error.message);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(toCliJson(expected.value))));
  });

  it('splits the factors given by --split into poles, and names them', () => {
    const r = cli(['analyze', goodFile, '--factors', '3', '--split', '2']);
    expect(r.code).toBe(0);
    const expected = analyze(study, { factors: 3, extraction: 'pca', rotation: 'varimax', split: [2] });
    if (!expected.ok) throw new Error(expected.error.message);
    const out = JSON.parse(r.stdout);
    expect(out.factorLabels).toEqual(['1', '2a', '2b', '3']);
    expect(out.loadings).toEqual(expected.value.loadings);
    expect(out.zscores).toEqual(expected.value.zscores);
    expect(out.significance).toEqual(expected.value.significance);
    // Without --split the output is the contract's, key for key.
    expect(JSON.parse(cli(['analyze', goodFile, '--factors', '3']).stdout).factorLabels).toBeUndefined();
  });

  it('turns the factors given by --invert around', () => {
    const r = cli(['analyze', goodFile, '--factors', '3', '--invert', '1,3']);
    expect(r.stderr).toBe('');
    const expected = analyze(study, { factors: 3, extraction: 'pca', rotation: 'varimax', invert: [1, 3] });
    if (!expected.ok) throw new Error(expected.error.message);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(toCliJson(expected.value))));
    const plain = JSON.parse(cli(['analyze', goodFile, '--factors', '3']).stdout);
    expect(JSON.parse(r.stdout).loadings.map((row: number[]) => row[0])).toEqual(plain.loadings.map((row: number[]) => -row[0]!));
  });

  const broken = study.scores.map((row) => row.slice());
  broken[0]![3] = 99;
  it.each([
    ['missing file', ['analyze', path.join(dir, 'nope.csv'), '--factors', '2'], 'FILE_UNREADABLE'],
    ['bad CSV', ['analyze', write('ragged.csv', 'statement,a,b\n1,0\n'), '--factors', '1'], 'BAD_CSV'],
    ['non-numeric', ['analyze', write('text.csv', 'statement,a,b\n1,0,x\n2,1,0\n'), '--factors', '1'], 'NON_NUMERIC'],
    ['duplicate sort names', ['analyze', write('dup.csv', 'statement,a,a\n1,0,1\n2,1,0\n'), '--factors', '1'], 'DUPLICATE_SORT_NAMES'],
    ['broken distribution', ['analyze', write('broken.csv', toCsv({ ...study, scores: broken })), '--factors', '2'], 'DISTRIBUTION_MISMATCH'],
    ['k too large', ['analyze', goodFile, '--factors', '26'], 'FACTORS_OUT_OF_RANGE'],
    ['k zero', ['analyze', goodFile, '--factors', '0'], 'FACTORS_OUT_OF_RANGE'],
    ['k not a number', ['analyze', goodFile, '--factors', 'three'], 'USAGE'],
    ['missing --factors', ['analyze', goodFile], 'USAGE'],
    ['bad extraction', ['analyze', goodFile, '--factors', '2', '--extraction', 'ml'], 'USAGE'],
    ['bad rotation', ['analyze', goodFile, '--factors', '2', '--rotation', 'promax'], 'USAGE'],
    ['unknown option', ['analyze', goodFile, '--factors', '2', '--verbose', 'x'], 'USAGE'],
    ['bad flags file', ['analyze', goodFile, '--factors', '2', '--flags', write('badflags.csv', 'sort,f1\ns1,maybe\n')], 'BAD_FLAGS'],
    ['unknown command', ['analyse', goodFile, '--factors', '2'], 'USAGE'],
    ['bad correlation', ['analyze', goodFile, '--factors', '2', '--correlation', 'polychoric'], 'USAGE'],
    ['significance zero', ['analyze', goodFile, '--factors', '2', '--significance', '0'], 'USAGE'],
    ['significance above .5', ['analyze', goodFile, '--factors', '2', '--significance', '0.9'], 'USAGE'],
    ['significance as a percentage', ['analyze', goodFile, '--factors', '2', '--significance', '5%'], 'USAGE'],
    ['majority neither on nor off', ['analyze', goodFile, '--factors', '2', '--majority', 'yes'], 'USAGE'],
    ['invert not a number', ['analyze', goodFile, '--factors', '2', '--invert', 'two'], 'USAGE'],
    ['split not a number', ['analyze', goodFile, '--factors', '2', '--split', '1;2'], 'USAGE'],
    ['split a factor that is not there', ['analyze', goodFile, '--factors', '2', '--split', '3'], 'BAD_OPTION'],
    ['split a factor twice', ['analyze', goodFile, '--factors', '2', '--split', '1,1'], 'BAD_OPTION'],
    ['invert a factor that is not there', ['analyze', goodFile, '--factors', '2', '--invert', '3'], 'BAD_OPTION'],
    ['rotate without an angle', ['analyze', goodFile, '--factors', '2', '--rotate', '1,2'], 'USAGE'],
    ['rotate a factor with itself', ['analyze', goodFile, '--factors', '2', '--rotate', '1,1,10'], 'BAD_OPTION'],
    ['rotate past a full turn', ['analyze', goodFile, '--factors', '2', '--rotate', '1,2,720'], 'BAD_OPTION'],
  ])('%s → exit 2 and one stderr line with %s', (_, argv, code) => {
    const r = cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(code);
  });
});

describe('files from other tools', () => {
  const named = { ...study, sorts: study.sorts.map((s, i) => (i === 0 ? 'Måke' : i === 1 ? 'Ærfugl Øst' : s)) };
  const text = toCsv(named);

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['Latin-1 (Windows-1252), as Norwegian Excel saves', Buffer.from(text, 'latin1')],
    ['UTF-16 with its mark, as Excel\'s "Unicode text"', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ])('reads the names of a %s file as written', (_, bytes) => {
    const r = cli(['analyze', write(`enc-${bytes.length}-${bytes[0]}.csv`, bytes), '--factors', '2']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).sorts.slice(0, 2)).toEqual(['Måke', 'Ærfugl Øst']);
  });

  it('refuses a file that is not text, naming the line', () => {
    const r = cli(['analyze', write('binary.csv', Buffer.concat([Buffer.from('statement,a,b\n1,0,1\n', 'utf8'), Buffer.from([0x00, 0x01, 0x02])])), '--factors', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error BAD_ENCODING: .*binary\.csv: line 3 holds a control character/);
  });

  it('names the sort that breaks the forced distribution, also when it is the first', () => {
    for (const bad of [0, 1, 7, study.sorts.length - 1]) {
      const scores = study.scores.map((row) => row.slice());
      scores[0]![bad] = 99;
      const r = cli(['analyze', write(`broken-${bad}.csv`, toCsv({ ...study, scores })), '--factors', '2']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`sort "${study.sorts[bad]}" does not follow the forced distribution that ${study.sorts.length - 1} of ${study.sorts.length} sorts share`);
    }
  });
});

describe('the real command (spawned)', () => {
  const run = promisify(execFile);
  const npm = (args: string[]) =>
    run('npm', ['run', '--silent', 'qmethod', '--', ...args], { cwd: root }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('analyses a good file', async () => {
    const r = await npm(['analyze', goodFile, '--factors', '4', '--extraction', 'centroid', '--rotation', 'varimax']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sorts).toEqual(study.sorts);
    expect(json.factorArrays).toHaveLength(36);
  }, 60_000);

  it('refuses a bad file with exit code 2 and one line on stderr', async () => {
    const r = await npm(['analyze', write('spawn-bad.csv', 'statement,a,a\n1,0,1\n2,1,0\n'), '--factors', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error DUPLICATE_SORT_NAMES: /);
  }, 60_000);
});
