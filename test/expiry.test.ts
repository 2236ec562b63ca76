import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Points expire `days` after they are earned (policy 'days'); the balance warns 30 days ahead.
let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const balance = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}/balance`)).body;
const buy = async (p: Programme, number: string, memberId: string, amount: number, pointsToSpend = 0) => {
  const res = await p.call('POST', '/v1/receipts', receipt(number, [line('GOODS', amount)], { member: { id: memberId }, pointsToSpend }), { role: 'pos' });
  expect(res.status).toBe(201);
  return res.body;
};

describe("expiry policy 'days'", () => {
  let p: Programme;
  let memberId: string;
  beforeAll(async () => {
    p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, expiry: { kind: 'days', days: 60 } }, '2026-03-01T09:00:00Z');
    memberId = (await p.call('POST', '/v1/members', { name: 'Нина', phone: '+79168500001' })).body.member.id;
  });

  it('shows when points expire, and warns once they expire within 30 days', async () => {
    await buy(p, 'X-1', memberId, 50000);
    expect(await balance(p, memberId)).toEqual({ available: 50, pending: 0, expiringSoon: 0, nextExpiry: { points: 50, at: '2026-04-30T09:00:00.000Z' }, debt: 0 });
    p.advanceDays(20);
    await buy(p, 'X-2', memberId, 30000);
    p.advanceDays(15);
    // Day 35: the first 50 expire on day 60, within 30 days; the 30 from day 20 expire on day 80, not yet.
    expect(await balance(p, memberId)).toMatchObject({ available: 80, expiringSoon: 50, nextExpiry: { points: 50, at: '2026-04-30T09:00:00.000Z' } });
  });

  it('spends the points that expire first', async () => {
    const sale = await buy(p, 'X-3', memberId, 10000, 20);
    expect(sale.balance).toMatchObject({ available: 80 - 20 + 8 });
    expect(await balance(p, memberId)).toMatchObject({ expiringSoon: 30, nextExpiry: { points: 30 } });
  });

  it('the expiry job takes what is left of a lot once its days have passed, and nothing before', async () => {
    p.setNow('2026-04-30T08:59:00Z');
    await p.call('POST', '/v1/jobs/expiry/run');
    expect((await balance(p, memberId)).available).toBe(68);

    p.setNow('2026-04-30T09:00:00Z');
    const job = await p.call('POST', '/v1/jobs/expiry/run');
    expect(job.body).toMatchObject({ job: 'expiry', changed: 1 });
    expect(await balance(p, memberId)).toMatchObject({ available: 38, nextExpiry: { points: 30, at: '2026-05-20T09:00:00.000Z' } });
    const [latest] = (await p.call('GET', `/v1/members/${memberId}/history`)).body.items;
    expect(latest).toMatchObject({ kind: 'expiry', available: -30 });

    const again = await p.call('POST', '/v1/jobs/expiry/run');
    expect(again.body.changed).toBe(0);
    expect((await balance(p, memberId)).available).toBe(38);
    await expectLedgerAgrees(p, memberId);
  });

  it('a receipt after the expiry date cannot spend expired points even before the job runs', async () => {
    p.setNow('2026-05-21T09:00:00Z');
    const res = await p.call('POST', '/v1/receipts', receipt('X-4', [line('GOODS', 100000)], { member: { id: memberId }, pointsToSpend: 10 }), { role: 'pos' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'insufficient_points', detail: expect.stringMatching(/has 8 points available/) });
  });
});

describe("expiry policy 'end_of_month'", () => {
  it('expires at the end of the month in the programme’s timezone', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 0, expiry: { kind: 'end_of_month', months: 1 } }, '2026-01-15T09:00:00Z');
    const memberId = (await p.call('POST', '/v1/members', { name: 'Ольга', phone: '+79168500002' })).body.member.id;
    await buy(p, 'M-1', memberId, 20000);
    // End of February in Moscow (UTC+3) is 20:59:59.999 UTC on the 28th.
    expect((await balance(p, memberId)).nextExpiry).toEqual({ points: 20, at: '2026-02-28T20:59:59.999Z' });
    p.setNow('2026-02-28T21:00:00Z');
    await p.call('POST', '/v1/jobs/expiry/run');
    expect(await balance(p, memberId)).toMatchObject({ available: 0, nextExpiry: null, expiringSoon: 0 });
  });
});

describe('pending points', () => {
  it('neither count as expiring soon nor start their lifetime until they activate after the return window', async () => {
    const p = await newProgramme(db, { earn: { kind: 'percent', percent: 10 }, pendingDays: 14, expiry: { kind: 'days', days: 30 } }, '2026-01-15T09:00:00Z');
    const memberId = (await p.call('POST', '/v1/members', { name: 'Петр', phone: '+79168500003' })).body.member.id;
    await buy(p, 'Q-1', memberId, 20000);
    expect(await balance(p, memberId)).toMatchObject({ available: 0, pending: 20, expiringSoon: 0, nextExpiry: null });
    p.advanceDays(14);
    const activation = await p.call('POST', '/v1/jobs/activation/run');
    expect(activation.body.changed).toBe(1);
    // Available on day 14, so they expire 30 days later, on day 44.
    expect(await balance(p, memberId)).toMatchObject({ available: 20, pending: 0, nextExpiry: { points: 20, at: '2026-02-28T09:00:00.000Z' } });
    p.advanceDays(5);
    expect((await balance(p, memberId)).expiringSoon).toBe(20);
    p.setNow('2026-02-28T08:59:00Z');
    await p.call('POST', '/v1/jobs/expiry/run');
    expect((await balance(p, memberId)).available).toBe(20);
    p.setNow('2026-02-28T09:00:00Z');
    await p.call('POST', '/v1/jobs/expiry/run');
    expect(await balance(p, memberId)).toMatchObject({ available: 0, pending: 0, nextExpiry: null });
    await expectLedgerAgrees(p, memberId);
  });
});
