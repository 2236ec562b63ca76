import { describe, expect, it } from 'vitest';
import { activationTime, expiryTime } from './expiry.ts';
import { defaultSettings, type ExpiryPolicy, type ProgramSettings } from './settings.ts';

const programme = (expiry: ExpiryPolicy, more: Partial<ProgramSettings> = {}): ProgramSettings => ({ ...defaultSettings(), expiry, ...more });
const expires = (expiry: ExpiryPolicy, accruedAt: string, more: Partial<ProgramSettings> = {}) =>
  expiryTime(programme(expiry, more), new Date(accruedAt))?.toISOString() ?? null;

// 2026-01-31T22:30:00Z is 2026-02-01 01:30 in Moscow (UTC+3).
const lateJanuaryUtc = '2026-01-31T22:30:00Z';

describe('expiryTime', () => {
  it('never expires under the "never" policy', () => {
    expect(expires({ kind: 'never' }, lateJanuaryUtc)).toBeNull();
  });

  it('expires a number of days after accrual', () => {
    expect(expires({ kind: 'days', days: 365 }, '2026-03-01T10:00:00Z')).toBe('2027-03-01T10:00:00.000Z');
    expect(expires({ kind: 'days', days: 30 }, lateJanuaryUtc)).toBe('2026-03-02T22:30:00.000Z');
  });

  it('counts days as calendar days in the programme timezone across a clock change', () => {
    // New York moves to summer time on 2026-03-08: noon stays noon, so the UTC time is an hour earlier
    expect(expires({ kind: 'days', days: 30 }, '2026-03-01T17:00:00Z', { timezone: 'America/New_York' })).toBe(
      '2026-03-31T16:00:00.000Z',
    );
  });

  it('expires at the end of the accrual month in the programme timezone', () => {
    // already February in Moscow: the end of February, Moscow time
    expect(expires({ kind: 'end_of_month', months: 0 }, lateJanuaryUtc)).toBe('2026-02-28T20:59:59.999Z');
    // still January in UTC
    expect(expires({ kind: 'end_of_month', months: 0 }, lateJanuaryUtc, { timezone: 'UTC' })).toBe('2026-01-31T23:59:59.999Z');
    // still January in Moscow
    expect(expires({ kind: 'end_of_month', months: 0 }, '2026-01-31T20:59:00Z')).toBe('2026-01-31T20:59:59.999Z');
  });

  it('expires at the end of the month N months after accrual', () => {
    expect(expires({ kind: 'end_of_month', months: 1 }, lateJanuaryUtc)).toBe('2026-03-31T20:59:59.999Z');
    expect(expires({ kind: 'end_of_month', months: 12 }, lateJanuaryUtc)).toBe('2027-02-28T20:59:59.999Z');
    // January 31st plus a month is the end of February, not March
    expect(expires({ kind: 'end_of_month', months: 1 }, '2026-01-31T12:00:00Z')).toBe('2026-02-28T20:59:59.999Z');
  });

  it('expires at the end of the year, N months after accrual, in the programme timezone', () => {
    // 2026-12-31T21:30Z is already 2027 in Moscow
    expect(expires({ kind: 'end_of_year', months: 0 }, '2026-12-31T21:30:00Z')).toBe('2027-12-31T20:59:59.999Z');
    expect(expires({ kind: 'end_of_year', months: 0 }, '2026-12-31T21:30:00Z', { timezone: 'UTC' })).toBe('2026-12-31T23:59:59.999Z');
    expect(expires({ kind: 'end_of_year', months: 6 }, '2026-05-15T12:00:00Z')).toBe('2026-12-31T20:59:59.999Z');
    expect(expires({ kind: 'end_of_year', months: 12 }, '2026-05-15T12:00:00Z')).toBe('2027-12-31T20:59:59.999Z');
  });
});

describe('activationTime', () => {
  it('makes points spendable after the pending days', () => {
    const settings = { ...defaultSettings(), pendingDays: 14 };
    expect(activationTime(settings, new Date(lateJanuaryUtc)).toISOString()).toBe('2026-02-14T22:30:00.000Z');
  });

  it('makes points spendable at once without a return window', () => {
    const settings = { ...defaultSettings(), pendingDays: 0 };
    expect(activationTime(settings, new Date(lateJanuaryUtc)).toISOString()).toBe('2026-01-31T22:30:00.000Z');
  });
});
