import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, zoneJustPastMidnight, type Programme } from './harness.ts';

// The points of a programme, worked out by hand from the ledger's moves below.
let db: Db;
let p: Programme;
let earnedOnSpend = 0;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, expiry: { kind: 'days', days: 30 }, timezone: 'Europe/Moscow', pointValue: 100 }, '2026-03-01T09:00:00Z');
  const anna = (await p.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member.id;
  const boris = (await p.call('POST', '/v1/members', { name: 'Борис' }, { role: 'pos' })).body.member.id;
  const sell = async (at: string, n: string, amount: number, member: string, pointsToSpend = 0) => {
    p.setNow(at);
    const res = await p.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], { member: { id: member }, pointsToSpend }), { role: 'pos' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  // March: Anna earns 100 on 1,000 ₽; 20 are taken from her by hand.
  await sell('2026-03-01T10:00:00Z', 'P-1', 1000_00, anna);
  p.setNow('2026-03-02T10:00:00Z');
  expect((await p.call('POST', `/v1/members/${anna}/adjustments`, { points: -20, reason: 'ошибка кассира' })).status).toBe(201);
  // April: her other 80 expire (30 days); Boris earns 50, then spends 30 and earns on that receipt too.
  p.setNow('2026-04-01T12:00:00Z');
  expect((await p.call('POST', '/v1/jobs/expiry/run')).status).toBe(200);
  await sell('2026-04-02T10:00:00Z', 'P-2', 500_00, boris);
  earnedOnSpend = (await sell('2026-04-03T10:00:00Z', 'P-3', 300_00, boris, 30)).pointsEarned;
  expect(earnedOnSpend).toBeGreaterThan(0);
});
afterAll(() => db.close());

describe('GET /v1/analytics/points', () => {
  it('adds up points issued, redeemed, expired and adjusted by month, with the rates, the liability and what expires next', async () => {
    const res = await p.call('GET', '/v1/analytics/points?from=2026-02-28T21:00:00Z&to=2026-04-30T21:00:00Z&group=month&months=3', undefined, { role: 'readonly' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const b = res.body;
    const issued = 150 + earnedOnSpend;
    expect(b).toMatchObject({ issued, redeemed: 30, expired: 80, adjusted: -20, referral: 0, pointValue: 100 });
    expect(b.breakageRate).toBeCloseTo(80 / issued, 12);
    expect(b.redemptionRate).toBeCloseTo(30 / issued, 12);
    expect(b.periods).toEqual([
      { start: '2026-03-01', issued: 100, redeemed: 0, expired: 0, adjusted: -20, referral: 0 },
      { start: '2026-04-01', issued: 50 + earnedOnSpend, redeemed: 30, expired: 80, adjusted: 0, referral: 0 },
    ]);
    // Boris holds 50 − 30 + what he earned on the last receipt; Anna nothing. Both his lots expire in May.
    expect(b.liability).toEqual({ available: 20 + earnedOnSpend, pending: 0, kopecks: (20 + earnedOnSpend) * 100 });
    expect(b.expiring).toEqual([{ month: '2026-05', points: 20 + earnedOnSpend, kopecks: (20 + earnedOnSpend) * 100 }]);
  });

  it('refuses a period backwards, over ten years or too fine for its grouping, and a till’s key', async () => {
    for (const query of ['from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'from=2010-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&group=day', 'months=0', 'group=hour']) {
      const bad = await p.call('GET', `/v1/analytics/points?${query}`, undefined, { role: 'readonly' });
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
    }
    expect((await p.call('GET', '/v1/analytics/points', undefined, { role: 'pos' })).status).toBe(403);
  });
});

describe('the ledger’s days', () => {
  it('are summed an hour after they end, and an entry dated in one summed removes its sum', async () => {
    const real = new Date();
    const { zone, midnight } = zoneJustPastMidnight(real);
    const q = await newProgramme(db, { pendingDays: 0, timezone: zone }, new Date(midnight.getTime() - 2 * 86_400_000).toISOString());
    const anna = (await q.call('POST', '/v1/members', { name: 'Анна' }, { role: 'pos' })).body.member.id;
    const adjust = async (at: Date, points: number) => {
      q.setNow(at);
      expect((await q.call('POST', `/v1/members/${anna}/adjustments`, { points, reason: 'проверка' })).status).toBe(201);
    };
    await adjust(new Date(midnight.getTime() - 30 * 3_600_000), 100);
    await adjust(new Date(midnight.getTime() - 3 * 3_600_000), 10);
    q.setNow(real);
    expect((await q.call('POST', '/v1/jobs/daily-totals/run')).status).toBe(200);
    const summed = async () => (await db.query<{ adjusted: number }>('select adjusted from points_days where program_id = $1 and ends_at = $2', [q.programId, midnight]))[0];
    expect(Number((await summed())?.adjusted)).toBe(10);
    // Written now, dated a minute before midnight: an hour late or more.
    await adjust(new Date(midnight.getTime() - 60_000), 5);
    expect(await summed()).toBeUndefined();
    q.setNow(real);
    const period = new URLSearchParams({ from: new Date(midnight.getTime() - 2 * 86_400_000).toISOString(), to: real.toISOString(), group: 'day' });
    const report = await q.call('GET', `/v1/analytics/points?${period}`, undefined, { role: 'readonly' });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.adjusted).toBe(115);
  });
});
