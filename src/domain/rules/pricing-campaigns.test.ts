import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceReceipt, type ReceiptLine } from '../pricing.ts';
import { defaultSettings, type ProgramSettings } from '../settings.ts';
import { parseRuleSet } from './campaign.ts';
import { noUsage, type MemberFacts, type RuleContext } from './context.ts';
import { compileRuleSet } from './engine.ts';
import { line } from '../fixtures.test-support.ts';

type Json = Record<string, unknown>;


const member: MemberFacts = {
  segments: [],
  id: 'mem_1',
  tierCode: null,
  birthDate: null,
  joinedAt: new Date('2023-06-10T09:00:00Z'),
  attributes: {},
  purchases: 5,
};

interface Options {
  campaigns?: Json[];
  /** Moscow time; Friday 14 March 2025 at noon by default. */
  at?: string;
  pointsToSpend?: number;
  settings?: Partial<ProgramSettings>;
}

function price(lines: ReceiptLine[], options: Options = {}) {
  const settings = { ...defaultSettings(), ...options.settings };
  const parsed = parseRuleSet(
    { campaigns: options.campaigns ?? [] },
    { categories: new Set(['dairy', 'bakery', 'tobacco']), tiers: new Set(), stores: new Set() },
  );
  if (!parsed.ok) throw new Error(`rule set refused: ${JSON.stringify(parsed.issues)}`);
  const pointsToSpend = options.pointsToSpend ?? 0;
  const context: RuleContext = {
    at: new Date(options.at ?? '2025-03-14T12:00:00+03:00'),
    timezone: settings.timezone,
    rounding: settings.rounding,
    pointValue: settings.pointValue,
    storeCode: 'MSK-1',
    channel: 'till',
    lines: lines.map(({ sku, category, brand, quantity, amount, isReward }) => ({ sku, category, brand, quantity, amount, isReward })),
    pointsToSpend,
    event: null,
    member,
    couponFor: new Set(),
    usage: () => noUsage,
    budgetLeft: () => ({ points: null, discount: null }),
  };
  return priceReceipt({
    lines,
    settings,
    tier: null,
    pointsToSpend,
    availablePoints: 100_000,
    campaigns: { rules: compileRuleSet(parsed.ruleSet), context },
  });
}

function priced(lines: ReceiptLine[], options: Options = {}) {
  const r = price(lines, options);
  if (!r.ok) throw new Error(`expected a priced receipt, got ${r.code}: ${r.message}`);
  return r;
}

const dairyWeek = {
  code: 'dairy_week',
  name: 'Double points on dairy',
  schedule: { from: '2025-03-10T00:00:00+03:00', to: '2025-03-17T00:00:00+03:00' },
  effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { categories: ['dairy'] } } }],
};

describe('a double-points week on a category', () => {
  const lines = [line('MILK', 20000, { category: 'dairy' }), line('BREAD', 10000, { category: 'bakery' })];

  it('doubles the points on that category during the week', () => {
    // 5% of 300 RUB = 15 points: 10 on milk, 5 on bread; the campaign adds 10 on milk
    const r = priced(lines, { campaigns: [dairyWeek] });
    expect(r.pointsEarned).toBe(25);
    expect(r.lines.map((l) => l.pointsEarned)).toEqual([20, 5]);
    expect(r.campaigns).toEqual([expect.objectContaining({ campaign: 'dairy_week', points: 10, discount: 0, lines: [{ lineNo: 1, discount: 0, points: 10 }] })]);
    expect(r.rules).toContainEqual({ code: 'campaign', description: 'Double points on dairy: +10 points', lines: [1] });
  });

  it('gives the usual points after the week, and says why', () => {
    const r = priced(lines, { campaigns: [dairyWeek], at: '2025-03-17T00:00:00+03:00' });
    expect(r.pointsEarned).toBe(15);
    expect(r.campaigns).toEqual([]);
    expect(r.skippedCampaigns).toEqual([expect.objectContaining({ campaign: 'dairy_week', reason: 'not_scheduled' })]);
  });

  it('doubles only what was paid with money', () => {
    // 100 points pay 67 + 33 RUB; milk pays 133 RUB, bread 67 RUB: 5% of 200 RUB = 10 points, 7 of them on milk
    const r = priced(lines, { campaigns: [dairyWeek], pointsToSpend: 100 });
    expect(r.lines.map((l) => l.paid)).toEqual([13300, 6700]);
    expect(r.campaigns[0]?.points).toBe(7);
    expect(r.pointsEarned).toBe(17);
  });
});

describe('a percent discount', () => {
  const spring = { code: 'spring', name: 'Spring sale', effects: [{ code: 'discount_percent', args: { percent: 20 } }] };

  it('comes off before points, so points can pay less', () => {
    expect(priced([line('TV', 10000)]).maxPointsByReceipt).toBe(50);
    const r = priced([line('TV', 10000)], { campaigns: [spring] });
    expect(r).toMatchObject({ campaignDiscount: 2000, maxPointsByReceipt: 40, maxPoints: 40 });
    expect(r.lines[0]).toMatchObject({ campaignDiscount: 2000, maxPoints: 40 });
  });

  it('refuses more points than the discounted receipt allows', () => {
    expect(price([line('TV', 10000)], { campaigns: [spring], pointsToSpend: 41 })).toMatchObject({
      ok: false,
      code: 'redemption_limit_exceeded',
      maxPoints: 40,
    });
  });

  it('leaves the money, the points and the discount adding up to the total, and earns on the money', () => {
    const r = priced([line('TV', 10000)], { campaigns: [spring], pointsToSpend: 40 });
    expect(r).toMatchObject({ total: 10000, campaignDiscount: 2000, pointsDiscount: 4000, paid: 4000, pointsEarned: 2 });
    expect(r.rules).toContainEqual({ code: 'campaign', description: 'Spring sale: -20 RUB', lines: [1] });
  });
});

describe('campaign points on lines', () => {
  it('add up to the points the receipt earns, with nothing on gift or excluded lines', () => {
    const lines = [
      line('MILK', 12345, { category: 'dairy' }),
      line('CIGS', 30000, { category: 'tobacco' }),
      line('TOY', 5000, { isReward: true }),
      line('BREAD', 6789, { category: 'bakery' }),
    ];
    const campaigns = [
      { code: 'pct', name: 'Plus 3%', effects: [{ code: 'points_percent', args: { percent: 3 } }] },
      { code: 'fixed', name: 'Plus 50', effects: [{ code: 'points_fixed', args: { points: 50 } }] },
    ];
    const r = priced(lines, { campaigns, settings: { earnExcluded: { categories: ['tobacco'], skus: [] } } });
    // programme 5% of 191.34 RUB = 9, campaign 3% = 5, fixed 50, split by what milk and bread paid
    expect(r.campaigns.map((c) => [c.campaign, c.points])).toEqual([
      ['fixed', 50],
      ['pct', 5],
    ]);
    expect(r.lines.map((l) => l.pointsEarned)).toEqual([41, 0, 0, 23]);
    expect(r.pointsEarned).toBe(64);
  });

  it('add up whatever the receipt, the campaigns and the points spent', () => {
    const menu: Json[] = [
      { code: 'pct', name: 'Plus 3% on dairy', effects: [{ code: 'points_percent', args: { percent: 3, match: { categories: ['dairy'] } } }] },
      { code: 'fixed', name: 'Plus 50', effects: [{ code: 'points_fixed', args: { points: 50 } }], limits: { perReceipt: { points: 30 } } },
      { code: 'double', name: 'Double points', effects: [{ code: 'points_multiplier', args: { multiplier: 2 } }] },
      { code: 'off', name: '10% off', priority: 5, effects: [{ code: 'discount_percent', args: { percent: 10 } }] },
      { code: 'minus', name: '10 RUB off bread', priority: 4, effects: [{ code: 'discount_fixed', args: { amount: 1000, match: { categories: ['bakery'] } } }] },
    ];
    const anyLine = fc.record({
      sku: fc.constantFrom('A', 'B', 'C'),
      category: fc.constantFrom(undefined, 'dairy', 'bakery', 'tobacco'),
      quantity: fc.constant(1),
      price: fc.constant(0),
      discount: fc.constant(0),
      amount: fc.integer({ min: 0, max: 2_000_000 }),
      isReward: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 8 }),
        fc.subarray(menu, { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<ProgramSettings['rounding']>('floor', 'half_up', 'ceil'),
        (lines, campaigns, share, rounding) => {
          const settings = { rounding, earnExcluded: { categories: ['tobacco'], skus: [] } };
          const max = priced(lines, { campaigns, settings }).maxPointsByReceipt;
          const r = priced(lines, { campaigns, settings, pointsToSpend: Math.floor(max * share) });
          expect(r.lines.reduce((a, l) => a + l.pointsEarned, 0)).toBe(r.pointsEarned);
          for (const c of r.campaigns) expect(c.lines.reduce((a, l) => a + l.points, 0)).toBe(c.points);
          r.lines.forEach((l, i) => {
            const sold = lines[i] as ReceiptLine;
            expect(l.paid + l.pointsDiscount + l.campaignDiscount).toBe(sold.amount);
            expect(l.paid).toBeGreaterThanOrEqual(0);
            if (!l.earns) expect(l.pointsEarned).toBe(0);
            if (sold.isReward) expect(l.campaignDiscount).toBe(0);
          });
          expect(r.campaignDiscount).toBe(r.campaigns.reduce((a, c) => a + c.discount, 0));
        },
      ),
    );
  });
});
