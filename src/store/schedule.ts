import type { Queryable } from './db.ts';

export interface ScheduledRun {
  job: string;
  /** '' for a job over every programme, else the programme's id. */
  scope: string;
  nextRunAt: Date;
  leasedBy: string | null;
  leasedUntil: Date | null;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastOutcome: 'ok' | 'failed' | null;
  lastReport: Record<string, unknown> | null;
  /** Runs finished, scheduled or by hand. */
  runs: number;
}

interface Row {
  job: string;
  scope: string;
  next_run_at: Date;
  leased_by: string | null;
  leased_until: Date | null;
  last_started_at: Date | null;
  last_finished_at: Date | null;
  last_outcome: 'ok' | 'failed' | null;
  last_report: Record<string, unknown> | null;
  runs: number;
}

const columns = 'job, scope, next_run_at, leased_by, leased_until, last_started_at, last_finished_at, last_outcome, last_report, runs';
const toRun = (r: Row): ScheduledRun => ({
  job: r.job,
  scope: r.scope,
  nextRunAt: r.next_run_at,
  leasedBy: r.leased_by,
  leasedUntil: r.leased_until,
  lastStartedAt: r.last_started_at,
  lastFinishedAt: r.last_finished_at,
  lastOutcome: r.last_outcome,
  lastReport: r.last_report,
  runs: Number(r.runs),
});

/** Puts jobs on the schedule that are not on it yet; those already there keep their times. */
export async function addToSchedule(db: Queryable, runs: { job: string; scope: string; nextRunAt: Date }[]): Promise<void> {
  if (runs.length === 0) return;
  await db.query(
    `insert into job_schedule (job, scope, next_run_at)
     select * from unnest($1::text[], $2::text[], $3::timestamptz[]) on conflict (job, scope) do nothing`,
    [runs.map((r) => r.job), runs.map((r) => r.scope), runs.map((r) => r.nextRunAt)],
  );
}

/** The programmes without their daily jobs on the schedule, with what places them in their day. */
export async function unscheduledProgrammes(db: Queryable, jobs: readonly string[]): Promise<{ id: string; timezone: string; dailyJobsAt: string }[]> {
  return db.query(
    `select p.id, s.settings->>'timezone' as timezone, coalesce(s.settings->>'dailyJobsAt', '03:00') as "dailyJobsAt"
     from programs p
     cross join lateral (select settings from program_settings where program_id = p.id order by version desc limit 1) s
     where (select count(*) from job_schedule j where j.scope = p.id::text and j.job = any($1::text[])) < cardinality($1::text[])
     order by p.id`,
    [jobs],
  );
}

// A programme loading its history runs its own jobs on the history's clock: the schedule passes it by.
const open = `(j.scope = '' or j.scope not in (select id::text from programs where loading_since is not null))`;

/**
 * Takes the lease of the job that has been due longest and is not held by a live lease, for `owner` until
 * `until`; null when nothing is due. Concurrent callers take different jobs or none.
 */
export async function leaseDueJob(db: Queryable, owner: string, now: Date, until: Date): Promise<ScheduledRun | null> {
  const [row] = await db.query<Row>(
    `update job_schedule set leased_by = $2, leased_until = $3, last_started_at = $1
     where (job, scope) = (
       select job, scope from job_schedule j
       where next_run_at <= $1 and (leased_until is null or leased_until < $1) and ${open}
       order by next_run_at, job, scope limit 1 for update skip locked)
     returning ${columns}`,
    [now, owner, until],
  );
  return row ? toRun(row) : null;
}

/** Takes the lease of one job now, due or not (a run by hand); null when another holds it. */
export async function leaseJob(db: Queryable, job: string, scope: string, owner: string, now: Date, until: Date): Promise<ScheduledRun | null> {
  const [row] = await db.query<Row>(
    `update job_schedule set leased_by = $4, leased_until = $5, last_started_at = $3
     where job = $1 and scope = $2 and (leased_until is null or leased_until < $3 or leased_by = $4)
     returning ${columns}`,
    [job, scope, now, owner, until],
  );
  return row ? toRun(row) : null;
}

/** Who holds a job's lease, if anyone. */
export async function leaseHolder(db: Queryable, job: string, scope: string): Promise<string | null> {
  const [row] = await db.query<{ leased_by: string | null }>('select leased_by from job_schedule where job = $1 and scope = $2', [job, scope]);
  return row?.leased_by ?? null;
}

/** Keeps a lease while its job runs; false when it was lost (run out and taken over). */
export async function renewLease(db: Queryable, job: string, scope: string, owner: string, until: Date): Promise<boolean> {
  const rows = await db.query('update job_schedule set leased_until = $4 where job = $1 and scope = $2 and leased_by = $3 returning job', [job, scope, owner, until]);
  return rows.length > 0;
}

/** Gives the lease back with how the run went and, for a scheduled run, when the job runs next. */
export async function finishRun(
  db: Queryable,
  run: { job: string; scope: string; owner: string; at: Date; outcome: 'ok' | 'failed'; report: Record<string, unknown>; nextRunAt: Date | null },
): Promise<void> {
  await db.query(
    `update job_schedule set leased_by = null, leased_until = null, last_finished_at = $4, last_outcome = $5, last_report = $6, runs = runs + 1,
       next_run_at = coalesce($7, next_run_at)
     where job = $1 and scope = $2 and leased_by = $3`,
    [run.job, run.scope, run.owner, run.at, run.outcome, JSON.stringify(run.report), run.nextRunAt],
  );
}

/** The schedule as a programme sees it: the jobs over every programme and its own daily ones. */
export async function programmeSchedule(db: Queryable, programId: string): Promise<ScheduledRun[]> {
  const rows = await db.query<Row>(`select ${columns} from job_schedule where scope = '' or scope = $1 order by job`, [programId]);
  return rows.map(toRun);
}
