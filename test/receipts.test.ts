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
});
