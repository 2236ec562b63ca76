import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtest } from '../src/flows/backtest.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A marketer writes campaigns as data through the API; the till sees them on the next receipt.
// The programme works in Moscow time and earns 5% of the paid amount, available at once.
const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0, maxRedemptionPercent: 50 };

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

type Json = Record<string, any>;

const publish = (p: Programme, rules: unknown) => p.call('PUT', '/v1/rules', rules, { role: 'marketer' });
const putCampaign = (p: Programme, code: string, campaign: Json) => p.call('PUT', `/v1/campaigns/${code}`, campaign, { role: 'marketer' });
const category = (p: Programme, code: string, name: string) => p.call('PUT', `/v1/categories/${code}`, { name }, { role: 'marketer' });
const calculate = (p: Programme, body: unknown) => p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
const confirm = (p: Programme, body: unknown) => p.call('POST', '/v1/receipts', body, { role: 'pos' });
const giveBack = (p: Programme, id: string, lines: { lineNo: number; quantity: number }[]) => p.call('POST', `/v1/receipts/${id}/returns`, { lines }, { role: 'pos' });

async function newMember(p: Programme, profile: Json = {}): Promise<string> {
  const res = await p.call('POST', '/v1/members', { name: 'Покупатель', ...profile });
  expect(res.status).toBe(201);
  return res.body.member.id;
}
const balance = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}/balance`)).body.available as number;

const applied = (res: { body: Json }, code: string) => (res.body.campaigns as Json[]).find((c) => c.campaign === code);
const skipped = (res: { body: Json }, code: string) => (res.body.skippedCampaigns as Json[]).find((c) => c.campaign === code);
const appliedCodes = (res: { body: Json }) => (res.body.campaigns as Json[]).map((c) => c.campaign);

/** What a marketer sees of the published rules: the version in force and the version list. */
const published = async (p: Programme) => ({
  rules: (await p.call('GET', '/v1/rules', undefined, { role: 'readonly' })).body,
  versions: (await p.call('GET', '/v1/rules/versions', undefined, { role: 'readonly' })).body,
});

const coffeeWeek = {
  code: 'coffee_week',
  name: 'Double points on coffee',
  schedule: { from: '2026-02-02T00:00:00+03:00', to: '2026-02-09T00:00:00+03:00' },
  effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { categories: ['coffee'] } } }],
};

describe('publishing', () => {
  let p: Programme;
  beforeAll(async () => {
    p = await newProgramme(db, settings);
    expect((await category(p, 'coffee', 'Кофе')).status).toBe(200);
  });

  it('starts with no rules, and each change publishes a new version; an unchanged one publishes none', async () => {
    expect((await published(p)).rules).toMatchObject({ version: 0, rules: { campaigns: [] } });
    expect((await published(p)).versions.items).toEqual([]);

    const welcome = { code: 'welcome', name: 'Welcome points', effects: [{ code: 'points_fixed', args: { points: 10 } }] };
    const first = await publish(p, { campaigns: [welcome] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, rules: { campaigns: [{ code: 'welcome', enabled: true, stacking: { mode: 'stackable' } }] } });

    const again = await publish(p, { campaigns: [welcome] });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    // The same campaign put again through its own route changes nothing either.
    const { code: _code, ...body } = welcome;
    expect((await putCampaign(p, 'welcome', body)).body.version).toBe(1);

    const { code: _week, ...week } = coffeeWeek;
    const second = await putCampaign(p, 'coffee_week', week);
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);

    const { rules, versions } = await published(p);
    expect(rules.version).toBe(2);
    expect(rules.rules.campaigns.map((c: Json) => c.code)).toEqual(['welcome', 'coffee_week']);
    expect(versions.items).toEqual([
      { version: 2, actor: expect.stringContaining('marketer'), at: expect.any(String), campaigns: 2 },
      { version: 1, actor: expect.stringContaining('marketer'), at: expect.any(String), campaigns: 1 },
    ]);
  });

  const programme = async () => {
    const fresh = await newProgramme(db, settings);
    await category(fresh, 'coffee', 'Кофе');
    return fresh;
  };

  it('re-publishing an unchanged campaign with several argument keys makes no new version and no audit record', async () => {
    const p = await programme();
    const { code: _week, ...week } = coffeeWeek;
    expect((await putCampaign(p, 'coffee_week', week)).body.version).toBe(1);
    expect((await putCampaign(p, 'coffee_week', week)).body.version).toBe(1);
    expect((await p.call('PUT', '/v1/rules', { campaigns: [coffeeWeek] }, { role: 'marketer' })).body.version).toBe(1);
    const audit = await p.call('GET', '/v1/audit?entity=campaign');
    expect(audit.body.items).toHaveLength(1);
  });

  it('concurrent edits of different campaigns all land', async () => {
    const p = await programme();
    const puts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => putCampaign(p, `c${i}`, { name: `C${i}`, effects: [{ code: 'points_fixed', args: { points: 1 + i } }] })),
    );
    expect(puts.every((r) => r.status === 200)).toBe(true);
    const { rules } = await published(p);
    expect(rules.rules.campaigns.map((c: Json) => c.code).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('GET /v1/campaigns/{code} shows one campaign; an unknown one is 404', async () => {
    const res = await p.call('GET', '/v1/campaigns/coffee_week', undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'coffee_week', name: 'Double points on coffee', budgetLeft: null });
    expectProblem(await p.call('GET', '/v1/campaigns/nothing_here', undefined, { role: 'readonly' }), 404, 'campaign_not_found', /nothing_here/);
  });

  it('a POS key may not publish rules', async () => {
    const res = await p.call('PUT', '/v1/rules', { campaigns: [] }, { role: 'pos' });
    expectProblem(res, 403, 'forbidden', /./);
    expect((await published(p)).rules.version).toBe(2);
  });
});

describe('invalid rule sets are refused, name the field and publish nothing', () => {
  let p: Programme;
  const good = { code: 'fine', name: 'A valid campaign', effects: [{ code: 'points_fixed', args: { points: 10 } }] };
  beforeAll(async () => {
    p = await newProgramme(db, settings);
    expect((await category(p, 'coffee', 'Кофе')).status).toBe(200);
    expect((await publish(p, { campaigns: [good] })).body.version).toBe(1);
  });

  async function refused(bad: Json, path: string, message: RegExp) {
    const before = await published(p);
    // The bad campaign comes second: a valid one beside it does not get the set through.
    const res = await publish(p, { campaigns: [good, bad] });
    expectProblem(res, 422, 'invalid_rules', message);
    expect(res.body.errors).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await published(p)).toEqual(before);
  }

  it('an unknown condition code', () =>
    refused(
      { code: 'moon', name: 'Full moon', conditions: { all: [{ code: 'moon_phase', args: { phase: 'full' } }] }, effects: [{ code: 'points_fixed', args: { points: 5 } }] },
      'campaigns.1.conditions.all.0.code',
      /unknown condition "moon_phase"/,
    ));

  it('an argument of the wrong type', () =>
    refused(
      { code: 'double', name: 'Double', effects: [{ code: 'points_multiplier', args: { multiplier: 'two' } }] },
      'campaigns.1.effects.0.args.multiplier',
      /number/,
    ));

  it('an effect on a category that does not exist, accepted once the category is registered', async () => {
    const tea = { code: 'tea_week', name: 'Tea week', effects: [{ code: 'discount_percent', args: { percent: 10, match: { categories: ['tea'] } } }] };
    await refused(tea, 'campaigns.1.effects.0.args', /unknown category "tea"/);
    expect((await category(p, 'tea', 'Чай')).status).toBe(200);
    const res = await publish(p, { campaigns: [good, tea] });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    // Put back the rule set the other cases compare against.
    expect((await publish(p, { campaigns: [good] })).body.version).toBe(3);
  });

  it('an end before the start', () =>
    refused(
      { ...good, code: 'backwards', schedule: { from: '2026-03-10T00:00:00+03:00', to: '2026-03-01T00:00:00+03:00' } },
      'campaigns.1.schedule.to',
      /the end is before the start/,
    ));

  it('a negative budget', () =>
    refused({ ...good, code: 'overdrawn', limits: { budget: { points: -100 } } }, 'campaigns.1.limits.budget.points', /must not be negative/));

  it('through PUT /v1/campaigns/{code} as well', async () => {
    const before = await published(p);
    const res = await putCampaign(p, 'moon', { name: 'Full moon', conditions: { code: 'moon_phase', args: {} }, effects: [{ code: 'points_fixed', args: { points: 5 } }] });
    expectProblem(res, 422, 'invalid_rules', /unknown condition "moon_phase"/);
    expect(res.body.errors).toEqual([{ path: 'campaigns.1.conditions.code', message: 'unknown condition "moon_phase"' }]);
    expect(await published(p)).toEqual(before);
  });
});

describe('double points on coffee for a week', () => {
  let p: Programme;
  let memberId: string;
  const basket = (number: string, purchasedAt: string) =>
    receipt(number, [line('LATTE', 40000, 1, { category: 'coffee' }), line('BREAD', 10000)], { member: { id: memberId }, purchasedAt });

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-02-01T09:00:00Z');
    await category(p, 'coffee', 'Кофе');
    expect((await publish(p, { campaigns: [coffeeWeek] })).status).toBe(200);
    memberId = await newMember(p);
  });

  it('doubles the points of coffee lines inside the week and nothing else', async () => {
    p.setNow('2026-02-04T12:00:00+03:00');
    const res = await confirm(p, basket('C-1', '2026-02-04T12:00:00+03:00'));
    expect(res.status).toBe(201);
    // 5% of 400 RUB of coffee is 20 points, doubled: +20; bread earns its own 5 points.
    expect(applied(res, 'coffee_week')).toMatchObject({ points: 20, discount: 0, lines: [{ lineNo: 1, discount: 0, points: 20 }] });
    expect(res.body.lines.map((l: Json) => l.pointsEarned)).toEqual([40, 5]);
    expect(res.body).toMatchObject({ pointsEarned: 45, campaignDiscount: 0, rulesVersion: 1, balance: { available: 45 } });
  });

  it('does not apply before the start or from the end on', async () => {
    for (const at of ['2026-02-01T23:59:00+03:00', '2026-02-09T00:00:00+03:00']) {
      const res = await calculate(p, basket(`C-${at}`, at));
      expect(res.body.campaigns).toEqual([]);
      expect(skipped(res, 'coffee_week')).toMatchObject({ reason: 'not_scheduled' });
      expect(res.body.pointsEarned).toBe(25);
    }
  });
});

describe('a birthday gift', () => {
  let p: Programme;
  let anna: string;
  let boris: string;
  const sale = (number: string, memberId: string, extra: Json = {}) => receipt(number, [line('CAKE', 20000)], { member: { id: memberId }, ...extra });

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-02-10T10:00:00+03:00');
    const res = await putCampaign(p, 'birthday_gift', {
      name: 'Birthday gift',
      conditions: { all: [{ code: 'birthday', args: {} }] },
      effects: [{ code: 'points_fixed', args: { points: 500 } }],
    });
    expect(res.status).toBe(200);
    anna = await newMember(p, { birthDate: '1990-02-10' });
    boris = await newMember(p, { birthDate: '1990-06-01' });
  });

  it('gives 500 points on the birthday, on top of what the purchase earns', async () => {
    const res = await confirm(p, sale('B-1', anna));
    expect(res.status).toBe(201);
    expect(applied(res, 'birthday_gift')).toMatchObject({ points: 500, lines: [{ lineNo: 1, points: 500 }] });
    expect(res.body).toMatchObject({ pointsEarned: 510, balance: { available: 510 } });
    expect(await balance(p, anna)).toBe(510);
  });

  it('gives nothing to someone whose birthday it is not', async () => {
    const res = await confirm(p, sale('B-2', boris));
    expect(res.body.campaigns).toEqual([]);
    expect(skipped(res, 'birthday_gift')).toMatchObject({ reason: 'conditions', message: 'condition not met: birthday' });
    expect(res.body.pointsEarned).toBe(10);
  });

  it('counts the day in Moscow time, and not the day after', async () => {
    // 22:30 UTC on the 9th is already the 10th in Moscow.
    expect(applied(await calculate(p, sale('B-3', anna, { purchasedAt: '2026-02-09T22:30:00Z' })), 'birthday_gift')).toMatchObject({ points: 500 });
    expect(skipped(await calculate(p, sale('B-4', anna, { purchasedAt: '2026-02-09T20:30:00Z' })), 'birthday_gift')).toMatchObject({ reason: 'conditions' });
    expect(skipped(await calculate(p, sale('B-5', anna, { purchasedAt: '2026-02-11T10:00:00+03:00' })), 'birthday_gift')).toMatchObject({ reason: 'conditions' });
  });
});

describe('buy two, get the third free, for big families', () => {
  let p: Programme;
  let family: string;
  let notFamily: string;
  let unknown: string;

  beforeAll(async () => {
    p = await newProgramme(db, settings);
    const res = await putCampaign(p, 'big_family_3for2', {
      name: 'Third item free for big families',
      conditions: { all: [{ code: 'member_attribute', args: { attribute: 'big_family', op: 'eq', value: true } }] },
      effects: [{ code: 'n_for_m', args: { n: 3, m: 2 } }],
    });
    expect(res.status).toBe(200);
    family = await newMember(p, { attributes: { big_family: true } });
    notFamily = await newMember(p, { attributes: { big_family: false } });
    unknown = await newMember(p);
  });

  it('makes the cheapest of every three units free', async () => {
    const res = await confirm(p, receipt('F-1', [line('MILK', 9000, 2), line('JUICE', 15000)], { member: { id: family } }));
    expect(res.status).toBe(201);
    // Units 150, 90, 90 RUB: one milk is free; points are earned on the 240 RUB paid.
    expect(applied(res, 'big_family_3for2')).toMatchObject({ discount: 9000, points: 0, lines: [{ lineNo: 1, discount: 9000, points: 0 }] });
    expect(res.body.lines.map((l: Json) => [l.campaignDiscount, l.paid])).toEqual([[9000, 9000], [0, 15000]]);
    expect(res.body).toMatchObject({ campaignDiscount: 9000, paid: 24000, pointsEarned: 12 });
  });

  it('six units make two groups: one unit free in each', async () => {
    const res = await calculate(p, receipt('F-2', [line('MILK', 9000, 4), line('JUICE', 15000, 2)], { member: { id: family } }));
    // 150, 150, 90 | 90, 90, 90: two milks free.
    expect(applied(res, 'big_family_3for2')).toMatchObject({ discount: 18000 });
    expect(res.body.lines.map((l: Json) => l.campaignDiscount)).toEqual([18000, 0]);
  });

  it('is not for other members, nor for two units', async () => {
    for (const memberId of [notFamily, unknown]) {
      const res = await calculate(p, receipt('F-3', [line('MILK', 9000, 2), line('JUICE', 15000)], { member: { id: memberId } }));
      expect(res.body.campaignDiscount).toBe(0);
      expect(skipped(res, 'big_family_3for2')).toMatchObject({ reason: 'conditions', message: 'condition not met: member_attribute' });
    }
    const two = await calculate(p, receipt('F-4', [line('MILK', 9000, 2)], { member: { id: family } }));
    expect(skipped(two, 'big_family_3for2')).toMatchObject({ reason: 'no_effect' });
  });
});

describe("pensioners' day on quiet Tuesday mornings, Moscow time", () => {
  let p: Programme;
  let olga: string;
  let ivan: string;
  const sale = (number: string, memberId: string, purchasedAt: string) => receipt(number, [line('GROCERIES', 50000)], { member: { id: memberId }, purchasedAt });

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-02-03T07:00:00Z');
    const res = await putCampaign(p, 'pensioners_tuesday', {
      name: "Pensioners' Tuesday",
      conditions: {
        all: [
          { code: 'member_attribute', args: { attribute: 'age', op: 'gte', value: 60 } },
          { code: 'day_of_week', args: { days: [2] } },
          { code: 'time_of_day', args: { from: '09:00', to: '12:00' } },
        ],
      },
      effects: [{ code: 'discount_percent', args: { percent: 10 } }],
    });
    expect(res.status).toBe(200);
    olga = await newMember(p, { birthDate: '1960-05-20' });
    ivan = await newMember(p, { birthDate: '1970-05-20' });
  });

  it('takes 10% off for a member of 60 or more at 10:00 on a Tuesday', async () => {
    // 2026-02-03 is a Tuesday; 07:00 UTC is 10:00 in Moscow.
    const res = await confirm(p, receipt('P-1', [line('GROCERIES', 50000)], { member: { id: olga } }));
    expect(res.status).toBe(201);
    expect(applied(res, 'pensioners_tuesday')).toMatchObject({ discount: 5000, points: 0 });
    expect(res.body).toMatchObject({ campaignDiscount: 5000, paid: 45000, pointsEarned: 22 });
  });

  it('reads the hours on the Moscow clock', async () => {
    // 09:30 Moscow is 06:30 UTC; 12:30 Moscow is 09:30 UTC, inside 09-12 in UTC but not in Moscow.
    expect(applied(await calculate(p, sale('P-2', olga, '2026-02-03T06:30:00Z')), 'pensioners_tuesday')).toMatchObject({ discount: 5000 });
    expect(applied(await calculate(p, sale('P-3', olga, '2026-02-03T11:59:00+03:00')), 'pensioners_tuesday')).toMatchObject({ discount: 5000 });
    for (const [at, failed] of [
      ['2026-02-03T09:30:00Z', 'time_of_day'],
      ['2026-02-03T08:59:00+03:00', 'time_of_day'],
      ['2026-02-03T12:00:00+03:00', 'time_of_day'],
      ['2026-02-04T10:00:00+03:00', 'day_of_week'],
    ] as const) {
      const res = await calculate(p, sale('P-4', olga, at));
      expect(res.body.campaignDiscount, at).toBe(0);
      expect(skipped(res, 'pensioners_tuesday'), at).toMatchObject({ reason: 'conditions', message: `condition not met: ${failed}` });
    }
  });

  it('not for a member under 60', async () => {
    const res = await calculate(p, sale('P-5', ivan, '2026-02-03T10:00:00+03:00'));
    expect(res.body.campaignDiscount).toBe(0);
    expect(skipped(res, 'pensioners_tuesday')).toMatchObject({ reason: 'conditions', message: 'condition not met: member_attribute' });
  });
});

describe('stacking', () => {
  let p: Programme;
  let memberId: string;
  const coffee = () => receipt('ST', [line('ESPRESSO', 20000, 1, { category: 'coffee' }), line('CROISSANT', 10000)], { member: { id: memberId } });
  const bread = () => receipt('ST', [line('CROISSANT', 10000)], { member: { id: memberId } });
  const welcome = { code: 'welcome_points', name: 'Points on every visit', effects: [{ code: 'points_fixed', args: { points: 50 } }] };

  beforeAll(async () => {
    p = await newProgramme(db, settings);
    await category(p, 'coffee', 'Кофе');
    memberId = await newMember(p);
  });

  it('an exclusive campaign of higher priority keeps the others out', async () => {
    const exclusive = {
      code: 'coffee_exclusive',
      name: '20% off with coffee, nothing else',
      priority: 10,
      stacking: { mode: 'exclusive' },
      conditions: { all: [{ code: 'contains', args: { categories: ['coffee'] } }] },
      effects: [{ code: 'discount_percent', args: { percent: 20 } }],
    };
    expect((await publish(p, { campaigns: [welcome, exclusive] })).status).toBe(200);
    const res = await calculate(p, coffee());
    expect(appliedCodes(res)).toEqual(['coffee_exclusive']);
    expect(res.body.campaignDiscount).toBe(6000);
    expect(skipped(res, 'welcome_points')).toMatchObject({ reason: 'stacking', message: 'not combined with exclusive campaign coffee_exclusive' });

    // Without coffee the exclusive one does not apply and the points come back.
    const plain = await calculate(p, bread());
    expect(appliedCodes(plain)).toEqual(['welcome_points']);
    expect(skipped(plain, 'coffee_exclusive')).toMatchObject({ reason: 'conditions' });
  });

  it('an exclusive campaign of lower priority does not join those already applied', async () => {
    const late = { code: 'late_exclusive', name: 'Exclusive, tried last', priority: -5, stacking: { mode: 'exclusive' }, effects: [{ code: 'discount_percent', args: { percent: 5 } }] };
    expect((await publish(p, { campaigns: [welcome, late] })).status).toBe(200);
    const res = await calculate(p, bread());
    expect(appliedCodes(res)).toEqual(['welcome_points']);
    expect(res.body.campaignDiscount).toBe(0);
    expect(skipped(res, 'late_exclusive')).toMatchObject({ reason: 'stacking', message: 'exclusive, and welcome_points already applied' });
  });

  it('one campaign per group, the highest priority first; other campaigns still stack', async () => {
    const group = (code: string, percent: number, priority: number, conditions: Json = { all: [] }) => ({
      code,
      name: `${percent}% weekend`,
      priority,
      stacking: { mode: 'group', group: 'weekend' },
      conditions,
      effects: [{ code: 'discount_percent', args: { percent } }],
    });
    const big = group('weekend_15', 15, 5, { all: [{ code: 'receipt_total', args: { min: 25000 } }] });
    const small = group('weekend_5', 5, 1);
    expect((await publish(p, { campaigns: [welcome, big, small] })).status).toBe(200);

    const res = await calculate(p, coffee());
    expect(appliedCodes(res)).toEqual(['weekend_15', 'welcome_points']);
    expect(res.body.campaignDiscount).toBe(4500);
    expect(applied(res, 'welcome_points')).toMatchObject({ points: 50 });
    expect(skipped(res, 'weekend_5')).toMatchObject({ reason: 'stacking', message: 'group weekend already has weekend_15' });

    // Below 250 RUB the bigger one does not apply, so the group's next campaign does.
    const small_ = await calculate(p, bread());
    expect(appliedCodes(small_)).toEqual(['weekend_5', 'welcome_points']);
    expect(small_.body.campaignDiscount).toBe(500);
  });

  it('a group campaign without a group is refused', async () => {
    const res = await publish(p, { campaigns: [{ ...welcome, stacking: { mode: 'group' } }] });
    expectProblem(res, 422, 'invalid_rules', /name the group/);
    expect(res.body.errors).toContainEqual({ path: 'campaigns.0.stacking.group', message: 'name the group' });
  });
});

describe('a receipt keeps the rules version that priced it', () => {
  let p: Programme;
  let memberId: string;
  let sale: Json;

  beforeAll(async () => {
    p = await newProgramme(db, settings);
    memberId = await newMember(p);
    const res = await putCampaign(p, 'spring', {
      name: 'Spring: 10% off and 100 points',
      effects: [
        { code: 'discount_percent', args: { percent: 10 } },
        { code: 'points_fixed', args: { points: 100 } },
      ],
    });
    expect(res.body.version).toBe(1);
    const sold = await confirm(p, receipt('V-1', [line('SHIRT', 10000, 2), line('JEANS', 30000)], { member: { id: memberId } }));
    expect(sold.status).toBe(201);
    sale = sold.body;
  });

  it('priced under v1 with the campaign discount and points', () => {
    expect(sale).toMatchObject({ rulesVersion: 1, campaignDiscount: 5000, paid: 45000 });
    // 5% of 450 RUB = 22 points, plus the campaign's 100 split 180 : 270 over the lines.
    expect(applied({ body: sale }, 'spring')).toMatchObject({ discount: 5000, points: 100, lines: [{ lineNo: 1, discount: 2000, points: 40 }, { lineNo: 2, discount: 3000, points: 60 }] });
    expect(sale.pointsEarned).toBe(122);
  });

  it('after the campaign is removed (v2), a return still reverses what v1 gave', async () => {
    const removed = await p.call('DELETE', '/v1/campaigns/spring', undefined, { role: 'marketer' });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ version: 2, rules: { campaigns: [] } });
    // A new receipt is priced under v2: no campaign.
    const now = await calculate(p, receipt('V-2', [line('SHIRT', 10000, 2), line('JEANS', 30000)], { member: { id: memberId } }));
    expect(now.body).toMatchObject({ rulesVersion: 2, campaigns: [], campaignDiscount: 0, pointsEarned: 25 });

    const shirts = sale.lines[0];
    const one = await giveBack(p, sale.id, [{ lineNo: 1, quantity: 1 }]);
    expect(one.status).toBe(201);
    // One shirt of two: half of the 180 RUB paid after the v1 discount (not 100 RUB), and half of the line's
    // points, the 40 campaign points included.
    expect(shirts.pointsEarned).toBeGreaterThan(40);
    expect(one.body).toMatchObject({ amount: 9000, pointsClawedBack: Math.floor(shirts.pointsEarned / 2) });

    const rest = await giveBack(p, sale.id, [{ lineNo: 1, quantity: 1 }, { lineNo: 2, quantity: 1 }]);
    expect(rest.status).toBe(201);
    expect(one.body.amount + rest.body.amount).toBe(45000);
    expect(one.body.pointsClawedBack + rest.body.pointsClawedBack).toBe(122);
    expect(await balance(p, memberId)).toBe(0);

    const stored = await p.call('GET', `/v1/receipts/${sale.id}`);
    expect(stored.body).toMatchObject({ rulesVersion: 1, campaignDiscount: 5000, pointsEarned: 122 });
    expect(stored.body.lines.map((l: Json) => [l.campaignDiscount, l.returnedQuantity])).toEqual([[2000, 2], [3000, 1]]);
  });
});

describe('simulating a draft', () => {
  let p: Programme;
  let memberId: string;
  const draft = {
    campaigns: [
      { code: 'everyday', name: 'Everyday points', effects: [{ code: 'points_fixed', args: { points: 10 } }] },
      { code: 'coffee_x3', name: 'Triple points on coffee', effects: [{ code: 'points_multiplier', args: { multiplier: 3, match: { categories: ['coffee'] } } }] },
      { code: 'big_basket', name: '10% from 1000 RUB', conditions: { all: [{ code: 'receipt_total', args: { min: 100000 } }] }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] },
      { code: 'summer', name: 'Summer', schedule: { from: '2026-06-01T00:00:00+03:00' }, effects: [{ code: 'discount_percent', args: { percent: 5 } }] },
      { code: 'chosen_few', name: 'For chosen members', audience: { kind: 'members', members: ['mem_SOMEONE_ELSE'] }, effects: [{ code: 'points_fixed', args: { points: 1000 } }] },
      { code: 'switched_off', name: 'Off', enabled: false, effects: [{ code: 'points_fixed', args: { points: 1000 } }] },
    ],
  };
  const basket = () => receipt('SIM-1', [line('LATTE', 30000, 1, { category: 'coffee' }), line('CAKE', 20000)], { member: { id: memberId } });

  beforeAll(async () => {
    p = await newProgramme(db, settings);
    await category(p, 'coffee', 'Кофе');
    expect((await publish(p, { campaigns: [draft.campaigns[0]] })).body.version).toBe(1);
    memberId = await newMember(p);
  });

  const untouched = async () => {
    const count = async (table: string) => Number((await db.query<{ n: number }>(`select count(*)::int as n from ${table} where program_id = $1`, [p.programId]))[0]?.n);
    return {
      rows: await footprint(p),
      published: await published(p),
      grants: await count('campaign_grants'),
      budgets: await count('campaign_budgets'),
      audit: await count('audit_log'),
      balance: await balance(p, memberId),
    };
  };

  it('shows what would apply, what would not and why, as the next version, and writes nothing', async () => {
    const before = await untouched();
    const res = await p.call('POST', '/v1/rules/simulate', { rules: draft, receipt: basket() }, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.rulesVersion).toBe(2);
    expect(appliedCodes(res)).toEqual(['coffee_x3', 'everyday']);
    // 5% of 300 RUB of coffee is 15 points, tripled: +30.
    expect(applied(res, 'coffee_x3')).toMatchObject({ points: 30, lines: [{ lineNo: 1, points: 30 }] });
    expect(res.body.pointsEarned).toBe(25 + 30 + 10);
    expect(Object.fromEntries((res.body.skippedCampaigns as Json[]).map((s) => [s.campaign, s.reason]))).toEqual({
      big_basket: 'conditions',
      summer: 'not_scheduled',
      chosen_few: 'audience',
      switched_off: 'disabled',
    });
    expect(skipped(res, 'big_basket')?.message).toBe('condition not met: receipt_total');
    expect(await untouched()).toEqual(before);
  });

  it('without a draft, prices under the published rules', async () => {
    const res = await p.call('POST', '/v1/rules/simulate', { receipt: basket() }, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rulesVersion: 1, pointsEarned: 35, skippedCampaigns: [] });
    expect(appliedCodes(res)).toEqual(['everyday']);
  });

  it('an invalid draft is refused with the field named', async () => {
    const before = await untouched();
    const res = await p.call('POST', '/v1/rules/simulate', { rules: { campaigns: [{ code: 'x', name: 'X', effects: [{ code: 'teleport', args: {} }] }] }, receipt: basket() }, { role: 'readonly' });
    expectProblem(res, 422, 'invalid_rules', /unknown effect "teleport"/);
    expect(res.body.errors).toEqual([{ path: 'campaigns.0.effects.0.code', message: 'unknown effect "teleport"' }]);
    expect(await untouched()).toEqual(before);
  });
});

describe('backtest', () => {
  let p: Programme;
  const sales: Json[] = [];
  const inputs: Json[] = [];
  const draft = {
    campaigns: [
      { code: 'coffee_x2', name: 'Double points on coffee', effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { categories: ['coffee'] } } }] },
      { code: 'big_basket', name: '5% from 600 RUB', conditions: { all: [{ code: 'receipt_total', args: { min: 60000 } }] }, effects: [{ code: 'discount_percent', args: { percent: 5 } }] },
      { code: 'morning', name: 'Morning bonus', conditions: { all: [{ code: 'time_of_day', args: { from: '08:00', to: '11:00' } }] }, effects: [{ code: 'points_fixed', args: { points: 25 } }] },
      { code: 'family_3for2', name: 'Third free for big families', conditions: { all: [{ code: 'member_attribute', args: { attribute: 'big_family', op: 'eq', value: true } }] }, effects: [{ code: 'n_for_m', args: { n: 3, m: 2 } }] },
      { code: 'tuesday', name: '30 RUB off on Tuesdays', conditions: { all: [{ code: 'day_of_week', args: { days: [2] } }] }, effects: [{ code: 'discount_fixed', args: { amount: 3000 } }] },
      { code: 'pensioners', name: 'Pensioners: 7% of the paid amount', conditions: { all: [{ code: 'member_attribute', args: { attribute: 'age', op: 'gte', value: 60 } }] }, effects: [{ code: 'points_percent', args: { percent: 7 } }] },
    ],
  };

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-03-02T05:00:00Z');
    await category(p, 'coffee', 'Кофе');
    // The published rules give something too, so both sides of the report have numbers.
    await putCampaign(p, 'everyday', { name: 'Everyday points', effects: [{ code: 'points_fixed', args: { points: 10 } }] });
    const members = [
      await newMember(p, { attributes: { big_family: true } }),
      await newMember(p, { birthDate: '1955-04-01' }),
      await newMember(p, { birthDate: '1990-04-01', attributes: { big_family: false } }),
      await newMember(p),
      null,
    ];
    const baskets = [
      [line('LATTE', 24000, 1, { category: 'coffee' }), line('MILK', 8900, 3)],
      [line('BEANS', 75000, 1, { category: 'coffee' })],
      [line('BREAD', 4500, 2), line('CHEESE', 52000), line('APPLES', 19900, 0.756)],
      [line('CUP', 15000, 4), line('ESPRESSO', 9000, 2, { category: 'coffee' })],
      [line('WATER', 6000, 6)],
      [line('TEA', 31000), line('CAKE', 41000, 1, { discount: 1000 })],
    ];
    // 36 sales over six days, at hours from 06:00 to 21:00 Moscow time.
    for (let i = 0; i < 36; i++) {
      p.setNow(new Date(Date.parse('2026-03-02T03:00:00Z') + Math.floor(i / 6) * 86_400_000 + (i % 6) * 3 * 3_600_000 + i * 60_000));
      const member = members[i % members.length];
      const body = receipt(`BT-${i}`, baskets[(i * 7) % baskets.length] as ReturnType<typeof line>[], member ? { member: { id: member } } : {});
      const res = await confirm(p, body);
      expect(res.status).toBe(201);
      sales.push(res.body);
      inputs.push({ ...body, purchasedAt: res.body.purchasedAt });
    }
    p.setNow('2026-03-10T12:00:00+03:00');
  });

  it('adds up, per campaign, to the simulations of each receipt under the draft', async () => {
    const res = await p.call('POST', '/v1/rules/backtest', { rules: draft, from: '2026-03-01T00:00:00+03:00', to: '2026-03-09T00:00:00+03:00' }, { role: 'marketer' });
    expect(res.status).toBe(200);
    expect(res.body.receipts).toBe(36);

    const expected = new Map(draft.campaigns.map((c) => [c.code, { points: 0, discount: 0, receipts: 0 }]));
    let discount = 0;
    for (const input of inputs) {
      const sim = await p.call('POST', '/v1/rules/simulate', { rules: draft, receipt: input }, { role: 'readonly' });
      expect(sim.status).toBe(200);
      discount += sim.body.campaignDiscount;
      for (const a of sim.body.campaigns as Json[]) {
        const t = expected.get(a.campaign);
        if (!t) throw new Error(`unexpected campaign ${a.campaign}`);
        t.points += a.points;
        t.discount += a.discount;
        t.receipts += 1;
      }
    }
    const got = new Map((res.body.draft.campaigns as Json[]).map((c) => [c.campaign, { points: c.points, discount: c.discount, receipts: c.receipts }]));
    expect(got).toEqual(expected);
    // Every campaign of the draft did something in this period, so the comparison means something.
    for (const [code, t] of expected) expect(t.points + t.discount, code).toBeGreaterThan(0);
    expect(res.body.draft.discount).toBe(discount);
  });

  it('replays the published rules as the receipts were actually priced', async () => {
    const res = await p.call('POST', '/v1/rules/backtest', { rules: draft, from: '2026-03-01T00:00:00+03:00', to: '2026-03-09T00:00:00+03:00' }, { role: 'marketer' });
    const members = sales.filter((s) => s.memberId);
    expect(res.body.published).toMatchObject({
      version: 1,
      pointsIssued: members.reduce((a, s) => a + s.pointsEarned, 0),
      campaignPoints: members.length * 10,
      discount: 0,
      campaigns: [{ campaign: 'everyday', receipts: members.length, points: members.length * 10, discount: 0 }],
    });
  });

  it('reads members and receipts a page at a time to the same result', async () => {
    const whole = await p.call('POST', '/v1/rules/backtest', { rules: draft, from: '2026-03-01T00:00:00+03:00', to: '2026-03-09T00:00:00+03:00' }, { role: 'marketer' });
    const period = { from: new Date('2026-03-01T00:00:00+03:00'), to: new Date('2026-03-09T00:00:00+03:00') };
    const paged = await backtest(p.deps, p.programId, draft, period, { pageSize: 2 });
    if (!paged.ok) throw new Error(paged.message);
    expect({ ...paged.value, millis: 0 }).toEqual({ ...whole.body, millis: 0 });
    // Receipts bought at instants finer than a millisecond (as a database tool may write them) are each read once.
    const shift = (sign: string) => p.deps.db.query(`update receipts set purchased_at = purchased_at ${sign} interval '250 microseconds' where program_id = $1`, [p.programId]);
    await shift('+');
    try {
      const fine = await backtest(p.deps, p.programId, draft, period, { pageSize: 2 });
      expect(fine.ok && fine.value.receipts).toBe(whole.body.receipts);
    } finally {
      await shift('-');
    }
  });

  it('counts only the receipts of the period', async () => {
    const res = await p.call('POST', '/v1/rules/backtest', { rules: draft, from: '2026-03-02T00:00:00+03:00', to: '2026-03-03T00:00:00+03:00' }, { role: 'marketer' });
    expect(res.body.receipts).toBe(6);
  });
});

describe('audit trail of campaign changes', () => {
  it('records who created, changed and removed a campaign, with the before and after', async () => {
    const p = await newProgramme(db, settings);
    const v1 = { name: 'Autumn', effects: [{ code: 'points_fixed', args: { points: 10 } }] };
    const v2 = { name: 'Autumn, more', effects: [{ code: 'points_fixed', args: { points: 20 } }] };
    expect((await putCampaign(p, 'autumn', v1)).status).toBe(200);
    expect((await putCampaign(p, 'autumn', v2)).status).toBe(200);
    expect((await p.call('DELETE', '/v1/campaigns/autumn', undefined, { role: 'admin' })).status).toBe(200);

    const res = await p.call('GET', '/v1/audit?entity=campaign', undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    const items = res.body.items as Json[];
    expect(items.map((i) => [i.action, i.entity, i.entityId])).toEqual([
      ['remove', 'campaign', 'autumn'],
      ['change', 'campaign', 'autumn'],
      ['create', 'campaign', 'autumn'],
    ]);
    const [removed, changed, created] = items as [Json, Json, Json];
    expect(created).toMatchObject({ actor: expect.stringContaining('marketer'), before: null, after: { code: 'autumn', ...v1 } });
    expect(changed).toMatchObject({ actor: expect.stringContaining('marketer'), before: { name: 'Autumn', effects: v1.effects }, after: { name: 'Autumn, more', effects: v2.effects } });
    expect(removed).toMatchObject({ actor: expect.stringContaining('admin'), before: { name: 'Autumn, more' }, after: null });
    for (const i of items) expect(i.at).toEqual(expect.any(String));
  });
});

describe('audit trail of settings', () => {
  it('records who changed which settings, with the values before and after', async () => {
    const p = await newProgramme(db, settings);
    expect((await p.call('PATCH', '/v1/program/settings', { pendingDays: 7, maxRedemptionPercent: 30 }, { role: 'marketer' })).status).toBe(200);
    const res = await p.call('GET', '/v1/audit?entity=settings');
    expect(res.body.items).toEqual([
      expect.objectContaining({
        action: 'change',
        entityId: '2',
        actor: expect.stringContaining('marketer'),
        before: { pendingDays: 0, maxRedemptionPercent: 50 },
        after: { pendingDays: 7, maxRedemptionPercent: 30 },
      }),
    ]);
  });
});

describe('per-member limit: once a day', () => {
  let p: Programme;
  let anna: string;
  let boris: string;
  const sale = (number: string, memberId: string) => receipt(number, [line('COFFEE', 20000)], { member: { id: memberId } });

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-02-02T07:00:00Z');
    const res = await putCampaign(p, 'daily_bonus', {
      name: '50 points once a day',
      limits: { perMember: { period: 'day', uses: 1 } },
      effects: [{ code: 'points_fixed', args: { points: 50 } }],
    });
    expect(res.status).toBe(200);
    anna = await newMember(p);
    boris = await newMember(p);
  });

  it('applies on the first receipt of the day only, for each member', async () => {
    const first = await confirm(p, sale('D-1', anna));
    expect(applied(first, 'daily_bonus')).toMatchObject({ points: 50 });

    // 23:30 in Moscow, the same day.
    p.setNow('2026-02-02T20:30:00Z');
    const again = await confirm(p, sale('D-2', anna));
    expect(again.body.campaigns).toEqual([]);
    expect(skipped(again, 'daily_bonus')).toMatchObject({ reason: 'member_limit', message: 'used 1 times in this day' });
    expect(again.body.pointsEarned).toBe(10);
    expect(skipped(await calculate(p, sale('D-3', anna)), 'daily_bonus')).toMatchObject({ reason: 'member_limit' });

    const other = await confirm(p, sale('D-4', boris));
    expect(applied(other, 'daily_bonus')).toMatchObject({ points: 50 });
  });

  it('applies again once the Moscow day turns', async () => {
    // 21:30 UTC is 00:30 the next day in Moscow.
    p.setNow('2026-02-02T21:30:00Z');
    const next = await confirm(p, sale('D-5', anna));
    expect(applied(next, 'daily_bonus')).toMatchObject({ points: 50 });
    expect(await balance(p, anna)).toBe(60 + 10 + 60);
  });
});

describe("a member's purchase count", () => {
  it('gives the welcome bonus on the first purchase only, and the returning-customer bonus from the second', async () => {
    const p = await newProgramme(db, settings);
    expect((await p.call('PUT', '/v1/rules', {
      campaigns: [
        { code: 'welcome', name: 'Welcome', conditions: { code: 'first_purchase', args: {} }, effects: [{ code: 'points_fixed', args: { points: 100 } }] },
        { code: 'again', name: 'Welcome back', conditions: { not: { code: 'first_purchase', args: {} } }, effects: [{ code: 'points_fixed', args: { points: 7 } }] },
        { code: 'third', name: 'Every third', conditions: { code: 'nth_purchase', args: { n: 3, every: true } }, effects: [{ code: 'points_fixed', args: { points: 30 } }] },
      ],
    }, { role: 'marketer' })).status).toBe(200);
    const anna = await newMember(p);
    const codes = [];
    for (const n of [1, 2, 3, 4]) codes.push(appliedCodes(await confirm(p, receipt(`P-${n}`, [line('COFFEE', 20000)], { member: { id: anna } }))));
    expect(codes).toEqual([['welcome'], ['again'], ['again', 'third'], ['again']]);
  });
});

describe('per-receipt cap on points', () => {
  it('caps the campaign points of one receipt, keeping their split over lines', async () => {
    const p = await newProgramme(db, settings);
    const memberId = await newMember(p);
    await putCampaign(p, 'half_back', {
      name: '50% back in points, at most 100 a receipt',
      limits: { perReceipt: { points: 100 } },
      effects: [{ code: 'points_percent', args: { percent: 50 } }],
    });
    const big = await confirm(p, receipt('CAP-1', [line('TV', 60000), line('CABLE', 40000)], { member: { id: memberId } }));
    expect(big.status).toBe(201);
    // 50% of 1000 RUB would be 500 points.
    expect(applied(big, 'half_back')).toMatchObject({ points: 100, lines: [{ lineNo: 1, points: 60 }, { lineNo: 2, points: 40 }] });
    expect(big.body.pointsEarned).toBe(50 + 100);

    const small = await confirm(p, receipt('CAP-2', [line('CABLE', 10000)], { member: { id: memberId } }));
    expect(applied(small, 'half_back')).toMatchObject({ points: 50 });
    expect(small.body.pointsEarned).toBe(5 + 50);
  });
});

describe('an earlier version', () => {
  it('is read as it was published, and published again rolls the rules back, as a new version', async () => {
    const p = await newProgramme(db, settings);
    expect((await category(p, 'coffee', 'Кофе')).status).toBe(200);
    expect((await p.call('PUT', '/v1/campaigns/coffee_week', coffeeWeek, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/campaigns/coffee_week', { ...coffeeWeek, name: 'Triple' }, { role: 'marketer' })).status).toBe(200);

    const first = await p.call('GET', '/v1/rules/versions/1', undefined, { role: 'readonly' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, actor: expect.stringContaining('marketer'), rules: { campaigns: [{ code: 'coffee_week', name: 'Double points on coffee' }] } });
    expect(Date.parse(first.body.at)).not.toBeNaN();

    const rolledBack = await p.call('PUT', '/v1/rules', first.body.rules, { role: 'marketer' });
    expect(rolledBack.body.version).toBe(3);
    expect((await p.call('GET', '/v1/campaigns/coffee_week')).body.name).toBe('Double points on coffee');

    for (const [path, status] of [['/v1/rules/versions/9', 404], ['/v1/rules/versions/0', 400], ['/v1/rules/versions/one', 400]] as const) {
      const res = await p.call('GET', path, undefined, { role: 'readonly' });
      expect(res.status, path).toBe(status);
      expect(res.body.code).toBe(status === 404 ? 'not_found' : 'validation_failed');
    }
  });
});
