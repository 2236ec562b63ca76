import { expectedPurchasesOf, fitBgNbd, probabilityAlive, type BgNbd, type Fit, type PurchaseHistory } from './bg-nbd.ts';
import { expectedSpend, fitGammaGamma, type GammaGamma, type SpendHistory } from './gamma-gamma.ts';

/** Fewer members, or fewer who came back, and the fits say more about chance than about the cohort. */
export const MIN_MEMBERS = 20;
export const MIN_REPEAT_BUYERS = 5;

export interface CohortValue {
  members: number;
  repeatBuyers: number;
  /** What the cohort paid so far, per member (kopecks). */
  revenuePerMember: number;
  purchases: Fit<BgNbd>;
  spend: Fit<GammaGamma>;
  forecast: {
    weeks: number;
    purchasesPerMember: number;
    /** The mean chance a member is still buying, and the share more likely than not to be. */
    probabilityAlive: number;
    aliveShare: number;
    /** Spend per purchase across the cohort, p·γ/(q−1) (kopecks); null when q ≤ 1 leaves it without a mean. */
    spendPerPurchase: number | null;
    /** Expected revenue per member over the next `weeks`, undiscounted (kopecks). */
    valuePerMember: number | null;
  };
}

/**
 * A cohort's lifetime value: BG/NBD for how many more purchases each member makes, Gamma-Gamma for what each
 * spends on one (their own mean pulled toward the cohort's), over the next `weeks`. Null when the cohort is too
 * small to fit.
 */
export function cohortValue(histories: readonly (PurchaseHistory & SpendHistory & { revenue: number })[], weeks: number): CohortValue | null {
  const repeatBuyers = histories.filter((h) => h.x > 0).length;
  if (histories.length < MIN_MEMBERS || repeatBuyers < MIN_REPEAT_BUYERS) return null;
  const purchases = fitBgNbd(histories);
  const spend = fitGammaGamma(histories);
  const { p, q, gamma } = spend.model;
  const cohortSpend = q > 1 ? (p * gamma) / (q - 1) : null;
  let expected = 0;
  let value = 0;
  let alive = 0;
  let likelyAlive = 0;
  for (const h of histories) {
    const ahead = expectedPurchasesOf(purchases.model, h, weeks);
    const chance = probabilityAlive(purchases.model, h);
    expected += ahead;
    alive += chance;
    if (chance > 0.5) likelyAlive += 1;
    if (cohortSpend !== null) value += ahead * (h.x > 0 ? expectedSpend(spend.model, h) : cohortSpend);
  }
  const n = histories.length;
  return {
    members: n,
    repeatBuyers,
    revenuePerMember: histories.reduce((a, h) => a + h.revenue, 0) / n,
    purchases,
    spend,
    forecast: {
      weeks,
      purchasesPerMember: expected / n,
      probabilityAlive: alive / n,
      aliveShare: likelyAlive / n,
      spendPerPurchase: cohortSpend,
      valuePerMember: cohortSpend === null ? null : value / n,
    },
  };
}
