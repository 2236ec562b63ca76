import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Programme A's keys must not see or touch programme B: B's records look like they do not exist.
let db: Db;
let a: Programme;
let b: Programme;
let bMember: string;
let bCard: string;
let bReceipt: string;

beforeAll(async () => {
  db = await openTestDb();
  a = await newProgramme(db, { pendingDays: 0, enrollOnUnknownCard: false });
  b = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, expiry: { kind: 'days', days: 30 } });
  const created = await b.call('POST', '/v1/members', { name: 'Чужой', phone: '+79168600001', email: 'b@example.ru', externalId: 'b-1' });
  bMember = created.body.member.id;
  bCard = created.body.cards[0].number;
  const sale = await b.call('POST', '/v1/receipts', receipt('B-1', [line('GOODS', 50000, 2)], { member: { id: bMember } }), { role: 'pos' });
  expect(sale.status).toBe(201);
  bReceipt = sale.body.id;
});
afterAll(() => db.close());

/** Everything B's own keys can see of B; A's requests must leave it exactly as it was. */
const bState = async () => ({
  rows: await footprint(b),
  member: (await b.call('GET', `/v1/members/${bMember}`)).body,
  balance: (await b.call('GET', `/v1/members/${bMember}/balance`)).body,
  history: (await b.call('GET', `/v1/members/${bMember}/history`)).body,
  receipt: (await b.call('GET', `/v1/receipts/${bReceipt}`)).body,
  card: (await b.call('GET', `/v1/cards/${bCard}`)).body,
});
const fromA = (method: string, path: string, body?: unknown) => () => a.call(method, path, body);
const hidden = (code: string, detail: RegExp = /no /) => ({ status: 404, code, detail });

describe("a key of programme A and programme B's records", () => {
  it("cannot read B's member, however it is looked up", async () => {
    await expectRefused(a, fromA('GET', `/v1/members/${bMember}`), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('GET', `/v1/members/${bMember}/balance`), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('GET', `/v1/members/${bMember}/history`), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('GET', `/v1/members/${bMember}/tier-history`), hidden('member_not_found'), bState);
    for (const query of ['phone=%2B79168600001', 'email=b%40example.ru', 'externalId=b-1', `cardNumber=${bCard}`])
      await expectRefused(a, fromA('GET', `/v1/members?${query}`), hidden('member_not_found'), bState);
  });

  it("cannot change B's member", async () => {
    await expectRefused(a, fromA('PATCH', `/v1/members/${bMember}`, { name: 'Hijacked' }), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('POST', `/v1/members/${bMember}/adjustments`, { points: 1000, reason: 'x' }), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('POST', `/v1/members/${bMember}/cards`, {}), hidden('member_not_found'), bState);
  });

  it("cannot read or reverse B's receipt", async () => {
    await expectRefused(a, fromA('GET', `/v1/receipts/${bReceipt}`), hidden('receipt_not_found'), bState);
    await expectRefused(a, fromA('POST', `/v1/receipts/${bReceipt}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }), hidden('receipt_not_found'), bState);
    await expectRefused(a, fromA('POST', `/v1/receipts/${bReceipt}/cancel`), hidden('receipt_not_found'), bState);
  });

  it("cannot see or block B's card", async () => {
    await expectRefused(a, fromA('GET', `/v1/cards/${bCard}`), hidden('card_not_found'), bState);
    await expectRefused(a, fromA('POST', `/v1/cards/${bCard}/block`, { reason: 'lost', replace: true }), hidden('card_not_found'), bState);
  });

  it("cannot put a sale on B's member or card", async () => {
    await expectRefused(a, fromA('POST', '/v1/receipts', receipt('A-1', [line('GOODS', 10000)], { member: { id: bMember } })), hidden('member_not_found'), bState);
    await expectRefused(a, fromA('POST', '/v1/receipts', receipt('A-1', [line('GOODS', 10000)], { member: { cardNumber: bCard } })), hidden('card_not_found'), bState);
    await expectRefused(a, fromA('POST', '/v1/receipts/calculate', receipt('A-1', [line('GOODS', 10000)], { member: { phone: '+79168600001' } })), hidden('member_not_found'), bState);
  });

  it('keeps receipt numbers, phones and idempotency keys separate per programme', async () => {
    const before = await bState();
    const headers = { 'idempotency-key': 'shared-key' };
    const inB = await b.call('POST', '/v1/members', { name: 'Б' }, { headers });
    const inA = await a.call('POST', '/v1/members', { name: 'А', phone: '+79168600001' }, { headers });
    expect([inB.status, inA.status]).toEqual([201, 201]);
    expect(inA.body.member.id).not.toBe(inB.body.member.id);
    const sameNumber = await a.call('POST', '/v1/receipts', receipt('B-1', [line('GOODS', 10000)]), { role: 'pos' });
    expect(sameNumber.status).toBe(201);
    expect(sameNumber.body.id).not.toBe(bReceipt);
    const after = await bState();
    expect(after.receipt).toEqual(before.receipt);
    expect(after.balance).toEqual(before.balance);
    expect(after.rows.members).toBe(before.rows.members + 1);
  });

  it("runs jobs for its own programme only: A's expiry run does not expire B's points", async () => {
    a.advanceDays(400);
    const before = await bState();
    const job = await a.call('POST', '/v1/jobs/expiry/run');
    expect(job.status).toBe(200);
    expect(job.body.members).toBe(0);
    await a.call('POST', '/v1/jobs/tier-review/run');
    expect(await bState()).toEqual(before);
    expect(before.balance.available).toBe(100);
  });
});
