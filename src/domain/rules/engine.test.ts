import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type Known } from './campaign.ts';
import { line, member } from './fixtures.test-support.ts';
import { noUsage, type RuleContext, type Usage } from './context.ts';
import { awardPoints, compileRuleSet, selectCampaigns, type CompiledRuleSet, type Selection } from './engine.ts';

const known: Known = {
  categories: new Set(['dairy', 'bakery', 'toys']),
  tiers: new Set(['silver', 'gold']),
  stores: new Set(['MSK-1', 'SPB-2']),
};

type Json = Record<string, unknown>;

const campaign = (code: string, effects: Json[], over: Json = {}): Json => ({ code, name: `Campaign ${code}`, effects, ...over });
const percentOff = (percent: number, match?: Json): Json => ({ code: 'discount_percent', args: { percent, ...(match && { match }) } });
const amountOff = (amount: number, match?: Json): Json => ({ code: 'discount_fixed', args: { amount, ...(match && { match }) } });
const pointsPercent = (percent: number, match?: Json): Json => ({ code: 'points_percent', args: { percent, ...(match && { match }) } });
const pointsFixed = (points: number): Json => ({ code: 'points_fixed', args: { points } });

function compile(...campaigns: Json[]): CompiledRuleSet {
  const r = parseRuleSet({ campaigns }, known);
  if (!r.ok) throw new Error(`rule set refused: ${JSON.stringify(r.issues)}`);
  return compileRuleSet(r.ruleSet);
}



/** A receipt on Friday 14 March 2025, 12:00 in Moscow, at the till of MSK-1. */
const context = (over: Partial<RuleContext> = {}): RuleContext => ({
  at: new Date('2025-03-14T09:00:00Z'),
  timezone: 'Europe/Moscow',
  rounding: 'floor',
  pointValue: 100,
  storeCode: 'MSK-1',
  channel: 'till',
  lines: [line('MILK', 10000, { category: 'dairy' }), line('BREAD', 5000, { category: 'bakery' })],
  pointsToSpend: 0,
  event: null,
  member: member(),
  couponFor: new Set(),
  usage: () => noUsage,
  budgetLeft: () => ({ points: null, discount: null }),
  ...over,
});

const usageOf = (code: string, usage: Partial<Usage>) => (c: string) => (c === code ? { ...noUsage, ...usage } : noUsage);

const select = (rules: CompiledRuleSet, ctx: RuleContext, earns = ctx.lines.map((l) => !l.isReward)) => selectCampaigns(rules, ctx, earns);

/** Selection and points, with everything paid with money, as pricing does when no points are spent. */
function plan(rules: CompiledRuleSet, ctx: RuleContext, options: { earns?: boolean[]; earned?: number[] } = {}) {
  const earns = options.earns ?? ctx.lines.map((l) => !l.isReward);
  const selection = selectCampaigns(rules, ctx, earns);
  const paid = ctx.lines.map((l, i) => (earns[i] ? l.amount - (selection.discounts[i] as number) : 0));
  const applied = awardPoints(rules, selection, ctx, paid, options.earned ?? ctx.lines.map(() => 0));
  return { selection, applied };
}

const codes = (s: Selection) => s.applied.map((a) => a.campaign);
const reasons = (s: Selection) => Object.fromEntries(s.skipped.map((x) => [x.campaign, x.reason]));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('order', () => {
  it('tries the higher priority first: its discount comes off first', () => {
    // 50% first, then 10% of what is left; the other way round would be 10% then 50% of 90 RUB
    const rules = compile(campaign('a_small', [percentOff(10)]), campaign('z_big', [percentOff(50)], { priority: 10 }));
    const s = select(rules, context({ lines: [line('TV', 10000)] }));
    expect(s.applied.map((a) => [a.campaign, a.discount])).toEqual([
      ['z_big', 5000],
      ['a_small', 500],
    ]);
    expect(s.discounts).toEqual([5500]);
  });

  it('breaks a priority tie by campaign code', () => {
    const rules = compile(campaign('b', [percentOff(10)]), campaign('c', [percentOff(10)], { priority: -5 }), campaign('a', [percentOff(10)]));
    expect(rules.campaigns.map((c) => c.campaign.code)).toEqual(['a', 'b', 'c']);
  });
});

describe('stacking', () => {
  it('an exclusive campaign blocks the ones after it', () => {
    const rules = compile(campaign('vip', [percentOff(20)], { priority: 10, stacking: { mode: 'exclusive' } }), campaign('weekly', [percentOff(10)]));
    const s = select(rules, context());
    expect(codes(s)).toEqual(['vip']);
    expect(s.skipped).toEqual([expect.objectContaining({ campaign: 'weekly', reason: 'stacking', message: expect.stringContaining('vip') })]);
    expect(s.discounts).toEqual([2000, 1000]);
  });

  it('an exclusive campaign is skipped when something applied before it', () => {
    const rules = compile(campaign('weekly', [percentOff(10)], { priority: 10 }), campaign('vip', [percentOff(20)], { stacking: { mode: 'exclusive' } }));
    const s = select(rules, context());
    expect(codes(s)).toEqual(['weekly']);
    expect(reasons(s)).toEqual({ vip: 'stacking' });
    expect(s.discounts).toEqual([1000, 500]);
  });

  it('an exclusive campaign that does not apply blocks nothing', () => {
    const rules = compile(
      campaign('vip', [percentOff(20)], { priority: 10, stacking: { mode: 'exclusive' }, audience: { kind: 'tiers', tiers: ['gold'] } }),
      campaign('weekly', [percentOff(10)]),
    );
    const s = select(rules, context());
    expect(codes(s)).toEqual(['weekly']);
    expect(reasons(s)).toEqual({ vip: 'audience' });
  });

  it('a group allows one campaign of it per receipt, the first to apply', () => {
    const rules = compile(
      campaign('g_a', [percentOff(10)], { priority: 10, stacking: { mode: 'group', group: 'weekend' } }),
      campaign('g_b', [percentOff(30)], { priority: 5, stacking: { mode: 'group', group: 'weekend' } }),
      campaign('g_c', [percentOff(10)], { priority: 1, stacking: { mode: 'group', group: 'other' } }),
      campaign('s', [pointsFixed(10)]),
    );
    const s = select(rules, context());
    expect(codes(s)).toEqual(['g_a', 'g_c', 's']);
    expect(s.skipped).toEqual([expect.objectContaining({ campaign: 'g_b', reason: 'stacking', message: expect.stringContaining('g_a') })]);
  });

  it('a group campaign that does not apply leaves the group to the next', () => {
    const rules = compile(
      campaign('g_a', [percentOff(10)], { priority: 10, stacking: { mode: 'group', group: 'weekend' }, conditions: { all: [{ code: 'first_purchase' }] } }),
      campaign('g_b', [percentOff(30)], { stacking: { mode: 'group', group: 'weekend' } }),
    );
    const s = select(rules, context());
    expect(codes(s)).toEqual(['g_b']);
    expect(reasons(s)).toEqual({ g_a: 'conditions' });
  });
});

describe('limits', () => {
  it('caps the discount per receipt, split over lines in proportion', () => {
    const rules = compile(campaign('half', [percentOff(50)], { limits: { perReceipt: { discount: 1000 } } }));
    const s = select(rules, context());
    expect(s.applied[0]?.discount).toBe(1000);
    expect(s.discounts).toEqual([667, 333]);
  });

  it('caps the points per receipt', () => {
    const rules = compile(campaign('bonus', [pointsFixed(500)], { limits: { perReceipt: { points: 200 } } }));
    const { applied } = plan(rules, context());
    expect(applied[0]?.points).toBe(200);
    expect(sum(applied[0]?.lines.map((l) => l.points) ?? [])).toBe(200);
  });

  it('caps the discount by what is left of the budget', () => {
    const rules = compile(campaign('half', [percentOff(50)], { limits: { budget: { discount: 1_000_000 } } }));
    const budgetLeft = (c: string) => ({ points: null, discount: c === 'half' ? 700 : null });
    const s = select(rules, context({ budgetLeft }));
    expect(s.applied[0]?.discount).toBe(700);
    expect(sum(s.discounts)).toBe(700);
  });

  it('caps the points by what is left of the budget', () => {
    const rules = compile(campaign('bonus', [pointsFixed(100)], { limits: { budget: { points: 10_000 } } }));
    const { applied } = plan(rules, context({ budgetLeft: () => ({ points: 30, discount: null }) }));
    expect(applied[0]?.points).toBe(30);
  });

  it('skips a campaign whose budget is spent', () => {
    const rules = compile(
      campaign('half', [percentOff(50)], { limits: { budget: { discount: 1_000_000 } } }),
      campaign('bonus', [pointsFixed(100)], { limits: { budget: { points: 10_000 } } }),
    );
    const s = select(rules, context({ budgetLeft: () => ({ points: 0, discount: 0 }) }));
    expect(codes(s)).toEqual([]);
    expect(reasons(s)).toEqual({ half: 'budget_spent', bonus: 'budget_spent' });
    expect(s.discounts).toEqual([0, 0]);
  });

  it('asks for the budget only of campaigns that have one', () => {
    const rules = compile(campaign('half', [percentOff(50)]));
    const s = select(rules, context({ budgetLeft: () => ({ points: 0, discount: 0 }) }));
    expect(s.discounts).toEqual([5000, 2500]);
  });

  it('skips a campaign the member has used up, by its own usage', () => {
    const rules = compile(campaign('twice', [percentOff(10)], { limits: { perMember: { period: 'month', uses: 2 } } }), campaign('other', [percentOff(10)]));
    const used = (uses: number) => select(rules, context({ usage: usageOf('twice', { uses }) }));
    expect(codes(used(1))).toEqual(['other', 'twice']);
    expect(codes(used(2))).toEqual(['other']);
    expect(reasons(used(2))).toEqual({ twice: 'member_limit' });
  });

  it("caps the points by what the member may still get, and skips when it's all taken", () => {
    const rules = compile(campaign('bonus', [pointsFixed(100)], { limits: { perMember: { period: 'month', points: 300 } } }));
    expect(plan(rules, context({ usage: usageOf('bonus', { points: 250 }) })).applied[0]?.points).toBe(50);
    expect(plan(rules, context({ usage: usageOf('bonus', { points: 0 }) })).applied[0]?.points).toBe(100);
    const spent = select(rules, context({ usage: usageOf('bonus', { points: 300 }) }));
    expect(codes(spent)).toEqual([]);
    expect(reasons(spent)).toEqual({ bonus: 'member_limit' });
  });

  it('caps the discount by what the member may still get', () => {
    const rules = compile(campaign('half', [percentOff(50)], { limits: { perMember: { period: 'day', discount: 1000 } } }));
    expect(sum(select(rules, context({ usage: usageOf('half', { discount: 600 }) })).discounts)).toBe(400);
  });
});

describe('coupons', () => {
  const rules = compile(campaign('next_visit', [percentOff(15)], { conditions: { all: [{ code: 'coupon' }] } }));

  it('skips a coupon campaign without its coupon', () => {
    const s = select(rules, context());
    expect(codes(s)).toEqual([]);
    expect(reasons(s)).toEqual({ next_visit: 'coupon_missing' });
    expect(reasons(select(rules, context({ couponFor: new Set(['other_campaign']) })))).toEqual({ next_visit: 'coupon_missing' });
  });

  it('applies it with the coupon, and says so', () => {
    const s = select(rules, context({ couponFor: new Set(['next_visit']) }));
    expect(s.applied).toEqual([expect.objectContaining({ campaign: 'next_visit', discount: 2250, byCoupon: true })]);
  });

  it('does not mark a campaign without a coupon condition as by coupon', () => {
    const s = select(compile(campaign('plain', [percentOff(15)])), context({ couponFor: new Set(['plain']) }));
    expect(s.applied[0]?.byCoupon).toBe(false);
  });
});

describe('skipped, and why', () => {
  const one = (over: Json, ctx: Partial<RuleContext> = {}) => select(compile(campaign('c', [percentOff(10)], over)), context(ctx));

  it('outside the schedule', () => {
    expect(reasons(one({ schedule: { from: '2025-03-15T00:00:00+03:00' } }))).toEqual({ c: 'not_scheduled' });
    expect(reasons(one({ schedule: { to: '2025-03-14T12:00:00+03:00' } }))).toEqual({ c: 'not_scheduled' });
    expect(reasons(one({ schedule: { days: [6, 7] } }))).toEqual({ c: 'not_scheduled' });
    expect(reasons(one({ schedule: { hours: { from: '22:00', to: '06:00' } } }))).toEqual({ c: 'not_scheduled' });
    expect(reasons(one({ schedule: { hours: { from: '09:00', to: '12:00' } } }))).toEqual({ c: 'not_scheduled' });
  });

  it('inside the schedule, in programme time', () => {
    const schedule = { from: '2025-03-14T12:00:00+03:00', to: '2025-03-14T12:00:01+03:00', days: [5], hours: { from: '12:00', to: '12:01' } };
    expect(codes(one({ schedule }))).toEqual(['c']);
    // 23:30 on Friday in Moscow is 20:30 UTC
    const night = { days: [5], hours: { from: '22:00', to: '06:00' } };
    expect(codes(one({ schedule: night }, { at: new Date('2025-03-14T20:30:00Z') }))).toEqual(['c']);
    // 01:30 on Saturday in Moscow, still Friday in UTC
    expect(reasons(one({ schedule: night }, { at: new Date('2025-03-14T22:30:00Z') }))).toEqual({ c: 'not_scheduled' });
  });

  it('outside the audience', () => {
    expect(reasons(one({ audience: { kind: 'tiers', tiers: ['gold'] } }))).toEqual({ c: 'audience' });
    expect(reasons(one({ audience: { kind: 'members', members: ['mem_2'] } }))).toEqual({ c: 'audience' });
    expect(reasons(one({ audience: { kind: 'tiers', tiers: ['silver'] } }, { member: null }))).toEqual({ c: 'audience' });
    expect(codes(one({ audience: { kind: 'members', members: ['mem_2', 'mem_1'] } }))).toEqual(['c']);
    expect(codes(one({ audience: { kind: 'tiers', tiers: ['silver'] } }))).toEqual(['c']);
  });

  it('outside the scope', () => {
    expect(reasons(one({ scope: { stores: ['SPB-2'] } }))).toEqual({ c: 'scope' });
    expect(reasons(one({ scope: { channels: ['online', 'app'] } }))).toEqual({ c: 'scope' });
    expect(reasons(one({ scope: { stores: ['MSK-1'] } }, { storeCode: null }))).toEqual({ c: 'scope' });
    expect(codes(one({ scope: { stores: ['MSK-1'], channels: ['till'] } }))).toEqual(['c']);
  });

  it('a condition not met, naming it', () => {
    const s = one({ conditions: { all: [{ code: 'first_purchase' }, { code: 'receipt_total', args: { min: 1_000_000 } }] } }, { member: member({ purchases: 0 }) });
    expect(s.skipped).toEqual([expect.objectContaining({ campaign: 'c', reason: 'conditions', message: expect.stringContaining('receipt_total') })]);
  });

  it('combines conditions with any and not', () => {
    const anyOf = { any: [{ code: 'first_purchase' }, { code: 'channel', args: { channels: ['till'] } }] };
    expect(codes(one({ conditions: anyOf }))).toEqual(['c']);
    expect(reasons(one({ conditions: anyOf }, { channel: 'online' }))).toEqual({ c: 'conditions' });
    expect(reasons(one({ conditions: { not: { code: 'channel', args: { channels: ['till'] } } } }))).toEqual({ c: 'conditions' });
    expect(codes(one({ conditions: { not: { code: 'first_purchase' } } }))).toEqual(['c']);
  });

  it('switched off', () => {
    expect(reasons(one({ enabled: false }))).toEqual({ c: 'disabled' });
  });

  it('nothing to give', () => {
    expect(reasons(one({ effects: [percentOff(10, { categories: ['toys'] })] }))).toEqual({ c: 'no_effect' });
    const anonymous = select(compile(campaign('p', [pointsFixed(10)])), context({ member: null }));
    expect(anonymous.skipped).toEqual([expect.objectContaining({ campaign: 'p', reason: 'no_effect', message: expect.stringContaining('member') })]);
  });

  it('gives an anonymous customer gifts but no coupons or tiers', () => {
    const rules = compile(
      campaign('gift', [{ code: 'gift', args: { sku: 'TOY' } }]),
      campaign('coupon', [{ code: 'issue_coupon', args: { campaign: 'gift' } }]),
      campaign('tier', [{ code: 'set_tier', args: { tier: 'gold' } }]),
    );
    const s = select(rules, context({ member: null }));
    expect(s.applied).toEqual([expect.objectContaining({ campaign: 'gift', rewards: [{ kind: 'gift', sku: 'TOY', name: null, quantity: 1 }] })]);
    expect(reasons(s)).toEqual({ coupon: 'no_effect', tier: 'no_effect' });
    expect(codes(select(rules, context()))).toEqual(['coupon', 'gift', 'tier']);
  });

  it('runs receipt campaigns on receipts and action campaigns on actions only', () => {
    const rules = compile(
      campaign('receipt', [pointsFixed(10)]),
      campaign('review', [pointsFixed(50)], { trigger: 'event', conditions: { all: [{ code: 'event_type', args: { types: ['review'] } }] } }),
    );
    const onReceipt = select(rules, context());
    expect([codes(onReceipt), onReceipt.skipped]).toEqual([['receipt'], []]);
    const onAction = select(rules, context({ lines: [], event: { type: 'review', attributes: {} } }));
    expect([codes(onAction), onAction.skipped]).toEqual([['review'], []]);
  });
});

describe('discounts', () => {
  it('of several campaigns never exceed what a line costs', () => {
    const lines = [line('YOGURT', 6000, { quantity: 3 }), line('BREAD', 1000)];
    const rules = compile(
      campaign('a', [percentOff(70)], { priority: 4 }),
      campaign('b', [amountOff(5000)], { priority: 3 }),
      campaign('c', [{ code: 'n_for_m', args: { n: 3, m: 2 } }], { priority: 2 }),
      campaign('d', [percentOff(100)], { priority: 1 }),
    );
    const s = select(rules, context({ lines }));
    expect(s.applied.map((a) => [a.campaign, a.discount])).toEqual([
      ['a', 4900],
      ['b', 2100],
    ]);
    expect(s.discounts).toEqual([6000, 1000]);
    expect(reasons(s)).toEqual({ c: 'no_effect', d: 'no_effect' });
  });

  it('of several effects of one campaign take turns on what is left', () => {
    const rules = compile(campaign('a', [percentOff(80), amountOff(5000)]));
    const s = select(rules, context({ lines: [line('TV', 10000)] }));
    expect(s.applied[0]).toMatchObject({ discount: 10000, lines: [{ lineNo: 1, discount: 10000, points: 0 }] });
  });

  it('add up over lines and campaigns, and stay within each line, whatever the stack', () => {
    const anyLine = fc.record({
      sku: fc.constantFrom('A', 'B', 'C'),
      category: fc.constantFrom(undefined, 'dairy', 'bakery'),
      quantity: fc.constantFrom(1, 2, 3, 0.5, 1.25),
      amount: fc.integer({ min: 0, max: 1_000_000 }),
      isReward: fc.boolean(),
    });
    const anyEffect = fc.oneof(
      fc.integer({ min: 1, max: 10000 }).map((p) => percentOff(p / 100)),
      fc.integer({ min: 1, max: 2_000_000 }).map((a) => amountOff(a)),
      fc.integer({ min: 1, max: 2_000_000 }).map((a) => amountOff(a, { categories: ['dairy'] })),
      fc.constant({ code: 'n_for_m', args: { n: 3, m: 2 } }),
    );
    fc.assert(
      fc.property(
        fc.array(anyLine, { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(anyEffect, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
        fc.constantFrom<RuleContext['rounding']>('floor', 'half_up', 'ceil'),
        (lines, stacks, cap, rounding) => {
          const limits = cap === undefined ? {} : { perReceipt: { discount: cap } };
          const rules = compile(...stacks.map((effects, i) => campaign(`c${i}`, effects, { limits })));
          const s = select(rules, context({ lines, rounding }));
          lines.forEach((l, i) => {
            const d = s.discounts[i] as number;
            expect(d).toBeGreaterThanOrEqual(0);
            expect(d).toBeLessThanOrEqual(l.isReward ? 0 : l.amount);
            expect(sum(s.applied.flatMap((a) => a.lines.filter((x) => x.lineNo === i + 1).map((x) => x.discount)))).toBe(d);
          });
          for (const a of s.applied) {
            expect(sum(a.lines.map((x) => x.discount))).toBe(a.discount);
            if (cap !== undefined) expect(a.discount).toBeLessThanOrEqual(cap);
          }
        },
      ),
    );
  });
});

describe('awardPoints', () => {
  const lines = [line('A', 10000), line('B', 5000), line('C', 3333)];

  it('gives points on the money paid, per line adding up to the total', () => {
    // 10% of 183.33 RUB = 18.333 points -> 18
    const { applied } = plan(compile(campaign('p', [pointsPercent(10)])), context({ lines }));
    expect(applied[0]).toMatchObject({
      points: 18,
      lines: [
        { lineNo: 1, discount: 0, points: 10 },
        { lineNo: 2, discount: 0, points: 5 },
        { lineNo: 3, discount: 0, points: 3 },
      ],
    });
  });

  it('caps the points by the limits, keeping the lines in proportion and adding up', () => {
    const { applied } = plan(compile(campaign('p', [pointsPercent(10)], { limits: { perReceipt: { points: 7 } } })), context({ lines }));
    expect(applied[0]?.points).toBe(7);
    expect(applied[0]?.lines.map((l) => l.points)).toEqual([4, 2, 1]);
  });

  it('adds the points of several effects of one campaign', () => {
    const { applied } = plan(compile(campaign('p', [pointsPercent(10), pointsFixed(2)])), context({ lines }));
    expect(applied[0]?.points).toBe(20);
    expect(sum(applied[0]?.lines.map((l) => l.points) ?? [])).toBe(20);
  });

  it('earns on what is left after the campaign discounts, and keeps both on the line', () => {
    const rules = compile(campaign('p', [percentOff(50), pointsPercent(10)]));
    const { applied } = plan(rules, context({ lines: [line('TV', 10000)] }));
    expect(applied[0]).toMatchObject({ discount: 5000, points: 5, lines: [{ lineNo: 1, discount: 5000, points: 5 }] });
  });

  it('multiplies what the programme earned', () => {
    const rules = compile(campaign('double', [{ code: 'points_multiplier', args: { multiplier: 2, match: { categories: ['dairy'] } } }]));
    const { applied } = plan(rules, context(), { earned: [5, 2] });
    expect(applied[0]).toMatchObject({ points: 5, lines: [{ lineNo: 1, points: 5 }] });
  });

  it('gives action points with no lines, capped by the member limit', () => {
    const review = campaign('review', [pointsFixed(50)], {
      trigger: 'event',
      conditions: { all: [{ code: 'event_type', args: { types: ['review'] } }] },
      limits: { perMember: { period: 'month', points: 80 } },
    });
    const ctx = (points: number) => context({ lines: [], event: { type: 'review', attributes: {} }, usage: usageOf('review', { points }) });
    expect(plan(compile(review), ctx(0)).applied[0]).toMatchObject({ points: 50, lines: [] });
    expect(plan(compile(review), ctx(50)).applied[0]).toMatchObject({ points: 30, lines: [] });
  });

  it('gives no points to an anonymous customer, though the discount applies', () => {
    const { applied } = plan(compile(campaign('p', [percentOff(10), pointsPercent(10)])), context({ member: null }));
    expect(applied[0]).toMatchObject({ discount: 1500, points: 0 });
    expect(applied[0]?.lines.every((l) => l.points === 0)).toBe(true);
  });
});

describe('reward lines', () => {
  const lines = [line('TOY', 50000, { category: 'toys', isReward: true }), line('BREAD', 5000, { category: 'bakery' })];

  it('never get discounts', () => {
    const rules = compile(
      campaign('half', [percentOff(50)], { priority: 2 }),
      campaign('fixed', [amountOff(100000)], { priority: 1 }),
      campaign('toys', [percentOff(50, { categories: ['toys'] })]),
    );
    const s = select(rules, context({ lines }));
    expect(s.discounts).toEqual([0, 5000]);
    expect(reasons(s)).toEqual({ toys: 'no_effect' });
  });

  it('never earn campaign points', () => {
    const rules = compile(campaign('pct', [pointsPercent(10)]), campaign('fixed', [pointsFixed(20)]), campaign('toys', [pointsPercent(10, { categories: ['toys'] })]));
    const { selection, applied } = plan(rules, context({ lines }));
    expect(reasons(selection)).toEqual({ toys: 'no_effect' });
    for (const a of applied) expect(a.lines.map((l) => l.lineNo)).toEqual([2]);
    expect(applied.map((a) => [a.campaign, a.points])).toEqual([
      ['fixed', 20],
      ['pct', 5],
    ]);
  });

  it('nor do lines excluded from earning', () => {
    const rules = compile(campaign('bread', [pointsPercent(10, { skus: ['BREAD'] })]));
    const s = select(rules, context({ lines: [line('BREAD', 5000), line('MILK', 10000)] }), [false, true]);
    expect(reasons(s)).toEqual({ bread: 'no_effect' });
  });
});
