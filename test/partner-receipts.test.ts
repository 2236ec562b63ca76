import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// A partner key works on the receipts it made; another key's receipt looks like no receipt at all.
let db: Db;
let p: Programme;
let memberId: string;
let tillReceipt: string;
let otherPartner: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } });
  memberId = (await p.call('POST', '/v1/members', { name: 'Покупатель' }, { role: 'pos' })).body.member.id;
  tillReceipt = (await p.call('POST', '/v1/receipts', receipt('TILL-1', [line('MILK', 10_000, 2)], { member: { id: memberId } }), { role: 'pos' })).body.id;
  otherPartner = (await p.call('POST', '/v1/keys', { name: 'fuel station', role: 'partner', partner: 'P1' })).body.secret;
});
afterAll(() => db.close());

const state = async () => ({
  receipt: (await p.call('GET', `/v1/receipts/${tillReceipt}`)).body,
  balance: (await p.call('GET', `/v1/members/${memberId}/balance`)).body,
});
const hidden = { status: 404, code: 'receipt_not_found', detail: /no receipt / };

describe("another key's receipt, to a partner key", () => {
  it('cannot be read, returned or cancelled, and answers as if it did not exist', async () => {
    const asPartner = (method: string, path: string, body?: unknown) => () => p.call(method, path, body, { role: 'partner' });
    await expectRefused(p, asPartner('GET', `/v1/receipts/${tillReceipt}`), hidden, state);
    await expectRefused(p, asPartner('POST', `/v1/receipts/${tillReceipt}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }), hidden, state);
    await expectRefused(p, asPartner('POST', `/v1/receipts/${tillReceipt}/cancel`), hidden, state);
    const missing = await p.call('GET', '/v1/receipts/rcp_NOSUCH', undefined, { role: 'partner' });
    expect(missing.body.detail).toBe('no receipt rcp_NOSUCH');
  });
});

describe("a partner key's own receipts", () => {
  it('are read, returned and cancelled by it, and by no other partner key', async () => {
    const sold = await p.call('POST', '/v1/receipts', receipt('CAFE-1', [line('COFFEE', 20_000, 2)], { member: { id: memberId } }), { role: 'partner' });
    expect(sold.status).toBe(201);
    const id = sold.body.id as string;
    expect((await p.call('GET', `/v1/receipts/${id}`, undefined, { role: 'partner' })).body).toMatchObject({ id, number: 'CAFE-1' });
    expect((await p.call('GET', `/v1/receipts/${id}`, undefined, { key: otherPartner })).status).toBe(404);
    expect((await p.call('POST', `/v1/receipts/${id}/cancel`, undefined, { key: otherPartner })).status).toBe(404);

    const returned = await p.call('POST', `/v1/receipts/${id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'partner' });
    expect(returned.status).toBe(201);
    expect(returned.body.pointsClawedBack).toBe(20);
    expect((await p.call('POST', `/v1/receipts/${id}/cancel`, undefined, { role: 'partner' })).status).toBe(201);
  });

  it('made in a batch are its own as well; a pos key may reverse any receipt', async () => {
    const sale = receipt('CAFE-B1', [line('TEA', 10_000)], { member: { id: memberId } });
    const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [sale] }, { role: 'partner' });
    const id = batch.body.results[0].receipt.id as string;
    expect((await p.call('GET', `/v1/receipts/${id}`, undefined, { role: 'partner' })).status).toBe(200);
    expect((await p.call('POST', `/v1/receipts/${id}/cancel`, undefined, { role: 'pos' })).status).toBe(201);
  });
});
