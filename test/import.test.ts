import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReceipts } from '../src/import/receipts.ts';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

let db: Db;
let p: Programme;
let memberId: string;
let cardNumber: string;
const dir = mkdtempSync(join(tmpdir(), 'kopilka-import-'));

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } });
  const created = await p.call('POST', '/v1/members', { name: 'Анна' });
  memberId = created.body.member.id;
  cardNumber = created.body.cards[0].number;
});
afterAll(() => db.close());

const balance = async () => (await p.call('GET', `/v1/members/${memberId}/balance`)).body.available;

describe('kopilka import receipts', () => {
  it('confirms JSON Lines receipts, reports refusals, and a second run changes nothing', async () => {
    const file = join(dir, 'receipts.jsonl');
    const good = [receipt('J1', [line('MILK', 10_000, 2)], { member: { id: memberId } }), receipt('J2', [line('BREAD', 5_000)], { member: { cardNumber } })];
    const bad = { ...receipt('J3', [line('MILK', 10_000)]), total: 1 };
    writeFileSync(file, [...good, bad].map((r) => JSON.stringify(r)).join('\n') + '\n{not json\n');
    const report = await importReceipts(p.deps, p.programId, file, () => undefined);
    expect(report).toMatchObject({ confirmed: 2, failed: 2 });
    expect(report.errors.map((e) => e.code)).toEqual(['validation_failed', 'validation_failed']);
    // 10% of 200 RUB and of 50 RUB: 20 + 5 points.
    expect(await balance()).toBe(25);
    const again = await importReceipts(p.deps, p.programId, file, () => undefined);
    expect(again.confirmed).toBe(2);
    expect(await balance()).toBe(25);
  });

  it('groups CSV rows into receipts by store and number', async () => {
    const file = join(dir, 'receipts.csv');
    writeFileSync(
      file,
      [
        'store,number,purchased_at,card,member_id,sku,name,category,quantity,price,discount,amount,points_to_spend',
        `S1,C1,,${cardNumber},,MILK,Молоко,dairy,2,10000,0,20000,0`,
        `S1,C1,,${cardNumber},,APPLES,Яблоки,fruit,0.5,20000,0,10000,0`,
        `S1,C2,,,${memberId},BREAD,Хлеб,bakery,1,5000,0,5000,5`,
      ].join('\n'),
    );
    const before = await balance();
    const report = await importReceipts(p.deps, p.programId, file, () => undefined);
    expect(report).toMatchObject({ confirmed: 2, failed: 0 });
    const c1 = await p.call('GET', '/v1/members/' + memberId + '/history');
    expect(c1.body.items.filter((i: { kind: string }) => i.kind === 'receipt').length).toBeGreaterThanOrEqual(4);
    // C1 earns 10% of 300 RUB = 30; C2 spends 5 and earns 10% of 45 RUB = 4 (floor).
    expect(await balance()).toBe(before + 30 - 5 + 4);
  });
});
