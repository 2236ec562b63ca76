import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';

// Points for what a member does besides buying: a review, a quiz the programme made up, a sport goal, joining,
// a birthday. The marketer publishes `event` campaigns; the member sees the points on their balance at once.
// Moscow time (the default timezone); action points are available at once and last long enough for a test to span years.
const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 0, expiry: { kind: 'days', days: 1000 } };

type Json = Record<string, any>;

const eventCampaign = (code: string, points: number, conditions: Json[], extra: Json = {}) => ({
  code,
  name: `Campaign ${code}`,
  trigger: 'event',
  conditions: { all: conditions },
  effects: [{ code: 'points_fixed', args: { points } }],
  ...extra,
});
const type = (...types: string[]) => ({ code: 'event_type', args: { types } });

const ruleSet = {
  eventTypes: [{ code: 'quiz', name: 'Викторина в приложении' }],
  campaigns: [
    eventCampaign('review_points', 50, [type('review')], { limits: { perMember: { period: 'day', uses: 2 } } }),
    eventCampaign('quiz_points', 30, [type('quiz')]),
    eventCampaign('steps_goal', 20, [type('sport_goal'), { code: 'event_attribute', args: { attribute: 'steps', op: 'gte', value: 10000 } }]),
    eventCampaign('welcome', 100, [type('registration')]),
    eventCampaign('birthday_gift', 500, [type('birthday'), { code: 'birthday', args: {} }]),
  ],
};

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

async function programme(): Promise<Programme> {
  const p = await newProgramme(db, settings);
  const published = await p.call('PUT', '/v1/rules', ruleSet, { role: 'marketer' });
  expect(published.status).toBe(200);
  expect(published.body.version).toBe(1);
  return p;
}

async function join(p: Programme, profile: Json = {}): Promise<{ id: string; member: Json }> {
  const res = await p.call('POST', '/v1/members', { name: 'Участник', ...profile });
  expect(res.status).toBe(201);
  return { id: res.body.member.id, member: res.body.member };
}

const act = (p: Programme, body: Json) => p.call('POST', '/v1/actions', body, { role: 'pos' });
const balance = async (p: Programme, id: string) => {
  const res = await p.call('GET', `/v1/members/${id}/balance`, undefined, { role: 'readonly' });
  expect(res.status).toBe(200);
  return res.body as { available: number; pending: number };
};
const historyOf = async (p: Programme, id: string) => (await p.call('GET', `/v1/members/${id}/history`, undefined, { role: 'readonly' })).body.items as Json[];
const actionEntries = async (p: Programme, id: string) => (await historyOf(p, id)).filter((i) => i.kind === 'action');
const skipped = (res: { body: Json }, code: string) => (res.body.skippedCampaigns as Json[]).find((s) => s.campaign === code);
const count = async (p: Programme, table: 'member_events' | 'campaign_grants') =>
  Number((await p.deps.db.query<{ n: number }>(`select count(*)::int as n from ${table} where program_id = $1`, [p.programId]))[0]?.n);

describe('registration', () => {
  it('gives the welcome points when a member joins, and records the action once', async () => {
    const p = await programme();
    const { id, member } = await join(p, { phone: '+7 916 000-00-01' });
    // The registration answer already shows the points the newcomer got.
    expect(member).toMatchObject({ pointsAvailable: 100, pointsPending: 0 });
    expect(await balance(p, id)).toMatchObject({ available: 100, pending: 0 });
    const entries = await actionEntries(p, id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'action', available: 100, pending: 0 });
    await expectLedgerAgrees(p, id);
  });

  it('gives nothing on joining a programme without action campaigns', async () => {
    const p = await newProgramme(db, settings);
    const { id, member } = await join(p);
    expect(member).toMatchObject({ pointsAvailable: 0, pointsPending: 0 });
    expect(await balance(p, id)).toMatchObject({ available: 0, pending: 0 });
    expect(await historyOf(p, id)).toEqual([]);
  });
});

describe('a review', () => {
  let p: Programme;
  beforeAll(async () => {
    p = await programme();
  });

  it('gives the campaign points, available at once', async () => {
    const { id } = await join(p);
    const res = await act(p, { id: 'review-1', memberId: id, type: 'review', attributes: { productSku: 'MILK', stars: 5 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'review-1', memberId: id, type: 'review', rulesVersion: 1, points: 50, couponsIssued: [], tierChange: null });
    expect(res.body.occurredAt).toBe(p.now().toISOString());
    expect(res.body.campaigns).toEqual([expect.objectContaining({ campaign: 'review_points', points: 50, discount: 0 })]);
    expect(res.body.balance).toMatchObject({ available: 150, pending: 0 });
    expect(await balance(p, id)).toMatchObject({ available: 150, pending: 0 });
    expect(await actionEntries(p, id)).toHaveLength(2); // joining and the review
    await expectLedgerAgrees(p, id);
  });

  it('is idempotent by id: the same event again gets the same answer and credits once; other content is refused', async () => {
    const { id } = await join(p);
    const body = { id: 'review-2', memberId: id, type: 'review', occurredAt: p.now().toISOString(), attributes: { stars: 4 } };
    const first = await act(p, body);
    expect(first.status).toBe(200);
    expect(first.body.points).toBe(50);
    p.advanceDays(0.01); // a retry comes a little later
    const again = await act(p, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await balance(p, id)).toMatchObject({ available: 150 });
    expect(await actionEntries(p, id)).toHaveLength(2);

    const events = await count(p, 'member_events');
    await expectRefused(
      p,
      () => act(p, { ...body, attributes: { stars: 1 } }),
      { status: 409, code: 'event_conflict', detail: /review-2/ },
      async () => ({ balance: await balance(p, id), events: await count(p, 'member_events'), grants: await count(p, 'campaign_grants') }),
    );
    expect(await count(p, 'member_events')).toBe(events);
    // Another type under the same id is other content too.
    expect((await act(p, { ...body, type: 'survey' })).body.code).toBe('event_conflict');
    await expectLedgerAgrees(p, id);
  });

  it('counts a backdated review against the cap of its own day', async () => {
    p.setNow('2026-01-20T07:00:00Z');
    const { id } = await join(p);
    expect((await act(p, { id: 'backdated-1', memberId: id, type: 'review' })).body.points).toBe(50);
    p.advanceDays(1);
    expect((await act(p, { id: 'backdated-2', memberId: id, type: 'review' })).body.points).toBe(50);
    // Sent on the 21st, written on the 19th: that day has no reviews yet.
    expect((await act(p, { id: 'backdated-3', memberId: id, type: 'review', occurredAt: '2026-01-19T09:00:00Z' })).body.points).toBe(50);
  });

  it('stops at the per-day cap: the third review of the day gets nothing, the next day earns again', async () => {
    p.setNow('2026-01-20T07:00:00Z'); // 10:00 in Moscow
    const { id } = await join(p);
    expect((await act(p, { id: 'cap-1', memberId: id, type: 'review' })).body.points).toBe(50);
    p.advanceDays(0.25);
    expect((await act(p, { id: 'cap-2', memberId: id, type: 'review' })).body.points).toBe(50);
    p.advanceDays(0.25); // 22:00 in Moscow, the same day
    const third = await act(p, { id: 'cap-3', memberId: id, type: 'review' });
    expect(third.status).toBe(200);
    expect(third.body.points).toBe(0);
    expect(third.body.campaigns).toEqual([]);
    expect(skipped(third, 'review_points')).toMatchObject({ reason: 'member_limit' });
    expect(third.body.balance).toBeNull();
    expect(await balance(p, id)).toMatchObject({ available: 200 });
    expect(await actionEntries(p, id)).toHaveLength(3);

    p.advanceDays(0.5); // 10:00 next day in Moscow
    const nextDay = await act(p, { id: 'cap-4', memberId: id, type: 'review' });
    expect(nextDay.body.points).toBe(50);
    expect(nextDay.body.balance).toMatchObject({ available: 250 });
    expect(await balance(p, id)).toMatchObject({ available: 250 });
    await expectLedgerAgrees(p, id);
  });

  it('counts days in the programme timezone: after midnight in Moscow is a new day though still the same UTC day', async () => {
    p.setNow('2026-01-22T19:00:00Z'); // 22:00 in Moscow
    const { id } = await join(p);
    for (const n of [1, 2]) expect((await act(p, { id: `late-${n}`, memberId: id, type: 'review' })).body.points).toBe(50);
    p.setNow('2026-01-22T20:50:00Z'); // 23:50 in Moscow
    expect((await act(p, { id: 'late-3', memberId: id, type: 'review' })).body.points).toBe(0);
    p.setNow('2026-01-22T21:10:00Z'); // 00:10 on 23 January in Moscow, still 22 January in UTC
    expect((await act(p, { id: 'late-4', memberId: id, type: 'review' })).body.points).toBe(50);
    expect(await balance(p, id)).toMatchObject({ available: 250 });
  });

  it('holds the cap and the idempotency when the same member sends at once', async () => {
    const { id } = await join(p);
    const body = { id: 'burst-same', memberId: id, type: 'review' };
    const same = await Promise.all([1, 2, 3].map(() => act(p, body)));
    expect(same.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of same) expect(r.body).toEqual(same[0]!.body);
    expect(same[0]!.body.points).toBe(50);
    const burst = await Promise.all([1, 2, 3, 4, 5].map((n) => act(p, { id: `burst-${n}`, memberId: id, type: 'review' })));
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(burst.map((r) => r.body.points).sort()).toEqual([0, 0, 0, 0, 50]);
    expect(await balance(p, id)).toMatchObject({ available: 200 });
    expect(await actionEntries(p, id)).toHaveLength(3);
    await expectLedgerAgrees(p, id);
  });

  it('refuses an action dated in the future', async () => {
    const { id } = await join(p);
    const later = new Date(p.now().getTime() + 3_600_000).toISOString();
    await expectRefused(p, () => act(p, { id: 'future-1', memberId: id, type: 'review', occurredAt: later }), { status: 400, code: 'validation_failed', detail: /future/ }, () => balance(p, id));
  });

  it('counts the cap per member', async () => {
    const a = await join(p);
    const b = await join(p);
    for (const n of [1, 2]) expect((await act(p, { id: `a-${n}`, memberId: a.id, type: 'review' })).body.points).toBe(50);
    expect((await act(p, { id: 'b-1', memberId: b.id, type: 'review' })).body.points).toBe(50);
    expect(await balance(p, b.id)).toMatchObject({ available: 150 });
  });
});

describe('action types', () => {
  let p: Programme;
  let member: string;
  beforeAll(async () => {
    p = await programme();
    member = (await join(p)).id;
  });

  it('rewards a type the programme defined in eventTypes', async () => {
    const res = await act(p, { id: 'quiz-1', memberId: member, type: 'quiz', attributes: { score: 7 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'quiz', points: 30, balance: { available: 130 } });
    expect(res.body.campaigns.map((c: Json) => c.campaign)).toEqual(['quiz_points']);
    expect(await balance(p, member)).toMatchObject({ available: 130 });
  });

  it('refuses a type nobody defined and changes nothing', async () => {
    const observe = async () => ({ balance: await balance(p, member), events: await count(p, 'member_events'), grants: await count(p, 'campaign_grants') });
    await expectRefused(p, () => act(p, { id: 'dance-1', memberId: member, type: 'dance' }), { status: 422, code: 'unknown_action_type', detail: /dance/ }, observe);
    // The id was not used up: the event can come again once it has a known type.
    const retried = await act(p, { id: 'dance-1', memberId: member, type: 'quiz' });
    expect(retried.status).toBe(200);
    expect(retried.body.points).toBe(30);
  });

  it('gives nothing for a known type no campaign rewards', async () => {
    const before = await balance(p, member);
    const res = await act(p, { id: 'survey-1', memberId: member, type: 'survey' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ points: 0, campaigns: [], balance: null });
    expect(await balance(p, member)).toEqual(before);
  });

  it('refuses an action of an unknown member', async () => {
    await expectRefused(p, () => act(p, { id: 'ghost-1', memberId: 'mem_nobody', type: 'review' }), { status: 404, code: 'member_not_found', detail: /mem_nobody/ });
  });
});

describe('a sport goal', () => {
  let p: Programme;
  let member: string;
  beforeAll(async () => {
    p = await programme();
    member = (await join(p)).id;
  });

  it('pays when the steps attribute reaches the goal', async () => {
    const reached = await act(p, { id: 'steps-1', memberId: member, type: 'sport_goal', attributes: { steps: 12345 } });
    expect(reached.status).toBe(200);
    expect(reached.body.points).toBe(20);
    const exactly = await act(p, { id: 'steps-2', memberId: member, type: 'sport_goal', attributes: { steps: 10000 } });
    expect(exactly.body.points).toBe(20);
    expect(await balance(p, member)).toMatchObject({ available: 140 });
  });

  it('pays nothing below the goal or without the attribute', async () => {
    const short = await act(p, { id: 'steps-3', memberId: member, type: 'sport_goal', attributes: { steps: 9999 } });
    expect(short.status).toBe(200);
    expect(short.body.points).toBe(0);
    expect(skipped(short, 'steps_goal')).toMatchObject({ reason: 'conditions' });
    const none = await act(p, { id: 'steps-4', memberId: member, type: 'sport_goal' });
    expect(none.body.points).toBe(0);
    expect(skipped(none, 'steps_goal')).toMatchObject({ reason: 'conditions' });
    // Another action with a big number is not a sport goal.
    const review = await act(p, { id: 'steps-5', memberId: member, type: 'survey', attributes: { steps: 50000 } });
    expect(review.body.points).toBe(0);
    expect(await balance(p, member)).toMatchObject({ available: 140 });
    await expectLedgerAgrees(p, member);
  });
});

describe('birthdays job', () => {
  it('gives the birthday gift to members whose birthday is today in Moscow, once however often the job runs', async () => {
    const p = await programme();
    // 22:30 UTC on 9 March is already 10 March in Moscow.
    p.setNow('2026-03-09T22:30:00Z');
    const today = await join(p, { birthDate: '1990-03-10' });
    const utcToday = await join(p, { birthDate: '1985-03-09' });
    const noBirthday = await join(p);

    const first = await p.call('POST', '/v1/jobs/birthdays/run');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ job: 'birthdays', changed: 1 });
    expect(await balance(p, today.id)).toMatchObject({ available: 600 });
    expect(await balance(p, utcToday.id)).toMatchObject({ available: 100 });
    expect(await balance(p, noBirthday.id)).toMatchObject({ available: 100 });

    p.advanceDays(0.2); // later the same day
    const second = await p.call('POST', '/v1/jobs/birthdays/run');
    expect(second.status).toBe(200);
    expect(second.body.changed).toBe(0);
    expect(await balance(p, today.id)).toMatchObject({ available: 600 });
    expect(await actionEntries(p, today.id)).toHaveLength(2); // joining and the gift
    await expectLedgerAgrees(p, today.id);
  });

  it('gives the gift again the next year', async () => {
    const p = await programme();
    p.setNow('2026-06-01T09:00:00Z');
    const { id } = await join(p, { birthDate: '2000-06-01' });
    expect((await p.call('POST', '/v1/jobs/birthdays/run')).body.changed).toBe(1);
    p.setNow('2027-06-01T09:00:00Z');
    expect((await p.call('POST', '/v1/jobs/birthdays/run')).body.changed).toBe(1);
    expect(await balance(p, id)).toMatchObject({ available: 1100 });
  });

  it('celebrates 29 February on 28 February in other years', async () => {
    const p = await programme();
    p.setNow('2027-02-28T09:00:00Z');
    const { id } = await join(p, { birthDate: '2000-02-29' });
    expect((await p.call('POST', '/v1/jobs/birthdays/run')).body.changed).toBe(1);
    expect(await balance(p, id)).toMatchObject({ available: 600 });
  });
});
