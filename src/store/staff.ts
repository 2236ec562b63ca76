import { createHash } from 'node:crypto';
import type { StaffRole } from '../domain/staff.ts';
import type { Queryable } from './db.ts';

export interface Staff {
  id: string;
  programId: string;
  email: string;
  name: string;
  role: StaffRole;
  createdAt: Date;
  /** Signed in with a password Kopilka made: nothing but choosing one's own until it is chosen. */
  mustChangePassword: boolean;
}

export interface StaffWithSecret extends Staff {
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
}

type Row = {
  id: string;
  program_id: string;
  email: string;
  name: string;
  role: StaffRole;
  created_at: Date;
  must_change_password: boolean;
  password_hash: string;
  failed_attempts: number;
  locked_until: Date | null;
};
const columns = 'id, program_id, email, name, role, created_at, must_change_password, password_hash, failed_attempts, locked_until';
const fromRow = (r: Row): StaffWithSecret => ({
  id: r.id,
  programId: r.program_id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  mustChangePassword: r.must_change_password,
  passwordHash: r.password_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});
/** What anyone but the account's checks sees: never the password's hash. */
export const staffView = ({ id, programId, email, name, role, createdAt, mustChangePassword }: Staff): Staff => ({ id, programId, email, name, role, createdAt, mustChangePassword });

/** Inserts an account; false when the e-mail is taken. */
export async function insertStaff(db: Queryable, s: Staff & { passwordHash: string }): Promise<boolean> {
  const rows = await db.query(
    `insert into staff (id, program_id, email, name, role, password_hash, created_at, password_changed_at, must_change_password)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8) on conflict (email) do nothing returning id`,
    [s.id, s.programId, s.email, s.name, s.role, s.passwordHash, s.createdAt, s.mustChangePassword],
  );
  return rows.length === 1;
}

/** An enabled account by e-mail, locked for its sign-in to be counted. */
export async function findStaffByEmail(db: Queryable, email: string): Promise<StaffWithSecret | null> {
  const [row] = await db.query<Row>(`select ${columns} from staff where email = $1 and disabled_at is null for update`, [email]);
  return row ? fromRow(row) : null;
}

export async function findStaffById(db: Queryable, id: string): Promise<StaffWithSecret | null> {
  const [row] = await db.query<Row>(`select ${columns} from staff where id = $1 and disabled_at is null for update`, [id]);
  return row ? fromRow(row) : null;
}

export async function listStaff(db: Queryable, programId: string): Promise<Staff[]> {
  const rows = await db.query<Row>(`select ${columns} from staff where program_id = $1 and disabled_at is null order by created_at, id`, [programId]);
  return rows.map((r) => staffView(fromRow(r)));
}

export async function recordSignIn(db: Queryable, id: string, outcome: { failedAttempts: number; lockedUntil: Date | null }): Promise<void> {
  await db.query('update staff set failed_attempts = $2, locked_until = $3 where id = $1', [id, outcome.failedAttempts, outcome.lockedUntil]);
}

export async function setPassword(db: Queryable, id: string, passwordHash: string, now: Date): Promise<void> {
  await db.query('update staff set password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = null, must_change_password = false where id = $1', [
    id,
    passwordHash,
    now,
  ]);
}

/** Session secrets are random 256-bit values: a plain SHA-256 is the right hash for them. */
const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** A new session of an account; its ended ones are cleared on the way. */
export async function insertSession(db: Queryable, s: { secret: string; staffId: string; csrfToken: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.query('delete from staff_sessions where staff_id = $1 and expires_at <= $2', [s.staffId, s.createdAt]);
  await db.query('insert into staff_sessions (secret_hash, staff_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5)', [
    hashSecret(s.secret),
    s.staffId,
    s.csrfToken,
    s.createdAt,
    s.expiresAt,
  ]);
}

/** The account of a live session, with the session's CSRF token. */
export async function findSession(db: Queryable, secret: string, now: Date): Promise<{ staff: Staff; csrfToken: string } | null> {
  const [row] = await db.query<Row & { csrf_token: string }>(
    `select ${columns.split(', ').map((c) => `s.${c}`).join(', ')}, t.csrf_token from staff_sessions t join staff s on s.id = t.staff_id
     where t.secret_hash = $1 and t.expires_at > $2 and s.disabled_at is null`,
    [hashSecret(secret), now],
  );
  return row ? { staff: staffView(fromRow(row)), csrfToken: row.csrf_token } : null;
}

export async function deleteSession(db: Queryable, secret: string): Promise<void> {
  await db.query('delete from staff_sessions where secret_hash = $1', [hashSecret(secret)]);
}

/** Ends every session of an account but `keep` (after a password change, the others sign in again). */
export async function deleteOtherSessions(db: Queryable, staffId: string, keep: string | null): Promise<void> {
  await db.query('delete from staff_sessions where staff_id = $1 and ($2::bytea is null or secret_hash <> $2)', [staffId, keep === null ? null : hashSecret(keep)]);
}
