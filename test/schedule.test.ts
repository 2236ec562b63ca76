import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScheduler, runJobByHand } from '../src/jobs/scheduler.ts';
import type { Db } from '../src/store/db.ts';
import { programmeSchedule } from '../src/store/schedule.ts';
import { engine, newProgramme, openOwnTestDb, openOwnTestDbAgain, type Programme } from './harness.ts';

// Scheduled jobs run over every programme: this file has a database of its own.
let db: Db;
let other: Db;
let p: Programme;
let clock = new Date('2026-12-02T12:00:00Z'); // 22:00 in Vladivostok
const deps = () => ({ db, now: () => clock });
const MINUTE = 60_000;

beforeAll(async () => {
  db = await openOwnTestDb('schedule');
  // On PostgreSQL the second server has a pool of its own; PGlite has one process by nature.
  other = engine === 'postgres' ? await openOwnTestDbAgain('schedule') : db;
  p = await newProgramme(db, { timezone: 'Asia/Vladivostok', dailyJobsAt: '03:00' }, clock.toISOString());
});
afterAll(async () => {
  if (other !== db) await other.close();
  await db.close();
});

const runsOf = async () => Object.fromEntries((await programmeSchedule(db, p.programId)).map((r) => [r.job, r.runs]));
const twoServers = () => [startScheduler(deps(), { owner: 'server-a', intervalMs: MINUTE }), startScheduler({ db: other, now: () => clock }, { owner: 'server-b', intervalMs: MINUTE })];
const lookTogether = async (servers: ReturnType<typeof twoServers>) => void (await Promise.all(servers.map((s) => s.look())));

describe('the job schedule', () => {
  it('runs each job once per period whatever the number of servers, daily ones at the programme-local hour', async () => {
    const servers = twoServers();
    await lookTogether(servers);
    // Jobs over every programme are due at once; the daily ones at the next 03:00 in Vladivostok.
    expect(await runsOf()).toEqual({ activation: 1, expiry: 1, 'expiry-notice': 1, referrals: 1, segments: 1, 'day-sums': 1, 'tier-review': 0, birthdays: 0, idempotency: 0, 'event-retention': 0, 'daily-totals': 0, 'segment-refresh': 0 });
    await lookTogether(servers);
    expect(await runsOf()).toEqual({ activation: 1, expiry: 1, 'expiry-notice': 1, referrals: 1, segments: 1, 'day-sums': 1, 'tier-review': 0, birthdays: 0, idempotency: 0, 'event-retention': 0, 'daily-totals': 0, 'segment-refresh': 0 });

    clock = new Date('2026-12-02T17:00:00Z');
    await lookTogether(servers);
    expect(await runsOf()).toEqual({ activation: 2, expiry: 2, 'expiry-notice': 2, referrals: 2, segments: 2, 'day-sums': 2, 'tier-review': 1, birthdays: 1, idempotency: 1, 'event-retention': 1, 'daily-totals': 1, 'segment-refresh': 1 });
    const review = (await programmeSchedule(db, p.programId)).find((r) => r.job === 'tier-review');
    expect(review).toMatchObject({ nextRunAt: new Date('2026-12-03T17:00:00Z'), lastOutcome: 'ok', leasedBy: null });

    // Three days without a server: each job runs once when one is back, and the daily ones keep their hour.
    await Promise.all(servers.map((s) => s.stop()));
    clock = new Date('2026-12-05T20:00:00Z');
    const restarted = twoServers();
    await lookTogether(restarted);
    expect(await runsOf()).toEqual({ activation: 3, expiry: 3, 'expiry-notice': 3, referrals: 3, segments: 3, 'day-sums': 3, 'tier-review': 2, birthdays: 2, idempotency: 2, 'event-retention': 2, 'daily-totals': 2, 'segment-refresh': 2 });
    expect((await programmeSchedule(db, p.programId)).find((r) => r.job === 'birthdays')?.nextRunAt).toEqual(new Date('2026-12-06T17:00:00Z'));
    await Promise.all(restarted.map((s) => s.stop()));
  });

  it('leaves a job to the process that holds its lease, and takes it over once the lease runs out', async () => {
    clock = new Date('2026-12-06T17:00:00Z');
    await db.query(`update job_schedule set leased_by = 'gone:1', leased_until = $2 where job = 'tier-review' and scope = $1`, [p.programId, new Date(clock.getTime() + 2 * MINUTE)]);
    const before = await runsOf();
    const [server] = twoServers();
    await server?.look();
    expect((await runsOf())['tier-review']).toBe(before['tier-review']);
    expect((await runsOf()).birthdays).toBe((before.birthdays ?? 0) + 1);
    // By hand, too, the job is left to the lease's holder.
    expect((await runJobByHand(deps(), 'tier-review', 'cli')).busy).toEqual([{ scope: p.programId, by: 'gone:1' }]);

    clock = new Date(clock.getTime() + 3 * MINUTE);
    await server?.look();
    expect((await runsOf())['tier-review']).toBe((before['tier-review'] ?? 0) + 1);
    await server?.stop();
  });

  it('shows each job with its last and next run to the programme', async () => {
    const res = await p.call('GET', '/v1/jobs', undefined, { role: 'readonly' });
    expect(res.status).toBe(200);
    const review = res.body.items.find((j: { job: string }) => j.job === 'tier-review');
    expect(review).toMatchObject({ scope: 'this programme', nextRunAt: '2026-12-07T17:00:00.000Z', running: false, runs: 3, lastRun: { outcome: 'ok', members: 0, changed: 0 } });
    const activation = res.body.items.find((j: { job: string }) => j.job === 'activation');
    expect(activation).toMatchObject({ scope: 'every programme', running: false, lastRun: { outcome: 'ok', members: null } });
  });
});
