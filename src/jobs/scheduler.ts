import { hostname } from 'node:os';
import { dailyJobs, intervalJobs, isDaily, nextDailyRun, type ScheduledJob } from '../domain/schedule.ts';
import type { Deps } from '../flows/deps.ts';
import { listPrograms, loadSettings } from '../store/programs.ts';
import { addToSchedule, finishRun, leaseDueJob, leaseHolder, leaseJob, renewLease, unscheduledProgrammes, type ScheduledRun } from '../store/schedule.ts';
import { runJob, type JobName, type JobReport } from './jobs.ts';

export interface SchedulerOptions {
  /** Who holds a lease: host, pid and something unique to this scheduler. */
  owner?: string;
  /** How often the jobs over every programme (activation, expiry, expiry notices, referrals) run. */
  intervalMs: number;
  /** How often the schedule is looked at (default: the interval, at most 15 s). */
  tickMs?: number;
  /** How long a lease lasts without being renewed; a running job renews it every third of that. */
  leaseMs?: number;
}

/** A failed daily job is tried again this much later rather than the next day. */
const RETRY_MS = 5 * 60_000;
const DEFAULT_LEASE_MS = 5 * 60_000;

export const processOwner = (tag = '') => `${hostname()}:${process.pid}${tag ? `:${tag}` : ''}`;

/**
 * Runs every job that is due, one after another, each under a lease so that any number of server processes run it
 * once per period: the jobs over every programme every `intervalMs`, each programme's daily jobs at its local hour
 * (`dailyJobsAt`). Times live in the database, so a restart neither skips a run nor repeats one, and a run missed
 * while no server was up happens at the next look (once).
 */
export function startScheduler(deps: Deps, options: SchedulerOptions) {
  const owner = options.owner ?? processOwner();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let stopping = false;
  let looking: Promise<void> | null = null;
  const look = () =>
    (looking ??= runDueJobs(deps, { owner, leaseMs, intervalMs: options.intervalMs, stopping: () => stopping })
      .catch((error: unknown) => console.error('scheduled jobs failed', error))
      .finally(() => (looking = null)));
  const timer = setInterval(look, options.tickMs ?? Math.min(options.intervalMs, 15_000));
  return {
    /** Runs what is due now (the timer does the same); resolves when nothing is. */
    look,
    /** Stops taking jobs and waits for the one in flight. */
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await looking;
    },
  };
}

async function runDueJobs(deps: Deps, o: { owner: string; leaseMs: number; intervalMs: number; stopping: () => boolean }) {
  await planSchedule(deps);
  while (!o.stopping()) {
    const now = deps.now();
    const run = await leaseDueJob(deps.db, o.owner, now, new Date(now.getTime() + o.leaseMs));
    if (!run) return;
    const { outcome, report } = await runLeased(deps, run, o.owner, o.leaseMs);
    const at = deps.now();
    const nextRunAt = await nextRun(deps, run, outcome, at, o.intervalMs);
    await finishRun(deps.db, { job: run.job, scope: run.scope, owner: o.owner, at, outcome, report, nextRunAt });
  }
}

/** Jobs over every programme are due at once; a programme's daily jobs at its next local hour. */
async function planSchedule(deps: Deps) {
  const now = deps.now();
  const runs: { job: string; scope: string; nextRunAt: Date }[] = intervalJobs.map((job) => ({ job, scope: '', nextRunAt: now }));
  for (const p of await unscheduledProgrammes(deps.db, dailyJobs)) {
    const nextRunAt = nextDailyRun(now, p.dailyJobsAt, p.timezone);
    runs.push(...dailyJobs.map((job) => ({ job, scope: p.id, nextRunAt })));
  }
  await addToSchedule(deps.db, runs);
}

/** A job over every programme runs again an interval later; a daily one at the next local hour, or soon if it failed. */
async function nextRun(deps: Deps, run: ScheduledRun, outcome: 'ok' | 'failed', at: Date, intervalMs: number): Promise<Date> {
  if (!isDaily(run.job)) return new Date(at.getTime() + intervalMs);
  if (outcome === 'failed') return new Date(at.getTime() + RETRY_MS);
  const { settings } = await loadSettings(deps.db, run.scope);
  return nextDailyRun(at, settings.dailyJobsAt, settings.timezone);
}

/** Runs a job whose lease `owner` holds, renewing the lease while it runs. */
async function runLeased(deps: Deps, run: Pick<ScheduledRun, 'job' | 'scope'>, owner: string, leaseMs: number) {
  const renewal = setInterval(() => {
    renewLease(deps.db, run.job, run.scope, owner, new Date(deps.now().getTime() + leaseMs)).catch((error: unknown) =>
      console.error(`could not renew the lease of ${run.job}`, error),
    );
  }, leaseMs / 3);
  try {
    const report: JobReport = await runJob(deps, run.job as ScheduledJob, run.scope || null);
    return { outcome: 'ok' as const, report: { members: report.members, changed: report.changed } };
  } catch (error) {
    console.error(`job ${run.job} failed`, error);
    return { outcome: 'failed' as const, report: { error: (error as Error).message } };
  } finally {
    clearInterval(renewal);
  }
}

/**
 * Runs a job by hand under the same lease as the schedule (its scheduled time unchanged): over every programme,
 * or for each programme in turn for a daily job. Programmes whose job is running elsewhere are named, not run.
 */
export async function runJobByHand(deps: Deps, job: JobName, owner = processOwner('by-hand')) {
  await planSchedule(deps);
  const scopes = isDaily(job) ? (await listPrograms(deps.db)).filter((p) => !p.loading).map((p) => p.id) : [''];
  const done = { job, members: 0, changed: 0, busy: [] as { scope: string; by: string }[] };
  for (const scope of scopes) {
    const now = deps.now();
    const leased = await leaseJob(deps.db, job, scope, owner, now, new Date(now.getTime() + DEFAULT_LEASE_MS));
    if (!leased) {
      done.busy.push({ scope, by: (await leaseHolder(deps.db, job, scope)) ?? 'another process' });
      continue;
    }
    const { outcome, report } = await runLeased(deps, { job, scope }, owner, DEFAULT_LEASE_MS);
    await finishRun(deps.db, { job, scope, owner, at: deps.now(), outcome, report, nextRunAt: null });
    if (outcome === 'failed') throw new Error(`${job} failed: ${String(report.error)}`);
    done.members += Number(report.members);
    done.changed += Number(report.changed);
  }
  return done;
}
