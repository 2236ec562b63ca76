import { serve } from '@hono/node-server';
import { createApp } from './api/app.ts';
import type { Deps } from './flows/deps.ts';
import { jobNames, runJob } from './jobs/jobs.ts';
import { refreshStatistics } from './store/statistics.ts';

export interface ServerOptions {
  port: number;
  /** How often activation and expiry run; the tier review runs every 24 hours. 0 turns the scheduler off. */
  jobIntervalMs: number;
}

/** Serves the API and runs the scheduled jobs in-process. */
export function startServer(deps: Deps, options: ServerOptions) {
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: '0.0.0.0' });
  // Tills and balancers keep connections open between receipts; closing an idle one after Node's default 5 s
  // races with a till sending on it (ECONNRESET). Keep them longer than the usual 60 s of a balancer.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const timers: NodeJS.Timeout[] = [];
  let running = false;
  const run = async (names: readonly (typeof jobNames)[number][]) => {
    if (running) return;
    running = true;
    try {
      for (const name of names) await runJob(deps, name);
    } catch (error) {
      console.error('job failed', error);
    } finally {
      running = false;
    }
  };
  // Planner statistics follow the tables as they grow (PGlite has no autovacuum to do it).
  let measuring = false;
  const statistics = async () => {
    if (measuring) return;
    measuring = true;
    await refreshStatistics(deps.db).catch((error) => console.error('statistics refresh failed', error));
    measuring = false;
  };
  void statistics();
  timers.push(setInterval(() => void statistics(), 10_000));
  if (options.jobIntervalMs > 0) {
    timers.push(setInterval(() => void run(['activation', 'expiry', 'referrals']), options.jobIntervalMs));
    timers.push(setInterval(() => void run(['tier-review', 'birthdays']), 24 * 3600 * 1000));
  }
  return {
    server,
    close: async () => {
      timers.forEach(clearInterval);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
