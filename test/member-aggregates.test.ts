import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { qualifyingValue } from '../src/store/members.ts';
import { migrate } from '../src/store/migrate.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme } from './harness.ts';

// A member's aggregates (purchases, first and last, money paid, points earned and spent) and the monthly rows the
// tier window sums are kept by the sale path, returns and cancellations; they must always say what the receipts
// and returns themselves add up to.

type Json = Record<string, any>;
const settings = {
  pendingDays: 0,
  earn: { kind: 'percent', percent: 5 },
  tierQualification: { metric: 'amount_spent', windowDays: 365 },
  tiers: [
    { code: 'silver', name: 'Серебряный', threshold: 0 },
    { code: 'gold', name: 'Золотой', threshold: 50_000_000 },
  ],
};

let db: Db;
let p: Programme;
let anna: string;
beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, settings, '2026-06-15T12:00:00Z');
  const sale = { name: 'Скидка 10% на чай', conditions: { code: 'contains', args: { skus: ['TEA'] } }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] };
  expect((await p.call('PUT', '/v1/campaigns/tea', sale)).status).toBe(200);
  anna = (await p.call('POST', '/v1/members', { name: 'Анна' })).body.member.id;
  await p.call('POST', `/v1/members/${anna}/adjustments`, { points: 5_000, reason: 'стартовые баллы' });
});
afterAll(() => db.close());

/** What the receipts and returns say, counted from scratch. */
async function fromHistory(memberId: string) {
  const [row] = await db.query<Json>(
    `select count(*) filter (where r.status = 'confirmed')::int as purchases, min(r.purchased_at) as first, max(r.purchased_at) as last,
       sum(r.total - r.points_discount - r.campaign_discount) - coalesce(sum(t.amount), 0) as paid,
       sum(r.points_earned) - coalesce(sum(t.clawed), 0) as earned, sum(r.points_spent) - coalesce(sum(t.refunded), 0) as spent
     from receipts r left join (select receipt_id, sum(amount) as amount, sum(points_clawed_back) as clawed, sum(points_refunded) as refunded
       from returns where program_id = $1 group by receipt_id) t on t.receipt_id = r.id
     where r.program_id = $1 and r.member_id = $2`,
    [p.programId, memberId],
  );
  return {
    purchases: row?.purchases,
    firstPurchaseAt: new Date(row?.first).toISOString(),
    lastPurchaseAt: new Date(row?.last).toISOString(),
    paid: Number(row?.paid),
    pointsEarned: Number(row?.earned),
    pointsSpent: Number(row?.spent),
  };
}

/** The qualifying value since `since`, summed over receipts and returns as it was before monthly rows. */
async function qualifyingFromReceipts(memberId: string, since: Date) {
  const [row] = await db.query<Json>(
    `select coalesce((select sum(total - points_discount - campaign_discount) from receipts where program_id = $1 and member_id = $2 and purchased_at > $3), 0)
       - coalesce((select sum(t.amount) from returns t join receipts r on r.program_id = t.program_id and r.id = t.receipt_id
                   where t.program_id = $1 and t.member_id = $2 and r.purchased_at > $3), 0) as value`,
    [p.programId, memberId, since],
  );
  return Number(row?.value);
}

describe('member aggregates', () => {
  it('say what the receipts and returns add up to, through sales in many months, a batch, returns and a cancellation', async () => {
    const ids: string[] = [];
    // Fourteen months back, on month boundaries and in between, alone and in a batch.
    const times = ['2025-04-30T23:59:59Z', '2025-05-01T00:00:00Z', '2025-06-14T12:00:00Z', '2025-06-15T12:00:01Z', '2025-12-31T21:00:00Z', '2026-01-01T00:00:00Z', '2026-03-10T10:00:00Z', '2026-06-15T11:00:00Z'];
    for (const [n, at] of times.entries()) {
      const body = receipt(`AG-${n}`, [line('TEA', 12_345 + n * 1_000), line('BREAD', 5_000, 2)], { member: { id: anna }, purchasedAt: at, pointsToSpend: n % 3 === 0 ? 100 : 0 });
      const res = await salePaths.single(p, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids.push(res.body.id);
    }
    const batch = await p.call('POST', '/v1/receipts/batch', {
      receipts: ['2025-09-01T08:00:00Z', '2025-09-30T22:00:00Z', '2026-02-28T23:00:00Z'].map((at, n) => receipt(`AGB-${n}`, [line('TEA', 40_000)], { member: { id: anna }, purchasedAt: at })),
    }, { role: 'pos' });
    expect(batch.body.results.map((r: Json) => r.status)).toEqual([201, 201, 201]);
    expect((await p.call('POST', `/v1/receipts/${ids[2]}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' })).status).toBe(201);
    expect((await p.call('POST', `/v1/receipts/${ids[6]}/returns`, { lines: [{ lineNo: 2, quantity: 1 }] }, { role: 'pos' })).status).toBe(201);
    expect((await p.call('POST', `/v1/receipts/${ids[3]}/cancel`, {}, { role: 'pos' })).status).toBe(201);

    const member = (await p.call('GET', `/v1/members/${anna}`)).body;
    expect(member.activity).toEqual(await fromHistory(anna));
    expect(member.activity.purchases).toBe(10);
    for (const since of ['2025-04-30T23:59:58Z', '2025-05-01T00:00:00Z', '2025-06-15T12:00:00Z', '2025-06-15T12:00:01Z', '2025-09-30T21:59:59Z', '2025-12-31T21:00:00Z', '2026-06-01T00:00:00Z', '2026-06-15T12:00:00Z'])
      expect(await qualifyingValue(db, p.programId, anna, 'amount_spent', new Date(since)), since).toBe(await qualifyingFromReceipts(anna, new Date(since)));
  });

  it('are rebuilt from history by the migration that brought them, for a database that had receipts before', async () => {
    const before = (await p.call('GET', `/v1/members/${anna}`)).body.activity;
    const months = () => db.query('select month, amount_spent, points_earned from member_months where program_id = $1 and member_id = $2 order by month', [p.programId, anna]);
    const rows = await months();
    expect(rows.length).toBeGreaterThan(8);
    await db.query('delete from member_months where program_id = $1 and member_id = $2', [p.programId, anna]);
    await db.query(
      `update members set purchases = 0, first_purchase_at = null, last_purchase_at = null, paid_total = 0, points_earned = 0, points_spent = 0
       where program_id = $1 and id = $2`,
      [p.programId, anna],
    );
    await db.query("delete from schema_migrations where name = '011_member_aggregates.sql'");
    // On PostgreSQL another test file's start may run the migration first: either way it runs once more.
    await migrate(db);
    expect(await db.query("select 1 from schema_migrations where name = '011_member_aggregates.sql'")).toHaveLength(1);
    expect((await p.call('GET', `/v1/members/${anna}`)).body.activity).toEqual(before);
    expect(await months()).toEqual(rows);
  });

  it('are the same on the tier review as the receipts say: nobody moves when nothing changed', async () => {
    const bob = (await p.call('POST', '/v1/members', { name: 'Борис' })).body.member.id;
    const res = await salePaths.grouped(p, receipt('BIG-1', [line('TV', 60_000_000)], { member: { id: bob } }));
    expect(res.body.tierChange).toEqual({ from: 'silver', to: 'gold' });
    p.advanceDays(1);
    expect((await p.call('POST', '/v1/jobs/tier-review/run')).status).toBe(200);
    expect((await p.call('GET', `/v1/members/${bob}`)).body.tierCode).toBe('gold');
    expect((await p.call('POST', `/v1/receipts/${res.body.id}/cancel`, {}, { role: 'pos' })).status).toBe(201);
    expect((await p.call('POST', '/v1/jobs/tier-review/run')).status).toBe(200);
    expect((await p.call('GET', `/v1/members/${bob}`)).body).toMatchObject({ tierCode: 'silver', activity: { purchases: 0, paid: 0 } });
  });
});
