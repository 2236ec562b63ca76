/** People who run a programme in the console: their roles, what each may do, and what a password must be. */
import type { Role } from './access.ts';

export type StaffRole = 'owner' | 'marketer' | 'support' | 'analyst';
export const staffRoles: readonly StaffRole[] = ['owner', 'marketer', 'support', 'analyst'];

/**
 * A staff member acts with the grants of an API key of this role (one role matrix for keys and people): the owner
 * runs everything; a marketer rules and campaigns; support looks members and receipts up, fixes profiles and cards,
 * returns and cancels; an analyst reads.
 */
export const grantsOf: Record<StaffRole, Role> = { owner: 'admin', marketer: 'marketer', support: 'pos', analyst: 'readonly' };

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60_000;
/** How long a session lasts from sign-in. */
export const SESSION_MS = 12 * 3_600_000;

export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 200;

/** Why a new password is refused, or null when it is good enough. */
export function weakPassword(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD) return `a password needs at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `a password may have at most ${MAX_PASSWORD} characters`;
  if (new Set(password).size < 5) return 'a password needs at least 5 different characters';
  const name = email.split('@')[0]!.toLowerCase();
  if (name.length >= 4 && password.toLowerCase().includes(name)) return 'a password must not contain the e-mail name';
  return null;
}
