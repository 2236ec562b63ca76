import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../src/jobs/jobs.ts';
import type { Db } from '../src/store/db.ts';
import { expectProblem } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A programme in Moscow whose June 2026 is worked out by hand below. Members joined on 1 May, Eva on 15 June.
let db: Db;
let p: Programme;
const ids: Record<string, string> = {};
let n = 0;
const june = { from: '2026-06-01T00:00:00+03:00', to: '2026-07-01T00:00:00+03:00' };
const q = (params: Record<string, string>) => new URLSearchParams({ ...june, ...params }).toString();

const buy = async (who: string | null, at: string, rub: number, storeCode = 'S1') => {
  p.setNow(new Date(Date.parse(at) + 3_600_000));
  const res = await p.call('POST', '/v1/receipts', receipt(`K-${++n}`, [line('TEA', rub * 100)], { storeCode, purchasedAt: at, ...(who ? { member: { id: ids[who] } } : {}) }), { role: 'pos' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
};

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { timezone: 'Europe/Moscow' }, '2026-05-01T09:00:00Z');
  expect((await p.call('PUT', '/v1/stores/S2', { name: 'Интернет-магазин', channel: 'online' }, { role: 'admin' })).status).toBe(200);
  // A campaign of June: 50 points on a receipt of 500 ₽ or more.
  const campaign = { name: 'От 500 ₽', schedule: { from: '2026-06-01T00:00:00+03:00' }, conditions: { code: 'receipt_total', args: { min: 50_000 } }, effects: [{ code: 'points_fixed', args: { points: 50 } }] };
  expect((await p.call('PUT', '/v1/campaigns/june-bonus', campaign, { role: 'marketer' })).status).toBe(200);
  for (const [who, source] of [['anna', 'till'], ['boris', 'online'], ['vera', 'till'], ['gleb', 'till'], ['dina', 'friend']] as const) {
    const res = await p.call('POST', '/v1/members', { name: who, source }, { role: 'pos' });
    ids[who] = res.body.member.id;
  }
  // May, the period before: Anna and Dina buy.
  await buy('anna', '2026-05-10T10:00:00Z', 100);
  await buy('dina', '2026-05-15T10:00:00Z', 900);
  // June: Anna twice, Boris once online, Gleb once (a second receipt cancelled), two anonymous receipts.
  await buy('anna', '2026-06-05T10:00:00Z', 1000);
  await buy(null, '2026-06-07T10:00:00Z', 200);
  await buy('boris', '2026-06-10T10:00:00Z', 3000, 'S2');
  const cancelled = await buy('gleb', '2026-06-12T10:00:00Z', 700);
  expect((await p.call('POST', `/v1/receipts/${cancelled}/cancel`, {}, { role: 'pos' })).status).toBe(201);
  p.setNow('2026-06-15T09:00:00Z');
  ids.eva = (await p.call('POST', '/v1/members', { name: 'eva', source: 'app' }, { role: 'pos' })).body.member.id;
  await buy('gleb', '2026-06-15T10:00:00Z', 400);
  await buy('anna', '2026-06-20T10:00:00Z', 500);
  await buy(null, '2026-06-25T10:00:00Z', 450);
  p.setNow('2026-06-30T09:00:00Z');
});
afterAll(() => db.close());

describe('GET /v1/analytics/kpis', () => {
  it('gives June’s figures as worked out by hand, against May', async () => {
    const res = await p.call('GET', `/v1/analytics/kpis?${q({ group: 'month', compare: 'true' })}`, undefined, { role: 'readonly' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // Receipts: Anna 1,000 + 500, Boris 3,000, Gleb 400 (the cancelled 700 is out), anonymous 200 + 450 = 5,550 ₽.
    expect(res.body.totals).toEqual({
      receipts: { all: 6, members: 4, anonymous: 2 },
      revenue: { all: 555_000, members: 490_000, anonymous: 65_000 },
      participation: { receipts: 4 / 6, revenue: 490_000 / 555_000 },
      averageCheck: { members: 122_500, anonymous: 32_500 },
      activeMembers: 3,
      frequency: 4 / 3,
      repeatRate: 1 / 3,
      newMembers: 1,
    });
    expect(res.body.members).toEqual({ total: 6, new: 1 });
    // May's buyers were Anna and Dina; Dina did not come back in June.
    expect(res.body.churnRate).toBe(0.5);
    expect(res.body.previous).toMatchObject({ receipts: { all: 2, members: 2, anonymous: 0 }, revenue: { all: 100_000 }, activeMembers: 2, repeatRate: 0, participation: { receipts: 1 } });
    expect(res.body.series.map((s: { start: string }) => s.start)).toEqual(['2026-06-01']);
  });

  it('groups by ISO week in the programme’s time zone', async () => {
    const res = await p.call('GET', `/v1/analytics/kpis?${q({ group: 'week' })}`, undefined, { role: 'readonly' });
    const weeks = res.body.series.map((s: { start: string; receipts: { all: number }; activeMembers: number; newMembers: number }) => [s.start, s.receipts.all, s.activeMembers, s.newMembers]);
    // 1 June 2026 is a Monday: Anna and an anonymous; Boris; Gleb and Anna (Eva joins); an anonymous.
    expect(weeks).toEqual([['2026-06-01', 2, 1, 0], ['2026-06-08', 1, 1, 0], ['2026-06-15', 2, 2, 1], ['2026-06-22', 1, 0, 0]]);
  });

  it('narrows to a source, a channel or a store', async () => {
    const online = (await p.call('GET', `/v1/analytics/kpis?${q({ channel: 'online' })}`, undefined, { role: 'readonly' })).body.totals;
    expect(online).toMatchObject({ receipts: { all: 1, members: 1 }, revenue: { all: 300_000 }, activeMembers: 1 });
    const till = (await p.call('GET', `/v1/analytics/kpis?${q({ source: 'till' })}`, undefined, { role: 'readonly' })).body.totals;
    expect(till).toMatchObject({ receipts: { all: 3, members: 3, anonymous: 0 }, revenue: { all: 190_000 }, activeMembers: 2, repeatRate: 0.5, participation: { receipts: 1 } });
    const s1 = (await p.call('GET', `/v1/analytics/kpis?${q({ store: 'S1' })}`, undefined, { role: 'readonly' })).body.totals;
    expect(s1.receipts).toEqual({ all: 5, members: 3, anonymous: 2 });
  });

  it('refuses a reversed or too long period, too fine a grouping and filters that name nothing, in the problem’s words', async () => {
    const refused = async (params: Record<string, string>, detail: RegExp) =>
      expectProblem(await p.call('GET', `/v1/analytics/kpis?${new URLSearchParams(params)}`, undefined, { role: 'readonly' }), 400, 'validation_failed', detail);
    await refused({ from: june.to, to: june.from }, /to: the end is before the start/);
    await refused({ from: '2010-01-01T00:00:00Z', to: june.to }, /to: at most 10 years/);
    await refused({ from: '2023-01-01T00:00:00Z', to: june.to, group: 'day' }, /group: more than 1000 days/);
    await refused({ ...june, segment: 'nobody' }, /segment: no segment nobody/);
    await refused({ ...june, store: 'NOPE' }, /store: no store NOPE/);
    await refused({ ...june, channel: 'fax' }, /channel/);
    expect((await p.call('GET', '/v1/analytics/loyalty-index', undefined, { role: 'readonly' })).status).toBe(404);
  });
});

describe('GET /v1/analytics/retention', () => {
  it('draws the triangle of monthly cohorts of first purchase', async () => {
    const res = await p.call('GET', `/v1/analytics/retention?${new URLSearchParams({ from: '2026-05-01T00:00:00+03:00', to: june.to })}`, undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    // May: Anna and Dina, of whom Anna came back in June. June: Boris and Gleb (his first confirmed receipt).
    expect(res.body.cohorts).toEqual([
      { cohort: '2026-05', size: 2, buyers: [2, 1], retention: [1, 0.5] },
      { cohort: '2026-06', size: 2, buyers: [2], retention: [1] },
    ]);
  });

  it('draws the same triangle from a period of more than 62 months, whose buying months take two columns', async () => {
    const res = await p.call('GET', `/v1/analytics/retention?${new URLSearchParams({ from: '2020-01-01T00:00:00+03:00', to: june.to })}`, undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.cohorts).toEqual([
      { cohort: '2026-05', size: 2, buyers: [2, 1], retention: [1, 0.5] },
      { cohort: '2026-06', size: 2, buyers: [2], retention: [1] },
    ]);
  });
});

describe('GET /v1/analytics/campaigns', () => {
  it('counts what each campaign gave, on what, at what cost', async () => {
    const res = await p.call('GET', `/v1/analytics/campaigns?${new URLSearchParams(june)}`, undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    // Anna's 1,000 and 500 ₽ and Boris's 3,000 ₽; Gleb's cancelled 700 ₽ took its points back; the anonymous 450 ₽ is below.
    expect(res.body.campaigns).toEqual([
      { campaign: 'june-bonus', name: 'От 500 ₽', receipts: 3, actions: 0, members: 2, points: 150, discount: 0, cost: 150 * res.body.pointValue, revenue: 450_000, couponsIssued: 0, couponsRedeemed: 0, couponConversion: null },
    ]);
    expect(res.body.personalOffers).toEqual({ coupons: { issued: 0, used: 0 }, audiences: [], usedShare: null });
  });
});

describe('GET /v1/analytics/sources', () => {
  it('gives each source its newcomers and its members’ receipts', async () => {
    const res = await p.call('GET', `/v1/analytics/sources?${new URLSearchParams(june)}`, undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.sources.map((s: Record<string, unknown>) => [s.source, s.joined, s.buyers, s.active, s.receipts, s.revenue])).toEqual([
      ['online', 0, 0, 1, 1, 300_000],
      ['till', 0, 0, 2, 3, 190_000],
      ['app', 1, 0, 0, 0, 0],
    ]);
  });

  it('moves a member’s receipts of summed days to the source they are given', async () => {
    const sources = async () => {
      const res = await p.call('GET', `/v1/analytics/sources?${new URLSearchParams(june)}`, undefined, { role: 'readonly' });
      expect(res.status).toBe(200);
      return res.body.sources.map((s: Record<string, unknown>) => [s.source, s.active, s.receipts, s.revenue]);
    };
    await runJob(p.deps, 'daily-totals', p.programId);
    const [summed] = await db.query<{ n: number }>(`select count(*)::int as n from receipt_days where program_id = $1 and sources <> '[]'`, [p.programId]);
    expect(summed?.n).toBe(6);
    const gleb = (source: string) => p.call('PATCH', `/v1/members/${ids.gleb}`, { source }, { role: 'admin' });
    expect((await gleb('online')).status).toBe(200);
    expect(await sources()).toEqual([
      ['online', 2, 2, 340_000],
      ['till', 1, 2, 150_000],
      ['app', 0, 0, 0],
    ]);
    expect((await gleb('till')).status).toBe(200);
    await runJob(p.deps, 'daily-totals', p.programId);
    expect(await sources()).toEqual([
      ['online', 1, 1, 300_000],
      ['till', 2, 3, 190_000],
      ['app', 0, 0, 0],
    ]);
  });

  it('leaves an erased member out of their source’s active members, read from their buying days', async () => {
    await runJob(p.deps, 'daily-totals', p.programId);
    expect((await p.call('POST', `/v1/members/${ids.gleb}/erase`, {}, { role: 'admin' })).status).toBe(200);
    const [days] = await db.query<{ erased: boolean }>('select erased from member_days where program_id = $1 and member_id = $2', [p.programId, ids.gleb]);
    expect(days?.erased).toBe(true);
    const res = await p.call('GET', `/v1/analytics/sources?${new URLSearchParams(june)}`, undefined, { role: 'readonly' });
    expect(res.body.sources.map((s: Record<string, unknown>) => [s.source, s.active, s.receipts, s.revenue])).toEqual([
      ['online', 1, 1, 300_000],
      ['till', 1, 2, 150_000],
      ['app', 0, 0, 0],
    ]);
  });
});
