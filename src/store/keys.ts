import { createHash } from 'node:crypto';
import { roles, type Principal, type Role } from '../domain/access.ts';
import type { Queryable } from './db.ts';

export { roles, type Role };

/** An API key as a request sees it: the principal, and the programme every query is scoped to. */
export interface ApiKey extends Principal {
  programId: string;
}

/** What an admin sees of a key: never the secret or its hash. */
export interface KeyView {
  id: string;
  name: string;
  role: Role;
  pii: boolean;
  partner: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Keys are random 256-bit secrets, so a plain SHA-256 is the right hash (no password stretching needed). */
const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export async function insertApiKey(db: Queryable, key: ApiKey & { secret: string; createdAt: Date }): Promise<void> {
  await db.query(
    'insert into api_keys (id, program_id, role, name, pii, partner_code, key_hash, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
    [key.id, key.programId, key.role, key.name, key.pii, key.partner ?? null, hashKey(key.secret), key.createdAt],
  );
}

export async function findApiKey(db: Queryable, secret: string): Promise<ApiKey | null> {
  const [row] = await db.query<{ id: string; program_id: string; role: Role; name: string; pii: boolean; partner_code: string | null }>(
    'select id, program_id, role, name, pii, partner_code from api_keys where key_hash = $1 and revoked_at is null',
    [hashKey(secret)],
  );
  return row ? { id: row.id, programId: row.program_id, role: row.role, name: row.name, pii: row.pii, partner: row.partner_code } : null;
}

type Row = { id: string; name: string; role: Role; pii: boolean; partner_code: string | null; created_at: Date; revoked_at: Date | null };
const columns = 'id, name, role, pii, partner_code, created_at, revoked_at';
const toView = (r: Row): KeyView => ({ id: r.id, name: r.name, role: r.role, pii: r.pii, partner: r.partner_code, createdAt: r.created_at, revokedAt: r.revoked_at });

export async function listApiKeys(db: Queryable, programId: string): Promise<KeyView[]> {
  const rows = await db.query<Row>(`select ${columns} from api_keys where program_id = $1 order by created_at, id`, [programId]);
  return rows.map(toView);
}

/** A key of the programme (any programme when null, for the command line), locked for a change. */
export async function findKeyById(db: Queryable, programId: string | null, id: string): Promise<(KeyView & { programId: string }) | null> {
  const [row] = await db.query<Row & { program_id: string }>(
    `select ${columns}, program_id from api_keys where id = $1 and ($2::program is null or program_id = $2) for update`,
    [id, programId],
  );
  return row ? { ...toView(row), programId: row.program_id } : null;
}

export async function revokeApiKey(db: Queryable, id: string, now: Date): Promise<KeyView> {
  const [row] = await db.query<Row>(`update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1 returning ${columns}`, [id, now]);
  return toView(row as Row);
}

/** Active admin keys of the programme besides `except`: revoking the last one would lock the programme's API out. */
export async function otherActiveAdmins(db: Queryable, programId: string, except: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from api_keys where program_id = $1 and role = 'admin' and revoked_at is null and id <> $2`,
    [programId, except],
  );
  return Number(row?.n ?? 0);
}
