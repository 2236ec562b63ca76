import { DateTime } from 'luxon';

/** Jobs over every programme, run every few minutes, and daily jobs, run per programme at its local hour. */
export const intervalJobs = ['activation', 'expiry', 'expiry-notice', 'referrals', 'segments', 'day-sums'] as const;
export const dailyJobs = ['tier-review', 'birthdays', 'idempotency', 'event-retention', 'daily-totals', 'segment-refresh'] as const;
export type ScheduledJob = (typeof intervalJobs)[number] | (typeof dailyJobs)[number];

export const isDaily = (job: string): job is (typeof dailyJobs)[number] => (dailyJobs as readonly string[]).includes(job);

/**
 * The first moment after `after` at which the programme's wall clock reads `hhmm` (such as "03:00"). On a day
 * whose clocks skip that time, as much later as they skip; on one where it comes twice, the first of them.
 */
export function nextDailyRun(after: Date, hhmm: string, zone: string): Date {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const today = DateTime.fromJSDate(after, { zone }).set({ hour, minute, second: 0, millisecond: 0 });
  const next = today.toMillis() > after.getTime() ? today : today.plus({ days: 1 }).set({ hour, minute });
  return next.toJSDate();
}
