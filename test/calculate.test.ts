import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// The till asks what a receipt would do, then confirms it: the two answers must agree, and asking writes nothing.
let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const pricingOf = (body: Record<string, unknown>) => {
  const { lines, total, maxPointsByReceipt, maxPoints, pointsSpent, pointsDiscount, paid, pointsEarned, tier, rules, settingsVersion, memberId } = body;
  return { lines, total, maxPointsByReceipt, maxPoints, pointsSpent, pointsDiscount, paid, pointsEarned, tier, rules, settingsVersion, memberId };
};

describe('calculate, then confirm', () => {
  let p: Programme;
  let memberId: string;
  beforeAll(async () => {
    p = await newProgramme(db, {
      earn: { kind: 'percent', percent: 5 },
      pendingDays: 14,
      earnExcluded: { categories: ['tobacco'], skus: [] },
      redeemExcluded: { categories: ['tobacco'], skus: [] },
    });
    memberId = (await p.call('POST', '/v1/members', { name: 'Ирина', phone: '+79168200001' })).body.member.id;
    await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 400, reason: 'welcome bonus' });
  });

  it('writes nothing and gives the answer the confirmation then gives', async () => {
    const body = receipt('K-1', [line('MILK', 8900, 2), line('CIGS', 25000, 1, { category: 'tobacco' }), line('GIFT', 0, 1, { isReward: true })], {
      member: { phone: '8 916 820 00 01' },
      pointsToSpend: 80,
    });
    const before = { rows: await footprint(p), balance: (await p.call('GET', `/v1/members/${memberId}/balance`)).body };
    const calc = await p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
    expect(calc.status).toBe(200);
    expect({ rows: await footprint(p), balance: (await p.call('GET', `/v1/members/${memberId}/balance`)).body }).toEqual(before);
    // Tobacco neither earns nor takes points; the gift line never earns.
    expect(calc.body).toMatchObject({ memberId, total: 42800, maxPointsByReceipt: 89, maxPoints: 89, pointsSpent: 80, pointsDiscount: 8000, paid: 34800, available: 400 });
    expect(calc.body.lines.map((l: { earns: boolean; redeemable: boolean }) => [l.earns, l.redeemable])).toEqual([[true, true], [false, false], [false, false]]);
    expect(calc.body.rules.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['base_earn', 'earn_excluded', 'reward_line', 'redemption']));

    const confirmed = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(confirmed.status).toBe(201);
    expect(pricingOf(confirmed.body)).toEqual(pricingOf(calc.body));
    // 5% of the 98.00 RUB of milk paid with money -> 4 points, pending for 14 days.
    expect(confirmed.body).toMatchObject({ pointsEarned: 4, balance: { available: 320, pending: 4 } });
    await expectLedgerAgrees(p, memberId);
  });

  it('sees points that became available after the return window, as the confirmation does', async () => {
    const earned = await p.call('POST', '/v1/receipts', receipt('K-2', [line('COAT', 500000)], { member: { id: memberId } }), { role: 'pos' });
    expect(earned.body.pointsEarned).toBe(250);
    p.advanceDays(15);
    // No activation job has run: the pending points are due, and both answers must count them.
    const body = receipt('K-3', [line('BOOTS', 200000)], { member: { id: memberId }, pointsToSpend: 570 });
    const calc = await p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
    expect(calc.status).toBe(200);
    expect(calc.body).toMatchObject({ available: 574, maxPoints: 574, pointsSpent: 570 });
    const confirmed = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(confirmed.status).toBe(201);
    expect(pricingOf(confirmed.body)).toEqual(pricingOf(calc.body));
  });
});

describe('calculate after points expired', () => {
  it('does not offer expired points the confirmation would refuse', async () => {
    const p = await newProgramme(db, { pendingDays: 0, expiry: { kind: 'days', days: 30 } });
    const memberId = (await p.call('POST', '/v1/members', { name: 'Кира' })).body.member.id;
    await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 100, reason: 'promo' });
    p.advanceDays(31);
    const body = receipt('E-1', [line('SHOES', 100000)], { member: { id: memberId }, pointsToSpend: 50 });
    const refused = { status: 422, code: 'insufficient_points', detail: /has 0 points available/ };
    await expectRefused(p, () => p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' }), refused);
    await expectRefused(p, () => p.call('POST', '/v1/receipts', body, { role: 'pos' }), refused);
    const calc = await p.call('POST', '/v1/receipts/calculate', { ...body, pointsToSpend: 0 }, { role: 'pos' });
    expect(calc.body).toMatchObject({ available: 0, maxPoints: 0 });
  });
});

describe('anonymous receipts', () => {
  it('are stored and can be read back, earning nobody points', async () => {
    const p = await newProgramme(db, {});
    const body = receipt('N-1', [line('WATER', 5900, 3), line('APPLES', 19900, 0.756, { name: 'Яблоки', category: 'fruit' })], { purchasedAt: '2026-01-15T08:30:00+03:00' });
    const res = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ memberId: null, cardNumber: null, pointsEarned: 0, balance: null, total: 32744, status: 'confirmed' });
    expect(res.body.id).toMatch(/^rcp_/);

    const stored = await p.call('GET', `/v1/receipts/${res.body.id}`, undefined, { role: 'readonly' });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ id: res.body.id, storeCode: 'S1', number: 'N-1', memberId: null, status: 'confirmed', total: 32744, currency: 'RUB', pointsEarned: 0 });
    expect(new Date(stored.body.purchasedAt).toISOString()).toBe('2026-01-15T05:30:00.000Z');
    expect(stored.body.lines).toEqual([
      expect.objectContaining({ lineNo: 1, sku: 'WATER', quantity: 3, price: 5900, amount: 17700, returnedQuantity: 0 }),
      expect.objectContaining({ lineNo: 2, sku: 'APPLES', name: 'Яблоки', category: 'fruit', quantity: 0.756, amount: 15044 }),
    ]);
    expect(stored.body).not.toHaveProperty('requestHash');

    const ret = await p.call('POST', `/v1/receipts/${res.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' });
    expect(ret.body).toMatchObject({ amount: 5900, pointsClawedBack: 0, balance: null });
  });

  it('refuses a sale dated in the future', async () => {
    const p = await newProgramme(db, {});
    const body = receipt('N-2', [line('WATER', 5900)], { purchasedAt: '2026-01-16T09:00:00Z' });
    await expectRefused(p, () => p.call('POST', '/v1/receipts', body, { role: 'pos' }), { status: 400, code: 'validation_failed', detail: /purchasedAt is in the future/ });
  });
});
