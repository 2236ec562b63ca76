import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { activeElsewhere } from '../src/domain/sale-book.ts';
import { saleView } from '../src/store/sales.ts';
import { expectLedgerAgrees } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme } from './harness.ts';

// A member who bought every day for a long time holds hundreds of open lots. A sale reads only the lots it may
// touch — pending ones, those expiring within 30 days, and the first of the rest in spending order until they
// cover the points it spends — and still answers with the whole balance, debt and points expiring soon.

const settings = { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, expiry: { kind: 'days', days: 400 }, negativeBalance: 'allow', earnExcluded: { categories: ['jewellery'], skus: [] } };
const DAY = 86_400_000;

let db: Db;
let p: Programme;
let anna: string;
beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, settings, '2026-06-15T12:00:00Z');
  anna = (await p.call('POST', '/v1/members', { name: 'Анна' })).body.member.id;
  // 500 daily purchases over the last 500 days, each its own lot of 100 points; the oldest have expired since.
  const receipts = Array.from({ length: 500 }, (_, d) =>
    receipt(`OLD-${d}`, [line('MILK', 100_000)], { member: { id: anna }, purchasedAt: new Date(p.now().getTime() - (500 - d) * DAY).toISOString() }),
  );
  const res = await p.call('POST', '/v1/receipts/batch', { receipts }, { role: 'pos' });
  expect(new Set(res.body.results.map((r: { status: number }) => r.status))).toEqual(new Set([201]));
});
afterAll(() => db.close());

const read = (spending: number, spendable: number | null = 64) =>
  saleView(db, p.programId, {
    keys: [],
    memberIds: [anna],
    spending: [spending],
    spendable,
    soon: new Date(p.now().getTime() + 30 * DAY),
    qualifying: [],
    window: null,
    usage: [],
    budgets: [],
    coupons: [],
    skus: [],
  });
const spendable = (spending: number) => read(spending).then((v) => v.members.get(anna));

describe('a member with 500 open lots', () => {
  it('has a sale read only the lots it may touch', async () => {
    const count = async (where: string) =>
      Number((await db.query<{ n: number }>(`select count(*)::int as n from lots where program_id = $1 and member_id = $2 and remaining > 0 and $3::timestamptz is not null and ${where}`, [p.programId, anna, new Date(p.now().getTime() + 30 * DAY)]))[0]?.n);
    const open = await count('true');
    expect(open).toBeGreaterThan(390);
    // The lots expiring within 30 days (and any already past expiry, for the sale to expire them) ...
    const soon = await count('expires_at <= $3');
    expect(soon).toBeGreaterThan(20);
    const none = await spendable(0);
    expect(none?.lots).toHaveLength(soon);
    // ... and, to pay 250 points, the next three in spending order.
    const some = await spendable(250);
    expect(some?.lots).toHaveLength(soon + 3);
    // The points in the lots not read follow from the balance.
    const active = Number((await db.query<{ s: number }>("select sum(remaining)::int as s from lots where program_id = $1 and member_id = $2 and state = 'active'", [p.programId, anna]))[0]?.s);
    const [{ available }] = (await db.query<{ available: number }>('select points_available as available from members where program_id = $1 and id = $2', [p.programId, anna])) as [{ available: number }];
    expect(activeElsewhere(Number(available), some?.lots ?? []) + (some?.lots ?? []).reduce((a, l) => a + (l.state === 'active' ? l.remaining : 0), 0)).toBe(active);
    // More than the first lots in spending order cover: the read says so, and a read of all of them follows.
    expect((await read(250)).truncated).toBe(false);
    expect((await read(100 * 64)).truncated).toBe(true);
    expect((await read(100 * 64, null)).members.get(anna)?.lots).toHaveLength(soon + 64);
  });

  it('spends, expires and reports as if every lot were read, the debt included', async () => {
    /** The balance a till is shown, counted over every lot of the member. */
    const counted = async () => {
      const [row] = await db.query<{ available: number; pending: number; soon: number; active: number }>(
        `select m.points_available as available, m.points_pending as pending,
           coalesce((select sum(remaining) from lots where program_id = $1 and member_id = $2 and state = 'active' and expires_at <= $3), 0)::int as soon,
           coalesce((select sum(remaining) from lots where program_id = $1 and member_id = $2 and state = 'active'), 0)::int as active
         from members m where m.program_id = $1 and m.id = $2`,
        [p.programId, anna, new Date(p.now().getTime() + 30 * DAY)],
      );
      return { available: Number(row?.available), pending: Number(row?.pending), expiringSoon: Number(row?.soon), debt: Number(row?.active) - Number(row?.available) };
    };
    const sale = await salePaths.single(p, receipt('NOW-1', [line('TV', 3_000_000)], { member: { id: anna }, pointsToSpend: 1_000 }));
    expect(sale.status, JSON.stringify(sale.body)).toBe(201);
    expect(sale.body.balance).toEqual(await counted());
    expect(sale.body.balance.expiringSoon).toBeGreaterThan(0);
    // Every lot past its expiry expired with the sale; the spending took the soonest-expiring of the rest.
    const lots = await db.query<{ state: string; remaining: number; expires_at: Date }>(
      'select state, remaining, expires_at from lots where program_id = $1 and member_id = $2 order by expires_at, created_at, id',
      [p.programId, anna],
    );
    expect(lots.filter((l) => l.state === 'expired')).toEqual(lots.filter((l) => l.expires_at <= p.now()));
    const live = lots.filter((l) => l.state === 'active');
    expect(live.slice(0, 10).every((l) => l.remaining === 0)).toBe(true);
    expect(live[10]?.remaining).toBe(100);

    // Everything spent now on jewellery (which earns nothing), then the big sale cancelled: the points it earned
    // are clawed back beyond what is left, and the member owes the rest.
    const all = await salePaths.single(p, receipt('NOW-2', [line('GOLD', 100_000_000, 1, { category: 'jewellery' })], { member: { id: anna }, pointsToSpend: sale.body.balance.available }));
    expect(all.status, JSON.stringify(all.body)).toBe(201);
    expect((await p.call('POST', `/v1/receipts/${sale.body.id}/cancel`, {}, { role: 'pos' })).status).toBe(201);
    const next = await salePaths.single(p, receipt('NOW-3', [line('BREAD', 5_000)], { member: { id: anna } }));
    expect(next.status).toBe(201);
    expect(next.body.balance).toEqual(await counted());
    expect(next.body.balance.debt).toBeGreaterThan(0);
    await expectLedgerAgrees(p, anna);
  });
});
