import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme } from './harness.ts';

// A batch answers exactly as the same receipts sent one by one, in order, on a programme with everything a sale
// may touch: a budget that runs out, a once-a-day limit, coupons with use limits, a coupon issued for the next
// visit, a tier reward, tier upgrades, referral rewards, spending that fails, retries and conflicts, and a return
// between two batches.

type Json = Record<string, any>;

const settings = {
  pendingDays: 0,
  earn: { kind: 'percent', percent: 10 },
  tierQualification: { metric: 'amount_spent', windowDays: 365 },
  tiers: [
    { code: 'silver', name: 'Серебряный', threshold: 0 },
    { code: 'gold', name: 'Золотой', threshold: 200_000, earnMultiplier: 2 },
    { code: 'platinum', name: 'Платиновый', threshold: 5_000_000, earnMultiplier: 3 },
  ],
};
const campaigns: Record<string, Json> = {
  budget_bonus: { name: '100 баллов, пока есть бюджет', effects: [{ code: 'points_fixed', args: { points: 100 } }], limits: { budget: { points: 700 } } },
  daily: { name: '30 баллов раз в день', effects: [{ code: 'points_fixed', args: { points: 30 } }], limits: { perMember: { period: 'day', uses: 1 } } },
  promo: { name: 'Промокод −10%', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] },
  welcome: { name: 'Купон за первую покупку', conditions: { code: 'first_purchase', args: {} }, effects: [{ code: 'issue_coupon', args: { campaign: 'promo', validDays: 10 } }] },
  big: { name: 'Платина за большую покупку', conditions: { code: 'receipt_total', args: { min: 1_000_000 } }, effects: [{ code: 'set_tier', args: { tier: 'platinum' } }] },
};
const referral = { enabled: true, referrerPoints: 300, refereePoints: 50, minPurchase: 50_000, maxRewardsPerMonth: 20 };
const codes = ['FEW', 'ONCE1', 'ONCE2', 'NOPE'];

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** The same programme each time: campaigns, coupons, four members (two joined through the first one's code). */
async function programme(): Promise<{ p: Programme; members: string[] }> {
  const p = await newProgramme(db, settings);
  const ok = (res: { status: number; body: unknown }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);
  ok(await p.call('PUT', '/v1/rules', { referral }, { role: 'marketer' }));
  for (const [code, campaign] of Object.entries(campaigns)) ok(await p.call('PUT', `/v1/campaigns/${code}`, campaign));
  ok(await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'FEW', maxUses: 3, perMember: 1 }), 201);
  for (const code of ['ONCE1', 'ONCE2']) ok(await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code, maxUses: 1 }), 201);
  const members: string[] = [];
  for (let i = 0; i < 4; i++) {
    const referralCode = i >= 2 ? (await p.call('GET', `/v1/members/${members[0]}/referral`, undefined, { role: 'pos' })).body.code : undefined;
    const joined = await p.call('POST', '/v1/members', { name: `Участник ${i}`, ...(referralCode ? { referralCode } : {}) });
    ok(joined, 201);
    members.push(joined.body.member.id);
    if (i % 2 === 0) ok(await p.call('POST', `/v1/members/${joined.body.member.id}/adjustments`, { points: 400, reason: 'стартовые баллы' }), 201);
  }
  return { p, members };
}

const receiptArb = fc.record({
  member: fc.integer({ min: 0, max: 4 }),
  prices: fc.array(fc.constantFrom(5_000, 30_000, 120_000, 900_000), { minLength: 1, maxLength: 3 }),
  spend: fc.constantFrom(0, 0, 0, 50, 200, 5_000),
  coupons: fc.subarray(codes, { maxLength: 2 }),
  /** 0: a new receipt; 1: a retry of an earlier one; 2: an earlier number with other content. */
  repeat: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2),
});
type Drawn = ReturnType<typeof receiptArb.generate>['value'];

function receipts(drawn: Drawn[], members: string[], prefix: string): Json[] {
  const made: Json[] = [];
  drawn.forEach((d, n) => {
    const earlier = made[n % Math.max(1, made.length)];
    if (d.repeat === 1 && earlier) return void made.push({ ...earlier });
    if (d.repeat === 2 && earlier) return void made.push({ ...earlier, lines: [line('OTHER', 1_000)], total: 1_000, pointsToSpend: 0 });
    const member = members[d.member];
    made.push(
      receipt(`${prefix}-${n}`, d.prices.map((price, k) => line(`SKU${k}`, price)), {
        ...(member ? { member: { id: member } } : {}),
        pointsToSpend: member ? d.spend : 0,
        ...(d.coupons.length ? { coupons: d.coupons } : {}),
      }),
    );
  });
  return made;
}

/** An answer without what differs between two programmes by design: ids and drawn coupon codes. */
const comparable = (status: number, body: Json) =>
  JSON.parse(JSON.stringify({ status, body }), (_, value) => (typeof value === 'string' && /^(KOP-|[a-z]{3}_[0-9A-Z]{26}$)/.test(value) ? '…' : value));

async function state(p: Programme, members: string[]) {
  const people = await Promise.all(
    members.map(async (id) => {
      const m = (await p.call('GET', `/v1/members/${id}`)).body;
      const lots = await db.query<Json>(
        'select amount, remaining, state, activates_at, expires_at from lots where program_id = $1 and member_id = $2 order by created_at, amount, remaining',
        [p.programId, id],
      );
      return { available: m.pointsAvailable, pending: m.pointsPending, tier: m.tierCode, lots };
    }),
  );
  const grants = await db.query<Json>(
    `select g.campaign, g.points, g.discount, count(*)::int as n from campaign_grants g where g.program_id = $1
     group by g.campaign, g.points, g.discount order by 1, 2, 3`,
    [p.programId],
  );
  const coupons = await db.query<Json>(
    "select code, uses, member_id is not null as personal from coupons where program_id = $1 and code not like 'KOP-%' order by code",
    [p.programId],
  );
  const issued = await db.query<Json>("select count(*)::int as n from coupons where program_id = $1 and code like 'KOP-%'", [p.programId]);
  const budget = await db.query<Json>('select sum(points_left)::int as left from campaign_budgets where program_id = $1', [p.programId]);
  const referrals = await db.query<Json>('select status from referrals where program_id = $1 order by status', [p.programId]);
  const tiers = await db.query<Json>('select from_tier, to_tier, reason from tier_changes where program_id = $1 order by created_at, id', [p.programId]);
  return { people, grants, coupons, issued, budget, referrals, tierMoves: tiers.length };
}

/** What the generated receipts came to, over all runs: each thing the property is about must have happened. */
const happened = new Map<string, number>();
function tally(answer: Json) {
  const body = answer.body as Json;
  const mark = (what: string, yes: unknown) => yes && happened.set(what, (happened.get(what) ?? 0) + 1);
  mark('refused', answer.status >= 400);
  mark(`refused ${body.code}`, answer.status >= 400);
  mark('budget spent', body.skippedCampaigns?.some((c: Json) => c.reason === 'budget_spent'));
  mark('daily limit', body.skippedCampaigns?.some((c: Json) => c.reason === 'member_limit'));
  mark('coupon applied', body.coupons?.some((c: Json) => c.status === 'applied'));
  mark('coupon used up', body.coupons?.some((c: Json) => c.reason === 'used_up' || c.reason === 'member_limit'));
  mark('coupon issued', body.couponsIssued?.length);
  mark('tier change', body.tierChange);
  mark('referral bonus', body.referralBonus);
  mark('points spent', body.pointsSpent);
}

describe('one sale path', () => {
  afterAll(() => {
    for (const what of ['refused', 'refused insufficient_points', 'refused receipt_conflict', 'budget spent', 'daily limit', 'coupon applied', 'coupon used up', 'coupon issued', 'tier change', 'referral bonus', 'points spent'])
      expect(happened.get(what) ?? 0, what).toBeGreaterThan(0);
  });

  it('answers a batch exactly as the same receipts one by one, with campaigns, coupons, budgets, limits and referrals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(receiptArb, { minLength: 4, maxLength: 14 }), fc.array(receiptArb, { minLength: 1, maxLength: 10 }), async (first, second) => {
        const alone = await programme();
        const together = await programme();
        const confirmed: { sale: unknown; body: unknown }[] = [];
        const run = async ({ p, members }: { p: Programme; members: string[] }, batch: boolean) => {
          const answers: unknown[] = [];
          for (const [part, drawn] of [first, second].entries()) {
            const sales = receipts(drawn, members, `R${part}`);
            if (batch) {
              const res = await p.call('POST', '/v1/receipts/batch', { receipts: sales }, { role: 'pos' });
              expect(res.status).toBe(200);
              for (const r of res.body.results) answers.push(comparable(r.status, r.receipt ?? r.problem));
            } else
              for (const sale of sales) {
                const res = await salePaths.single(p, sale);
                answers.push(comparable(res.status, res.body));
                if (res.status === 201) confirmed.push({ sale, body: res.body });
              }
            if (part === 0) {
              // A day later, the first member returns their first purchase.
              p.advanceDays(1);
              const [bought] = await db.query<{ id: string }>(
                "select id from receipts where program_id = $1 and member_id = $2 and status = 'confirmed' order by number limit 1",
                [p.programId, members[0]],
              );
              if (bought) answers.push(comparable(...(Object.values(await p.call('POST', `/v1/receipts/${bought.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' })).slice(0, 2) as [number, Json])));
            }
          }
          return answers;
        };
        const expected = await run(alone, false);
        expected.forEach((a) => tally(a as Json));
        // A till that sends a confirmed receipt again gets the first answer to the letter, from what the receipt kept.
        for (const { sale, body } of confirmed) {
          const again = await salePaths.single(alone.p, sale);
          expect({ status: again.status, body: again.body }).toEqual({ status: 201, body });
        }
        expect(await run(together, true)).toEqual(expected);
        expect(await state(together.p, together.members)).toEqual(await state(alone.p, alone.members));
        for (const id of together.members) await expectLedgerAgrees(together.p, id);
      }),
      { numRuns: 12, seed: 20261203 },
    );
  }, 600_000);
});
