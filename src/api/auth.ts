import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.ts';
import { findApiKey, type ApiKey, type Role } from '../store/keys.ts';
import { problem } from './problems.ts';

export type Env = { Variables: { key: ApiKey } };

export type Permission = 'read' | 'settings' | 'members' | 'receipts' | 'adjust' | 'jobs';

const grants: Record<Role, readonly Permission[]> = {
  admin: ['read', 'settings', 'members', 'receipts', 'adjust', 'jobs'],
  marketer: ['read', 'settings', 'members', 'adjust'],
  pos: ['read', 'members', 'receipts'],
  partner: ['read', 'receipts'],
  readonly: ['read'],
};

const KEY_CACHE_MS = 10_000;

/**
 * `Authorization: Bearer <key>`: the key names the programme every query of the request is scoped to.
 * Known keys are remembered for ten seconds, so a till's requests do not each look the key up.
 */
export function authenticate(db: Db): MiddlewareHandler<Env> {
  const known = new Map<string, { key: ApiKey; until: number }>();
  const lookUp = async (secret: string) => {
    const cached = known.get(secret);
    if (cached && cached.until > performance.now()) return cached.key;
    const key = await findApiKey(db, secret);
    if (key) {
      if (known.size > 10_000) known.clear();
      known.set(secret, { key, until: performance.now() + KEY_CACHE_MS });
    }
    return key;
  };
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const key = secret ? await lookUp(secret) : null;
    if (!key) return problem(c, 'unauthorized', 'send Authorization: Bearer <API key>');
    c.set('key', key);
    await next();
  };
}

export function allow(permission: Permission): MiddlewareHandler<Env> {
  return async (c, next) => {
    const { role } = c.get('key');
    if (!grants[role].includes(permission)) return problem(c, 'forbidden', `a ${role} key cannot ${permission === 'read' ? 'read this' : `change ${permission}`}`);
    await next();
  };
}
