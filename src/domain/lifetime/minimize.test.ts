import { describe, expect, it } from 'vitest';
import { minimize } from './minimize.ts';

describe('minimize', () => {
  it('finds the bottom of Rosenbrock’s curved valley, where a simplex that collapses early would stop short', () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x!) ** 2 + 100 * (y! - x! ** 2) ** 2;
    const best = minimize(rosenbrock, [-1.2, 1]);
    expect(best.x[0]).toBeCloseTo(1, 5);
    expect(best.x[1]).toBeCloseTo(1, 5);
    expect(best.value).toBeLessThan(1e-10);
  });

  it('treats a point where the function is undefined as the worst of all', () => {
    const best = minimize(([x]) => (x! < 0 ? NaN : (x! - 2) ** 2), [0.1]);
    expect(best.x[0]).toBeCloseTo(2, 6);
  });
});
