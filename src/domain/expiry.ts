import { DateTime } from 'luxon';
import type { ProgramSettings } from './settings.ts';

/** When points accrued at `accruedAt` become spendable: after the return window. */
export function activationTime(settings: ProgramSettings, accruedAt: Date): Date {
  return DateTime.fromJSDate(accruedAt, { zone: settings.timezone }).plus({ days: settings.pendingDays }).toJSDate();
}

/**
 * When points accrued at `accruedAt` expire, in the programme's timezone; null if they never do.
 * "end_of_month" with months=N means the last instant of the month N months after accrual.
 */
export function expiryTime(settings: ProgramSettings, accruedAt: Date): Date | null {
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
}

/**
 * The lot a purchase creates: pending through the return window, then its lifetime counts from when it
 * became spendable, so points never expire before they could be used.
 */
export function lotTimes(settings: ProgramSettings, purchasedAt: Date, id: string): { id: string; activatesAt: Date; expiresAt: Date | null } {
  const activatesAt = activationTime(settings, purchasedAt);
  return { id, activatesAt, expiresAt: expiryTime(settings, activatesAt) };
}
