import { endOfLocal, plusLocalDays } from './rules/calendar.ts';
import type { ProgramSettings } from './settings.ts';

/** When points accrued at `accruedAt` become spendable: after the return window. */
export function activationTime(settings: ProgramSettings, accruedAt: Date): Date {
  return plusLocalDays(accruedAt, settings.pendingDays, settings.timezone);
}

/**
 * When points accrued at `accruedAt` expire, in the programme's timezone; null if they never do.
 * "end_of_month" with months=N means the last instant of the month N months after accrual.
 */
export function expiryTime(settings: ProgramSettings, accruedAt: Date): Date | null {
  const policy = settings.expiry;
  switch (policy.kind) {
    case 'never':
      return null;
    case 'days':
      return plusLocalDays(accruedAt, policy.days, settings.timezone);
    case 'end_of_month':
      return endOfLocal('month', accruedAt, policy.months, settings.timezone);
    case 'end_of_year':
      return endOfLocal('year', accruedAt, policy.months, settings.timezone);
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
