import { createHash } from 'node:crypto';
import type { Queryable } from './db.ts';

export type Role = 'admin' | 'marketer' | 'pos' | 'partner' | 'readonly';
export const roles: readonly Role[] = ['admin', 'marketer', 'pos', 'partner', 'readonly'];

export interface ApiKey {
  id: string;
  programId: string;
  role: Role;
  name: string;
}

/** Keys are random 256-bit secrets, so a plain SHA-256 is the right hash (no password stretching needed). */
const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export async function insertApiKey(db: Queryable, key: ApiKey & { secret: string; createdAt: Date }): Promise<void> {
  await db.query('insert into api_keys (id, program_id, role, name, key_hash, created_at) values ($1, $2, $3, $4, $5, $6)', [
    key.id,
    key.programId,
    key.role,
    key.name,
    hashKey(key.secret),
    key.createdAt,
  ]);
}

export async function findApiKey(db: Queryable, secret: string): Promise<ApiKey | null> {
  const [row] = await db.query<{ id: string; program_id: string; role: Role; name: string }>(
    'select id, program_id, role, name from api_keys where key_hash = $1 and revoked_at is null',
    [hashKey(secret)],
  );
  return row ? { id: row.id, programId: row.program_id, role: row.role, name: row.name } : null;
}
