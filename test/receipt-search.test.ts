import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Support finds a receipt by what the customer has: the store, the number on the paper, the member, the day.
let db: Db;
let p: Programme;
let anna: string;
const sold: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } });
  await p.call('PUT', '/v1/stores/S2', { name: 'Store two' }, { role: 'admin' });
  anna = (await p.call('POST', '/v1/members', { name: 'Анна', phone: '+79160000001' }, { role: 'pos' })).body.member.id;
  await p.call('PUT', '/v1/campaigns/tea-x2', { name: 'Чай вдвойне', effects: [{ code: 'points_multiplier', args: { multiplier: 2, match: { skus: ['TEA'] } } }] }, { role: 'marketer' });
  const sell = async (n: string, store: string, at: string, extra: Record<string, unknown>, role: 'pos' | 'partner' = 'pos') => {
    p.setNow(at);
    const res = await p.call('POST', '/v1/receipts', receipt(n, [line('TEA', 10_000, 2), line('MILK', 5_000)], { storeCode: store, ...extra }), { role });
    expect(res.status).toBe(201);
    sold[n] = res.body.id;
  };
  await sell('R-1', 'S1', '2026-02-01T10:00:00Z', { member: { id: anna } });
  await sell('R-2', 'S2', '2026-02-02T10:00:00Z', {});
  await sell('R-3', 'S1', '2026-02-03T10:00:00Z', { member: { id: anna } });
  await sell('R-4', 'S1', '2026-02-04T10:00:00Z', {}, 'partner');
});
afterAll(() => db.close());

const find = async (query: string, role: 'admin' | 'partner' | 'readonly' = 'readonly') => p.call('GET', `/v1/receipts?${query}`, undefined, { role });
const numbers = (res: { body: any }) => res.body.items.map((r: any) => r.number);

describe('the receipt search', () => {
  it('finds by store, number, member and period, newest first', async () => {
    expect(numbers(await find(''))).toEqual(['R-4', 'R-3', 'R-2', 'R-1']);
    expect(numbers(await find('storeCode=S2'))).toEqual(['R-2']);
    expect(numbers(await find('number=R-3'))).toEqual(['R-3']);
    expect(numbers(await find(`memberId=${anna}`))).toEqual(['R-3', 'R-1']);
    expect(numbers(await find('from=2026-02-02T00:00:00Z&to=2026-02-04T00:00:00Z'))).toEqual(['R-3', 'R-2']);
    const [summary] = (await find('number=R-1')).body.items;
    expect(summary).toMatchObject({ id: sold['R-1'], storeCode: 'S1', memberId: anna, status: 'confirmed', total: 25_000, purchasedAt: '2026-02-01T10:00:00.000Z' });
  });

  it('gives pages that join without a gap or a repeat', async () => {
    const first = await find('limit=3');
    expect(numbers(first)).toEqual(['R-4', 'R-3', 'R-2']);
    const second = await find(`limit=3&cursor=${first.body.next}`);
    expect(numbers(second)).toEqual(['R-1']);
    expect(second.body.next).toBeNull();
  });

  it('shows a key that may not see others’ receipts only its own', async () => {
    expect(numbers(await find('', 'partner'))).toEqual(['R-4']);
  });

  it('refuses a cursor it did not give and a period it cannot read, with a problem', async () => {
    for (const query of ['cursor=abc', 'cursor=1.rcp_x', 'from=yesterday', 'limit=0', 'limit=201']) {
      const res = await find(query);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('shows on the receipt what each campaign gave, named as its rules named it, and its returns', async () => {
    p.setNow('2026-02-05T10:00:00Z');
    const returned = await p.call('POST', `/v1/receipts/${sold['R-1']}/returns`, { number: 'V-1', lines: [{ lineNo: 2, quantity: 1 }] }, { role: 'pos' });
    expect(returned.status).toBe(201);
    const res = await p.call('GET', `/v1/receipts/${sold['R-1']}`, undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    expect(res.body.campaigns).toEqual([{ campaign: 'tea-x2', name: 'Чай вдвойне', points: 20, discount: 0, reversed: false }]);
    expect(res.body.returns).toEqual([
      expect.objectContaining({ id: returned.body.id, kind: 'return', number: 'V-1', amount: 5_000, at: '2026-02-05T10:00:00.000Z' }),
    ]);
    expect(res.body.lines.map((l: any) => [l.sku, l.returnedQuantity])).toEqual([
      ['TEA', 0],
      ['MILK', 1],
    ]);
  });
});
