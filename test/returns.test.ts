import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Returns reverse a receipt line by line and in proportion: earned points back to the programme,
// spent points back to the member, money back for the part paid with money.
let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, maxRedemptionPercent: 50 });
});
afterAll(() => db.close());

async function memberWith(points: number, phone: string) {
  const id = (await p.call('POST', '/v1/members', { name: 'Покупатель', phone })).body.member.id as string;
  if (points) await p.call('POST', `/v1/members/${id}/adjustments`, { points, reason: 'opening balance' });
  return id;
}
const available = async (id: string) => (await p.call('GET', `/v1/members/${id}/balance`)).body.available as number;
const giveBack = (receiptId: string, lines: { lineNo: number; quantity: number }[], extra: Record<string, unknown> = {}) =>
  p.call('POST', `/v1/receipts/${receiptId}/returns`, { lines, ...extra }, { role: 'pos' });

describe('partial returns', () => {
  let memberId: string;
  let sale: { id: string; lines: { pointsEarned: number; pointsSpent: number; paid: number }[] };

  beforeAll(async () => {
    memberId = await memberWith(1000, '+79168000001');
    const res = await p.call('POST', '/v1/receipts', receipt('R-1', [line('SHIRT', 10000, 3), line('JEANS', 20000)], { member: { id: memberId }, pointsToSpend: 100 }), { role: 'pos' });
    expect(res.status).toBe(201);
    sale = res.body;
    // 100 points split over the lines by what each may take (150 : 100), and 10% earned on the 400 RUB paid.
    expect(res.body.lines).toEqual([
      expect.objectContaining({ pointsSpent: 60, pointsDiscount: 6000, paid: 24000, pointsEarned: 24 }),
      expect.objectContaining({ pointsSpent: 40, pointsDiscount: 4000, paid: 16000, pointsEarned: 16 }),
    ]);
    expect(res.body.balance.available).toBe(1000 - 100 + 40);
  });

  it('one of three shirts takes back a third of its earned points and gives back a third of its spent points', async () => {
    const res = await giveBack(sale.id, [{ lineNo: 1, quantity: 1 }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'return', receiptId: sale.id, amount: 8000, pointsClawedBack: 8, pointsRefunded: 20, debt: 0, writtenOff: 0 });
    expect(res.body.lines).toEqual([{ lineNo: 1, quantity: 1, amount: 8000, pointsClawedBack: 8, pointsRefunded: 20 }]);
    expect(res.body.balance.available).toBe(940 - 8 + 20);
    expect(await available(memberId)).toBe(952);
    const stored = await p.call('GET', `/v1/receipts/${sale.id}`);
    expect(stored.body.lines.map((l: { returnedQuantity: number }) => l.returnedQuantity)).toEqual([1, 0]);
    await expectLedgerAgrees(p, memberId);
  });

  it('refuses returning more than is left, also over two partial returns, and writes nothing', async () => {
    const observe = async () => ({ balance: await available(memberId), receipt: (await p.call('GET', `/v1/receipts/${sale.id}`)).body });
    await expectRefused(p, () => giveBack(sale.id, [{ lineNo: 2, quantity: 2 }]), { status: 422, code: 'return_exceeds_sale', detail: /line 2: 2 asked, 1 left/ }, observe);
    expect((await giveBack(sale.id, [{ lineNo: 1, quantity: 1 }])).status).toBe(201);
    await expectRefused(p, () => giveBack(sale.id, [{ lineNo: 1, quantity: 2 }]), { status: 422, code: 'return_exceeds_sale', detail: /line 1: 2 asked, 1 left/ }, observe);
    // One bad line refuses the whole return, the good line included.
    await expectRefused(p, () => giveBack(sale.id, [{ lineNo: 2, quantity: 1 }, { lineNo: 1, quantity: 2 }]), { status: 422, code: 'return_exceeds_sale', detail: /line 1/ }, observe);
  });

  it('refuses an unknown line or receipt', async () => {
    await expectRefused(p, () => giveBack(sale.id, [{ lineNo: 9, quantity: 1 }]), { status: 422, code: 'line_not_found', detail: /no line 9/ });
    await expectRefused(p, () => giveBack('rcp_01NOSUCHRECEIPT', [{ lineNo: 1, quantity: 1 }]), { status: 404, code: 'receipt_not_found', detail: /rcp_01NOSUCHRECEIPT/ });
    await expectRefused(p, () => p.call('GET', '/v1/receipts/rcp_01NOSUCHRECEIPT'), { status: 404, code: 'receipt_not_found', detail: /rcp_01NOSUCHRECEIPT/ });
  });

  it('the last shirt brings the line back exactly to what the receipt did for it', async () => {
    const last = await giveBack(sale.id, [{ lineNo: 1, quantity: 1 }]);
    expect(last.status).toBe(201);
    const stored = await p.call('GET', `/v1/receipts/${sale.id}`);
    expect(stored.body.lines[0]).toMatchObject({ quantity: 3, returnedQuantity: 3 });
    // Three returns of one shirt: 8 + 8 + 8 earned points and 20 + 20 + 20 spent points, 3 x 80 RUB.
    expect(last.body).toMatchObject({ amount: 8000, pointsClawedBack: 8, pointsRefunded: 20 });
    expect(await available(memberId)).toBe(940 - 24 + 60);
  });
});

describe('several partial returns of weighed goods', () => {
  it('add up exactly to the line, whatever the rounding of each part', async () => {
    const memberId = await memberWith(1000, '+79168000002');
    const sold = await p.call('POST', '/v1/receipts', receipt('R-2', [line('APPLES', 19900, 0.756), line('BREAD', 4500)], { member: { id: memberId }, pointsToSpend: 33 }), { role: 'pos' });
    expect(sold.status).toBe(201);
    const apples = sold.body.lines[0];
    const parts = [0.3, 0.3, 0.156];
    const done: { amount: number; pointsClawedBack: number; pointsRefunded: number }[] = [];
    for (const quantity of parts) {
      const res = await giveBack(sold.body.id, [{ lineNo: 1, quantity }]);
      expect(res.status).toBe(201);
      done.push(res.body);
    }
    const sum = (f: (r: (typeof done)[number]) => number) => done.reduce((a, r) => a + f(r), 0);
    expect({ amount: sum((r) => r.amount), clawedBack: sum((r) => r.pointsClawedBack), refunded: sum((r) => r.pointsRefunded) }).toEqual({
      amount: apples.paid,
      clawedBack: apples.pointsEarned,
      refunded: apples.pointsSpent,
    });
    expect(apples.pointsEarned).toBeGreaterThan(0);
    expect(apples.pointsSpent).toBeGreaterThan(0);
    await expectRefused(p, () => giveBack(sold.body.id, [{ lineNo: 1, quantity: 0.001 }]), { status: 422, code: 'return_exceeds_sale', detail: /0\.001 asked, 0 left/ });
    const bread = sold.body.lines[1];
    expect(await available(memberId)).toBe(1000 - bread.pointsSpent + bread.pointsEarned);
    await expectLedgerAgrees(p, memberId);
  });
});

describe('cancel', () => {
  it('voids whatever is not yet returned and the receipt can then take nothing more', async () => {
    const memberId = await memberWith(500, '+79168000003');
    const sold = await p.call('POST', '/v1/receipts', receipt('R-3', [line('TEA', 10000, 2), line('CUP', 5000)], { member: { id: memberId }, pointsToSpend: 50 }), { role: 'pos' });
    expect(sold.status).toBe(201);
    const partial = await giveBack(sold.body.id, [{ lineNo: 1, quantity: 1 }]);
    const cancel = await p.call('POST', `/v1/receipts/${sold.body.id}/cancel`, undefined, { role: 'pos' });
    expect(cancel.status).toBe(201);
    expect(cancel.body.kind).toBe('cancel');
    expect(cancel.body.lines.map((l: { lineNo: number; quantity: number }) => [l.lineNo, l.quantity])).toEqual([[1, 1], [2, 1]]);
    expect(partial.body.amount + cancel.body.amount).toBe(sold.body.paid);
    expect(partial.body.pointsClawedBack + cancel.body.pointsClawedBack).toBe(sold.body.pointsEarned);
    expect(partial.body.pointsRefunded + cancel.body.pointsRefunded).toBe(50);
    expect(await available(memberId)).toBe(500);

    const stored = await p.call('GET', `/v1/receipts/${sold.body.id}`);
    expect(stored.body.status).toBe('cancelled');
    expect(stored.body.lines.map((l: { returnedQuantity: number }) => l.returnedQuantity)).toEqual([2, 1]);
    await expectRefused(p, () => giveBack(sold.body.id, [{ lineNo: 2, quantity: 1 }]), { status: 422, code: 'receipt_cancelled', detail: /cancelled/ });
    await expectRefused(p, () => p.call('POST', `/v1/receipts/${sold.body.id}/cancel`, undefined, { role: 'pos' }), { status: 422, code: 'receipt_cancelled', detail: /cancelled/ });
    await expectLedgerAgrees(p, memberId);
  });

  it('a fully returned receipt has nothing left to cancel', async () => {
    const sold = await p.call('POST', '/v1/receipts', receipt('R-4', [line('PEN', 3000)]), { role: 'pos' });
    expect((await giveBack(sold.body.id, [{ lineNo: 1, quantity: 1 }])).status).toBe(201);
    await expectRefused(p, () => p.call('POST', `/v1/receipts/${sold.body.id}/cancel`, undefined, { role: 'pos' }), { status: 422, code: 'nothing_to_return', detail: /already returned/ });
  });
});

describe('retrying a return', () => {
  it('the same return document number gets the first answer; other lines under it are a conflict', async () => {
    const memberId = await memberWith(0, '+79168000004');
    const sold = await p.call('POST', '/v1/receipts', receipt('R-5', [line('SOCKS', 1000, 5)], { member: { id: memberId } }), { role: 'pos' });
    const first = await giveBack(sold.body.id, [{ lineNo: 1, quantity: 2 }], { number: 'RET-77' });
    expect(first.status).toBe(201);
    const retry = await giveBack(sold.body.id, [{ lineNo: 1, quantity: 2 }], { number: 'RET-77' });
    expect(retry.body).toEqual(first.body);
    expect((await p.call('GET', `/v1/receipts/${sold.body.id}`)).body.lines[0].returnedQuantity).toBe(2);
    await expectRefused(p, () => giveBack(sold.body.id, [{ lineNo: 1, quantity: 3 }], { number: 'RET-77' }), { status: 409, code: 'conflict', detail: /RET-77/ });
  });

  it('an Idempotency-Key makes a cancel safe to retry', async () => {
    const sold = await p.call('POST', '/v1/receipts', receipt('R-6', [line('SOCKS', 1000, 5)]), { role: 'pos' });
    const headers = { 'idempotency-key': 'cancel-R-6' };
    const first = await p.call('POST', `/v1/receipts/${sold.body.id}/cancel`, undefined, { role: 'pos', headers });
    const retry = await p.call('POST', `/v1/receipts/${sold.body.id}/cancel`, undefined, { role: 'pos', headers });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
  });
});

describe('counted and weighed lines', () => {
  it('returns counted units whole, and part of what was sold by weight', async () => {
    const sold = await p.call(
      'POST',
      '/v1/receipts',
      receipt('W-1', [line('BREAD', 5000, 3), line('CHEESE', 90000, 1, { weighed: true }), line('APPLES', 19900, 0.756)]),
      { role: 'pos' },
    );
    expect(sold.status).toBe(201);
    const id = sold.body.id as string;
    await expectRefused(p, () => giveBack(id, [{ lineNo: 1, quantity: 0.5 }]), { status: 422, code: 'whole_units_only', detail: /line 1 is sold by the unit \(3\); return whole units/ });
    expect((await giveBack(id, [{ lineNo: 1, quantity: 1 }])).status).toBe(201);
    expect((await giveBack(id, [{ lineNo: 2, quantity: 0.5 }])).status).toBe(201);
    expect((await giveBack(id, [{ lineNo: 3, quantity: 0.256 }])).status).toBe(201);
    const stored = (await p.call('GET', `/v1/receipts/${id}`)).body.lines;
    expect(stored.map((l: { weighed: boolean; returnedQuantity: number }) => [l.weighed, l.returnedQuantity])).toEqual([[false, 1], [true, 0.5], [true, 0.256]]);
  });

  it('refuses a line of counted units with a fractional quantity', async () => {
    await expectRefused(p, () => p.call('POST', '/v1/receipts', receipt('W-2', [line('BREAD', 5000, 1.5, { weighed: false })]), { role: 'pos' }), {
      status: 400,
      code: 'validation_failed',
      detail: /lines\.0\.quantity: a line of counted units has a whole quantity/,
    });
  });
});
