import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../src/domain/access.ts';
import type { Db } from '../src/store/db.ts';
import { tillQueue } from '../src/flows/till-queue.ts';
import type { ReceiptInput } from '../src/flows/receipts.ts';
import { expectLedgerAgrees } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Without tiers, what a receipt earns does not depend on which receipts of the member came first.
const settings = { pendingDays: 0, earn: { kind: 'percent', percent: 10 } };

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

async function programmeWithMembers(count: number, points: number): Promise<{ p: Programme; members: string[] }> {
  const p = await newProgramme(db, settings);
  const members: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await p.call('POST', '/v1/members', { name: `member ${i}` });
    members.push(created.body.member.id);
    await p.call('POST', `/v1/members/${created.body.member.id}/adjustments`, { points, reason: 'welcome' });
  }
  return { p, members };
}

const balance = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}`)).body.pointsAvailable as number;

/** How many transactions wrote the programme's receipts (rows written by one transaction share its xmin). */
const transactions = async (p: Programme) =>
  (await db.query<{ n: number }>('select count(distinct xmin::text)::int as n from receipts where program_id = $1', [p.programId]))[0]?.n;

describe('receipts confirmed at the same moment', () => {
  it('are written together, each answered as if it came alone', async () => {
    const { p, members } = await programmeWithMembers(6, 1_000);
    const spends = (n: number) => (n % 2 ? 10 : 0);
    const sales = Array.from({ length: 48 }, (_, n) =>
      receipt(`T${n}`, [line('MILK', 8_990, 1 + (n % 3)), line('BREAD', 4_990)], { member: { id: members[n % 6] }, pointsToSpend: spends(n) }),
    );
    const answers = await Promise.all(sales.map((s) => p.call('POST', '/v1/receipts', s, { role: 'pos' })));

    expect(answers.map((a) => a.status)).toEqual(sales.map(() => 201));
    expect(await transactions(p)).toBeLessThan(sales.length);
    for (const [n, a] of answers.entries()) {
      const paid = sales[n]!.total - spends(n) * 100;
      expect(a.body).toMatchObject({ number: `T${n}`, memberId: members[n % 6], pointsSpent: spends(n), pointsEarned: Math.floor(paid / 1000) });
      expect((await p.call('GET', `/v1/receipts/${a.body.id}`)).body.number).toBe(`T${n}`);
    }
    for (const [k, id] of members.entries()) {
      const mine = answers.filter((_, n) => n % 6 === k).map((a) => a.body);
      expect(await balance(p, id)).toBe(1_000 + mine.reduce((s, r) => s + r.pointsEarned - r.pointsSpent, 0));
      await expectLedgerAgrees(p, id);
    }
    // A retry of a grouped receipt gets its first answer.
    const again = await p.call('POST', '/v1/receipts', sales[7], { role: 'pos' });
    expect(again).toMatchObject({ status: 201, body: answers[7]!.body });
  });

  it('refuse only the receipt at fault', async () => {
    const { p, members } = await programmeWithMembers(3, 100);
    const good = (n: number) => receipt(`G${n}`, [line('TEA', 15_000)], { member: { id: members[n % 3] } });
    const sales = [
      ...Array.from({ length: 10 }, (_, n) => good(n)),
      receipt('NO-STORE', [line('TEA', 15_000)], { storeCode: 'NOWHERE' }),
      receipt('TOO-MUCH', [line('TV', 10_000_000)], { member: { id: members[0] }, pointsToSpend: 5_000 }),
      receipt('NOBODY', [line('TEA', 15_000)], { member: { id: 'mem_unknown' } }),
      { ...good(1), lines: [line('COFFEE', 30_000)], total: 30_000 },
      ...Array.from({ length: 10 }, (_, n) => good(n + 10)),
    ];
    const answers = await Promise.all(sales.map((s) => p.call('POST', '/v1/receipts', s, { role: 'pos' })));
    const codes = answers.map((a) => (a.status === 201 ? 201 : a.body.code));

    expect(codes.filter((c) => c === 201)).toHaveLength(20);
    expect(codes.slice(10, 13)).toEqual(['store_not_found', 'insufficient_points', 'member_not_found']);
    // The same number with other content: one of the two lands, the other is a conflict.
    expect([codes[1], codes[13]].sort()).toEqual([201, 'receipt_conflict'].sort());
    for (const id of members) await expectLedgerAgrees(p, id);
    expect((await db.query<{ n: number }>('select count(*)::int as n from receipts where program_id = $1', [p.programId]))[0]?.n).toBe(20);
  });

  it('with campaigns, are confirmed together and each gets the campaign', async () => {
    const { p, members } = await programmeWithMembers(4, 0);
    const published = await p.call('PUT', '/v1/campaigns/TEA-BONUS', {
      name: 'Чай с бонусом',
      conditions: { code: 'contains', args: { skus: ['TEA'] } },
      effects: [{ code: 'points_fixed', args: { points: 7 } }],
    }, { role: 'marketer' });
    expect(published.status).toBe(200);
    const sales = Array.from({ length: 20 }, (_, n) => receipt(`C${n}`, [line('TEA', 15_000)], { member: { id: members[n % 4] } }));
    const answers = await Promise.all(sales.map((s) => p.call('POST', '/v1/receipts', s, { role: 'pos' })));

    expect(answers.map((a) => a.status)).toEqual(sales.map(() => 201));
    for (const a of answers) expect(a.body.pointsEarned).toBe(15 + 7);
    for (const id of members) {
      expect(await balance(p, id)).toBe(5 * 22);
      await expectLedgerAgrees(p, id);
    }
  });

  it('answer a retry as the first time, even after the card was blocked', async () => {
    const p = await newProgramme(db, settings);
    const created = await p.call('POST', '/v1/members', { name: 'Покупатель' });
    const card = created.body.cards[0].number as string;
    const sale = receipt('FIRST', [line('TEA', 15_000)], { member: { cardNumber: card } });
    const first = await p.call('POST', '/v1/receipts', sale, { role: 'pos' });
    expect(first.status).toBe(201);
    expect(first.body).not.toHaveProperty('ok');
    await p.call('POST', `/v1/cards/${card}/block`, { reason: 'lost', replace: true }, { role: 'pos' });

    const others = Array.from({ length: 12 }, (_, n) => receipt(`OTHER${n}`, [line('TEA', 15_000)]));
    const [retry] = await Promise.all([sale, ...others].map((s) => p.call('POST', '/v1/receipts', s, { role: 'pos' })));
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect(await transactions(p)).toBeLessThan(14);
  });

  it('let programmes take turns', async () => {
    const a = await newProgramme(db, settings);
    const b = await newProgramme(db, settings);
    const sale = (number: string): ReceiptInput => ({ storeCode: 'S1', number, lines: [{ sku: 'TEA', price: 15_000, quantity: 1, amount: 15_000, discount: 0, isReward: false }], total: 15_000, pointsToSpend: 0 });
    // One group at a time, so the order of answers is the order of turns, whatever the machine's speed.
    const tills = tillQueue(a.deps, { maxGroup: 10, concurrency: 1 });
    const answered: string[] = [];
    const confirm = (programId: string, number: string) => tills.confirm(programId, sale(number), systemPrincipal('test')).then((r) => void answered.push(r.ok ? number : r.code));
    await Promise.all([...Array.from({ length: 40 }, (_, n) => confirm(a.programId, `A${n}`)), confirm(b.programId, 'B')]);

    expect(answered).toHaveLength(41);
    expect(answered.indexOf('B')).toBe(10);
  });
});
