import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectProblem, footprint, validCardNumber } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

const settings = {
  pendingDays: 0,
  earn: { kind: 'percent', percent: 10 },
  tierQualification: { metric: 'amount_spent', windowDays: 365 },
  tiers: [
    { code: 'silver', name: 'Серебряный', threshold: 0 },
    { code: 'gold', name: 'Золотой', threshold: 300_000, earnMultiplier: 2 },
  ],
};

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** Five members with 500 points each, in a fresh programme. */
async function programmeWithMembers(): Promise<{ p: Programme; members: string[] }> {
  const p = await newProgramme(db, settings);
  const members: string[] = [];
  for (let i = 0; i < 5; i++) {
    const created = await p.call('POST', '/v1/members', { name: `member ${i}` });
    members.push(created.body.member.id);
    await p.call('POST', `/v1/members/${created.body.member.id}/adjustments`, { points: 500, reason: 'welcome' });
  }
  return { p, members };
}

/** A day of trading: repeat visits, spending, a tier upgrade, an anonymous sale, a refusal, a retry and a conflict. */
function trading(members: string[], count = 40) {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const receipts: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    const member = n % 9 === 8 ? undefined : members[n % members.length];
    const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => line(`SKU${k}`, 1000 + Math.floor(random() * 90_000), 1 + Math.floor(random() * 3)));
    const spend = member && n % 3 === 0 ? 1 + Math.floor(random() * 300) : 0;
    receipts.push(receipt(`R${n}`, lines, { ...(member ? { member: { id: member } } : {}), pointsToSpend: spend }));
  }
  receipts.push({ ...receipts[4] }); // a retry of the same receipt
  receipts.push({ ...receipts[3], pointsToSpend: 0 }); // the same number, other content
  receipts.push(receipt('OVER-LIMIT', [line('X', 1000)], { member: { id: members[0] }, pointsToSpend: 100 }));
  receipts.push(receipt('OVER-BALANCE', [line('TV', 10_000_000)], { member: { id: members[1] }, pointsToSpend: 40_000 }));
  return receipts;
}

const summary = async (p: Programme, members: string[]) =>
  Promise.all(
    members.map(async (id) => {
      const m = await p.call('GET', `/v1/members/${id}`);
      return { available: m.body.pointsAvailable, pending: m.body.pointsPending, tier: m.body.tierCode };
    }),
  );

describe('POST /v1/receipts/batch', () => {
  it("keeps a member's receipts in order when one of them must go alone (a coupon), as one by one would", async () => {
    const answers = async (batch: boolean) => {
      const p = await newProgramme(db, settings);
      const member = (await p.call('POST', '/v1/members', { name: 'Купонщица' })).body.member.id;
      const sales = [
        receipt('C-1', [line('TV', 100_000)], { member: { id: member }, coupons: ['NO-SUCH-CODE'] }),
        receipt('C-2', [line('BREAD', 30_000)], { member: { id: member }, pointsToSpend: 100 }),
      ];
      if (batch) return ((await p.call('POST', '/v1/receipts/batch', { receipts: sales }, { role: 'pos' })).body.results as { status: number }[]).map((r) => r.status);
      const statuses = [];
      for (const sale of sales) statuses.push((await p.call('POST', '/v1/receipts', sale, { role: 'pos' })).status);
      return statuses;
    };
    // The first earns the 100 points the second spends.
    expect(await answers(false)).toEqual([201, 201]);
    expect(await answers(true)).toEqual([201, 201]);
  });

  it('ends with the same ledger as confirming the receipts one by one', async () => {
    const single = await programmeWithMembers();
    const batch = await programmeWithMembers();
    const oneByOne = [];
    for (const r of trading(single.members)) {
      const res = await single.p.call('POST', '/v1/receipts', r, { role: 'pos' });
      oneByOne.push({ status: res.status, code: res.body.code, earned: res.body.pointsEarned, spent: res.body.pointsSpent, tier: res.body.tierChange });
    }
    const all = trading(batch.members);
    const answers = [];
    for (const part of [all.slice(0, 17), all.slice(17)]) {
      const res = await batch.p.call('POST', '/v1/receipts/batch', { receipts: part }, { role: 'pos' });
      expect(res.status).toBe(200);
      answers.push(...res.body.results);
    }
    const together = answers.map((a) => ({
      status: a.status,
      code: a.problem?.code,
      earned: a.receipt?.pointsEarned,
      spent: a.receipt?.pointsSpent,
      tier: a.receipt?.tierChange,
    }));
    expect(together).toEqual(oneByOne);
    expect(oneByOne.filter((r) => r.status === 201).length).toBeGreaterThan(30);
    expect(oneByOne.map((r) => r.code)).toEqual(expect.arrayContaining(['receipt_conflict', 'redemption_limit_exceeded', 'insufficient_points']));
    expect(oneByOne.some((r) => r.tier?.to === 'gold')).toBe(true);
    expect(await summary(batch.p, batch.members)).toEqual(await summary(single.p, single.members));
    for (const id of batch.members) await expectLedgerAgrees(batch.p, id);
  });

  it('confirms a batch bigger than one transaction group in order, group after group', async () => {
    const single = await programmeWithMembers();
    const batch = await programmeWithMembers();
    const oneByOne = [];
    for (const r of trading(single.members, 300)) {
      const res = await single.p.call('POST', '/v1/receipts', r, { role: 'pos' });
      oneByOne.push({ status: res.status, code: res.body.code, earned: res.body.pointsEarned, spent: res.body.pointsSpent });
    }
    const res = await batch.p.call('POST', '/v1/receipts/batch', { receipts: trading(batch.members, 300) }, { role: 'pos' });
    expect(res.body.results).toHaveLength(304);
    const together = res.body.results.map((a: { status: number; problem?: { code: string }; receipt?: { pointsEarned: number; pointsSpent: number } }) => ({
      status: a.status,
      code: a.problem?.code,
      earned: a.receipt?.pointsEarned,
      spent: a.receipt?.pointsSpent,
    }));
    expect(together).toEqual(oneByOne);
    expect(await summary(batch.p, batch.members)).toEqual(await summary(single.p, single.members));
    for (const id of batch.members) await expectLedgerAgrees(batch.p, id);
  });

  it('lets other requests in between the transaction groups of a big batch', async () => {
    const { p, members } = await programmeWithMembers();
    let answered = false;
    let ranBefore = false;
    setImmediate(() => (ranBefore = !answered));
    await p.call('POST', '/v1/receipts/batch', { receipts: trading(members, 300) }, { role: 'pos' });
    answered = true;
    expect(ranBefore).toBe(true);
  });

  it('answers each receipt on its own, and a resent batch changes nothing', async () => {
    const { p, members } = await programmeWithMembers();
    const good = receipt('G1', [line('MILK', 8990, 2)], { member: { id: members[0] } });
    const bad = { ...receipt('B1', [line('MILK', 8990, 2)]), total: 1 };
    const unknownStore = { ...receipt('U1', [line('MILK', 8990)]), storeCode: 'NOPE' };
    const first = await p.call('POST', '/v1/receipts/batch', { receipts: [good, bad, unknownStore] }, { role: 'pos' });
    expect(first.body).toMatchObject({ confirmed: 1, failed: 2 });
    expect(first.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 404]);
    expect(first.body.results[1].problem).toMatchObject({ code: 'validation_failed', detail: expect.stringContaining('total') });
    expect(first.body.results[2].problem.code).toBe('store_not_found');
    const before = await summary(p, members);
    const again = await p.call('POST', '/v1/receipts/batch', { receipts: [good] }, { role: 'pos' });
    expect(again.body.results[0].receipt).toEqual(first.body.results[0].receipt);
    expect(await summary(p, members)).toEqual(before);
  });

  it('enrols a new card once, in order, even when several receipts of the batch bring it', async () => {
    const { p, members } = await programmeWithMembers();
    const card = validCardNumber('777000000123456');
    const res = await p.call(
      'POST',
      '/v1/receipts/batch',
      {
        receipts: [
          receipt('N1', [line('MILK', 10_000)], { member: { cardNumber: card } }),
          receipt('N2', [line('BREAD', 5_000)], { member: { id: members[0] } }),
          receipt('N3', [line('MILK', 20_000)], { member: { cardNumber: card } }),
        ],
      },
      { role: 'pos' },
    );
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 201]);
    const [first, , third] = res.body.results.map((r: { receipt: { memberId: string; balance: { available: number } } }) => r.receipt);
    expect(third.memberId).toBe(first.memberId);
    const holder = await p.call('GET', `/v1/members?cardNumber=${card}`);
    expect(holder.body.id).toBe(first.memberId);
    // 10% of 100 and of 200 RUB, available at once (pendingDays 0).
    expect(third.balance.available).toBe(30);
  });

  it('refuses an empty batch or one over 1,000 receipts', async () => {
    const { p } = await programmeWithMembers();
    expect((await p.call('POST', '/v1/receipts/batch', { receipts: [] }, { role: 'pos' })).status).toBe(400);
    const many = Array.from({ length: 1001 }, (_, i) => receipt(`M${i}`, [line('A', 100)]));
    expect((await p.call('POST', '/v1/receipts/batch', { receipts: many }, { role: 'pos' })).status).toBe(400);
  });

  it('refuses half of an emoji cut off by a till, naming the field, and writes nothing of the batch', async () => {
    const { p, members } = await programmeWithMembers();
    const cut = 'Чай \ud83c';
    const before = await footprint(p);
    const res = await p.call(
      'POST',
      '/v1/receipts/batch',
      { receipts: [receipt('E1', [line('TEA', 15_000, 1, { name: cut })], { member: { id: members[0] } }), receipt('E2', [line('TEA', 15_000)])] },
      { role: 'pos' },
    );
    expectProblem(res, 400, 'validation_failed', /receipts\.0\.lines\.0\.name: text must be well-formed Unicode/);
    expect(await footprint(p)).toEqual(before);
  });
});
