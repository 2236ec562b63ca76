import gammaln from '@stdlib/math-base-special-gammaln';
import { groupHistories, type Fit } from './bg-nbd.ts';
import { minimize } from './minimize.ts';

/**
 * Gamma-Gamma spend per purchase (Fader, Hardie & Lee, "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", Journal of Marketing Research 42(4), 2005): a member's purchases vary around their own mean spend,
 * gamma(p, ν) for each purchase with ν drawn from gamma(q, γ) across members; independent of how often they buy.
 * Fitted on members with repeat purchases, from the mean of those purchases.
 */
export interface GammaGamma {
  p: number;
  q: number;
  gamma: number;
}

/** x repeat purchases (at least one) and what they came to on average. */
export interface SpendHistory {
  x: number;
  meanSpend: number;
}

/** The log-likelihood of one member's mean spend over x purchases. */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGamma, { x, meanSpend: m }: SpendHistory): number {
  return (
    gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x)
  );
}

export function fitGammaGamma(histories: readonly SpendHistory[]): Fit<GammaGamma> {
  const groups = groupHistories(histories.filter((h) => h.x > 0 && h.meanSpend > 0).map(({ x, meanSpend }) => ({ x, meanSpend })));
  const model = ([p, q, gamma]: number[]): GammaGamma => ({ p: Math.exp(p!), q: Math.exp(q!), gamma: Math.exp(gamma!) });
  const negative = (logs: number[]) => {
    const m = model(logs);
    return -groups.reduce((sum, g) => sum + g.count * gammaGammaLogLikelihood(m, g.history), 0);
  };
  const best = minimize(negative, [0, 0, 0]);
  return { model: model(best.x), logLikelihood: -best.value, iterations: best.iterations };
}

/** A member's expected spend per purchase: their own mean, pulled toward the population's by how few purchases it rests on. */
export function expectedSpend({ p, q, gamma }: GammaGamma, { x, meanSpend }: SpendHistory): number {
  return (p * (gamma + x * meanSpend)) / (p * x + q - 1);
}
