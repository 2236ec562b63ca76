import type { BgNbd } from './bg-nbd.ts';

/** The random draws a story needs, from a seeded source, so a history can be told again. */
export interface Draws {
  /** Gamma with this shape and rate. */
  gamma(shape: number, rate: number): number;
  beta(a: number, b: number): number;
}

/**
 * One member's repeat purchases told by the BG/NBD story: a buying rate λ ~ gamma(r, α) and a dropout chance
 * p ~ beta(a, b) of their own; purchases a Poisson process at λ after the first (at 0), each followed by dropping
 * out with chance p; watched for `weeks`. Returns the purchases' times in weeks.
 */
export function repeatPurchases(model: BgNbd, weeks: number, draw: Draws): number[] {
  const rate = draw.gamma(model.r, model.alpha);
  const dropout = draw.beta(model.a, model.b);
  const times: number[] = [];
  for (let t = draw.gamma(1, rate); t <= weeks; t += draw.gamma(1, rate)) {
    times.push(t);
    if (draw.beta(1, 1) < dropout) break;
  }
  return times;
}
