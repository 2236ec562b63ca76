import { describe, expect, it } from 'vitest';
import { emptyRuleSet, parseRuleSet, type Known, type RuleIssue } from './campaign.ts';
import { compileRuleSet } from './engine.ts';

const known: Known = {
  categories: new Set(['dairy', 'bakery']),
  tiers: new Set(['silver', 'gold']),
  stores: new Set(['MSK-1', 'SPB-2']),
};

const campaign = (over: Record<string, unknown> = {}) => ({
  code: 'double_dairy',
  name: 'Double points on dairy',
  effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { categories: ['dairy'] } } }],
  ...over,
});

const action = (over: Record<string, unknown> = {}) =>
  campaign({
    code: 'review_bonus',
    name: 'Points for a review',
    trigger: 'event',
    conditions: { all: [{ code: 'event_type', args: { types: ['review'] } }] },
    effects: [{ code: 'points_fixed', args: { points: 50 } }],
    ...over,
  });

function issuesOf(input: unknown): RuleIssue[] {
  const r = parseRuleSet(input, known);
  if (r.ok) throw new Error('expected the rule set to be refused');
  return r.issues;
}

function accepted(input: unknown) {
  const r = parseRuleSet(input, known);
  if (!r.ok) throw new Error(`expected the rule set to pass: ${JSON.stringify(r.issues)}`);
  return r.ruleSet;
}

const paths = (issues: RuleIssue[]) => issues.map((i) => i.path);

describe('parseRuleSet refuses', () => {
  it('an unknown condition code, at the code', () => {
    const issues = issuesOf({ campaigns: [campaign({ conditions: { all: [{ code: 'moon_phase', args: {} }] } })] });
    expect(issues).toEqual([{ path: ['campaigns', 0, 'conditions', 'all', 0, 'code'], message: expect.stringContaining('moon_phase') }]);
  });

  it('an unknown condition deep in any / not, at its place in the tree', () => {
    const conditions = { all: [{ code: 'first_purchase', args: {} }, { any: [{ not: { code: 'moon_phase', args: {} } }] }] };
    expect(paths(issuesOf({ campaigns: [campaign({ conditions })] }))).toEqual([
      ['campaigns', 0, 'conditions', 'all', 1, 'any', 0, 'not', 'code'],
    ]);
  });

  it('a condition argument of the wrong type, at the argument', () => {
    const conditions = { all: [{ code: 'receipt_total', args: { min: '1000' } }] };
    expect(paths(issuesOf({ campaigns: [campaign({ conditions })] }))).toEqual([['campaigns', 0, 'conditions', 'all', 0, 'args', 'min']]);
  });

  it('an effect argument of the wrong type, at the argument', () => {
    const effects = [{ code: 'points_percent', args: { percent: 'ten' } }];
    expect(paths(issuesOf({ campaigns: [campaign({ effects })] }))).toEqual([['campaigns', 0, 'effects', 0, 'args', 'percent']]);
  });

  it('an unknown argument', () => {
    const effects = [{ code: 'points_fixed', args: { points: 10, bonus: 5 } }];
    expect(paths(issuesOf({ campaigns: [campaign({ effects })] }))[0]?.slice(0, 4)).toEqual(['campaigns', 0, 'effects', 0]);
  });

  it('an unknown effect code', () => {
    const effects = [{ code: 'free_money', args: {} }];
    expect(paths(issuesOf({ campaigns: [campaign({ effects })] }))).toEqual([['campaigns', 0, 'effects', 0, 'code']]);
  });

  it('an effect on a category that does not exist, naming it', () => {
    const effects = [{ code: 'discount_percent', args: { percent: 10, match: { categories: ['dairy', 'caviar'] } } }];
    const issues = issuesOf({ campaigns: [campaign({ effects })] });
    expect(issues).toEqual([{ path: ['campaigns', 0, 'effects', 0, 'args'], message: expect.stringContaining('caviar') }]);
  });

  it('a condition on a category that does not exist', () => {
    const conditions = { all: [{ code: 'contains', args: { categories: ['caviar'] } }] };
    const issues = issuesOf({ campaigns: [campaign({ conditions })] });
    expect(issues).toEqual([{ path: ['campaigns', 0, 'conditions', 'all', 0, 'args'], message: expect.stringContaining('caviar') }]);
  });

  it('an end before the start, at the end', () => {
    const schedule = { from: '2025-03-10T00:00:00+03:00', to: '2025-03-01T00:00:00+03:00' };
    expect(paths(issuesOf({ campaigns: [campaign({ schedule })] }))).toEqual([['campaigns', 0, 'schedule', 'to']]);
  });

  it('an end equal to the start, comparing instants across offsets', () => {
    const schedule = { from: '2025-03-10T00:00:00+03:00', to: '2025-03-09T21:00:00Z' };
    expect(paths(issuesOf({ campaigns: [campaign({ schedule })] }))).toEqual([['campaigns', 0, 'schedule', 'to']]);
  });

  it('a negative budget, at the budget', () => {
    const limits = { budget: { points: -1 } };
    expect(paths(issuesOf({ campaigns: [campaign({ limits })] }))).toEqual([['campaigns', 0, 'limits', 'budget', 'points']]);
    const discount = { budget: { discount: -100 } };
    expect(paths(issuesOf({ campaigns: [campaign({ limits: discount })] }))).toEqual([['campaigns', 0, 'limits', 'budget', 'discount']]);
  });

  it('a duplicate campaign code, at the second one', () => {
    const issues = issuesOf({ campaigns: [campaign(), campaign({ name: 'Again' })] });
    expect(issues).toEqual([{ path: ['campaigns', 1, 'code'], message: expect.stringContaining('double_dairy') }]);
  });

  it('a receipt-only condition in an action campaign, at its code', () => {
    const conditions = { all: [{ code: 'event_type', args: { types: ['review'] } }, { code: 'receipt_total', args: { min: 100 } }] };
    expect(paths(issuesOf({ campaigns: [action({ conditions })] }))).toEqual([['campaigns', 0, 'conditions', 'all', 1, 'code']]);
  });

  it('an action condition in a receipt campaign', () => {
    const conditions = { all: [{ code: 'event_type', args: { types: ['review'] } }] };
    expect(paths(issuesOf({ campaigns: [campaign({ conditions })] }))).toEqual([['campaigns', 0, 'conditions', 'all', 0, 'code']]);
  });

  it('a receipt-only effect in an action campaign, at its code', () => {
    const effects = [{ code: 'discount_percent', args: { percent: 10 } }];
    expect(paths(issuesOf({ campaigns: [action({ effects })] }))).toEqual([['campaigns', 0, 'effects', 0, 'code']]);
  });

  it('a store or channel on an action campaign', () => {
    expect(paths(issuesOf({ campaigns: [action({ scope: { channels: ['app'] } })] }))).toEqual([['campaigns', 0, 'scope']]);
  });

  it('an unknown tier in the audience, naming it', () => {
    const issues = issuesOf({ campaigns: [campaign({ audience: { kind: 'tiers', tiers: ['gold', 'platinum'] } })] });
    expect(issues).toEqual([{ path: ['campaigns', 0, 'audience', 'tiers'], message: expect.stringContaining('platinum') }]);
  });

  it('an unknown tier in a condition or a set_tier effect', () => {
    const conditions = { all: [{ code: 'member_tier', args: { tiers: ['platinum'] } }] };
    const effects = [{ code: 'set_tier', args: { tier: 'diamond' } }];
    expect(paths(issuesOf({ campaigns: [campaign({ conditions, effects })] }))).toEqual([
      ['campaigns', 0, 'conditions', 'all', 0, 'args'],
      ['campaigns', 0, 'effects', 0, 'args'],
    ]);
  });

  it('an unknown store in the scope or a condition', () => {
    expect(paths(issuesOf({ campaigns: [campaign({ scope: { stores: ['EKB-3'] } })] }))).toEqual([['campaigns', 0, 'scope', 'stores']]);
    const conditions = { all: [{ code: 'store', args: { stores: ['EKB-3'] } }] };
    expect(paths(issuesOf({ campaigns: [campaign({ conditions })] }))).toEqual([['campaigns', 0, 'conditions', 'all', 0, 'args']]);
  });

  it('a coupon for a campaign that is not in the rule set', () => {
    const effects = [{ code: 'issue_coupon', args: { campaign: 'no_such' } }];
    const issues = issuesOf({ campaigns: [campaign({ effects })] });
    expect(issues).toEqual([{ path: ['campaigns', 0, 'effects', 0, 'args'], message: expect.stringContaining('no_such') }]);
  });

  it('an action type that is neither built in nor declared', () => {
    const conditions = { all: [{ code: 'event_type', args: { types: ['marathon'] } }] };
    expect(paths(issuesOf({ campaigns: [action({ conditions })] }))).toEqual([['campaigns', 0, 'conditions', 'all', 0, 'args']]);
  });

  it('a group stacking without a group', () => {
    expect(paths(issuesOf({ campaigns: [campaign({ stacking: { mode: 'group' } })] }))).toEqual([['campaigns', 0, 'stacking', 'group']]);
  });

  it('a campaign with no effect', () => {
    expect(paths(issuesOf({ campaigns: [campaign({ effects: [] })] }))).toEqual([['campaigns', 0, 'effects']]);
  });

  it('every problem at once, not only the first', () => {
    const bad = campaign({
      audience: { kind: 'tiers', tiers: ['platinum'] },
      conditions: { all: [{ code: 'moon_phase', args: {} }] },
      effects: [{ code: 'discount_percent', args: { percent: 10, match: { categories: ['caviar'] } } }],
    });
    expect(paths(issuesOf({ campaigns: [campaign(), { ...bad, code: 'double_dairy' }] }))).toEqual([
      ['campaigns', 1, 'code'],
      ['campaigns', 1, 'audience', 'tiers'],
      ['campaigns', 1, 'conditions', 'all', 0, 'code'],
      ['campaigns', 1, 'effects', 0, 'args'],
    ]);
  });
});

describe('parseRuleSet accepts', () => {
  it('an empty rule set, with the defaults', () => {
    expect(accepted({})).toEqual(emptyRuleSet());
    expect(emptyRuleSet()).toEqual({
      campaigns: [],
      eventTypes: [],
      referral: { enabled: false, referrerPoints: 0, refereePoints: 0, minPurchase: 0, maxRewardsPerMonth: 20 },
    });
  });

  it('a valid campaign, filling the defaults of the campaign and of each argument', () => {
    const ruleSet = accepted({ campaigns: [campaign()] });
    expect(ruleSet.campaigns[0]).toEqual({
      code: 'double_dairy',
      name: 'Double points on dairy',
      description: '',
      enabled: true,
      trigger: 'receipt',
      schedule: {},
      audience: { kind: 'all' },
      scope: { stores: [], channels: [] },
      conditions: { all: [] },
      effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { skus: [], categories: ['dairy'], brands: [] } } }],
      priority: 0,
      stacking: { mode: 'stackable' },
      limits: {},
    });
  });

  it('a full rule set, with argument defaults filled in conditions and effects', () => {
    const ruleSet = accepted({
      eventTypes: [{ code: 'marathon', name: 'Ran a marathon' }],
      campaigns: [
        campaign({
          code: 'birthday_week',
          schedule: { from: '2025-03-01T00:00:00+03:00', to: '2025-04-01T00:00:00+03:00', days: [6, 7], hours: { from: '22:00', to: '06:00' } },
          audience: { kind: 'tiers', tiers: ['gold'] },
          scope: { stores: ['MSK-1'], channels: ['till'] },
          conditions: {
            any: [
              { code: 'birthday', args: { daysBefore: 3 } },
              { all: [{ code: 'nth_purchase', args: { n: 10 } }, { not: { code: 'coupon' } }] },
            ],
          },
          effects: [
            { code: 'discount_percent', args: { percent: 15 } },
            { code: 'gift', args: { sku: 'CAKE' } },
            { code: 'issue_coupon', args: { campaign: 'next_visit' } },
          ],
          priority: 10,
          stacking: { mode: 'group', group: 'birthday' },
          limits: { budget: { discount: 1_000_000 }, perMember: { period: 'month', uses: 1 }, perReceipt: { discount: 50000 } },
        }),
        campaign({ code: 'next_visit', name: 'Next visit', conditions: { all: [{ code: 'coupon', args: {} }] } }),
        action({ conditions: { all: [{ code: 'event_type', args: { types: ['marathon', 'review'] } }] } }),
      ],
    });
    const [first, , third] = ruleSet.campaigns;
    expect(first?.conditions).toEqual({
      any: [
        { code: 'birthday', args: { daysBefore: 3, daysAfter: 0 } },
        { all: [{ code: 'nth_purchase', args: { n: 10, every: false } }, { not: { code: 'coupon', args: {} } }] },
      ],
    });
    expect(first?.effects).toEqual([
      { code: 'discount_percent', args: { percent: 15, match: { skus: [], categories: [], brands: [] } } },
      { code: 'gift', args: { sku: 'CAKE', quantity: 1 } },
      { code: 'issue_coupon', args: { campaign: 'next_visit', validDays: 30 } },
    ]);
    expect(third?.trigger).toBe('event');
    expect(() => compileRuleSet(ruleSet)).not.toThrow();
  });

  it('the built-in action types without declaring them', () => {
    expect(accepted({ campaigns: [action()] }).campaigns[0]?.trigger).toBe('event');
  });
});
