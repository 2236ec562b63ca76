import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused, validCardNumber } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// What a review of the rules engine found, as a shop or a marketer would notice it, and how it behaves now:
// budgets, member limits, full returns, referral limits, till enrolment, idempotent coupon batches.
// Moscow time, 5% of the paid amount, points available at once.
const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 };

type Json = Record<string, any>;

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db?.close());

const publish = (p: Programme, rules: unknown) => p.call('PUT', '/v1/rules', rules, { role: 'marketer' });
const putCampaign = (p: Programme, code: string, campaign: Json) => p.call('PUT', `/v1/campaigns/${code}`, campaign, { role: 'marketer' });
const calculate = (p: Programme, body: unknown) => p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
const confirm = (p: Programme, body: unknown) => p.call('POST', '/v1/receipts', body, { role: 'pos' });
const cancel = (p: Programme, id: string) => p.call('POST', `/v1/receipts/${id}/cancel`, undefined, { role: 'pos' });

async function join(p: Programme, profile: Json = {}): Promise<string> {
  const res = await p.call('POST', '/v1/members', { name: 'Покупатель', ...profile }, { role: 'pos' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.member.id;
}
const balance = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}/balance`, undefined, { role: 'readonly' })).body as { available: number; pending: number };

const applied = (res: { body: Json }, code: string) => (res.body.campaigns as Json[]).find((c) => c.campaign === code);
const skipped = (res: { body: Json }, code: string) => (res.body.skippedCampaigns as Json[]).find((c) => c.campaign === code);
const campaignPoints = (res: { body: Json }, code: string) => applied(res, code)?.points ?? 0;
const budgetLeft = async (p: Programme, code: string) =>
  ((await p.call('GET', '/v1/campaigns', undefined, { role: 'readonly' })).body.items as Json[]).find((c) => c.code === code)?.budgetLeft;

let numbers = 0;
/** A sale of one 100 RUB item, by a member or anonymous. */
const sale = (memberId: string | null, extra: Json = {}) =>
  receipt(`RG-${++numbers}`, [line('ITEM', 10_000)], { ...(memberId ? { member: { id: memberId } } : {}), ...extra });

describe('campaign budgets', () => {
  it('a points budget on a campaign that also gives a discount: receipts go through, points come from the budget, the discount is not limited', async () => {
    const p = await newProgramme(db, settings);
    const put = await putCampaign(p, 'mix', {
      name: '10% off and 10 points',
      limits: { budget: { points: 1000 } },
      effects: [
        { code: 'discount_percent', args: { percent: 10 } },
        { code: 'points_fixed', args: { points: 10 } },
      ],
    });
    expect(put.status).toBe(200);
    const member = await join(p);

    const calc = await calculate(p, sale(member));
    expect(calc.status).toBe(200);
    expect(applied(calc, 'mix')).toMatchObject({ points: 10, discount: 1000 });

    for (let i = 1; i <= 3; i++) {
      const res = await confirm(p, sale(member));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(applied(res, 'mix')).toMatchObject({ points: 10, discount: 1000 });
      expect(res.body).toMatchObject({ campaignDiscount: 1000, paid: 9000 });
      expect((await budgetLeft(p, 'mix')).points).toBe(1000 - 10 * i);
    }
    // An anonymous sale gets the discount too; the budget of points is not what limits it.
    const anonymous = await confirm(p, sale(null));
    expect(anonymous.status, JSON.stringify(anonymous.body)).toBe(201);
    expect(anonymous.body).toMatchObject({ campaignDiscount: 1000, paid: 9000 });
    expect((await budgetLeft(p, 'mix')).points).toBe(1000 - 10 * 3 - campaignPoints(anonymous, 'mix'));
    await expectLedgerAgrees(p, member);
  });

  it('the campaigns list says what each campaign has given, and a receipt cancelled gives it back', async () => {
    const p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'given', { name: '5% off and 7 points', effects: [{ code: 'discount_percent', args: { percent: 5 } }, { code: 'points_fixed', args: { points: 7 } }] })).status).toBe(200);
    const member = await join(p);
    const given = async () => ((await p.call('GET', '/v1/campaigns', undefined, { role: 'readonly' })).body.items as Json[]).find((c) => c.code === 'given')?.given;
    expect(await given()).toEqual({ points: 0, discount: 0, receipts: 0 });
    const sales = [await confirm(p, sale(member)), await confirm(p, sale(member))];
    expect(await given()).toEqual({ points: 14, discount: 1000, receipts: 2 });
    expect((await p.call('POST', `/v1/receipts/${sales[0]!.body.id}/cancel`, {}, { role: 'pos' })).status).toBe(201);
    expect(await given()).toEqual({ points: 7, discount: 500, receipts: 1 });
  });

  it('removing a budget and adding it back does not refill it: the budget counts all the campaign ever gave', async () => {
    const p = await newProgramme(db, settings);
    const campaign = { name: '300 points while the budget lasts', limits: { budget: { points: 1000 } }, effects: [{ code: 'points_fixed', args: { points: 300 } }] };
    expect((await putCampaign(p, 'bonus', campaign)).status).toBe(200);
    const member = await join(p);
    expect(campaignPoints(await confirm(p, sale(member)), 'bonus')).toBe(300);
    expect((await budgetLeft(p, 'bonus')).points).toBe(700);

    // Without a budget for a while, then the same budget again.
    expect((await putCampaign(p, 'bonus', { ...campaign, limits: {} })).status).toBe(200);
    expect(await budgetLeft(p, 'bonus')).toBeNull();
    expect((await putCampaign(p, 'bonus', campaign)).status).toBe(200);
    expect((await budgetLeft(p, 'bonus')).points).toBe(700);

    // Deleted and created again under the same code.
    expect((await p.call('DELETE', '/v1/campaigns/bonus', undefined, { role: 'marketer' })).status).toBe(200);
    expect(await budgetLeft(p, 'bonus')).toBeUndefined();
    expect((await putCampaign(p, 'bonus', campaign)).status).toBe(200);
    expect((await budgetLeft(p, 'bonus')).points).toBe(700);

    // Two more grants of 300 fit, the third gets the 100 left, then nothing: 1000 in all.
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await confirm(p, sale(member)));
    expect(more.map((r) => campaignPoints(r, 'bonus'))).toEqual([300, 300, 100, 0]);
    expect(skipped(more[3]!, 'bonus')).toMatchObject({ reason: 'budget_spent' });
    expect((await budgetLeft(p, 'bonus')).points).toBe(0);
  });

  it('a draft that adds a campaign with a new budget applies it in the simulation, not budget_spent', async () => {
    const p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'other', { name: 'Other', effects: [{ code: 'points_fixed', args: { points: 1 } }] })).status).toBe(200);
    const member = await join(p);
    const draft = {
      campaigns: [
        { code: 'other', name: 'Other', effects: [{ code: 'points_fixed', args: { points: 1 } }] },
        { code: 'fresh', name: 'New with a budget', limits: { budget: { points: 100_000 } }, effects: [{ code: 'points_fixed', args: { points: 100 } }] },
      ],
    };
    const simulated = await p.call('POST', '/v1/rules/simulate', { rules: draft, receipt: sale(member) }, { role: 'readonly' });
    expect(simulated.status, JSON.stringify(simulated.body)).toBe(200);
    expect(applied(simulated, 'fresh')).toMatchObject({ points: 100 });
    expect(skipped(simulated, 'fresh')).toBeUndefined();

    // Published, it gives the same.
    expect((await publish(p, draft)).status).toBe(200);
    expect(applied(await calculate(p, sale(member)), 'fresh')).toMatchObject({ points: 100 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('a budget cut after part of it was spent, then many tills at once (PostgreSQL)', () => {
  it('never grants more than the new budget over all receipts', async () => {
    const p = await newProgramme(db, settings);
    const campaign = (points: number, budget: number) => ({ name: 'Budgeted', limits: { budget: { points: budget } }, effects: [{ code: 'points_fixed', args: { points } }] });
    expect((await putCampaign(p, 'cut', campaign(1000, 8000))).status).toBe(200);
    const members: string[] = [];
    for (let i = 0; i < 30; i++) members.push(await join(p, { name: `Race ${i}` }));

    let granted = 0;
    for (const id of members.slice(0, 7)) {
      const res = await confirm(p, sale(id));
      expect(res.status).toBe(201);
      granted += campaignPoints(res, 'cut');
    }
    expect(granted).toBe(7000);
    expect((await budgetLeft(p, 'cut')).points).toBe(1000);

    expect((await putCampaign(p, 'cut', campaign(100, 7100))).status).toBe(200);
    expect((await budgetLeft(p, 'cut')).points).toBe(100);

    const rush = await Promise.all(members.slice(7).map((id) => confirm(p, sale(id))));
    expect(rush.map((r) => r.status)).toEqual(Array(23).fill(201));
    const inRush = rush.reduce((a, r) => a + campaignPoints(r, 'cut'), 0);
    expect(granted + inRush).toBeLessThanOrEqual(7100);
    expect(inRush).toBe(100);
    expect(rush.filter((r) => campaignPoints(r, 'cut') > 0)).toHaveLength(1);
    for (const r of rush.filter((x) => !campaignPoints(x, 'cut'))) expect(skipped(r, 'cut')).toMatchObject({ reason: 'budget_spent' });
    expect((await budgetLeft(p, 'cut')).points).toBe(0);
  });
});

describe('n for the price of m', () => {
  let p: Programme;
  beforeAll(async () => {
    p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'three_for_two', { name: '3 for 2', effects: [{ code: 'n_for_m', args: { n: 3, m: 2 } }] })).status).toBe(200);
  });

  it('prices a line of a million units: a third of them free', async () => {
    const res = await calculate(p, receipt('NM-1', [line('NAIL', 100, 1_000_000)]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 333,333 of the 1,000,000 nails at 1 RUB are free.
    expect(applied(res, 'three_for_two')).toMatchObject({ discount: 33_333_300, lines: [{ lineNo: 1, discount: 33_333_300 }] });
    expect(res.body.campaignDiscount).toBe(33_333_300);
  });

  it('prices 20 lines of a million units each: a third of all units free, each line its share', async () => {
    const lines = Array.from({ length: 20 }, (_, i) => line(`NAIL${i}`, 100, 1_000_000));
    const res = await calculate(p, receipt('NM-2', lines));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 20,000,000 units of the same price in a run: 6,666,666 full groups of 3, one free unit in each. A line of
    // 1,000,000 units starts at unit 1,000,000 x k; its free units are the group ends inside it.
    const free = (k: number) => {
      const end = Math.floor(20_000_000 / 3) * 3;
      const before = (x: number) => Math.floor(Math.min(x, end) / 3) + Math.max(0, (Math.min(x, end) % 3) - 2);
      return before((k + 1) * 1_000_000) - before(k * 1_000_000);
    };
    const expected = lines.map((_, k) => free(k) * 100);
    expect(expected.reduce((a, d) => a + d, 0)).toBe(666_666_600);
    expect(new Set(expected)).toEqual(new Set([33_333_300, 33_333_400]));
    const promo = applied(res, 'three_for_two') as Json;
    expect(promo.discount).toBe(666_666_600);
    expect(promo.lines.map((l: Json) => l.discount)).toEqual(expected);
    expect(res.body.lines.map((l: Json) => l.campaignDiscount)).toEqual(expected);
    expect(res.body.campaignDiscount).toBe(666_666_600);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the referral monthly limit with many newcomers at once (PostgreSQL)', () => {
  it('links one newcomer as pending and rejects the other 19', async () => {
    const p = await newProgramme(db, settings);
    expect((await publish(p, { referral: { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 0, maxRewardsPerMonth: 1 } })).status).toBe(200);
    const anna = await join(p, { name: 'Анна' });
    const code = (await p.call('GET', `/v1/members/${anna}/referral`, undefined, { role: 'pos' })).body.code;
    const joined = await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.call('POST', '/v1/members', { name: `Друг ${i}`, referralCode: code }, { role: 'pos' })),
    );
    expect(joined.map((r) => r.status)).toEqual(Array(20).fill(201));
    const tree = (await p.call('GET', `/v1/members/${anna}/referrals`, undefined, { role: 'readonly' })).body.items as Json[];
    expect(tree).toHaveLength(20);
    expect(tree.filter((n) => n.status === 'pending')).toHaveLength(1);
    const rejected = tree.filter((n) => n.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const n of rejected) expect(n.reason).toBe('referrer_monthly_limit');
  });
});

describe('actions only the programme records', () => {
  let p: Programme;
  let member: string;
  const count = async (table: 'member_events' | 'campaign_grants') =>
    Number((await p.deps.db.query<{ n: number }>(`select count(*)::int as n from ${table} where program_id = $1`, [p.programId]))[0]?.n);

  beforeAll(async () => {
    p = await newProgramme(db, settings, '2026-03-10T09:00:00Z');
    const event = (code: string, type: string, points: number) => ({
      code,
      name: code,
      trigger: 'event',
      conditions: { code: 'event_type', args: { types: [type] } },
      effects: [{ code: 'points_fixed', args: { points } }],
    });
    expect((await publish(p, { campaigns: [event('welcome', 'registration', 100), event('birthday_gift', 'birthday', 500)] })).status).toBe(200);
    member = await join(p, { birthDate: '1990-03-10' });
    expect(await balance(p, member)).toMatchObject({ available: 100 });
  });

  for (const type of ['registration', 'birthday'])
    it(`a till or an app cannot send '${type}' to collect its points`, async () => {
      const observe = async () => ({ balance: await balance(p, member), events: await count('member_events'), grants: await count('campaign_grants') });
      await expectRefused(p, () => p.call('POST', '/v1/events', { id: `${type}-again`, memberId: member, type }, { role: 'pos' }), { status: 422, code: 'unknown_action_type', detail: new RegExp(type) }, observe);
      expect(await balance(p, member)).toMatchObject({ available: 100 });
    });
});

describe('a campaign limited per member', () => {
  it('is skipped for anonymous receipts and applies once for a member', async () => {
    const p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'once', { name: 'Half price, once', limits: { perMember: { period: 'lifetime', uses: 1 } }, effects: [{ code: 'discount_percent', args: { percent: 50 } }] })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const anonymous = await confirm(p, sale(null));
      expect(anonymous.status).toBe(201);
      expect(anonymous.body).toMatchObject({ campaignDiscount: 0, paid: 10_000, campaigns: [] });
      expect(skipped(anonymous, 'once')).toMatchObject({ reason: 'audience' });
    }
    const member = await join(p);
    const first = await confirm(p, sale(member));
    expect(first.body).toMatchObject({ campaignDiscount: 5000, paid: 5000 });
    const second = await confirm(p, sale(member));
    expect(second.body).toMatchObject({ campaignDiscount: 0, paid: 10_000 });
    expect(skipped(second, 'once')).toMatchObject({ reason: 'member_limit' });
  });
});

describe('a receipt cancelled in full', () => {
  it('expires the coupon it earned and gives the member the once-only campaign again', async () => {
    const p = await newProgramme(db, settings);
    const rules = {
      campaigns: [
        { code: 'next_visit', name: 'Half price next visit', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 50 } }] },
        { code: 'give_coupon', name: 'A coupon for the next visit', effects: [{ code: 'issue_coupon', args: { campaign: 'next_visit' } }] },
        { code: 'welcome', name: 'Welcome points, once', limits: { perMember: { period: 'lifetime', uses: 1 } }, effects: [{ code: 'points_fixed', args: { points: 500 } }] },
      ],
    };
    expect((await publish(p, rules)).status).toBe(200);
    const member = await join(p);
    const sold = await confirm(p, sale(member));
    expect(sold.status).toBe(201);
    expect(applied(sold, 'welcome')).toMatchObject({ points: 500 });
    expect(sold.body.couponsIssued).toEqual([expect.objectContaining({ campaign: 'next_visit' })]);
    const issued: string = sold.body.couponsIssued[0].code;

    p.advanceDays(0.01);
    const cancelled = await cancel(p, sold.body.id);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(201);
    expect(cancelled.body.couponsVoided).toEqual([issued]);
    expect(cancelled.body.couponsRestored).toEqual([]);

    p.advanceDays(0.01);
    const withCoupon = await calculate(p, sale(member, { coupons: [issued] }));
    expect(withCoupon.body.coupons).toEqual([expect.objectContaining({ code: issued, status: 'rejected', reason: 'expired' })]);
    expect(applied(withCoupon, 'next_visit')).toBeUndefined();

    const next = await confirm(p, sale(member));
    expect(next.status).toBe(201);
    expect(applied(next, 'welcome')).toMatchObject({ points: 500 });
    expect(skipped(next, 'welcome')).toBeUndefined();
    await expectLedgerAgrees(p, member);
  });

  it('a full return of every paid line, the gift line kept, gives back the coupon the receipt used', async () => {
    const p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'promo', { name: 'Promo code', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] })).status).toBe(200);
    const made = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 1 });
    expect(made.status).toBe(201);
    const code: string = made.body.codes[0];
    const member = await join(p);
    const sold = await confirm(
      p,
      receipt('GIFT-1', [line('TEA', 10_000, 2), line('CUP', 5_000, 1, { isReward: true }), line('MUG', 20_000)], { member: { id: member }, coupons: [code] }),
    );
    expect(sold.status).toBe(201);
    expect(sold.body.coupons).toEqual([{ code, status: 'applied', campaign: 'promo' }]);
    expect((await p.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(1);

    const back = await p.call('POST', `/v1/receipts/${sold.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 2 }, { lineNo: 3, quantity: 1 }] }, { role: 'pos' });
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body.couponsRestored).toEqual([code]);
    expect((await p.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(0);
    expect((await calculate(p, sale(member, { coupons: [code] }))).body.coupons).toEqual([{ code, status: 'applied', campaign: 'promo' }]);
  });
});

describe('receipts sent in a batch', () => {
  it("gives a newcomer's referral bonus on a first purchase sent through the batch, and qualifies the referral", async () => {
    const p = await newProgramme(db, settings);
    expect((await publish(p, { referral: { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 0, maxRewardsPerMonth: 5 } })).status).toBe(200);
    const anna = await join(p, { name: 'Анна' });
    const code = (await p.call('GET', `/v1/members/${anna}/referral`, undefined, { role: 'pos' })).body.code;
    const boris = await join(p, { name: 'Борис', referralCode: code });
    const res = await p.call('POST', '/v1/receipts/batch', { receipts: [sale(boris)] }, { role: 'pos' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ confirmed: 1, failed: 0 });
    expect(res.body.results[0]).toMatchObject({ status: 201, receipt: { pointsEarned: 5, referralBonus: 200, balance: { available: 205 } } });
    expect(await balance(p, boris)).toMatchObject({ available: 205 });
    const tree = (await p.call('GET', `/v1/members/${anna}/referrals`, undefined, { role: 'readonly' })).body.items as Json[];
    expect(tree).toEqual([expect.objectContaining({ memberId: boris, status: 'qualified' })]);
    await expectLedgerAgrees(p, boris);
  });
});

describe('a member enrolled at the till', () => {
  it('by an unknown card on the first receipt gets the registration action of the event campaigns', async () => {
    const p = await newProgramme(db, { ...settings, enrollOnUnknownCard: true });
    expect(
      (
        await publish(p, {
          campaigns: [{ code: 'welcome', name: 'Welcome', trigger: 'event', conditions: { code: 'event_type', args: { types: ['registration'] } }, effects: [{ code: 'points_fixed', args: { points: 100 } }] }],
        })
      ).status,
    ).toBe(200);
    const card = validCardNumber('200000000000');
    const res = await confirm(p, sale(null, { member: { cardNumber: card } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const member: string = res.body.memberId;
    expect(member).toEqual(expect.any(String));
    // The welcome 100 and 5 points of the purchase.
    expect(res.body.balance).toMatchObject({ available: 105 });
    expect(await balance(p, member)).toMatchObject({ available: 105 });
    const history = (await p.call('GET', `/v1/members/${member}/history`, undefined, { role: 'readonly' })).body.items as Json[];
    expect(history.filter((i) => i.kind === 'action')).toEqual([expect.objectContaining({ kind: 'action', available: 100 })]);
    await expectLedgerAgrees(p, member);

    // The card's next receipt is no new registration.
    const again = await confirm(p, sale(null, { member: { cardNumber: card } }));
    expect(again.body.memberId).toBe(member);
    expect(await balance(p, member)).toMatchObject({ available: 110 });
  });
});

describe('member attributes', () => {
  it("'exists' on an attribute named like an object property does not match a member without it", async () => {
    const p = await newProgramme(db, settings);
    const exists = (attribute: string) => ({
      name: `has ${attribute}`,
      conditions: { code: 'member_attribute', args: { attribute, op: 'exists' } },
      effects: [{ code: 'points_fixed', args: { points: 50 } }],
    });
    expect((await publish(p, { campaigns: [{ code: 'has_constructor', ...exists('constructor') }, { code: 'has_to_string', ...exists('toString') }] })).status).toBe(200);
    const plain = await join(p);
    const res = await calculate(p, sale(plain));
    expect(res.body.campaigns).toEqual([]);
    expect(skipped(res, 'has_constructor')).toMatchObject({ reason: 'conditions' });
    expect(skipped(res, 'has_to_string')).toMatchObject({ reason: 'conditions' });

    // A member who has it matches.
    const builder = await join(p, { attributes: { constructor: 'Lego' } });
    expect(applied(await calculate(p, sale(builder)), 'has_constructor')).toMatchObject({ points: 50 });
  });
});

describe('coupon batches', () => {
  it('retried with the same Idempotency-Key gives the first batch and makes no second one; another body under that key is refused', async () => {
    const p = await newProgramme(db, settings);
    expect((await putCampaign(p, 'promo', { name: 'Promo code', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] })).status).toBe(200);
    const coupons = async () => Number((await db.query<{ n: number }>('select count(*)::int as n from coupons where program_id = $1', [p.programId]))[0]?.n);
    const options = { headers: { 'idempotency-key': 'batch-spring' } };
    const body = { campaign: 'promo', count: 5, validTo: '2026-06-01T00:00:00+03:00' };

    const first = await p.call('POST', '/v1/coupons/batches', body, options);
    expect(first.status).toBe(201);
    expect(first.body.codes).toHaveLength(5);
    expect(await coupons()).toBe(5);

    const again = await p.call('POST', '/v1/coupons/batches', body, options);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await coupons()).toBe(5);
    const audit = await p.call('GET', '/v1/audit?entity=coupon_batch', undefined, { role: 'readonly' });
    expect(audit.body.items).toHaveLength(1);

    const other = await p.call('POST', '/v1/coupons/batches', { ...body, count: 6 }, options);
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await coupons()).toBe(5);

    // Without the key each request is a batch of its own.
    expect((await p.call('POST', '/v1/coupons/batches', body)).body.batch).not.toBe(first.body.batch);
    expect(await coupons()).toBe(10);
  });
});
