import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { problem } from './problems.ts';
import { instant } from './schemas.ts';

export const MAX_YEARS = 10;
const DAY = 86_400_000;
/** The most points one series may have. */
export const MAX_POINTS = 1_000;
const groupDays = { day: 1, week: 7, month: 28 } as const;
/** A report's period: instants, by default the last 90 days, grouped by day, ISO week or month. */
export const period = { from: instant.optional(), to: instant.optional(), group: z.enum(['day', 'week', 'month']).default('month') };

/** A report's period from its query, or why it is refused: backwards, longer than the most, or with too many points for its grouping. */
export function resolvePeriod(q: { from?: string; to?: string; group: keyof typeof groupDays }, now: Date) {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 90 * DAY);
  const refuse = (path: string, message: string) => ({ refused: { path, message } });
  if (from >= to) return refuse('to', 'the end is before the start');
  if (to.getTime() - from.getTime() > MAX_YEARS * 366 * DAY) return refuse('to', `at most ${MAX_YEARS} years`);
  if ((to.getTime() - from.getTime()) / (groupDays[q.group] * DAY) > MAX_POINTS) return refuse('group', `more than ${MAX_POINTS} ${q.group}s: group by a longer period`);
  return { from, to };
}

/** The answer to a report's period or filter that is refused: 400 naming the field. */
export const refusal = (c: Context, r: { path: string; message: string }) => problem(c, 'validation_failed', `${r.path}: ${r.message}`, { errors: [r] });
