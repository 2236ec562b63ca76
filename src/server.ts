import { serve } from '@hono/node-server';
import { createApp } from './api/app.ts';
import type { InputLimits } from './api/input.ts';
import type { Deps } from './flows/deps.ts';
import { jobNames, runJob } from './jobs/jobs.ts';
import { refreshStatistics } from './store/statistics.ts';

export interface ServerOptions {
  port: number;
  /** The address to listen on; 127.0.0.1 unless the operator opens it up (HOST=0.0.0.0). */
  host?: string;
  limits?: InputLimits;
  /** Keep the planner's statistics current (default); off for servers sharing a database with a test that watches them. */
  statistics?: boolean;
  /** How often activation and expiry run; the tier review runs every 24 hours. 0 turns the scheduler off. */
  jobIntervalMs: number;
}

/** Serves the API and runs the scheduled jobs in-process. */
export function startServer(deps: Deps, options: ServerOptions) {
  const app = createApp(deps, options.limits ? { limits: options.limits } : {});
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' });
  // Tills and balancers keep connections open between receipts; closing an idle one after Node's default 5 s
  // races with a till sending on it (ECONNRESET). Keep them longer than the usual 60 s of a balancer.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const timers: NodeJS.Timeout[] = [];
  // At most one of each runs at a time, and closing waits for the one in flight before the database closes.
  let jobs: Promise<void> | null = null;
  const run = (names: readonly (typeof jobNames)[number][]) => {
    jobs ??= (async () => {
      for (const name of names) await runJob(deps, name);
    })()
      .catch((error: unknown) => console.error('job failed', error))
      .finally(() => (jobs = null));
  };
  // Planner statistics follow the tables as they grow (PGlite has no autovacuum to do it).
  let measuring: Promise<unknown> | null = null;
  const statistics = () => {
    measuring ??= refreshStatistics(deps.db)
      .catch((error: unknown) => console.error('statistics refresh failed', error))
      .finally(() => (measuring = null));
  };
  if (options.statistics !== false) {
    statistics();
    timers.push(setInterval(statistics, 10_000));
  }
  if (options.jobIntervalMs > 0) {
    timers.push(setInterval(() => run(['activation', 'expiry', 'referrals']), options.jobIntervalMs));
    timers.push(setInterval(() => run(['tier-review', 'birthdays', 'idempotency']), 24 * 3600 * 1000));
  }
  return {
    server,
    close: async () => {
      timers.forEach(clearInterval);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([jobs, measuring]);
    },
  };
}
