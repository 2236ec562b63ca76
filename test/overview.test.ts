import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// The owner's overview: the figures of a period, day by day in the programme's time zone.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, expiry: { kind: 'days', days: 30 }, timezone: 'Europe/Moscow' }, '2026-03-01T09:00:00Z');
  await p.call('PUT', '/v1/campaigns/tea', { name: 'Чай', effects: [{ code: 'points_fixed', args: { points: 5 } }], limits: { budget: { points: 1_000 } } }, { role: 'marketer' });
  const anna = (await p.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member.id;
  const sell = async (at: string, n: string, amount: number, member?: string) => {
    p.setNow(at);
    expect((await p.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], member ? { member: { id: member } } : {}), { role: 'pos' })).status).toBe(201);
  };
  await sell('2026-03-01T10:00:00Z', 'O-1', 100_00, anna);
  // 21:30 UTC on 1 March is already 2 March in Moscow.
  await sell('2026-03-01T21:30:00Z', 'O-2', 50_00);
  await sell('2026-03-03T10:00:00Z', 'O-3', 200_00, anna);
  p.setNow('2026-04-01T12:00:00Z');
  expect((await p.call('POST', '/v1/jobs/expiry/run')).status).toBe(200);
  await p.call('POST', '/v1/members', { name: 'Борис' }, { role: 'pos' });
});
afterAll(() => db.close());

describe('the overview', () => {
  it('sums receipts, revenue with members’ share, points earned, expired and owed, with a series by local day', async () => {
    const res = await p.call('GET', '/v1/overview?from=2026-02-28T21:00:00Z&to=2026-04-30T21:00:00Z', undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    const o = res.body;
    expect(o.members).toEqual({ total: 2, joined: 2 });
    expect(o.receipts).toEqual({ count: 3, memberCount: 2, revenue: 350_00, memberRevenue: 300_00 });
    // 10 and 20 points earned by Anna plus the campaign's 5 on each of her receipts; none for the anonymous one.
    expect(o.points.earned).toBe(40);
    // By 1 April her March 1 lot (15 points) expired after 30 days; the March 3 one (25) not yet.
    expect(o.points.expired).toBe(15);
    expect(o.points.outstanding).toBe(25);
    expect(o.days.map((d: any) => [d.day, d.receipts, d.revenue])).toEqual([
      ['2026-03-01', 1, 100_00],
      ['2026-03-02', 1, 50_00],
      ['2026-03-03', 1, 200_00],
    ]);
    expect(o.campaigns).toEqual([{ code: 'tea', name: 'Чай', budget: { points: 1_000, discount: null }, left: { points: 990, discount: 0 } }]);
    expect(o.pointValue).toBe(100);
  });

  it('covers the last 30 days by default, and refuses a period backwards or too long', async () => {
    const res = await p.call('GET', '/v1/overview', undefined, { role: 'marketer' });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(30 * 86_400_000);
    for (const query of ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from=soon']) {
      const bad = await p.call('GET', `/v1/overview?${query}`, undefined, { role: 'marketer' });
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    expect((await p.call('GET', '/v1/overview', undefined, { role: 'pos' })).status).toBe(403);
  });
});
