import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Tiers qualify on kopecks spent in a rolling 30-day window: silver from 0, gold from 1,000 RUB, platinum from 10,000.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, {
    earn: { kind: 'percent', percent: 5 },
    pendingDays: 0,
    tierQualification: { metric: 'amount_spent', windowDays: 30 },
    tiers: [
      { code: 'silver', name: 'Серебро', threshold: 0 },
      { code: 'gold', name: 'Золото', threshold: 100000, earnMultiplier: 2 },
      { code: 'platinum', name: 'Платина', threshold: 1_000_000, earnMultiplier: 3 },
    ],
  });
});
afterAll(() => db.close());

const newMember = async (phone: string) => {
  const res = await p.call('POST', '/v1/members', { name: 'Маша', phone });
  expect(res.body.member.tierCode).toBe('silver');
  return res.body.member.id as string;
};
const buy = async (number: string, memberId: string, amount: number) => {
  const res = await p.call('POST', '/v1/receipts', receipt(number, [line('GOODS', amount)], { member: { id: memberId } }), { role: 'pos' });
  expect(res.status).toBe(201);
  return res.body;
};
const tierOf = async (memberId: string) => (await p.call('GET', `/v1/members/${memberId}`)).body.tierCode;
const tierHistory = async (memberId: string) => (await p.call('GET', `/v1/members/${memberId}/tier-history`)).body.items as { from: string; to: string; reason: string; qualifyingValue: number }[];
const review = async () => (await p.call('POST', '/v1/jobs/tier-review/run')).body;

describe('upgrade', () => {
  let memberId: string;

  it('happens on the receipt that crosses the threshold', async () => {
    memberId = await newMember('+79168400001');
    const below = await buy('T-1', memberId, 60000);
    expect(below).toMatchObject({ tierChange: null, tier: 'silver', pointsEarned: 30 });
    const crossing = await buy('T-2', memberId, 50000);
    expect(crossing.tierChange).toEqual({ from: 'silver', to: 'gold' });
    // The receipt that qualifies is still priced at the old tier.
    expect(crossing).toMatchObject({ tier: 'silver', pointsEarned: 25 });
    expect(await tierOf(memberId)).toBe('gold');
    expect(await tierHistory(memberId)).toEqual([expect.objectContaining({ from: 'silver', to: 'gold', reason: 'upgrade', qualifyingValue: 110000 })]);
  });

  it('the next receipt earns with the gold multiplier', async () => {
    const next = await buy('T-3', memberId, 10000);
    expect(next).toMatchObject({ tier: 'gold', tierChange: null, pointsEarned: 10 });
    expect(next.rules).toContainEqual(expect.objectContaining({ code: 'tier_bonus' }));
    const calc = await p.call('POST', '/v1/receipts/calculate', receipt('T-4', [line('GOODS', 10000)], { member: { id: memberId } }), { role: 'pos' });
    expect(calc.body).toMatchObject({ tier: 'gold', pointsEarned: 10 });
  });

  it('is kept by the review while the purchases are inside the window, and lost once the window has passed', async () => {
    p.advanceDays(20);
    await review();
    expect(await tierOf(memberId)).toBe('gold');
    p.advanceDays(11);
    const report = await review();
    expect(report).toMatchObject({ job: 'tier-review' });
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(await tierOf(memberId)).toBe('silver');
    const [latest] = await tierHistory(memberId);
    expect(latest).toMatchObject({ from: 'gold', to: 'silver', reason: 'downgrade', qualifyingValue: 0 });
    // Running the review again changes nothing.
    await review();
    expect(await tierHistory(memberId)).toHaveLength(2);
  });
});

describe('a full return', () => {
  it('does not downgrade at once; the next review does', async () => {
    const memberId = await newMember('+79168400002');
    const sale = await buy('T-10', memberId, 120000);
    expect(sale.tierChange).toEqual({ from: 'silver', to: 'gold' });
    const cancel = await p.call('POST', `/v1/receipts/${sale.id}/cancel`, undefined, { role: 'pos' });
    expect(cancel.status).toBe(201);
    expect(await tierOf(memberId)).toBe('gold');
    // Nor does the next small receipt: it is still earned at gold.
    const next = await buy('T-11', memberId, 10000);
    expect(next).toMatchObject({ tier: 'gold', tierChange: null, pointsEarned: 10 });
    expect(await tierOf(memberId)).toBe('gold');
    expect(await tierHistory(memberId)).toHaveLength(1);

    p.advanceDays(1);
    await review();
    expect(await tierOf(memberId)).toBe('silver');
    expect((await tierHistory(memberId))[0]).toMatchObject({ from: 'gold', to: 'silver', reason: 'downgrade', qualifyingValue: 10000 });
  });

  it('a partial return that keeps the member above the threshold keeps the tier at the review', async () => {
    const memberId = await newMember('+79168400003');
    const sale = await p.call('POST', '/v1/receipts', receipt('T-20', [line('A', 100000), line('B', 30000)], { member: { id: memberId } }), { role: 'pos' });
    expect(sale.body.tierChange).toEqual({ from: 'silver', to: 'gold' });
    await p.call('POST', `/v1/receipts/${sale.body.id}/returns`, { lines: [{ lineNo: 2, quantity: 1 }] }, { role: 'pos' });
    await review();
    expect(await tierOf(memberId)).toBe('gold');
  });
});

describe('tier history', () => {
  it('is 404 for an unknown member', async () => {
    const res = await p.call('GET', '/v1/members/mem_01NOBODY/tier-history');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('member_not_found');
  });
});
