import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { actorOf, type Principal } from '../domain/access.ts';
import { grantsOf, LOCK_AFTER, LOCK_MS, SESSION_MS, weakPassword, type StaffRole } from '../domain/staff.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from '../store/rules.ts';
import {
  deleteOtherSessions,
  deleteSession,
  findStaffByEmail,
  findStaffById,
  insertSession,
  insertStaff,
  recordSignIn,
  setPassword,
  staffView,
  type Staff,
} from '../store/staff.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction } from './transaction.ts';

export interface StaffInput {
  email: string;
  name: string;
  role: StaffRole;
  /** Chosen by the person; when absent, a random one is made and shown once. */
  password?: string | undefined;
}

const secret = () => randomBytes(32).toString('base64url');
/** A password made for someone: 20 characters of base64url, some 120 bits. */
export const madePassword = () => randomBytes(15).toString('base64url');

/** An account of the programme; its password hashed with argon2id. Recorded in the audit trail. */
export async function createStaff(deps: Deps, programId: string, input: StaffInput, by: Principal): Promise<Outcome<Staff & { password: string | null }>> {
  const email = input.email.trim().toLowerCase();
  // A chosen password is checked; a made one is 120 random bits.
  const weak = input.password === undefined ? null : weakPassword(input.password, email);
  if (weak) return fail('weak_password', weak, { field: 'password' });
  const password = input.password ?? madePassword();
  const passwordHash = await hash(password);
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    const staff: Staff = { id: newId('stf'), programId, email, name: input.name.trim(), role: input.role, createdAt: now, mustChangePassword: input.password === undefined };
    if (!(await insertStaff(tx, { ...staff, passwordHash }))) return fail('email_taken', `an account with the e-mail ${email} exists`, { field: 'email' });
    const after = { email, name: staff.name, role: staff.role };
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), action: 'create', entity: 'staff', entityId: staff.id, before: null, after, at: now });
    return ok({ ...staff, password: input.password === undefined ? password : null });
  });
}

// Checked when no account has the e-mail, so a wrong e-mail takes as long as a wrong password.
const nobody = hash(madePassword());

export interface Session {
  staff: Staff;
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Signs in by e-mail and password. Five failures in a row lock the account for 15 minutes (each failure counted
 * under the account's row lock, so parallel guesses are counted too); a wrong e-mail answers as a wrong password.
 */
type Attempt = { kind: 'failed' } | { kind: 'locked'; until: Date } | { kind: 'signed_in'; session: Session };

export async function signIn(deps: Deps, email: string, password: string): Promise<Outcome<Session>> {
  const outcome = await inTransaction<Attempt>(deps.db, async (tx) => {
    const now = deps.now();
    const staff = await findStaffByEmail(tx, email.trim().toLowerCase());
    if (!staff) {
      await verify(await nobody, password);
      return ok({ kind: 'failed' });
    }
    if (staff.lockedUntil && staff.lockedUntil > now) return ok({ kind: 'locked', until: staff.lockedUntil });
    if (!(await verify(staff.passwordHash, password))) {
      const failedAttempts = staff.failedAttempts + 1;
      const lockedUntil = failedAttempts >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MS) : null;
      await recordSignIn(tx, staff.id, { failedAttempts: lockedUntil ? 0 : failedAttempts, lockedUntil });
      return ok(lockedUntil ? { kind: 'locked', until: lockedUntil } : { kind: 'failed' });
    }
    await recordSignIn(tx, staff.id, { failedAttempts: 0, lockedUntil: null });
    const session = { staff: staffView(staff), secret: secret(), csrfToken: secret(), expiresAt: new Date(now.getTime() + SESSION_MS) };
    await insertSession(tx, { secret: session.secret, staffId: staff.id, csrfToken: session.csrfToken, createdAt: now, expiresAt: session.expiresAt });
    await recordAudit(tx, staff.programId, { id: newId('aud'), actor: actorOf(principalOf(staff)), action: 'sign_in', entity: 'staff', entityId: staff.id, before: null, after: null, at: now });
    return ok({ kind: 'signed_in', session });
  });
  if (!outcome.ok) return outcome;
  const result = outcome.value;
  if (result.kind === 'signed_in') return ok(result.session);
  if (result.kind === 'locked')
    return fail('account_locked', `too many failed sign-ins: try again after ${result.until.toISOString()}`, { retryAfter: Math.ceil((result.until.getTime() - deps.now().getTime()) / 1000) });
  return fail('sign_in_failed', 'the e-mail or the password is wrong');
}

export async function signOut(deps: Deps, sessionSecret: string): Promise<void> {
  await deleteSession(deps.db, sessionSecret);
}

/** A new password for a signed-in account, given its current one; the account's other sessions end. */
export async function changePassword(deps: Deps, staffId: string, sessionSecret: string, current: string, next: string): Promise<Outcome<null>> {
  return inTransaction(deps.db, async (tx) => {
    const staff = await findStaffById(tx, staffId);
    if (!staff) return fail('sign_in_failed', 'the account no longer exists');
    if (!(await verify(staff.passwordHash, current))) return fail('validation_failed', 'the current password is wrong', { field: 'currentPassword' });
    const weak = weakPassword(next, staff.email);
    if (weak) return fail('weak_password', weak, { field: 'newPassword' });
    if (next === current) return fail('weak_password', 'the new password is the current one', { field: 'newPassword' });
    const now = deps.now();
    await setPassword(tx, staff.id, await hash(next), now);
    await deleteOtherSessions(tx, staff.id, sessionSecret);
    await recordAudit(tx, staff.programId, { id: newId('aud'), actor: actorOf(principalOf(staff)), action: 'change_password', entity: 'staff', entityId: staff.id, before: null, after: null, at: now });
    return ok(null);
  });
}

/** Who a staff member acts as: the grants of their role, named by their account. */
export const principalOf = (staff: Staff): Principal & { programId: string } => ({
  id: staff.id,
  name: staff.email,
  role: grantsOf[staff.role],
  pii: true,
  programId: staff.programId,
});
