import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { engine, line, newProgramme, openTestDb, receipt, zoneJustPastMidnight, type Programme } from './harness.ts';

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

describe('the overview from daily totals', () => {
  // Closed days are read from their sums once the daily-totals job has summed them; these tests hold the answer
  // to the one read from the receipts alone, whatever comes late.
  let q: Programme;
  const periods = [
    'from=2026-02-28T21:00:00Z&to=2026-04-30T21:00:00Z',
    // Partial days at both ends, read from their receipts around the summed ones.
    'from=2026-03-02T12:00:00Z&to=2026-03-05T03:00:00Z',
  ];
  const answers = () => Promise.all(periods.map(async (x) => (await q.call('GET', `/v1/overview?${x}`, undefined, { role: 'readonly' })).body));
  const sum = async () => (await q.call('POST', '/v1/jobs/daily-totals/run')).body;
  const summedDays = async () => (await db.query<{ day: string }>("select to_char(day, 'YYYY-MM-DD') as day from receipt_days where program_id = $1 order by day", [q.programId])).map((r) => r.day);
  /** The answers read from the receipts alone; the sums are put back after. */
  const fromReceipts = async () => {
    await db.query('delete from receipt_days where program_id = $1', [q.programId]);
    const truth = await answers();
    await sum();
    return truth;
  };
  const sell = async (n: string, at: string, amount: number) => {
    if (q.now() < new Date(at)) q.setNow(at);
    const res = await q.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], { purchasedAt: at, member: { id: member } }), { role: 'pos' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  let member: string;

  beforeAll(async () => {
    q = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, timezone: 'Europe/Moscow' }, '2026-03-01T09:00:00Z');
    member = (await q.call('POST', '/v1/members', { name: 'Вера' }, { role: 'pos' })).body.member.id;
    await sell('D-1', '2026-03-01T10:00:00Z', 100_00);
    await sell('D-2', '2026-03-02T20:30:00Z', 40_00);
    await sell('D-3', '2026-03-03T10:00:00Z', 70_00);
    await sell('D-4', '2026-03-04T22:00:00Z', 30_00);
    q.setNow('2026-04-01T12:00:00Z');
  });

  it('reads each closed day from its sum, answering as the receipts do', async () => {
    const truth = await answers();
    expect((await sum()).changed).toBeGreaterThan(0);
    expect(await summedDays()).toContain('2026-03-03');
    expect(await answers()).toEqual(truth);
    // A second run finds nothing left to sum.
    expect((await sum()).changed).toBe(0);
    // The sums are what is read: one altered shows in the answer.
    await db.query("update receipt_days set receipts = receipts + 5 where program_id = $1 and day = '2026-03-03'", [q.programId]);
    expect((await answers())[0].receipts.count).toBe(truth[0].receipts.count + 5);
    await db.query('delete from receipt_days where program_id = $1', [q.programId]);
    await sum();
  });

  it('a receipt arriving late for a summed day reopens that day, and the next run sums it again', async () => {
    await sell('D-5', '2026-03-03T11:00:00Z', 25_00);
    expect(await summedDays()).not.toContain('2026-03-03');
    const answered = await answers();
    expect(answered[0].days.find((d: { day: string }) => d.day === '2026-03-03')).toMatchObject({ receipts: 2, revenue: 95_00 });
    expect(answered).toEqual(await fromReceipts());
    expect(await summedDays()).toContain('2026-03-03');
  });

  it('a summed day’s receipt cancelled later leaves its figures', async () => {
    const id = (await db.query<{ id: string }>("select id from receipts where program_id = $1 and number = 'D-2'", [q.programId]))[0]?.id;
    expect((await q.call('POST', `/v1/receipts/${id}/cancel`, undefined, { role: 'pos' })).status).toBe(201);
    const answered = await answers();
    // 20:30 UTC on 2 March is 3 March in Moscow.
    expect(answered[0].days.find((d: { day: string }) => d.day === '2026-03-03')).toMatchObject({ receipts: 2, revenue: 95_00 });
    expect(answered[0].receipts.count).toBe(4);
    expect(answered).toEqual(await fromReceipts());
  });

  it('sums of another time zone are left unread, and the next run replaces them', async () => {
    expect((await q.call('PATCH', '/v1/program/settings', { timezone: 'America/New_York' }, { role: 'admin' })).status).toBe(200);
    const answered = await answers();
    // 22:00 UTC on 4 March, 5 March in Moscow, is still 4 March in New York.
    expect(answered[0].days.map((d: { day: string }) => d.day)).toEqual(['2026-03-01', '2026-03-03', '2026-03-04']);
    expect(answered).toEqual(await fromReceipts());
    expect((await db.query<{ timezone: string }>('select distinct timezone from receipt_days where program_id = $1', [q.programId])).map((r) => r.timezone)).toEqual(['America/New_York']);
    expect(await answers()).toEqual(answered);
  });

  // Only PostgreSQL has a second connection to race with.
  it.runIf(engine === 'postgres')('a day summed while a late change of it is in flight waits for it, and counts it', async () => {
    await db.query('delete from receipt_days where program_id = $1', [q.programId]);
    const [d3] = await db.query<{ id: string }>("select id from receipts where program_id = $1 and number = 'D-3'", [q.programId]);
    let commit = () => {};
    let changed = () => {};
    const change = db.transaction(async (tx) => {
      await tx.query("update receipts set status = 'cancelled' where program_id = $1 and id = $2", [q.programId, d3?.id]);
      changed();
      await new Promise<void>((resolve) => (commit = resolve));
    });
    await new Promise<void>((resolve) => (changed = resolve));
    const summing = sum();
    // The job would be done by now if it did not wait for the change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await change;
    await summing;
    const answered = await answers();
    expect(answered[0].days.find((d: { day: string }) => d.day === '2026-03-03')).toMatchObject({ receipts: 1, revenue: 25_00 });
    expect(answered).toEqual(await fromReceipts());
  });
});

describe('the receipts’ days', () => {
  it('are summed and folded an hour after they end, and a receipt dated in one summed removes its sum and mends its buyer’s day', async () => {
    const real = new Date();
    const { zone, midnight } = zoneJustPastMidnight(real);
    const q = await newProgramme(db, { pendingDays: 0, timezone: zone }, new Date(midnight.getTime() - 2 * 86_400_000).toISOString());
    const vera = (await q.call('POST', '/v1/members', { name: 'Вера' }, { role: 'pos' })).body.member.id;
    const sell = async (n: string, at: Date, amount: number) => {
      q.setNow(at);
      expect((await q.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], { purchasedAt: at.toISOString(), member: { id: vera } }), { role: 'pos' })).status).toBe(201);
    };
    await sell('Y-1', new Date(midnight.getTime() - 3 * 3_600_000), 100_00);
    q.setNow(real);
    expect((await q.call('POST', '/v1/jobs/daily-totals/run')).status).toBe(200);
    const summed = async () => (await db.query<{ receipts: number }>('select receipts from receipt_days where program_id = $1 and ends_at = $2', [q.programId, midnight]))[0];
    const several = async () => (await db.query<{ several: string }>('select several::text from member_days where program_id = $1 and member_id = $2', [q.programId, vera]))[0]?.several;
    expect(Number((await summed())?.receipts)).toBe(1);
    expect(await several()).toMatch(/0$/);
    // Dated a minute before midnight: more than half an hour late.
    await sell('Y-2', new Date(midnight.getTime() - 60_000), 40_00);
    expect(await summed()).toBeUndefined();
    expect(await several()).toMatch(/1$/);
    q.setNow(real);
    const period = new URLSearchParams({ from: new Date(midnight.getTime() - 86_400_000).toISOString(), to: real.toISOString(), group: 'day' });
    const kpis = await q.call('GET', `/v1/analytics/kpis?${period}`, undefined, { role: 'readonly' });
    expect(kpis.status, JSON.stringify(kpis.body)).toBe(200);
    expect(kpis.body.totals).toMatchObject({ receipts: { all: 2 }, revenue: { all: 140_00 }, activeMembers: 1, repeatRate: 1 });
  });

  it('of today are summed up to the last hour that ended an hour ago, again each hour, and a late receipt of them removes the sum', async () => {
    const real = new Date();
    // Three hours into the day: its first two hours have settled.
    const { zone, midnight } = zoneJustPastMidnight(real, 3);
    const at = (minutes: number) => new Date(midnight.getTime() + minutes * 60_000);
    const q = await newProgramme(db, { pendingDays: 0, timezone: zone }, at(-60).toISOString());
    const vera = (await q.call('POST', '/v1/members', { name: 'Вера' }, { role: 'pos' })).body.member.id;
    const sell = async (n: string, when: Date, amount: number) => {
      q.setNow(when);
      expect((await q.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], { purchasedAt: when.toISOString(), member: { id: vera } }), { role: 'pos' })).status).toBe(201);
    };
    await sell('T-1', at(30), 100_00);
    await sell('T-2', at(150), 40_00);
    q.setNow(real);
    const today = async () =>
      db.query<{ ends_at: Date; receipts: number; revenue: number }>('select ends_at, receipts, revenue from receipt_days where program_id = $1 and starts_at = $2', [q.programId, midnight]);
    const entries = async () => db.query<{ ends_at: Date }>('select ends_at from points_days where program_id = $1 and starts_at = $2', [q.programId, midnight]);
    const sum = async () => (await q.call('POST', '/v1/jobs/day-sums/run')).body;
    const sales = async () => {
      const period = new URLSearchParams({ from: midnight.toISOString(), to: real.toISOString() });
      return (await q.call('GET', `/v1/overview?${period}`, undefined, { role: 'readonly' })).body.receipts;
    };
    // An hour summed the hour before is summed again over the two.
    await db.query(
      `insert into receipt_days (program_id, starts_at, ends_at, timezone, day, receipts, member_receipts, revenue, member_revenue, points_earned, points_spent, sources)
       values ($1, $2, $3, $4, $5, 7, 7, 700, 700, 0, 0, '[]')`,
      [q.programId, midnight, at(60), zone, midnight.toISOString().slice(0, 10)],
    );
    expect((await sum()).changed).toBeGreaterThan(0);
    expect((await today()).map((r) => [r.ends_at, Number(r.receipts), Number(r.revenue)])).toEqual([[at(120), 1, 100_00]]);
    expect((await entries()).map((r) => r.ends_at)).toEqual([at(120)]);
    expect(await sales()).toMatchObject({ count: 2, revenue: 140_00 });
    expect((await sum()).changed).toBe(0);
    // Dated 01:00, written at 03:mm: more than half an hour late.
    await sell('T-3', at(60), 25_00);
    expect(await today()).toEqual([]);
    expect(await sales()).toMatchObject({ count: 3, revenue: 165_00 });
    q.setNow(real);
    await sum();
    expect((await today()).map((r) => Number(r.receipts))).toEqual([2]);
    expect(await sales()).toMatchObject({ count: 3, revenue: 165_00 });
  });
});
