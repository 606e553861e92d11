import { seededRandom as prng } from '../seeded-random';
import type { QInput } from './types';

export { seededRandom as prng } from '../seeded-random';

/** The seed study's forced grid: −5..+5 with 1,2,3,4,5,6,5,4,3,2,1 cells (36 statements). */
export const SEED_GRID = [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1].flatMap((count, i) => Array<number>(count).fill(i - 5));

/**
 * Forced sorts driven by a few latent viewpoints plus noise (as the R fixture script does):
 * each sort follows one viewpoint (mirrored with probability `neg`) and is cast onto `grid`.
 */
export function simulateSorts(opts: { grid: number[]; sorts: number; views: number; noise: number; neg?: number; seed: number }): QInput {
  const rand = prng(opts.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const n = opts.grid.length;
  const grid = [...opts.grid].sort((a, b) => a - b);
  const views = Array.from({ length: opts.views }, () => Array.from({ length: n }, gauss));
  const columns = Array.from({ length: opts.sorts }, () => {
    const view = views[Math.floor(rand() * opts.views)]!;
    const sign = rand() < (opts.neg ?? 0) ? -1 : 1;
    const latent = view.map((v) => sign * v + opts.noise * gauss());
    const order = latent.map((_, i) => i).sort((a, b) => latent[a]! - latent[b]!);
    const col = new Array<number>(n);
    order.forEach((statement, rank) => (col[statement] = grid[rank]!));
    return col;
  });
  return {
    statements: Array.from({ length: n }, (_, i) => `st${i + 1}`),
    sorts: Array.from({ length: opts.sorts }, (_, j) => `s${j + 1}`),
    scores: Array.from({ length: n }, (_, i) => columns.map((c) => c[i]!)),
  };
}

/** The input as CSV in the QMETHOD.md layout (test helper). */
export function toCsv(input: QInput): string {
  const lines = [['statement', ...input.sorts].join(',')];
  input.statements.forEach((id, i) => lines.push([id, ...input.scores[i]!].join(',')));
  return `${lines.join('\n')}\n`;
}
