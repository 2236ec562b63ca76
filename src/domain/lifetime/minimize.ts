/**
 * Nelder–Mead downhill simplex (Nelder & Mead 1965, with the usual coefficients: reflect 1, expand 2, contract
 * ½, shrink ½): the minimum of a smooth function of a few parameters without its gradient, as the lifetime
 * models' maximum-likelihood fits need. Stops when the simplex's values agree within `tolerance` and its points
 * within `tolerance` on every axis, or after `maxIterations`; then restarts once from the best point, which
 * frees a simplex that collapsed early along a valley.
 */
export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

export interface MinimizeOptions {
  /** The first simplex's step along each axis from the start. */
  step?: number;
  tolerance?: number;
  maxIterations?: number;
}

export function minimize(f: (x: number[]) => number, start: number[], options: MinimizeOptions = {}): Minimum {
  const first = descend(f, start, options);
  const second = descend(f, first.x, options);
  return { ...second, iterations: first.iterations + second.iterations };
}

function descend(f: (x: number[]) => number, start: number[], { step = 0.5, tolerance = 1e-9, maxIterations = 5_000 }: MinimizeOptions): Minimum {
  const n = start.length;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let simplex = [start, ...start.map((_, i) => start.map((s, j) => (i === j ? s + step : s)))].map((x) => ({ x, v: value(x) }));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    const spread = Math.abs(worst.v - best.v);
    const size = Math.max(...simplex.map((p) => Math.max(...p.x.map((c, j) => Math.abs(c - best.x[j]!)))));
    if (spread <= tolerance * (1 + Math.abs(best.v)) && size <= tolerance * 1e3) break;
    const centroid = best.x.map((_, j) => simplex.slice(0, n).reduce((a, p) => a + p.x[j]!, 0) / n);
    const toward = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const reflected = { x: toward(-1), v: 0 };
    reflected.v = value(reflected.x);
    if (reflected.v < best.v) {
      const expanded = { x: toward(-2), v: 0 };
      expanded.v = value(expanded.x);
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < simplex[n - 1]!.v) {
      simplex[n] = reflected;
    } else {
      // Contract on the better side of the worst point; if even that fails, shrink everything toward the best.
      const contracted = { x: toward(reflected.v < worst.v ? -0.5 : 0.5), v: 0 };
      contracted.v = value(contracted.x);
      if (contracted.v < Math.min(worst.v, reflected.v)) simplex[n] = contracted;
      else
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((c, j) => best.x[j]! + 0.5 * (c - best.x[j]!));
          return { x, v: value(x) };
        });
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0]!.x, value: simplex[0]!.v, iterations };
}
