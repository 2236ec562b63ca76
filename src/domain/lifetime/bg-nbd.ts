import gammaln from '@stdlib/math-base-special-gammaln';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { minimize } from './minimize.ts';

/**
 * BG/NBD (Fader, Hardie & Lee, "Counting Your Customers the Easy Way", Marketing Science 24(2), 2005): while
 * alive, a member buys as a Poisson process at a rate drawn from gamma(r, α) across members; after each purchase
 * they drop out with a probability drawn from beta(a, b). Time is in weeks; repeat purchases are counted after the
 * first (which starts the member's clock).
 */
export interface BgNbd {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** What the model knows of a member: x repeat purchases, the last t_x after the first, watched for T since it. */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

const logSumExp = (u: number, v: number) => Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));

/** The part of a history's log-likelihood that depends on the number of purchases only. */
const byCount = ({ r, alpha, a, b }: BgNbd, x: number) =>
  gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x);

function logLikelihood(m: BgNbd, { x, tx, T }: PurchaseHistory, common: number): number {
  const stillThere = -(m.r + x) * Math.log(m.alpha + T);
  if (x === 0) return common + stillThere;
  const goneAfterLast = Math.log(m.a) - Math.log(m.b + x - 1) - (m.r + x) * Math.log(m.alpha + tx);
  return common + logSumExp(stillThere, goneAfterLast);
}

/** The log-likelihood of one member's history (the paper's equation 6, in logs). */
export const bgNbdLogLikelihood = (m: BgNbd, h: PurchaseHistory): number => logLikelihood(m, h, byCount(m, h.x));

export interface Fit<M> {
  model: M;
  logLikelihood: number;
  iterations: number;
}

/** Counts equal histories once, so a fit's cost follows the distinct histories rather than the members. */
export function groupHistories<H extends object>(histories: readonly H[]): { history: H; count: number }[] {
  const groups = new Map<string, { history: H; count: number }>();
  for (const h of histories) {
    const key = Object.values(h).join(':');
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { history: h, count: 1 });
  }
  return [...groups.values()];
}

/** The maximum-likelihood BG/NBD of a group of members, searched over the parameters' logarithms (all positive). */
export function fitBgNbd(histories: readonly PurchaseHistory[]): Fit<BgNbd> {
  // Grouped on what the model reads: a history may carry more (spend, revenue) that would keep equal ones apart.
  const groups = groupHistories(histories.map(({ x, tx, T }) => ({ x, tx, T })));
  const model = ([r, alpha, a, b]: number[]): BgNbd => ({ r: Math.exp(r!), alpha: Math.exp(alpha!), a: Math.exp(a!), b: Math.exp(b!) });
  const counts = [...new Set(groups.map((g) => g.history.x))];
  const negative = (logs: number[]) => {
    const m = model(logs);
    // The gamma functions once per number of purchases, of which there are few, not once per history.
    const common = new Map(counts.map((x) => [x, byCount(m, x)]));
    return -groups.reduce((sum, g) => sum + g.count * logLikelihood(m, g.history, common.get(g.history.x)!), 0);
  };
  const best = minimize(negative, [0, 0, 0, 0]);
  return { model: model(best.x), logLikelihood: -best.value, iterations: best.iterations };
}

/** The chance a member with this history is still buying (the paper's equation 11). */
export function probabilityAlive({ r, alpha, a, b }: BgNbd, { x, tx, T }: PurchaseHistory): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}

/** The purchases a new member is expected to make in their first t weeks after the first (equation 9). */
export function expectedPurchases({ r, alpha, a, b }: BgNbd, t: number): number {
  if (t <= 0) return 0;
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** The purchases a member with this history is expected to make in the next t weeks (equation 10). */
export function expectedPurchasesOf({ r, alpha, a, b }: BgNbd, { x, tx, T }: PurchaseHistory, t: number): number {
  if (t <= 0) return 0;
  const ahead = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
  const gone = x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
  return ahead / (1 + gone);
}
