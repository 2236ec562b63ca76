import { DateTime, FixedOffsetZone, Info, type Zone } from 'luxon';

const QUARTER_HOUR = 900_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
const zones = new Map<string, { zone: Zone; offsets: Map<number, number> }>();

/**
 * The UTC offset of `zone` at epoch millisecond `ms`, in minutes, exactly as luxon works it out. Offsets almost always
 * change on a quarter-hour in UTC, so each is looked up once per zone and quarter-hour (the lookup is the costly part
 * of timezone arithmetic).
 */
export function zoneOffset(ms: number, zone: string): number {
  let known = zones.get(zone);
  if (!known) zones.set(zone, (known = { zone: Info.normalizeZone(zone), offsets: new Map() }));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = known.offsets.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    offset = known.zone.offset(start);
    // a quarter-hour with a change inside it (America/Goose_Bay changed at 00:01 until 2011) is never cached
    if (known.zone.offset(start + QUARTER_HOUR - 1) !== offset) return known.zone.offset(ms);
    if (known.offsets.size > 100_000) known.offsets.clear();
    known.offsets.set(quarter, offset);
  }
  return offset;
}

/** The programme-local time of `at`, in a fixed-offset zone so that reading its fields costs no timezone lookup. */
export function localTime(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: FixedOffsetZone.instance(zoneOffset(at.getTime(), zone)) });
}

/**
 * The instant at which `zone`'s wall clock reads `wall` (epoch ms of that reading taken as UTC), starting from the
 * guess `guess` (minutes) as luxon does: in an overlap the guess picks the side, in a gap the clock runs on past it.
 */
function instantOf(wall: number, guess: number, zone: string): number {
  const first = wall - guess * MINUTE;
  const seen = zoneOffset(first, zone);
  if (seen === guess) return first;
  const second = first - (seen - guess) * MINUTE;
  const after = zoneOffset(second, zone);
  if (after === seen) return second;
  return wall - Math.min(seen, after) * MINUTE;
}

/** Days in month `month` (0-based, may run past 11) of `year`. */
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** `months` months on from epoch ms `ms` on `zone`'s wall clock, the day clamped to the month as luxon's `plus` does. */
function plusMonths(ms: number, zone: string, months: number): number {
  const offset = zoneOffset(ms, zone);
  const w = new Date(ms + offset * MINUTE);
  const year = w.getUTCFullYear();
  const month = w.getUTCMonth() + months;
  const day = Math.min(w.getUTCDate(), daysInMonth(year, month));
  return instantOf(Date.UTC(year, month, day, w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds()), offset, zone);
}

/** The first instant of the local month (or year) containing epoch ms `ms`, as luxon's `startOf` finds it. */
function startOfLocal(unit: 'month' | 'year', ms: number, zone: string): number {
  const offset = zoneOffset(ms, zone);
  const w = new Date(ms + offset * MINUTE);
  return instantOf(Date.UTC(w.getUTCFullYear(), unit === 'year' ? 0 : w.getUTCMonth(), 1), offset, zone);
}

/**
 * `days` whole programme-local calendar days after `at` (before it, if negative) at the same wall-clock time; the same
 * instant as luxon's `DateTime.fromJSDate(at, { zone }).plus({ days })`, without its per-call timezone lookups.
 */
export function plusLocalDays(at: Date, days: number, zone: string): Date {
  const offset = zoneOffset(at.getTime(), zone);
  return new Date(instantOf(at.getTime() + offset * MINUTE + days * DAY, offset, zone));
}

/**
 * The last millisecond of the local month (or year) reached `months` whole months after `at`; the same instant as
 * luxon's `DateTime.fromJSDate(at, { zone }).plus({ months }).endOf(unit)`, which this follows step by step.
 */
export function endOfLocal(unit: 'month' | 'year', at: Date, months: number, zone: string): Date {
  const moved = plusMonths(at.getTime(), zone, months);
  const next = plusMonths(moved, zone, unit === 'year' ? 12 : 1);
  return new Date(startOfLocal(unit, next, zone) - 1);
}

export type Period = 'day' | 'week' | 'month' | 'lifetime';

/** The start of the programme-local period containing `at`; null for a campaign's whole lifetime. */
export function periodStart(period: Period, at: Date, timezone: string): Date | null {
  return periodOf(period, at, timezone)?.since ?? null;
}

/**
 * The programme-local period [since, until) containing `at`; null for a campaign's whole lifetime. The same instants
 * as luxon's `startOf(period)` and `plus` one period (weeks start on Monday), without its per-call timezone lookups:
 * a sale works out the periods of every campaign limited per member.
 */
export function periodOf(period: Period, at: Date, timezone: string): { since: Date; until: Date } | null {
  if (period === 'lifetime') return null;
  const ms = at.getTime();
  if (period === 'month') {
    const since = startOfLocal('month', ms, timezone);
    return { since: new Date(since), until: new Date(plusMonths(since, timezone, 1)) };
  }
  const offset = zoneOffset(ms, timezone);
  const w = new Date(ms + offset * MINUTE);
  const back = period === 'week' ? (w.getUTCDay() + 6) % 7 : 0;
  const since = new Date(instantOf(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate() - back), offset, timezone));
  return { since, until: plusLocalDays(since, period === 'week' ? 7 : 1, timezone) };
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
