-- When each scheduled job runs next, who holds it now, and how its last run went. `scope` is '' for a job over
-- every programme (activation, expiry, referrals: every minute) or a programme's id for a daily one, which runs at
-- the programme's local hour. A process runs a job only while it holds the lease: once per period, whatever the
-- number of processes; a lease left by a dead process runs out and another takes the job over.
create table if not exists job_schedule (
  job text not null,
  scope text not null,
  next_run_at timestamptz not null,
  leased_by text,
  leased_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_outcome text check (last_outcome in ('ok', 'failed')),
  last_report jsonb,
  runs bigint not null default 0,
  primary key (job, scope)
);
create index if not exists job_schedule_due on job_schedule (next_run_at);
