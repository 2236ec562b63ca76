import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohortValue } from '../src/domain/lifetime/value.ts';
import type { Db } from '../src/store/db.ts';
import { cohortHistories } from '../src/store/lifetime.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A cohort's lifetime value from its members' receipts: the histories the models see, and the fit the API gives.
let db: Db;
let p: Programme;
let n = 0;

const join = async (name: string) => (await p.call('POST', '/v1/members', { name }, { role: 'pos' })).body.member.id as string;
const sell = async (member: string, at: string, amount: number) => {
  const res = await p.call('POST', '/v1/receipts', receipt(`L-${++n}`, [line('TEA', amount)], { purchasedAt: at, member: { id: member } }), { role: 'pos' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-06-30T09:00:00Z');
});
afterAll(() => db.close());

describe('a cohort’s purchase histories', () => {
  it('count purchases by day after the first, in weeks, with the mean spend of the repeats', async () => {
    const anna = await join('Анна');
    // First day: two receipts, one purchase of 150 ₽; 21:30 UTC on 31 December is already 1 January in Moscow.
    await sell(anna, '2025-12-31T21:30:00Z', 100_00);
    await sell(anna, '2026-01-01T12:00:00Z', 50_00);
    await sell(anna, '2026-01-08T10:00:00Z', 200_00);
    await sell(anna, '2026-01-22T10:00:00Z', 100_00);
    const cancelled = await sell(anna, '2026-01-29T10:00:00Z', 999_00);
    expect((await p.call('POST', `/v1/receipts/${cancelled}/cancel`, undefined, { role: 'pos' })).status).toBe(201);
    // After the histories end: not seen.
    await sell(anna, '2026-03-02T10:00:00Z', 500_00);
    const boris = await join('Борис');
    await sell(boris, '2026-01-10T10:00:00Z', 80_00);
    // First bought before the cohort: not in it.
    const vera = await join('Вера');
    await sell(vera, '2025-12-20T10:00:00Z', 70_00);
    await sell(vera, '2026-01-05T10:00:00Z', 70_00);

    const histories = await cohortHistories(db, p.programId, '2026-01-01', '2026-02-01', '2026-03-01', 'Europe/Moscow');
    expect(histories.sort((a, b) => b.x - a.x)).toEqual([
      // 1 Jan to 22 Jan is 21 days, to 1 March 59: 3 and 59/7 weeks; repeats of 200 and 100 ₽.
      { x: 2, tx: 3, T: 59 / 7, meanSpend: 150_00, revenue: 450_00 },
      { x: 0, tx: 0, T: 50 / 7, meanSpend: 0, revenue: 80_00 },
    ]);
  });
});

describe('GET /v1/analytics/ltv', () => {
  const ltv = (query: string, role: 'readonly' | 'pos' = 'readonly') => p.call('GET', `/v1/analytics/ltv?${query}`, undefined, { role });

  it('fits the cohort and forecasts its next weeks, as the models do on its histories', async () => {
    // Forty members who joined in February: every fifth buys once only, the others come back every 1 to 4 weeks,
    // some stopping after a few visits, spending more or less each time.
    for (let i = 0; i < 40; i++) {
      const member = await join(`Участник ${i}`);
      const start = Date.parse('2026-02-02T10:00:00Z') + (i % 20) * 86_400_000;
      const visits = i % 5 === 0 ? 1 : 2 + ((i * 7) % 9);
      const every = (1 + (i % 4)) * 7 * 86_400_000;
      for (let v = 0; v < visits && start + v * every < Date.parse('2026-06-29T00:00:00Z'); v++) await sell(member, new Date(start + v * every).toISOString(), (300 + ((i * 37 + v * 11) % 500)) * 100);
    }
    const res = await ltv('from=2026-02-01&to=2026-03-01&until=2026-06-29&weeks=26');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = cohortValue(await cohortHistories(db, p.programId, '2026-02-01', '2026-03-01', '2026-06-29', 'Europe/Moscow'), 26)!;
    expect(res.body.cohort).toEqual({ from: '2026-02-01', to: '2026-03-01', members: 40, repeatBuyers: 32 });
    expect(res.body.purchases).toEqual({ ...expected.purchases.model, logLikelihood: expected.purchases.logLikelihood });
    expect(res.body.spend).toEqual({ ...expected.spend.model, logLikelihood: expected.spend.logLikelihood });
    expect(res.body.forecast).toEqual(expected.forecast);
    expect(res.body.forecast.purchasesPerMember).toBeGreaterThan(0);
    expect(res.body.forecast.aliveShare).toBeGreaterThan(0);
    expect(res.body.forecast.aliveShare).toBeLessThan(1);
    // Mean spend per purchase sits among the receipts' 300 to 800 ₽.
    expect(res.body.forecast.spendPerPurchase).toBeGreaterThan(300_00);
    expect(res.body.forecast.spendPerPurchase).toBeLessThan(800_00);
  });

  it('refuses a cohort too small to fit, a period backwards or longer than ten years, and a till’s key', async () => {
    const small = await ltv('from=2026-01-01&to=2026-02-01&until=2026-03-01');
    expect(small.status).toBe(422);
    expect(small.body.code).toBe('cohort_too_small');
    expect(small.body.detail).toMatch(/2 members, 1 of them repeat buyers/);
    for (const query of ['from=2026-03-01&to=2026-02-01', 'from=2010-01-01&to=2011-01-01&until=2026-01-01', 'from=2026-01-01&to=2026-02-01&until=2026-01-15', 'from=2026-01-01&to=2026-02-01&weeks=0', 'from=2026-13-01&to=2027-01-01', 'to=2026-02-01']) {
      const bad = await ltv(query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    expect((await ltv('from=2026-01-01&to=2026-02-01', 'pos')).status).toBe(403);
  });
});
