import type { Matrix } from '../linalg/matrix';
import type { HandRotation } from '../types';

/**
 * Judgmental ("hand") rotation, as PQMethod's and KADE's: the axes of factors `a` and `b`
 * (1-based) turn together by `degrees` in their plane, counter-clockwise when `a` is drawn
 * across and `b` up, so each sort's point keeps its place and reads new coordinates:
 *   a' =  a·cos θ + b·sin θ
 *   b' = −a·sin θ + b·cos θ
 * Rotations apply in order, after varimax (or instead of it, with rotation "none"). An orthogonal
 * turn keeps every sort's communality.
 */
export function rotateByHand(loadings: Matrix, rotations: readonly HandRotation[]): Matrix {
  let out = loadings.map((row) => row.slice());
  for (const { a, b, degrees } of rotations) {
    const theta = (degrees * Math.PI) / 180;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    out = out.map((row) => {
      const next = row.slice();
      const x = row[a - 1]!;
      const y = row[b - 1]!;
      next[a - 1] = x * c + y * s;
      next[b - 1] = -x * s + y * c;
      return next;
    });
  }
  return out;
}
