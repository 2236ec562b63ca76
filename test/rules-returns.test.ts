import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Whatever a campaign did to a receipt, returning all of it, in parts, gives back exactly what was paid and
// takes back exactly what was earned. A reward line (a gift) is never discounted and never earns.
type Json = Record<string, any>;

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const coffee = { categories: ['coffee'] };
const cases: { effect: string; args: Json; gives: 'points' | 'discount' }[] = [
  { effect: 'points_percent', args: { percent: 7.5, match: coffee }, gives: 'points' },
  { effect: 'points_fixed', args: { points: 333 }, gives: 'points' },
  { effect: 'points_multiplier', args: { multiplier: 3, match: coffee }, gives: 'points' },
  { effect: 'discount_percent', args: { percent: 15, match: coffee }, gives: 'discount' },
  { effect: 'discount_fixed', args: { amount: 10000 }, gives: 'discount' },
  { effect: 'n_for_m', args: { n: 3, m: 2 }, gives: 'discount' },
];

// Line 3 is a gift cup in the coffee category: it matches every campaign above but for being a reward.
const basket = () => [
  line('COFFEE', 25000, 3, { category: 'coffee' }),
  line('MUG', 12000, 2),
  line('GIFT_CUP', 9000, 1, { category: 'coffee', isReward: true }),
  line('BEANS', 33300, 1, { category: 'coffee' }),
];
const returns = [
  [{ lineNo: 1, quantity: 1 }, { lineNo: 2, quantity: 1 }],
  [{ lineNo: 1, quantity: 1 }, { lineNo: 4, quantity: 1 }],
  [{ lineNo: 1, quantity: 1 }, { lineNo: 2, quantity: 1 }, { lineNo: 3, quantity: 1 }],
];

describe.each(cases)('$effect', ({ effect, args, gives }) => {
  let p: Programme;
  let memberId: string;
  let sale: Json;
  const done: Json[] = [];

  beforeAll(async () => {
    p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, maxRedemptionPercent: 50 });
    expect((await p.call('PUT', '/v1/categories/coffee', { name: 'Кофе' }, { role: 'marketer' })).status).toBe(200);
    const published = await p.call('PUT', '/v1/campaigns/promo', { name: effect, effects: [{ code: effect, args }] }, { role: 'marketer' });
    expect(published.status).toBe(200);
    memberId = (await p.call('POST', '/v1/members', { name: 'Покупатель' })).body.member.id;
    expect((await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 1000, reason: 'opening balance' })).status).toBe(201);
    const sold = await p.call('POST', '/v1/receipts', receipt('RR-1', basket(), { member: { id: memberId }, pointsToSpend: 200 }), { role: 'pos' });
    expect(sold.status).toBe(201);
    sale = sold.body;
  });

  it('applies the campaign, but not to the reward line', () => {
    expect(sale.campaigns).toHaveLength(1);
    const promo = sale.campaigns[0];
    expect(promo.campaign).toBe('promo');
    expect(promo[gives]).toBeGreaterThan(0);
    expect(promo[gives === 'points' ? 'discount' : 'points']).toBe(0);
    expect(promo.lines.map((l: Json) => l.lineNo)).not.toContain(3);
    expect(sale.lines[2]).toMatchObject({ lineNo: 3, earns: false, redeemable: false, campaignDiscount: 0, pointsSpent: 0, pointsEarned: 0, paid: 9000 });
    expect(sale.campaignDiscount).toBe(gives === 'discount' ? promo.discount : 0);
    expect(sale.pointsSpent).toBe(200);
  });

  it('returned in three parts, gives back what was paid and takes back what was earned', async () => {
    for (const lines of returns) {
      const res = await p.call('POST', `/v1/receipts/${sale.id}/returns`, { lines }, { role: 'pos' });
      expect(res.status).toBe(201);
      done.push(res.body);
    }
    // The first return takes one coffee of three and one mug of two, priced as the receipt priced them.
    expect(done[0]?.lines).toEqual([
      expect.objectContaining({ lineNo: 1, amount: Math.floor(sale.lines[0].paid / 3), pointsClawedBack: Math.floor(sale.lines[0].pointsEarned / 3) }),
      expect.objectContaining({ lineNo: 2, amount: Math.floor(sale.lines[1].paid / 2), pointsClawedBack: Math.floor(sale.lines[1].pointsEarned / 2) }),
    ]);
    const sum = (f: (r: Json) => number) => done.reduce((a, r) => a + f(r), 0);
    expect({ amount: sum((r) => r.amount), clawedBack: sum((r) => r.pointsClawedBack), refunded: sum((r) => r.pointsRefunded) }).toEqual({
      amount: sale.paid,
      clawedBack: sale.pointsEarned,
      refunded: 200,
    });
    // Line by line too.
    const returnedLines = done.flatMap((r) => r.lines as Json[]);
    for (const soldLine of sale.lines as Json[]) {
      const mine = returnedLines.filter((l) => l.lineNo === soldLine.lineNo);
      expect({ amount: mine.reduce((a, l) => a + l.amount, 0), points: mine.reduce((a, l) => a + l.pointsClawedBack, 0) }, `line ${soldLine.lineNo}`).toEqual({
        amount: soldLine.paid,
        points: soldLine.pointsEarned,
      });
    }
    expect(returnedLines.find((l) => l.lineNo === 3)).toMatchObject({ amount: 9000, pointsClawedBack: 0, pointsRefunded: 0 });
    expect(done.every((r) => r.debt === 0 && r.writtenOff === 0)).toBe(true);

    // Everything undone: the member is back to the opening balance, and nothing is left to return.
    expect((await p.call('GET', `/v1/members/${memberId}/balance`)).body).toMatchObject({ available: 1000, debt: 0 });
    await expectLedgerAgrees(p, memberId);
    const stored = await p.call('GET', `/v1/receipts/${sale.id}`);
    expect(stored.body.lines.map((l: Json) => l.returnedQuantity)).toEqual([3, 2, 1, 1]);
    const more = await p.call('POST', `/v1/receipts/${sale.id}/cancel`, undefined, { role: 'pos' });
    expect({ status: more.status, code: more.body.code }).toEqual({ status: 422, code: 'nothing_to_return' });
  });
});

describe('what each effect gives on the basket', () => {
  // Pinned numbers, so a reversal that adds up cannot hide a campaign that gave the wrong amounts.
  it.each([
    ['points_percent', { percent: 7.5, match: coffee }, { discount: 0, points: 81 }],
    ['points_fixed', { points: 333 }, { discount: 0, points: 333 }],
    ['points_multiplier', { multiplier: 3, match: coffee }, { discount: 0, points: 216 }],
    ['discount_percent', { percent: 15, match: coffee }, { discount: 16245, points: 0 }],
    ['discount_fixed', { amount: 10000 }, { discount: 10000, points: 0 }],
    ['n_for_m', { n: 3, m: 2 }, { discount: 37000, points: 0 }],
  ] as const)('%s', async (effect, args, expected) => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, maxRedemptionPercent: 50 });
    await p.call('PUT', '/v1/categories/coffee', { name: 'Кофе' }, { role: 'marketer' });
    await p.call('PUT', '/v1/campaigns/promo', { name: effect, effects: [{ code: effect, args }] }, { role: 'marketer' });
    const memberId = (await p.call('POST', '/v1/members', { name: 'Покупатель' })).body.member.id;
    const res = await p.call('POST', '/v1/receipts/calculate', receipt('RR-2', basket(), { member: { id: memberId } }), { role: 'pos' });
    expect(res.status).toBe(200);
    expect({ discount: res.body.campaigns[0]?.discount, points: res.body.campaigns[0]?.points }).toEqual(expected);
  });
});
