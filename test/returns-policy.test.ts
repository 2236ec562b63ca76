import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A return takes back points that may already be spent: the negative-balance policy decides, and the
// receipt is reversed under the settings version that priced it.
let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const sell = async (p: Programme, number: string, memberId: string, amount: number, pointsToSpend = 0) => {
  const res = await p.call('POST', '/v1/receipts', receipt(number, [line('GOODS', amount)], { member: { id: memberId }, pointsToSpend }), { role: 'pos' });
  expect(res.status).toBe(201);
  return res.body;
};
const returnAll = (p: Programme, receiptId: string) => p.call('POST', `/v1/receipts/${receiptId}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' });
const balance = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}/balance`)).body;
const newMember = async (p: Programme, phone: string) => (await p.call('POST', '/v1/members', { name: 'Должник', phone })).body.member.id as string;

/** R1 earns 20 points, R2 spends them and earns 8: returning R1 finds only 8 of its 20 points. */
async function spentThenReturned(p: Programme, phone: string) {
  const memberId = await newMember(p, phone);
  const r1 = await sell(p, 'D-1', memberId, 20000);
  expect(r1.pointsEarned).toBe(20);
  const r2 = await sell(p, 'D-2', memberId, 10000, 20);
  expect(r2).toMatchObject({ pointsSpent: 20, pointsEarned: 8, balance: { available: 8 } });
  const ret = await returnAll(p, r1.id);
  expect(ret.status).toBe(201);
  return { memberId, ret: ret.body };
}

describe("negativeBalance 'allow'", () => {
  let p: Programme;
  beforeAll(async () => {
    p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, negativeBalance: 'allow' });
  });

  it('takes the balance below zero and reports the debt, which the next earned points repay', async () => {
    const { memberId, ret } = await spentThenReturned(p, '+79168100001');
    expect(ret).toMatchObject({ pointsClawedBack: 20, debt: 12, writtenOff: 0, balance: { available: -12, debt: 12 } });
    expect(await balance(p, memberId)).toMatchObject({ available: -12, debt: 12 });
    expect((await p.call('GET', `/v1/members/${memberId}`)).body.pointsAvailable).toBe(-12);
    await expectLedgerAgrees(p, memberId);

    await expectRefused(p, () => p.call('POST', '/v1/receipts', receipt('D-3', [line('GOODS', 10000)], { member: { id: memberId }, pointsToSpend: 1 }), { role: 'pos' }), {
      status: 422,
      code: 'insufficient_points',
      detail: /has 0 points available/,
    });

    const r3 = await sell(p, 'D-4', memberId, 30000);
    expect(r3).toMatchObject({ pointsEarned: 30, balance: { available: 18, debt: 0 } });
    expect(await balance(p, memberId)).toMatchObject({ available: 18, debt: 0 });
    await expectLedgerAgrees(p, memberId);
  });

  it('reports only the debt a return leaves, after the points it refunds repay it', async () => {
    const memberId = await newMember(p, '+79168100003');
    expect((await sell(p, 'E-1', memberId, 20000)).pointsEarned).toBe(20);
    const r2 = await sell(p, 'E-2', memberId, 20000, 20);
    expect(r2).toMatchObject({ pointsSpent: 20, pointsEarned: 18 });
    expect(await sell(p, 'E-3', memberId, 4000, 18)).toMatchObject({ pointsSpent: 18, balance: { available: 2 } });
    // Returning R2 takes back its 18 points (2 are left to take) and gives back the 20 spent on it.
    const ret = (await returnAll(p, r2.id)).body;
    expect(ret).toMatchObject({ pointsClawedBack: 18, pointsRefunded: 20, debt: 0, balance: { available: 4, debt: 0 } });
    expect(await balance(p, memberId)).toMatchObject({ available: 4, debt: 0 });
    await expectLedgerAgrees(p, memberId);
  });
});

describe('debt repaid only once new points are available', () => {
  it('pending points do not repay the debt until they activate', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 7 });
    const memberId = await newMember(p, '+79168100002');
    const r1 = await sell(p, 'P-1', memberId, 20000);
    p.advanceDays(8);
    await p.call('POST', '/v1/jobs/activation/run');
    expect(await balance(p, memberId)).toMatchObject({ available: 20, pending: 0 });
    const spent = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: -20, reason: 'spent at a partner' });
    expect(spent.status).toBe(201);

    const ret = await returnAll(p, r1.id);
    expect(ret.body).toMatchObject({ pointsClawedBack: 20, debt: 20, balance: { available: -20, debt: 20 } });

    await sell(p, 'P-2', memberId, 30000);
    expect(await balance(p, memberId)).toMatchObject({ available: -20, pending: 30, debt: 20 });
    p.advanceDays(8);
    await p.call('POST', '/v1/jobs/activation/run');
    expect(await balance(p, memberId)).toMatchObject({ available: 10, pending: 0, debt: 0 });
    await expectLedgerAgrees(p, memberId);
  });
});

describe("negativeBalance 'write_off'", () => {
  it('forgives what cannot be taken back, and the balance never goes below zero', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, negativeBalance: 'write_off' });
    const { memberId, ret } = await spentThenReturned(p, '+79168100003');
    expect(ret).toMatchObject({ pointsClawedBack: 8, writtenOff: 12, debt: 0, balance: { available: 0, debt: 0 } });
    const r3 = await sell(p, 'D-4', memberId, 30000);
    expect(r3.balance).toMatchObject({ available: 30, debt: 0 });
    await expectLedgerAgrees(p, memberId);
  });
});

describe('a return under the settings version that priced the receipt', () => {
  it('takes back what was earned, not what the new earn rate would give', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
    const memberId = await newMember(p, '+79168100004');
    const before = await sell(p, 'V-1', memberId, 100000);
    expect(before).toMatchObject({ pointsEarned: 50, settingsVersion: 1 });

    const changed = await p.call('PATCH', '/v1/program/settings', { earn: { kind: 'percent', percent: 10 } }, { role: 'marketer' });
    expect(changed.body).toMatchObject({ version: 2, settings: { earn: { kind: 'percent', percent: 10 } } });
    const after = await sell(p, 'V-2', memberId, 100000);
    expect(after).toMatchObject({ pointsEarned: 100, settingsVersion: 2 });

    const ret = await returnAll(p, before.id);
    expect(ret.body).toMatchObject({ pointsClawedBack: 50, pointsRefunded: 0, amount: 100000 });
    expect((await p.call('GET', `/v1/receipts/${before.id}`)).body.settingsVersion).toBe(1);
    expect(await balance(p, memberId)).toMatchObject({ available: 100, debt: 0 });
  });

  it('keeps the negative-balance policy of that version too', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, negativeBalance: 'write_off' });
    const memberId = await newMember(p, '+79168100005');
    const r1 = await sell(p, 'W-1', memberId, 20000);
    await sell(p, 'W-2', memberId, 10000, 20);
    await p.call('PATCH', '/v1/program/settings', { negativeBalance: 'allow' });
    const ret = await returnAll(p, r1.id);
    expect(ret.body).toMatchObject({ pointsClawedBack: 8, writtenOff: 12, debt: 0 });
  });
});
