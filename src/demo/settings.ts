/** The demo programme's settings: 5% back, a 14-day return window, a year to spend, three tiers on money spent. */
export const starterSettings = {
  earn: { kind: 'percent', percent: 5 },
  pendingDays: 14,
  expiry: { kind: 'days', days: 365 },
  maxRedemptionPercent: 50,
  earnExcluded: { categories: ['tobacco', 'alcohol'], skus: [] },
  redeemExcluded: { categories: ['tobacco', 'alcohol'], skus: [] },
  tierQualification: { metric: 'amount_spent', windowDays: 365 },
  tiers: [
    { code: 'silver', name: 'Серебряный', threshold: 0, earnMultiplier: 1, perks: 'Базовое начисление 5% / 5% back in points' },
    { code: 'gold', name: 'Золотой', threshold: 1_500_000, earnMultiplier: 1.5, perks: 'x1.5 баллов / x1.5 points' },
    { code: 'platinum', name: 'Платиновый', threshold: 5_000_000, earnMultiplier: 2, extraPercent: 1, perks: 'x2 баллов и +1% / x2 points and +1%' },
  ],
};
