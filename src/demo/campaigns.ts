import { catalogue } from './catalogue.ts';

/** Categories of the demo catalogue, registered so rules may name them. */
export const demoCategories = [...new Set(catalogue.map((p) => p.category))].map((code) => ({ code, name: code }));

/** The demo programme's campaigns: the examples a marketer asks for first. */
export function demoRules(year: number) {
  return {
    eventTypes: [{ code: 'store_review', name: 'Отзыв о магазине / Store review' }],
    referral: { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 100_000, maxRewardsPerMonth: 10 },
    campaigns: [
      {
        code: 'coffee-week',
        name: 'Двойные баллы на кофе и чай / Double points on coffee and tea',
        schedule: { from: `${year}-03-02T00:00:00+03:00`, to: `${year}-03-09T00:00:00+03:00` },
        effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { skus: ['COFFEE', 'TEA'] } } }],
        limits: { budget: { points: 500_000 } },
      },
      {
        code: 'birthday',
        name: 'Подарок ко дню рождения / Birthday gift',
        conditions: { code: 'birthday', args: { daysBefore: 3, daysAfter: 7 } },
        effects: [{ code: 'points_fixed', args: { points: 300 } }],
        limits: { perMember: { period: 'lifetime', uses: 1 } },
        priority: 10,
      },
      {
        code: 'big-family-3for2',
        name: 'Многодетным: третий бесплатно / Big families: third one free',
        conditions: { code: 'member_attribute', args: { attribute: 'big_family', op: 'eq', value: true } },
        effects: [{ code: 'n_for_m', args: { n: 3, m: 2, match: { categories: ['dairy', 'baby', 'bakery'] } } }],
      },
      {
        code: 'pensioners-tuesday',
        name: 'День пенсионера: вторник утром −10% / Pensioners: Tuesday mornings −10%',
        schedule: { days: [2], hours: { from: '08:00', to: '12:00' } },
        conditions: { code: 'member_attribute', args: { attribute: 'age', op: 'gte', value: 60 } },
        effects: [{ code: 'discount_percent', args: { percent: 10 } }],
        stacking: { mode: 'exclusive' },
        priority: 20,
      },
      {
        code: 'welcome',
        name: 'Первая покупка: 200 баллов / First purchase: 200 points',
        conditions: { code: 'first_purchase', args: {} },
        effects: [{ code: 'points_fixed', args: { points: 200 } }],
      },
      {
        code: 'big-basket',
        name: 'Чек от 3000 ₽: +100 баллов / Receipt from 3,000 RUB: +100 points',
        conditions: { code: 'receipt_total', args: { min: 300_000 } },
        effects: [{ code: 'points_fixed', args: { points: 100 } }],
        limits: { perMember: { period: 'week', uses: 1 } },
      },
      {
        code: 'review',
        name: 'Баллы за отзыв / Points for a review',
        trigger: 'event',
        conditions: { code: 'event_type', args: { types: ['review', 'store_review'] } },
        effects: [{ code: 'points_fixed', args: { points: 50 } }],
        limits: { perMember: { period: 'month', uses: 3 } },
      },
      {
        code: 'promo-autumn',
        name: 'Промокод: −15% на одежду / Promo code: −15% on clothing',
        conditions: { code: 'coupon', args: {} },
        effects: [{ code: 'discount_percent', args: { percent: 15, match: { categories: ['clothing'] } } }],
      },
    ],
  };
}

/** `count` campaigns of every kind, most of which don't apply to a given receipt: the load a busy programme has. */
export function manyCampaigns(count: number) {
  const categories = demoCategories.map((c) => c.code);
  const { eventTypes, campaigns: first } = demoRules(2026);
  const campaigns: Record<string, unknown>[] = [...first];
  for (let i = campaigns.length; i < count; i++) {
    const category = categories[i % categories.length]!;
    const kind = i % 5;
    campaigns.push({
      code: `c${i}`,
      name: `Campaign ${i}`,
      priority: i % 7,
      schedule: kind === 0 ? { days: [1 + (i % 7)] } : {},
      conditions:
        kind === 1
          ? { code: 'contains', args: { categories: [category], minAmount: 50_000 } }
          : kind === 2
            ? { all: [{ code: 'member_tier', args: { tiers: ['gold', 'platinum'] } }, { code: 'receipt_total', args: { min: 100_000 } }] }
            : { code: 'contains', args: { categories: [category] } },
      effects: [
        kind === 3
          ? { code: 'discount_percent', args: { percent: 5, match: { categories: [category] } } }
          : kind === 4
            ? { code: 'points_percent', args: { percent: 3, match: { categories: [category] } } }
            : { code: 'points_multiplier', args: { multiplier: 1.5, match: { categories: [category] } } },
      ],
      stacking: kind === 3 ? { mode: 'group', group: 'discounts' } : { mode: 'stackable' },
    });
  }
  return { eventTypes, campaigns };
}
