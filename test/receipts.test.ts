import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

let db: Db;
let p: Programme;
let memberId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 14, expiry: { kind: 'days', days: 365 } });
  const created = await p.call('POST', '/v1/members', { name: 'Анна', phone: '+7 916 123-45-67' });
  memberId = created.body.member.id;
});
afterAll(() => db.close());

describe('receipt flow', () => {
  it('earns pending points that become available after the return window', async () => {
    const res = await p.call('POST', '/v1/receipts', receipt('R1', [line('MILK', 10000, 2), line('APPLES', 19900, 0.756)], { member: { id: memberId } }), { role: 'pos' });
    expect(res.status).toBe(201);
    // 5% of 350.44 RUB = 17.52 -> 17 points (floor)
    expect(res.body.pointsEarned).toBe(17);
    expect(res.body.balance).toMatchObject({ available: 0, pending: 17 });
    p.advanceDays(13);
    expect((await p.call('GET', `/v1/members/${memberId}/balance`)).body).toMatchObject({ available: 0, pending: 17 });
    p.advanceDays(2);
    // The balance reads as of now, before the job has written the activation down...
    expect((await p.call('GET', `/v1/members/${memberId}/balance`)).body).toMatchObject({ available: 17, pending: 0 });
    const job = await p.call('POST', '/v1/jobs/activation/run');
    expect(job.body.changed).toBe(1);
    // ...and the job records it in the ledger once.
    const history = await p.call('GET', `/v1/members/${memberId}/history`);
    expect(history.body.items.filter((i: { kind: string }) => i.kind === 'activation')).toHaveLength(1);
    expect((await p.call('POST', '/v1/jobs/activation/run')).body.changed).toBe(0);
  });

  it('keep their lines shorter and show them whole in receipt_lines', async () => {
    const res = await p.call('POST', '/v1/receipts', receipt('R-LINES', [line('WATER', 0, 1), line('APPLES', 19900, 0.756)]), { role: 'pos' });
    expect(res.status).toBe(201);
    const [kept] = await db.query<{ lines: unknown[][] }>('select lines from receipts where program_id = $1 and id = $2', [p.programId, res.body.id]);
    // The free line's flags and figures after its amount are all zeros: none is kept.
    expect(kept?.lines[0]).toHaveLength(8);
    const shown = await db.query<Record<string, unknown>>(
      `select line_no, weighed, is_reward, campaign_discount, points_earned, points_spent, points_discount from receipt_lines
       where program_id = $1 and receipt_id = $2 order by line_no`,
      [p.programId, res.body.id],
    );
    expect(shown).toEqual([
      { line_no: 1, weighed: false, is_reward: false, campaign_discount: 0, points_earned: 0, points_spent: 0, points_discount: 0 },
      { line_no: 2, weighed: true, is_reward: false, campaign_discount: 0, points_earned: 0, points_spent: 0, points_discount: 0 },
    ]);
  });

  it('leave a product\'s names to the catalogue when they are its first till\'s, and keep their own otherwise', async () => {
    const named = (name: string, category: string, brand?: string) => line('TEA-42', 25000, 1, { name, category, ...(brand ? { brand } : {}) });
    const first = await p.call('POST', '/v1/receipts', receipt('R-TEA-1', [named('Чай чёрный', 'drinks')]), { role: 'pos' });
    const same = await p.call('POST', '/v1/receipts', receipt('R-TEA-2', [named('Чай чёрный', 'drinks')]), { role: 'pos' });
    const renamed = await p.call('POST', '/v1/receipts', receipt('R-TEA-3', [named('Чай чёрный', 'drinks', 'Липтон'), named('Чай зелёный', 'tea')]), { role: 'pos' });
    for (const res of [first, same, renamed]) expect(res.status).toBe(201);
    const kept = async (id: string) =>
      (await db.query<{ lines: unknown[][] }>('select lines from receipts where program_id = $1 and id = $2', [p.programId, id]))[0]?.lines.map((l) => l.slice(0, 4));
    // The first receipt names the product before the catalogue knows it; the next one leaves its names out.
    expect(await kept(first.body.id)).toEqual([['TEA-42', 'Чай чёрный', 'drinks', null]]);
    expect(await kept(same.body.id)).toEqual([['TEA-42', 1, 25000, 0]]);
    expect(await kept(renamed.body.id)).toEqual([['TEA-42', 'Чай чёрный', 'drinks', 'Липтон'], ['TEA-42', 'Чай зелёный', 'tea', null]]);
    const shown = await db.query<Record<string, unknown>>(
      `select receipt_id, name, category, brand, quantity, amount from receipt_lines where program_id = $1 and sku = 'TEA-42' order by receipt_id, line_no`,
      [p.programId],
    );
    expect(shown).toEqual([
      { receipt_id: first.body.id, name: 'Чай чёрный', category: 'drinks', brand: null, quantity: 1, amount: 25000 },
      { receipt_id: same.body.id, name: 'Чай чёрный', category: 'drinks', brand: null, quantity: 1, amount: 25000 },
      { receipt_id: renamed.body.id, name: 'Чай чёрный', category: 'drinks', brand: 'Липтон', quantity: 1, amount: 25000 },
      { receipt_id: renamed.body.id, name: 'Чай зелёный', category: 'tea', brand: null, quantity: 1, amount: 25000 },
    ]);
    // The receipt read back names its lines whole, and a retry of the shorter one answers as the first time.
    expect((await p.call('GET', `/v1/receipts/${same.body.id}`)).body.lines).toMatchObject([{ sku: 'TEA-42', name: 'Чай чёрный', category: 'drinks', brand: null }]);
    expect((await p.call('POST', '/v1/receipts', receipt('R-TEA-2', [named('Чай чёрный', 'drinks')]), { role: 'pos' })).body).toEqual(same.body);
  });

  it('spends points as partial payment and a retry gets the first answer', async () => {
    const body = receipt('R2', [line('BREAD', 5000, 1)], { member: { id: memberId }, pointsToSpend: 10 });
    const first = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(first.status).toBe(201);
    expect(first.body.pointsDiscount).toBe(1000);
    expect(first.body.paid).toBe(4000);
    const again = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const changed = await p.call('POST', '/v1/receipts', { ...body, pointsToSpend: 5 }, { role: 'pos' });
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('receipt_conflict');
  });

  it('keep 16 bytes of a request\'s hash, and still know a retry of a receipt that kept all 32', async () => {
    const body = receipt('R-HASH', [line('BREAD', 5000, 1)], { member: { id: memberId } });
    const first = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    const kept = async () => (await db.query<{ n: number }>('select octet_length(request_hash) as n from receipts where program_id = $1 and id = $2', [p.programId, first.body.id]))[0]?.n;
    expect(await kept()).toBe(16);
    // As a receipt confirmed before kept it: the whole SHA-256, of which these are the first 16 bytes.
    await db.query("update receipts set request_hash = request_hash || decode(repeat('ab', 16), 'hex') where program_id = $1 and id = $2", [p.programId, first.body.id]);
    expect(await kept()).toBe(32);
    expect((await p.call('POST', '/v1/receipts', body, { role: 'pos' })).body).toEqual(first.body);
    const changed = receipt('R-HASH', [line('BREAD', 5000, 2)], { member: { id: memberId } });
    expect((await p.call('POST', '/v1/receipts', changed, { role: 'pos' })).body.code).toBe('receipt_conflict');
  });
});
