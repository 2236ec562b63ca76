import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Support answers "when do my points burn?" from the lots the member still holds.
let db: Db;
let p: Programme;
let anna: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 14, earn: { kind: 'percent', percent: 10 }, expiry: { kind: 'days', days: 365 } });
  anna = (await p.call('POST', '/v1/members', { name: 'Анна' })).body.member.id;
});
afterAll(() => db.close());

const lots = async (id = anna, role: 'admin' | 'pos' | 'partner' = 'admin') => p.call('GET', `/v1/members/${id}/lots`, undefined, { role });

describe('the lots a member holds', () => {
  it('lists pending and active lots with how each came, soonest to expire first, and leaves spent ones out', async () => {
    expect((await p.call('POST', `/v1/members/${anna}/adjustments`, { points: 300, reason: 'Жалоба №7' })).status).toBe(201);
    p.advanceDays(10);
    const sale = await p.call('POST', '/v1/receipts', receipt('R-1', [line('MILK', 100_000)], { member: { id: anna } }), { role: 'pos' });
    expect(sale.status).toBe(201);
    const { status, body } = await lots();
    expect(status).toBe(200);
    expect(body.items).toMatchObject([
      { state: 'active', amount: 300, remaining: 300, source: 'adjustment', reason: 'Жалоба №7', receiptId: null },
      { state: 'pending', amount: 100, remaining: 100, source: 'receipt', receiptId: sale.body.id },
    ]);
    expect(Date.parse(body.items[0].expiresAt)).toBeLessThan(Date.parse(body.items[1].expiresAt));
    expect(Date.parse(body.items[1].activatesAt)).toBe(p.now().getTime() + 14 * 86_400_000);

    // Spending the whole first lot takes it off the list.
    expect((await p.call('POST', `/v1/members/${anna}/adjustments`, { points: -300, reason: 'Ошибочное начисление' })).status).toBe(201);
    expect((await lots()).body.items.map((l: { source: string }) => l.source)).toEqual(['receipt']);
  });

  it('is for keys that may read members, of this programme only', async () => {
    expect((await lots(anna, 'pos')).status).toBe(200);
    expect((await lots(anna, 'partner')).status).toBe(403);
    expect((await lots('mem_unknown')).status).toBe(404);
  });
});
