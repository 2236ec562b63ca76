import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme, type SalePath } from './harness.ts';

// Tills racing for the last of a campaign's budget. PGlite runs one transaction at a time, so this only
// means something on a PostgreSQL server.
type Json = Record<string, any>;

describe.skipIf(!process.env.DATABASE_URL)('a campaign budget under concurrent receipts (PostgreSQL)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db?.close());

  async function programmeWith(campaign: Json) {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
    const res = await p.call('PUT', `/v1/campaigns/${campaign.code}`, campaign, { role: 'marketer' });
    expect(res.status).toBe(200);
    const members: string[] = [];
    for (let i = 0; i < 30; i++) members.push((await p.call('POST', '/v1/members', { name: `Race ${i}` }, { role: 'pos' })).body.member.id);
    return { p, members };
  }

  /** 30 sales by 30 members, all sent at once, each path taking its turn. */
  const paths = Object.keys(salePaths) as SalePath[];
  const rush = (p: Programme, members: string[]) =>
    Promise.all(members.map((id, i) => salePaths[paths[i % paths.length] as SalePath](p, receipt(`RUSH-${i}`, [line('TV', 20000)], { member: { id } }))));

  const grantedBy = (sales: { body: Json }[], code: string) =>
    sales.map((s) => (s.body.campaigns as Json[]).find((c) => c.campaign === code) ?? { points: 0, discount: 0 });

  const budgetLeft = async (p: Programme, code: string) =>
    ((await p.call('GET', '/v1/campaigns', undefined, { role: 'readonly' })).body.items as Json[]).find((c) => c.code === code)?.budgetLeft;

  const recorded = async (p: Programme, code: string) => {
    const [row] = await db.query<{ points: number; discount: number }>(
      'select coalesce(sum(points), 0)::int as points, coalesce(sum(discount), 0)::int as discount from campaign_grants where program_id = $1 and campaign = $2',
      [p.programId, code],
    );
    return { points: Number(row?.points), discount: Number(row?.discount) };
  };

  it('gives exactly the 1000 points of the budget, never more', async () => {
    const { p, members } = await programmeWith({
      code: 'race_points',
      name: '100 points a receipt while the budget lasts',
      limits: { budget: { points: 1000 } },
      effects: [{ code: 'points_fixed', args: { points: 100 } }],
    });
    const sales = await rush(p, members);
    expect(sales.map((s) => s.status)).toEqual(Array(30).fill(201));
    const granted = grantedBy(sales, 'race_points');
    expect(granted.reduce((a, g) => a + g.points, 0)).toBe(1000);
    expect(granted.filter((g) => g.points > 0)).toHaveLength(10);
    // The others were told why, and earned their own 10 points.
    const without = sales.filter((s) => !(s.body.campaigns as Json[]).length);
    expect(without).toHaveLength(20);
    for (const s of without) {
      expect(s.body.skippedCampaigns).toEqual([expect.objectContaining({ campaign: 'race_points', reason: 'budget_spent' })]);
      expect(s.body.pointsEarned).toBe(10);
    }
    expect(await budgetLeft(p, 'race_points')).toMatchObject({ points: 0 });
    expect(await recorded(p, 'race_points')).toEqual({ points: 1000, discount: 0 });
  });

  it('gives exactly the 100 RUB of a discount budget, the last receipt what is left of it', async () => {
    const { p, members } = await programmeWith({
      code: 'race_discount',
      name: '15 RUB off while the budget lasts',
      limits: { budget: { discount: 10000 } },
      effects: [{ code: 'discount_fixed', args: { amount: 1500 } }],
    });
    const sales = await rush(p, members);
    expect(sales.map((s) => s.status)).toEqual(Array(30).fill(201));
    const granted = grantedBy(sales, 'race_discount');
    expect(granted.reduce((a, g) => a + g.discount, 0)).toBe(10000);
    expect(sales.reduce((a, s) => a + s.body.campaignDiscount, 0)).toBe(10000);
    // Six receipts of 15 RUB and one of the 10 RUB left, in whatever order they came.
    expect(granted.map((g) => g.discount).filter((d) => d > 0).sort((a, b) => a - b)).toEqual([1000, 1500, 1500, 1500, 1500, 1500, 1500]);
    for (const s of sales) expect(s.body.paid).toBe(20000 - s.body.campaignDiscount);
    expect(await budgetLeft(p, 'race_discount')).toMatchObject({ discount: 0 });
    expect(await recorded(p, 'race_discount')).toEqual({ points: 0, discount: 10000 });
  });
});
