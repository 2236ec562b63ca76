import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// "Bring a friend": a member shares their code; the friend joins with it and gets 200 points with their first
// purchase of at least 1000 RUB; the member who brought them gets 300 points from the `referrals` job.
// Moscow time, 5% of the paid amount, points available at once (no return window) so the balance shows them.
const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 };
const referral = { enabled: true, referrerPoints: 300, refereePoints: 200, minPurchase: 100_000, maxRewardsPerMonth: 20 };

type Json = Record<string, any>;

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

async function programme(rules: Json = { referral }): Promise<Programme> {
  const p = await newProgramme(db, settings);
  const published = await p.call('PUT', '/v1/rules', rules, { role: 'marketer' });
  expect(published.status).toBe(200);
  return p;
}

async function join(p: Programme, profile: Json = {}): Promise<string> {
  const res = await p.call('POST', '/v1/members', { name: 'Участник', ...profile }, { role: 'pos' });
  expect(res.status).toBe(201);
  expect(res.body.member).toMatchObject({ pointsAvailable: 0, pointsPending: 0 });
  return res.body.member.id;
}

async function codeOf(p: Programme, memberId: string): Promise<string> {
  const res = await p.call('GET', `/v1/members/${memberId}/referral`, undefined, { role: 'pos' });
  expect(res.status).toBe(200);
  return res.body.code;
}

let receipts = 0;
/** A confirmed purchase of `rubles` by the member, optionally paying part with points. */
const buy = (p: Programme, memberId: string, rubles: number, extra: Json = {}) =>
  p.call('POST', '/v1/receipts', receipt(`R${++receipts}`, [line('TV', rubles * 100)], { member: { id: memberId }, ...extra }), { role: 'pos' });

const balance = async (p: Programme, id: string) => {
  const res = await p.call('GET', `/v1/members/${id}/balance`, undefined, { role: 'readonly' });
  expect(res.status).toBe(200);
  return res.body as { available: number; pending: number };
};
const tree = async (p: Programme, id: string) => {
  const res = await p.call('GET', `/v1/members/${id}/referrals`, undefined, { role: 'marketer' });
  expect(res.status).toBe(200);
  return res.body.items as Json[];
};
const payReferrers = async (p: Programme) => {
  const res = await p.call('POST', '/v1/jobs/referrals/run');
  expect(res.status).toBe(200);
  expect(res.body.job).toBe('referrals');
  return res.body.changed as number;
};
const referralEntries = async (p: Programme, id: string) =>
  ((await p.call('GET', `/v1/members/${id}/history`, undefined, { role: 'readonly' })).body.items as Json[]).filter((i) => i.kind === 'referral');

describe('referral code', () => {
  it('is made on first request and stays the same', async () => {
    const p = await programme();
    const anna = await join(p, { name: 'Анна' });
    const code = await codeOf(p, anna);
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await codeOf(p, anna)).toBe(code);
    const other = await codeOf(p, await join(p));
    expect(other).not.toBe(code);
  });

  it('is refused for an unknown member', async () => {
    const p = await programme();
    const res = await p.call('GET', '/v1/members/mem_nobody/referral', undefined, { role: 'pos' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('member_not_found');
    expect((await p.call('GET', '/v1/members/mem_nobody/referrals', undefined, { role: 'readonly' })).status).toBe(404);
  });
});

describe('bringing a friend', () => {
  let p: Programme;
  let anna: string;
  let code: string;
  beforeAll(async () => {
    p = await programme();
    anna = await join(p, { name: 'Анна', email: 'anna.petrova@example.com', phone: '+7 916 111-11-11' });
    code = await codeOf(p, anna);
  });

  it('rewards both: the friend with their first big purchase, the referrer by the job', async () => {
    const boris = await join(p, { name: 'Борис', referralCode: code });
    expect(await tree(p, anna)).toEqual([expect.objectContaining({ memberId: boris, name: 'Борис', status: 'pending', reason: null, referrals: [] })]);

    const first = await buy(p, boris, 1200);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ pointsEarned: 60, referralBonus: 200, balance: { available: 260, pending: 0 } });
    expect(await balance(p, boris)).toMatchObject({ available: 260, pending: 0 });
    expect(await tree(p, anna)).toEqual([expect.objectContaining({ memberId: boris, status: 'qualified' })]);
    // The referrer's reward waits for the job.
    expect(await balance(p, anna)).toMatchObject({ available: 0, pending: 0 });

    expect(await payReferrers(p)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 300, pending: 0 });
    expect(await tree(p, anna)).toEqual([expect.objectContaining({ memberId: boris, name: 'Борис', status: 'rewarded', referrals: [] })]);
    expect(await referralEntries(p, anna)).toEqual([expect.objectContaining({ kind: 'referral', available: 300, pending: 0 })]);

    // Once only: the job again and the friend's next purchase give nothing more.
    expect(await payReferrers(p)).toBe(0);
    const second = await buy(p, boris, 2000);
    expect(second.body).toMatchObject({ pointsEarned: 100, referralBonus: 0, balance: { available: 360 } });
    expect(await payReferrers(p)).toBe(0);
    expect(await balance(p, anna)).toMatchObject({ available: 300 });
    expect(await balance(p, boris)).toMatchObject({ available: 360 });
    await expectLedgerAgrees(p, anna);
    await expectLedgerAgrees(p, boris);
  });

  it('a retried first receipt gives the bonus once', async () => {
    const friend = await join(p, { referralCode: code });
    const body = receipt('RETRY-1', [line('TV', 150_000)], { member: { id: friend } });
    const first = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(first.body).toMatchObject({ pointsEarned: 75, referralBonus: 200 });
    const again = await p.call('POST', '/v1/receipts', body, { role: 'pos' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await balance(p, friend)).toMatchObject({ available: 275 });
    expect(await payReferrers(p)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 600 });
  });

  it('waits for a purchase that reaches the minimum, counting what was paid, not the points', async () => {
    const vera = await join(p, { name: 'Вера', referralCode: code });
    const small = await buy(p, vera, 500);
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({ pointsEarned: 25, referralBonus: 0, balance: { available: 25 } });
    expect((await tree(p, anna)).find((n) => n.memberId === vera)).toMatchObject({ status: 'pending' });
    expect(await payReferrers(p)).toBe(0);
    expect(await balance(p, anna)).toMatchObject({ available: 600 });

    // 1010 RUB less 25 points (25 RUB) leaves 985 RUB paid: still short of 1000.
    const withPoints = await buy(p, vera, 1010, { pointsToSpend: 25 });
    expect(withPoints.status).toBe(201);
    expect(withPoints.body).toMatchObject({ paid: 98_500, referralBonus: 0 });
    expect((await tree(p, anna)).find((n) => n.memberId === vera)).toMatchObject({ status: 'pending' });

    // Exactly the minimum qualifies.
    const enough = await buy(p, vera, 1000);
    expect(enough.body).toMatchObject({ paid: 100_000, pointsEarned: 50, referralBonus: 200 });
    expect(await balance(p, vera)).toMatchObject({ available: 25 - 25 + 49 + 50 + 200 });
    expect(await payReferrers(p)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 900 });
    expect((await tree(p, anna)).find((n) => n.memberId === vera)).toMatchObject({ status: 'rewarded' });
    await expectLedgerAgrees(p, vera);
  });

  it('shows friends of friends in the tree', async () => {
    const gleb = await join(p, { name: 'Глеб', referralCode: code });
    // A code is read without regard to case or surrounding spaces.
    const dasha = await join(p, { name: 'Даша', referralCode: ` ${(await codeOf(p, gleb)).toLowerCase()} ` });
    const glebNode = (await tree(p, anna)).find((n) => n.memberId === gleb);
    expect(glebNode).toMatchObject({ name: 'Глеб', status: 'pending', referrals: [expect.objectContaining({ memberId: dasha, name: 'Даша', status: 'pending', referrals: [] })] });
    expect(await tree(p, gleb)).toEqual([expect.objectContaining({ memberId: dasha })]);
    expect(await tree(p, dasha)).toEqual([]);
  });
});

describe('the rewards as the members see them', () => {
  it('keeps the newcomer\'s bonus pending through the return window, like the purchase\'s points', async () => {
    const p = await newProgramme(db, { ...settings, pendingDays: 14 });
    expect((await p.call('PUT', '/v1/rules', { referral }, { role: 'marketer' })).status).toBe(200);
    const anna = await join(p);
    const friend = await join(p, { referralCode: await codeOf(p, anna) });
    const res = await buy(p, friend, 1000);
    expect(res.body).toMatchObject({ pointsEarned: 50, referralBonus: 200, balance: { available: 0, pending: 250 } });
    expect(await balance(p, friend)).toMatchObject({ available: 0, pending: 250 });
    p.advanceDays(15);
    expect(await balance(p, friend)).toMatchObject({ available: 250, pending: 0 });
    // The referrer's reward is paid when the job runs, available at once.
    expect(await payReferrers(p)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 300, pending: 0 });
  });

  it('pays the referrer once when the job runs several times at once', async () => {
    const p = await programme();
    const anna = await join(p);
    const friend = await join(p, { referralCode: await codeOf(p, anna) });
    expect((await buy(p, friend, 1000)).body.referralBonus).toBe(200);
    const runs = await Promise.all([1, 2, 3].map(() => p.call('POST', '/v1/jobs/referrals/run')));
    expect(runs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(runs.reduce((a, r) => a + (r.body.changed as number), 0)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 300 });
    expect(await referralEntries(p, anna)).toHaveLength(1);
    await expectLedgerAgrees(p, anna);
  });

  it('links a retried registration once', async () => {
    const p = await programme();
    const anna = await join(p);
    const body = { name: 'Борис', referralCode: await codeOf(p, anna) };
    const options = { role: 'pos' as const, headers: { 'idempotency-key': 'join-boris' } };
    const first = await p.call('POST', '/v1/members', body, options);
    const again = await p.call('POST', '/v1/members', body, options);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.member.id).toBe(first.body.member.id);
    expect(await tree(p, anna)).toEqual([expect.objectContaining({ memberId: first.body.member.id, status: 'pending' })]);
  });
});

describe('referral guards', () => {
  let p: Programme;
  let anna: string;
  let code: string;
  beforeAll(async () => {
    p = await programme();
    anna = await join(p, { name: 'Анна', email: 'anna.petrova@example.com' });
    code = await codeOf(p, anna);
  });
  const observe = async () => ({ anna: await balance(p, anna), tree: await tree(p, anna) });

  it('refuses an unknown code and registers nobody', async () => {
    await expectRefused(
      p,
      () => p.call('POST', '/v1/members', { name: 'Гость', phone: '+7 916 222-22-22', referralCode: 'ZZZZ2222' }, { role: 'pos' }),
      { status: 422, code: 'invalid_referral', detail: /ZZZZ2222/ },
      observe,
    );
  });

  it('refuses the referrer\'s own e-mail with dots or a +tag added', async () => {
    for (const email of ['annapetrova@example.com', 'anna.petrova+friend@example.com', 'Anna.Pe.Trova+x@Example.com']) {
      await expectRefused(
        p,
        () => p.call('POST', '/v1/members', { name: 'Анна снова', email, referralCode: code }, { role: 'pos' }),
        { status: 422, code: 'invalid_referral', detail: /themselves/ },
        observe,
      );
    }
    // Without the code the same person may still join (the e-mail differs as written).
    await join(p, { email: 'anna.petrova+shop@example.com' });
    // And a different mailbox at the same domain may use the code.
    await join(p, { email: 'anna.petrova2@example.com', referralCode: code });
    expect(await tree(p, anna)).toHaveLength(1);
  });

  it('refuses any code when the programme has no referral rewards', async () => {
    const off = await programme({ referral: { ...referral, enabled: false } });
    const someone = await join(off);
    const offCode = await codeOf(off, someone);
    await expectRefused(
      off,
      () => off.call('POST', '/v1/members', { name: 'Гость', referralCode: offCode }, { role: 'pos' }),
      { status: 422, code: 'invalid_referral', detail: /referral/ },
    );
  });
});

describe('monthly limit of rewards', () => {
  it('counts months in the programme timezone', async () => {
    const p = await programme({ referral: { ...referral, maxRewardsPerMonth: 1 } });
    p.setNow('2026-01-15T09:00:00Z');
    const anna = await join(p, { name: 'Анна' });
    const code = await codeOf(p, anna);
    await join(p, { name: 'Январь', referralCode: code });
    p.setNow('2026-01-31T21:30:00Z'); // already 1 February in Moscow
    const february = await join(p, { name: 'Февраль', referralCode: code });
    expect((await tree(p, anna)).find((n) => n.memberId === february)).toMatchObject({ status: 'pending' });
  });

  it('records referrals over the limit as rejected and rewards nobody for them; the next month counts afresh', async () => {
    const p = await programme({ referral: { ...referral, maxRewardsPerMonth: 2 } });
    p.setNow('2026-01-10T09:00:00Z');
    const anna = await join(p, { name: 'Анна' });
    const code = await codeOf(p, anna);
    const first = await join(p, { name: 'Первый', referralCode: code });
    p.advanceDays(1); // the tree lists friends in the order they joined
    const second = await join(p, { name: 'Второй', referralCode: code });
    p.setNow('2026-01-25T09:00:00Z');
    const third = await join(p, { name: 'Третий', referralCode: code });
    expect((await tree(p, anna)).map((n) => [n.memberId, n.status, n.reason])).toEqual([
      [first, 'pending', null],
      [second, 'pending', null],
      [third, 'rejected', 'referrer_monthly_limit'],
    ]);

    for (const friend of [first, second, third]) {
      const res = await buy(p, friend, 1000);
      expect(res.status).toBe(201);
      expect(res.body.referralBonus).toBe(friend === third ? 0 : 200);
    }
    expect(await balance(p, third)).toMatchObject({ available: 50 });
    expect(await payReferrers(p)).toBe(2);
    expect(await balance(p, anna)).toMatchObject({ available: 600 });
    expect((await tree(p, anna)).map((n) => n.status)).toEqual(['rewarded', 'rewarded', 'rejected']);

    p.setNow('2026-02-03T09:00:00Z');
    const february = await join(p, { name: 'Февраль', referralCode: code });
    expect((await tree(p, anna)).find((n) => n.memberId === february)).toMatchObject({ status: 'pending', reason: null });
    expect((await buy(p, february, 1000)).body.referralBonus).toBe(200);
    expect(await payReferrers(p)).toBe(1);
    expect(await balance(p, anna)).toMatchObject({ available: 900 });
    await expectLedgerAgrees(p, anna);
  });
});
