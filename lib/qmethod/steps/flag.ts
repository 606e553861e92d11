import { accurateSum, type Matrix } from '../linalg/matrix';
import { twoSidedCriticalZ } from '../stats/normal';
import type { FlaggingRule } from '../types';

/** qmethod's rule: p < .05 with the majority rule. */
export const QMETHOD_FLAG_RULE: FlaggingRule = { significance: 0.05, majority: true };

/**
 * The critical z of a flagging significance level. The two levels researchers meet in qmethod,
 * PQMethod and KADE keep those tools' rounded figures (1.96 for p < .05, 2.58 for p < .01), so
 * the flags come out as theirs; any other level gets its exact two-sided normal quantile.
 */
export function flagCriticalZ(significance: number): number {
  if (significance === 0.05) return 1.96;
  if (significance === 0.01) return 2.58;
  return twoSidedCriticalZ(significance);
}

/** The loading a flagged sort must exceed in absolute value: z/√N. */
export const flagThreshold = (rule: FlaggingRule, nStatements: number) => flagCriticalZ(rule.significance) / Math.sqrt(nStatements);

/**
 * Automatic flagging as `qmethod::qflag` (QMETHOD.md §3): sort i is flagged on factor f when
 * |L[i,f]| > z/√N (1.96 by default) and, under the majority rule, L[i,f]² exceeds the sum of its
 * other squared loadings. Negative loadings can be flagged. The sum is formed as R does (row
 * total minus the factor's own square) so near-ties fall the same way. Without the majority
 * rule a sort may be flagged on more than one factor.
 */
export function autoFlags(loadings: Matrix, nStatements: number, rule: FlaggingRule = QMETHOD_FLAG_RULE): boolean[][] {
  const threshold = flagThreshold(rule, nStatements);
  return loadings.map((row) => {
    const sq = row.map((v) => v * v);
    const total = accurateSum(sq);
    return row.map((v, f) => (!rule.majority || sq[f]! > total - sq[f]!) && Math.abs(v) > threshold);
  });
}
