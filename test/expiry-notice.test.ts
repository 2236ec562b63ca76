import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme } from './harness.ts';

// Members are told, once per lot, that its points expire soon: a points.expiring event some days before, by a job.

type Json = Record<string, any>;
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const notices = async (p: Programme) =>
  ((await p.call('GET', '/v1/events/feed?after=0&limit=1000', undefined, { role: 'admin' })).body.items as Json[]).filter((e) => e.type === 'points.expiring');
const run = async (p: Programme) => {
  const res = await p.call('POST', '/v1/jobs/expiry-notice/run');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('expiry notices', () => {
  it('tell each lot once, the notice period before it expires', async () => {
    const p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, expiry: { kind: 'days', days: 30 }, expiryNoticeDays: 7 });
    const anna = (await p.call('POST', '/v1/members', { name: 'Анна' })).body.member.id;
    const first = await salePaths.single(p, receipt('EX-1', [line('MILK', 50_000)], { member: { id: anna } }));
    p.advanceDays(5);
    await salePaths.single(p, receipt('EX-2', [line('MILK', 30_000)], { member: { id: anna } }));
    p.advanceDays(15);
    expect(await run(p)).toMatchObject({ changed: 0 });
    // Day 25: the first lot expires within 7 days, the second does not yet.
    p.advanceDays(5);
    expect(await run(p)).toMatchObject({ changed: 1, members: 1 });
    expect(await run(p)).toMatchObject({ changed: 0 });
    const told = (await notices(p))[0] as Json;
    expect(told).toMatchObject({ memberId: anna, payload: { memberId: anna, points: first.body.pointsEarned } });
    expect(new Date(told.payload.expiresAt).getTime() - p.now().getTime()).toBeLessThanOrEqual(7 * 86_400_000);
    // Day 31: the second lot's turn; the first has expired and is never told again.
    p.advanceDays(6);
    await Promise.all([run(p), run(p)]);
    expect((await notices(p)).map((e) => e.payload.points)).toEqual([first.body.pointsEarned, 30]);
  });

  it('tell nobody when the programme gives no notice, and skip lots already spent', async () => {
    const quiet = await newProgramme(db, { pendingDays: 0, expiry: { kind: 'days', days: 30 }, expiryNoticeDays: 0 });
    const boris = (await quiet.call('POST', '/v1/members', { name: 'Борис' })).body.member.id;
    await salePaths.single(quiet, receipt('Q-1', [line('MILK', 50_000)], { member: { id: boris } }));
    quiet.advanceDays(29);
    expect(await run(quiet)).toMatchObject({ changed: 0 });

    const spent = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, expiry: { kind: 'days', days: 30 }, expiryNoticeDays: 7 });
    const vera = (await spent.call('POST', '/v1/members', { name: 'Вера' })).body.member.id;
    await salePaths.single(spent, receipt('S-1', [line('MILK', 50_000)], { member: { id: vera } }));
    // The first lot's 50 points are spent at once; the second sale's 95 remain.
    const second = await salePaths.single(spent, receipt('S-2', [line('BREAD', 100_000)], { member: { id: vera }, pointsToSpend: 50 }));
    expect(second.body.pointsEarned).toBe(95);
    spent.advanceDays(29);
    expect(await run(spent)).toMatchObject({ changed: 1 });
    expect((await notices(spent)).map((e) => e.payload.points)).toEqual([95]);
  });
});
