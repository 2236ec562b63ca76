import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

let db: Db;
let p: Programme;
let memberId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0 });
  memberId = (await p.call('POST', '/v1/members', { name: 'Лев', phone: '+79168300001' })).body.member.id;
});
afterAll(() => db.close());

type Item = { id: string; kind: string; receiptId: string | null; returnId: string | null; reason: string | null; actor: string | null; available: number; pending: number };

describe('adjustments', () => {
  it('credit points with a reason and record who did it', async () => {
    const res = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 150, reason: 'complaint #4411: late delivery' }, { role: 'marketer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ points: 150, balance: { available: 150 } });
    expect(res.body.entryId).toMatch(/^ent_/);
    const [latest] = (await p.call('GET', `/v1/members/${memberId}/history`)).body.items as Item[];
    expect(latest).toMatchObject({ id: res.body.entryId, kind: 'adjustment', reason: 'complaint #4411: late delivery', available: 150, pending: 0 });
    expect(latest?.actor).toMatch(/^key_\w+ \(marketer\)$/);
  });

  it('debit points, recorded with the admin as the actor', async () => {
    const res = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: -50, reason: 'duplicate credit' });
    expect(res.body).toMatchObject({ points: -50, balance: { available: 100 } });
    const [latest] = (await p.call('GET', `/v1/members/${memberId}/history`)).body.items as Item[];
    expect(latest).toMatchObject({ kind: 'adjustment', reason: 'duplicate credit', available: -50 });
    expect(latest?.actor).toMatch(/\(admin\)$/);
    await expectLedgerAgrees(p, memberId);
  });

  it('are refused without a reason, and a retry with the same Idempotency-Key credits once', async () => {
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 10 }), { status: 400, code: 'validation_failed', detail: /reason/ });
    const headers = { 'idempotency-key': 'adj-1' };
    const first = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 10, reason: 'survey' }, { headers });
    const retry = await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 10, reason: 'survey' }, { headers });
    expect(retry.body).toEqual(first.body);
    expect((await p.call('GET', `/v1/members/${memberId}/balance`)).body.available).toBe(110);
    await expectRefused(p, () => p.call('POST', '/v1/members/mem_01NOBODY/adjustments', { points: 10, reason: 'x' }), { status: 404, code: 'member_not_found', detail: /mem_01NOBODY/ });
  });
});

describe('history', () => {
  it('lists every movement newest first, in pages joined by a cursor', async () => {
    const sale = await p.call('POST', '/v1/receipts', receipt('H-1', [line('BOOK', 60000)], { member: { id: memberId }, pointsToSpend: 100 }), { role: 'pos' });
    expect(sale.status).toBe(201);
    const ret = await p.call('POST', `/v1/receipts/${sale.body.id}/returns`, { lines: [{ lineNo: 1, quantity: 1 }] }, { role: 'pos' });
    expect(ret.status).toBe(201);

    const all = (await p.call('GET', `/v1/members/${memberId}/history?limit=200`)).body;
    expect(all.next).toBeNull();
    const items = all.items as Item[];
    expect(items.map((i) => i.kind)).toEqual(['return', 'receipt', 'adjustment', 'adjustment', 'adjustment']);
    expect(items[0]).toMatchObject({ receiptId: sale.body.id, returnId: ret.body.id, available: 100 - 50 });
    expect(items[1]).toMatchObject({ receiptId: sale.body.id, available: -100 + 50 });
    // The history adds up to the balance.
    expect(items.reduce((a, i) => a + i.available, 0)).toBe((await p.call('GET', `/v1/members/${memberId}/balance`)).body.available);

    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await p.call('GET', `/v1/members/${memberId}/history${query}`, undefined, { role: 'readonly' });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items);
      cursor = page.body.next;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(pages).toBe(3);
  });

  it('refuses a bad page size', async () => {
    await expectRefused(p, () => p.call('GET', `/v1/members/${memberId}/history?limit=0`), { status: 400, code: 'validation_failed', detail: /limit/ });
    await expectRefused(p, () => p.call('GET', `/v1/members/${memberId}/history?limit=lots`), { status: 400, code: 'validation_failed', detail: /limit/ });
  });

  it('refuses a cursor that no page gave instead of starting again from the first page', async () => {
    await expectRefused(p, () => p.call('GET', `/v1/members/${memberId}/history?cursor=garbage`), { status: 400, code: 'validation_failed', detail: /cursor: the `next` value of an earlier page/ });
  });
});
