import { centroid } from './steps/centroid';
import { characteristics } from './steps/characteristics';
import { autoFlags, flagThreshold, QMETHOD_FLAG_RULE } from './steps/flag';
import { rotateByHand } from './steps/hand-rotate';
import { correlateBy } from './steps/rank-correlate';
import { principalComponents } from './steps/pca';
import { distinguishingAndConsensus } from './steps/qdc';
import { splitFlags, splitPoles } from './steps/split-poles';
import { factorArray, zScores } from './steps/scores';
import { varimax } from './steps/varimax';
import type { AnalysisStep, AnalyzeOptions, QInput, QResult, QWarning, Result } from './types';
import { validateInput, validateOptions } from './validate';

/**
 * Runs the whole Q-method analysis of QMETHOD.md, giving qmethod 1.8.4's numbers.
 * Pure and synchronous: usable in the browser, the server and the CLI.
 * Expected failures (bad input or options) come back as `{ ok: false, error }`. `onStep` hears
 * each step as it starts, so a long analysis (a worker thread in the web app) can say where it is.
 */
export function analyze(input: QInput, options: AnalyzeOptions, onStep?: (step: AnalysisStep) => void): Result<QResult> {
  const inputError = validateInput(input);
  if (inputError) return { ok: false, error: inputError };
  const optionsError = validateOptions(options, input.sorts.length);
  if (optionsError) return { ok: false, error: optionsError };

  const { statements, sorts, scores } = input;
  const { factors: k, extraction, rotation } = options;
  const correlation = options.correlation ?? 'pearson';
  const flagRule = options.flagRule ?? QMETHOD_FLAG_RULE;
  onStep?.('correlate');
  const r = correlateBy(correlation, scores);
  let loadings: number[][];
  onStep?.('extract');
  if (extraction === 'pca') {
    // PCA rotates as part of its extraction (qmethod's principal()); the step is reported all the same.
    loadings = principalComponents(r, k, rotation);
    onStep?.('rotate');
  } else {
    const extracted = centroid(r, k);
    if (!extracted.ok) {
      const why = extracted.reason === 'NOT_CONVERGED' ? 'did not converge' : 'found no positive manifold';
      return {
        ok: false,
        error: { code: 'EXTRACTION_FAILED', message: `centroid extraction ${why} for factor ${extracted.factor}` },
      };
    }
    // qmethod rotates centroid loadings without reordering or re-signing them.
    onStep?.('rotate');
    loadings = rotation === 'varimax' ? varimax(extracted.loadings) : extracted.loadings;
  }

  const handRotations = (options.handRotations ?? []).map((r) => ({ ...r }));
  if (handRotations.length > 0) loadings = rotateByHand(loadings, handRotations);
  // Turning a factor around is the last step of extraction: everything after reads it so.
  const inverted = [...new Set(options.invert ?? [])].sort((a, b) => a - b);
  if (inverted.length > 0) loadings = loadings.map((row) => row.map((v, f) => (inverted.includes(f + 1) ? -v : v)));

  // Split last: flags are found on the factor as it is, then go to the pole each sort points to.
  const split = [...new Set(options.split ?? [])].sort((a, b) => a - b);
  const poles = splitPoles(loadings, split);
  const unsplit = loadings;
  loadings = poles.loadings;
  const columns = poles.labels.length;

  onStep?.('score');
  const flagged = options.flags ? options.flags.map((row) => row.slice()) : splitFlags(autoFlags(unsplit, statements.length, flagRule), unsplit, poles);
  const z = zScores(scores, loadings, flagged, columns);
  const distribution = input.distribution ?? scores.map((row) => row[0]!);
  const arrays = z.map((zf) => (zf ? factorArray(zf, distribution) : null));
  const chars = characteristics(loadings, flagged, z);
  const qdc = distinguishingAndConsensus(z, chars.standardError, statements.length);

  const warnings: QWarning[] = [];
  z.forEach((zf, f) => {
    if (!zf) warnings.push({ code: 'NO_FLAGGED_SORTS', factor: f + 1 });
  });
  flagged.forEach((row, i) =>
    row.forEach((isFlagged, f) => {
      if (isFlagged && loadings[i]![f]! < 0) warnings.push({ code: 'NEGATIVE_FLAG', sort: sorts[i]!, factor: f + 1 });
    }),
  );

  return {
    ok: true,
    value: {
      statements: [...statements],
      sorts: [...sorts],
      factors: columns,
      extraction,
      rotation,
      flagging: options.flags ? 'manual' : 'automatic',
      correlation,
      inverted,
      split,
      factorLabels: poles.labels,
      handRotations,
      flagRule: { ...flagRule, threshold: flagThreshold(flagRule, statements.length) },
      loadings,
      flagged,
      zscores: statements.map((_, s) => z.map((zf) => (zf ? zf[s]! : null))),
      factorArrays: statements.map((_, s) => arrays.map((a) => (a ? a[s]! : null))),
      ...chars,
      significance: qdc.significance,
      qdcLabels: qdc.labels,
      consensus: qdc.consensus.map((s) => statements[s]!),
      warnings,
    },
  };
}
