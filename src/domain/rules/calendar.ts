import { DateTime, FixedOffsetZone } from 'luxon';

const offsets = new Map<string, number>();

/**
 * The programme-local time of `at`. A zone's offset only changes on a quarter-hour in UTC, so it is looked up
 * once per zone and quarter-hour (the lookup is the costly part of timezone arithmetic).
 */
export function localTime(at: Date, zone: string): DateTime {
  const key = `${zone}|${Math.floor(at.getTime() / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromJSDate(at, { zone }).offset;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return DateTime.fromJSDate(at, { zone: FixedOffsetZone.instance(offset) });
}

export type Period = 'day' | 'week' | 'month' | 'lifetime';

/** The start of the programme-local period containing `at`; null for a campaign's whole lifetime. */
export function periodStart(period: Period, at: Date, timezone: string): Date | null {
  return periodOf(period, at, timezone)?.since ?? null;
}

/** The programme-local period [since, until) containing `at`; null for a campaign's whole lifetime. */
export function periodOf(period: Period, at: Date, timezone: string): { since: Date; until: Date } | null {
  if (period === 'lifetime') return null;
  const start = DateTime.fromJSDate(at, { zone: timezone }).startOf(period);
  return { since: start.toJSDate(), until: start.plus({ [`${period}s`]: 1 }).toJSDate() };
}

/**
 * Days from the nearest yearly anniversary of `date` (YYYY-MM-DD) to the local calendar day `day`:
 * negative before it, positive after. 29 February is kept on 28 February in other years.
 * Plain calendar arithmetic: both are local dates already, so no timezone work is needed.
 */
export function daysFromAnniversary(date: string, day: { year: number; month: number; day: number }): number {
  const [, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const today = Date.UTC(day.year, day.month - 1, day.day);
  let nearest = Number.POSITIVE_INFINITY;
  for (const year of [day.year - 1, day.year, day.year + 1]) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const diff = Math.round((today - Date.UTC(year, month - 1, Math.min(dayOfMonth, last))) / 86_400_000);
    if (Math.abs(diff) < Math.abs(nearest)) nearest = diff;
  }
  return nearest;
}

/** Minutes since local midnight, for "HH:MM" windows. */
export const minuteOfDay = (local: DateTime) => local.hour * 60 + local.minute;
/** Whether a minute of the day lies in [from, to); a window with from after to runs over midnight. */
export const withinMinutes = (minute: number, from: number, to: number) =>
  from <= to ? minute >= from && minute < to : minute >= from || minute < to;

/** Full years from a birth date (YYYY-MM-DD) to a local day; 29 February counts from 1 March in other years. */
export function ageOn(birthDate: string, day: { year: number; month: number; day: number }): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  return day.year - y - (day.month < m || (day.month === m && day.day < d) ? 1 : 0);
}

export const parseClock = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
