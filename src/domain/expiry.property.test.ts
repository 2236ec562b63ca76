import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { activationTime, expiryTime, lotTimes } from './expiry.ts';
import { periodOf, plusLocalDays, zoneOffset, type Period } from './rules/calendar.ts';
import { defaultSettings, type ExpiryPolicy, type ProgramSettings } from './settings.ts';

// The luxon implementations these functions replaced: every result must be the same instant.
const reference = {
  activationTime: (settings: ProgramSettings, accruedAt: Date): Date =>
    DateTime.fromJSDate(accruedAt, { zone: settings.timezone }).plus({ days: settings.pendingDays }).toJSDate(),
  expiryTime(settings: ProgramSettings, accruedAt: Date): Date | null {
    const policy = settings.expiry;
    const at = DateTime.fromJSDate(accruedAt, { zone: settings.timezone });
    switch (policy.kind) {
      case 'never':
        return null;
      case 'days':
        return at.plus({ days: policy.days }).toJSDate();
      case 'end_of_month':
        return at.plus({ months: policy.months }).endOf('month').toJSDate();
      case 'end_of_year':
        return at.plus({ months: policy.months }).endOf('year').toJSDate();
    }
  },
  tierWindowSince: (now: Date, windowDays: number, zone: string): Date =>
    DateTime.fromJSDate(now, { zone }).minus({ days: windowDays }).toJSDate(),
};

const zones = [
  'Europe/Moscow',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/Sao_Paulo', // DST abolished in 2019
  'UTC',
  'Asia/Damascus', // clocks jumped at midnight on the 1st of April and October
  'America/Santiago', // midnight jumps on the 1st of September
  'America/Goose_Bay', // changed at 00:01 local, off the quarter-hour grid, until 2011
  'America/Havana', // falls back from 01:00 to midnight on some 1sts of November
];

const from = Date.UTC(1995, 0, 1);
const until = Date.UTC(2045, 0, 1);

/** Every offset change of `zone` from 1995 to 2058 (results reach 2045 + 10 years + 37 months), to the millisecond. */
function transitions(zone: string): number[] {
  const tz = IANAZone.create(zone);
  const found: number[] = [];
  const step = 12 * 3_600_000; // no zone changes twice within 12 hours
  let before = tz.offset(from);
  for (let t = from; t < Date.UTC(2058, 0, 1); t += step) {
    const after = tz.offset(t + step);
    if (after === before) continue;
    let [lo, hi] = [t, t + step]; // narrow down to the first millisecond of the new offset
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (tz.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    found.push(hi);
    before = after;
  }
  return found;
}
const changes = new Map(zones.map((zone) => [zone, zone === 'UTC' ? [] : transitions(zone)]));

const expiry: fc.Arbitrary<ExpiryPolicy> = fc.oneof(
  fc.constant({ kind: 'never' as const }),
  fc.integer({ min: 0, max: 3650 }).map((days) => ({ kind: 'days' as const, days })),
  fc.integer({ min: 0, max: 36 }).map((months) => ({ kind: 'end_of_month' as const, months })),
  fc.integer({ min: 0, max: 36 }).map((months) => ({ kind: 'end_of_year' as const, months })),
);

const settingsArb: fc.Arbitrary<ProgramSettings> = fc
  .record({ timezone: fc.constantFrom(...zones), pendingDays: fc.integer({ min: 0, max: 60 }), expiry })
  .map((chosen) => ({ ...defaultSettings(), ...chosen }));

/**
 * An instant whose wall clock in `zone` reads `back` before a wall-clock time within three hours of a clock change
 * (so that time may be one the change skips or repeats).
 */
function before(zone: string, back: { days?: number; months?: number }): fc.Arbitrary<Date> {
  const near = changes.get(zone) ?? [];
  return fc.record({ change: fc.constantFrom(...near), shift: fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }) }).map(({ change, shift }) => {
    const wallBefore = change + DateTime.fromMillis(change - 1, { zone }).offset * 60_000;
    return DateTime.fromMillis(wallBefore + shift, { zone: 'utc' }).minus(back).setZone(zone, { keepLocalTime: true }).toJSDate();
  });
}

/** Local month starts (wall-clock ms read as UTC) within three hours of a clock change, where `endOf` may land in one. */
function monthStartsNearChanges(zone: string): number[] {
  const starts = new Set<number>();
  for (const change of changes.get(zone) ?? []) {
    const wall = change + DateTime.fromMillis(change - 1, { zone }).offset * 60_000;
    const later = new Date(wall + 3 * 3_600_000);
    const start = Date.UTC(later.getUTCFullYear(), later.getUTCMonth(), 1);
    if (start >= wall - 3 * 3_600_000) starts.add(start);
  }
  return [...starts];
}
const monthStarts = new Map(zones.map((zone) => [zone, monthStartsNearChanges(zone)]));

/** An instant whose wall clock reads `back` before some time in the month (or year) ending at a month start near a change. */
function beforeMonthEnd(zone: string, unit: 'month' | 'year', back: { days: number; months: number }): fc.Arbitrary<Date>[] {
  const starts = (monthStarts.get(zone) ?? []).filter((start) => unit === 'month' || new Date(start).getUTCMonth() === 0);
  if (starts.length === 0) return [];
  const span = unit === 'month' ? 28 * 86_400_000 : 365 * 86_400_000;
  return [
    fc.record({ start: fc.constantFrom(...starts), earlier: fc.integer({ min: 1, max: span }) }).map(({ start, earlier }) =>
      DateTime.fromMillis(start - earlier, { zone: 'utc' }).minus(back).setZone(zone, { keepLocalTime: true }).toJSDate(),
    ),
  ];
}

/**
 * An instant for these settings: uniform over 1995-2045, or placed so that the activation, the expiry or one of the
 * month steps lands near a clock change.
 */
function purchaseInstant(settings: ProgramSettings): fc.Arbitrary<Date> {
  const uniform = fc.integer({ min: from, max: until }).map((ms) => new Date(ms));
  const near = changes.get(settings.timezone) ?? [];
  if (near.length === 0) return uniform;
  const policy = settings.expiry;
  const months = policy.kind === 'end_of_month' || policy.kind === 'end_of_year' ? policy.months : 0;
  const backs = [
    { days: settings.pendingDays },
    { days: settings.pendingDays + (policy.kind === 'days' ? policy.days : 0) },
    { days: settings.pendingDays, months },
    { days: settings.pendingDays, months: months + 1 },
    { days: settings.pendingDays, months: months + 12 },
  ];
  const monthEnds =
    policy.kind === 'end_of_month' || policy.kind === 'end_of_year'
      ? [0, settings.pendingDays].flatMap((days) => beforeMonthEnd(settings.timezone, policy.kind === 'end_of_year' ? 'year' : 'month', { days, months }))
      : [];
  return fc.oneof(uniform, ...backs.map((back) => before(settings.timezone, back)), ...monthEnds);
}

const scenario = settingsArb.chain((settings) => fc.record({ settings: fc.constant(settings), at: purchaseInstant(settings) }));
const runs = { numRuns: 5_000 };
const iso = (at: Date | null) => at?.toISOString() ?? null;

describe('expiry times match the luxon arithmetic they replaced', () => {
  it('activationTime', () => {
    fc.assert(
      fc.property(scenario, ({ settings, at }) => {
        expect(iso(activationTime(settings, at))).toBe(iso(reference.activationTime(settings, at)));
      }),
      runs,
    );
  });

  it('expiryTime, counted from the purchase and from the activation', () => {
    fc.assert(
      fc.property(scenario, ({ settings, at }) => {
        expect(iso(expiryTime(settings, at))).toBe(iso(reference.expiryTime(settings, at)));
        const activatesAt = reference.activationTime(settings, at);
        expect(iso(expiryTime(settings, activatesAt))).toBe(iso(reference.expiryTime(settings, activatesAt)));
      }),
      runs,
    );
  });

  it('lotTimes', () => {
    fc.assert(
      fc.property(scenario, ({ settings, at }) => {
        const activatesAt = reference.activationTime(settings, at);
        const expected = { id: 'lot_1', activatesAt: iso(activatesAt), expiresAt: iso(reference.expiryTime(settings, activatesAt)) };
        const lot = lotTimes(settings, at, 'lot_1');
        expect({ ...lot, activatesAt: iso(lot.activatesAt), expiresAt: iso(lot.expiresAt) }).toEqual(expected);
      }),
      runs,
    );
  });

  it('the tier qualification window start, N local days back', () => {
    const window = fc.record({ zone: fc.constantFrom(...zones), windowDays: fc.integer({ min: 1, max: 3650 }) }).chain(({ zone, windowDays }) => {
      const uniform = fc.integer({ min: from, max: until }).map((ms) => new Date(ms));
      const now = changes.get(zone)?.length ? fc.oneof(uniform, before(zone, { days: -windowDays })) : uniform;
      return fc.record({ zone: fc.constant(zone), windowDays: fc.constant(windowDays), now });
    });
    fc.assert(
      fc.property(window, ({ zone, windowDays, now }) => {
        expect(iso(plusLocalDays(now, -windowDays, zone))).toBe(iso(reference.tierWindowSince(now, windowDays, zone)));
      }),
      runs,
    );
  });

  it('the local day, week or month a per-member limit counts in', () => {
    const reference = (period: Exclude<Period, 'lifetime'>, at: Date, zone: string) => {
      const start = DateTime.fromJSDate(at, { zone }).startOf(period);
      return { since: iso(start.toJSDate()), until: iso(start.plus({ [`${period}s`]: 1 }).toJSDate()) };
    };
    const instant = fc.record({ zone: fc.constantFrom(...zones), period: fc.constantFrom('day' as const, 'week' as const, 'month' as const) }).chain(({ zone, period }) => {
      const near = changes.get(zone) ?? [];
      const uniform = fc.integer({ min: from, max: until });
      // Within a month either side of a clock change, so that the period's start or end may fall on or near it.
      const ms = near.length ? fc.oneof(uniform, fc.tuple(fc.constantFrom(...near), fc.integer({ min: -35 * 86_400_000, max: 35 * 86_400_000 })).map(([c, s]) => c + s)) : uniform;
      return fc.record({ zone: fc.constant(zone), period: fc.constant(period), at: ms.map((t) => new Date(t)) });
    });
    fc.assert(
      fc.property(instant, ({ zone, period, at }) => {
        const found = periodOf(period, at, zone);
        expect({ since: iso(found?.since ?? null), until: iso(found?.until ?? null) }).toEqual(reference(period, at, zone));
      }),
      { numRuns: 20_000 },
    );
  });

  it('the cached zone offset, including quarter-hours with a change inside them', () => {
    const instant = fc.constantFrom(...zones).chain((zone) => {
      const near = changes.get(zone) ?? [];
      const uniform = fc.integer({ min: from, max: until });
      const ms = near.length ? fc.oneof(uniform, fc.tuple(fc.constantFrom(...near), fc.integer({ min: -1_800_000, max: 1_800_000 })).map(([c, s]) => c + s)) : uniform;
      return fc.record({ zone: fc.constant(zone), ms });
    });
    fc.assert(
      fc.property(instant, ({ zone, ms }) => {
        expect(zoneOffset(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).offset);
      }),
      runs,
    );
  });
});
