import { serve } from '@hono/node-server';
import { createApp } from './api/app.ts';
import type { InputLimits } from './api/input.ts';
import type { Deps } from './flows/deps.ts';
import { startMessenger } from './jobs/messenger.ts';
import { startDispatcher } from './jobs/dispatcher.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { refreshStatistics, summarizeBlockRanges, vacuumDeadRows } from './store/statistics.ts';

export interface ServerOptions {
  port: number;
  /** The address to listen on; 127.0.0.1 unless the operator opens it up (HOST=0.0.0.0). */
  host?: string;
  limits?: InputLimits;
  /** Keep the planner's statistics current (default); off for servers sharing a database with a test that watches them. */
  statistics?: boolean;
  /** How often activation, expiry and referrals run; daily jobs run at each programme's `dailyJobsAt`. 0 turns the scheduler off. */
  jobIntervalMs: number;
  /** Send events to webhook subscriptions (default: when the scheduler runs). */
  dispatch?: boolean;
  /** Plan and send messages to members (default: when the scheduler runs); a programme's id, only its messages. */
  messages?: boolean | string;
  /** How long a webhook receiver may take to answer (default 10 s). */
  webhookTimeoutMs?: number;
}

/** Serves the API and runs the scheduled jobs in-process (each under a lease: any number of servers may share a database). */
export function startServer(deps: Deps, options: ServerOptions) {
  let dispatcher: ReturnType<typeof startDispatcher> | null = null;
  const app = createApp(deps, { ...(options.limits ? { limits: options.limits } : {}), written: () => dispatcher?.wake() });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' });
  // Tills and balancers keep connections open between receipts; closing an idle one after Node's default 5 s
  // races with a till sending on it (ECONNRESET). Keep them longer than the usual 60 s of a balancer.
  if ('keepAliveTimeout' in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const timers: NodeJS.Timeout[] = [];
  const scheduler = options.jobIntervalMs > 0 ? startScheduler(deps, { intervalMs: options.jobIntervalMs }) : null;
  void scheduler?.look();
  dispatcher = (options.dispatch ?? options.jobIntervalMs > 0) ? startDispatcher(deps, options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}) : null;
  const messages = options.messages ?? options.jobIntervalMs > 0;
  const messenger = messages ? startMessenger(deps, 1_000, typeof messages === 'string' ? messages : null) : null;
  // Planner statistics follow the tables as they grow, dead rows are cleared and the time indexes' new block
  // ranges summed (PGlite has no autovacuum to do it).
  let measuring: Promise<unknown> | null = null;
  const statistics = () => {
    measuring ??= refreshStatistics(deps.db)
      .then(() => vacuumDeadRows(deps.db))
      .then(() => summarizeBlockRanges(deps.db))
      .catch((error: unknown) => console.error('statistics refresh failed', error))
      .finally(() => (measuring = null));
  };
  if (options.statistics !== false) {
    statistics();
    timers.push(setInterval(statistics, 10_000));
  }
  return {
    server,
    close: async () => {
      timers.forEach(clearInterval);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([scheduler?.stop(), dispatcher?.stop(), messenger?.stop(), measuring]);
    },
  };
}
