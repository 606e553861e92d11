import type { AnalyzeOptions, QError, QErrorCode, QInput } from './types';

const fail = (code: QErrorCode, message: string, extra: Partial<QError> = {}): QError => ({ code, message, ...extra });

/**
 * Checks the input the way qmethod does before analysing (QMETHOD.md "Input"), plus what would
 * make the numbers undefined (a sort with one repeated value has no correlation). Returns the
 * first problem, or null. The order follows R's checks, so the same file gives the same error.
 */
export function validateInput(input: QInput): QError | null {
  const { statements, sorts, scores } = input;
  if (scores.length !== statements.length || scores.some((row) => row.length !== sorts.length)) {
    return fail('BAD_SHAPE', `scores must be ${statements.length} rows of ${sorts.length} values`);
  }
  if (statements.length < 2) return fail('TOO_FEW_STATEMENTS', 'at least 2 statements are needed');
  if (sorts.length < 2) return fail('TOO_FEW_SORTS', 'at least 2 Q-sorts are needed');
  for (let s = 0; s < scores.length; s++) {
    const j = scores[s]!.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (j >= 0) {
      return fail('NON_NUMERIC', `non-numeric value for statement ${statements[s]} in sort ${sorts[j]}`, {
        statement: statements[s],
        sort: sorts[j],
      });
    }
  }
  const distributionError = checkDistribution(input);
  if (distributionError) return distributionError;
  const dupSort = firstDuplicate(sorts);
  if (dupSort !== undefined) return fail('DUPLICATE_SORT_NAMES', `duplicate sort name "${dupSort}"`, { sort: dupSort });
  const dupStatement = firstDuplicate(statements);
  if (dupStatement !== undefined) {
    return fail('DUPLICATE_STATEMENT_IDS', `duplicate statement id "${dupStatement}"`, { statement: dupStatement });
  }
  for (let j = 0; j < sorts.length; j++) {
    const first = scores[0]![j]!;
    if (scores.every((row) => row[j] === first)) {
      return fail('ZERO_VARIANCE', `sort "${sorts[j]}" gives every statement the same value`, { sort: sorts[j] });
    }
  }
  return null;
}

function checkDistribution({ sorts, scores, distribution }: QInput): QError | null {
  if (distribution) {
    if (distribution.length !== scores.length) {
      return fail('DISTRIBUTION_LENGTH', `the distribution has ${distribution.length} values for ${scores.length} statements`);
    }
    if (distribution.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      return fail('NON_NUMERIC', 'the distribution has a non-numeric value');
    }
    return null;
  }
  // The forced distribution is the one most sorts share (the first sort's on a tie), so a broken
  // first sort is named itself instead of the sound one after it.
  const signatures = sorts.map((_, j) => scores.map((row) => row[j]!).sort((a, b) => a - b).join(','));
  const counts = new Map<string, number>();
  for (const sig of signatures) counts.set(sig, (counts.get(sig) ?? 0) + 1);
  let shared = signatures[0]!;
  for (const [sig, n] of counts) if (n > counts.get(shared)!) shared = sig;
  const j = signatures.findIndex((sig) => sig !== shared);
  if (j < 0) return null;
  const owner = signatures.indexOf(shared);
  const sharedBy = counts.get(shared)!;
  return fail(
    'DISTRIBUTION_MISMATCH',
    sharedBy > 1
      ? `sort "${sorts[j]}" does not follow the forced distribution that ${sharedBy} of ${sorts.length} sorts share (as "${sorts[owner]}")`
      : `sort "${sorts[j]}" does not follow the forced distribution of "${sorts[owner]}"`,
    { sort: sorts[j] },
  );
}

export function validateOptions(options: AnalyzeOptions, nSorts: number): QError | null {
  const { factors, extraction, rotation, flags, correlation, flagRule, invert, handRotations, split } = options;
  if (!Number.isInteger(factors) || factors < 1 || factors > nSorts) {
    return fail('FACTORS_OUT_OF_RANGE', `the number of factors must be an integer from 1 to ${nSorts}, got ${factors}`);
  }
  if (extraction !== 'pca' && extraction !== 'centroid') {
    return fail('BAD_OPTION', `extraction must be pca or centroid, got ${String(extraction)}`);
  }
  if (rotation !== 'varimax' && rotation !== 'none') {
    return fail('BAD_OPTION', `rotation must be varimax or none, got ${String(rotation)}`);
  }
  if (correlation !== undefined && !['pearson', 'spearman', 'kendall'].includes(correlation)) {
    return fail('BAD_OPTION', `correlation must be pearson, spearman or kendall, got ${String(correlation)}`);
  }
  if (flagRule !== undefined) {
    const p = flagRule.significance;
    if (typeof p !== 'number' || !(p > 0 && p <= 0.5)) return fail('BAD_OPTION', `the flagging significance level must be above 0 and at most 0.5, got ${String(p)}`);
    if (typeof flagRule.majority !== 'boolean') return fail('BAD_OPTION', 'the majority rule must be on or off');
  }
  if (invert !== undefined && !(Array.isArray(invert) && invert.every((f) => Number.isInteger(f) && f >= 1 && f <= factors))) {
    return fail('BAD_OPTION', `factors to invert must be numbers from 1 to ${factors}, got ${JSON.stringify(invert)}`);
  }
  if (handRotations !== undefined) {
    const factor = (f: unknown) => Number.isInteger(f) && (f as number) >= 1 && (f as number) <= factors;
    const ok = Array.isArray(handRotations) && handRotations.every((r) => factor(r?.a) && factor(r?.b) && r.a !== r.b && Number.isFinite(r.degrees) && Math.abs(r.degrees) <= 360);
    if (!ok) return fail('BAD_OPTION', `a hand rotation turns two different factors from 1 to ${factors} by at most 360 degrees`);
  }
  if (split !== undefined && !(Array.isArray(split) && split.every((f) => Number.isInteger(f) && f >= 1 && f <= factors) && new Set(split).size === split.length)) {
    return fail('BAD_OPTION', `factors to split must be different numbers from 1 to ${factors}, got ${JSON.stringify(split)}`);
  }
  // Split factors are two factors each, and manual flags are given for every one of them.
  const columns = factors + (split?.length ?? 0);
  if (flags !== undefined) {
    const ok =
      Array.isArray(flags) &&
      flags.length === nSorts &&
      flags.every((row) => Array.isArray(row) && row.length === columns && row.every((v) => typeof v === 'boolean'));
    if (!ok) return fail('BAD_FLAGS', `flags must be ${nSorts} rows of ${columns} booleans`);
  }
  return null;
}

function firstDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return n;
    seen.add(n);
  }
  return undefined;
}
