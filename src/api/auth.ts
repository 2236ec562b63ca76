import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { principalOf } from '../flows/staff.ts';
import { dependsOnSettings, may, refusal, type Permission } from '../domain/access.ts';
import type { Db, Queryable } from '../store/db.ts';
import { findApiKey, type ApiKey } from '../store/keys.ts';
import { loadSettings } from '../store/programs.ts';
import { problem } from './problems.ts';
import { carriesToken, CSRF_HEADER, SESSION_COOKIE, sessionOf } from './routes/session.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export type Env = { Variables: { key: ApiKey } };
export type { Permission };

/** How long a process trusts a key it looked up: a key revoked elsewhere (the CLI, another server) stops working within this. */
export const KEY_CACHE_MS = 10_000;

/** Keys looked up, and how many revocations this process has seen (a lookup that raced one is not kept). */
type KeyCache = Map<string, { key: ApiKey; until: number }> & { revocations?: number };
// One cache per database, shared by every app of the process on it, so a revocation through any of them reaches all.
const caches = new WeakMap<Db, KeyCache>();
const cacheOf = (db: Db): KeyCache => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
};

/** Drops a revoked key from this process's cache: it stops working at once here, within KEY_CACHE_MS elsewhere. */
export function forgetKey(db: Db, keyId: string): void {
  const cache = cacheOf(db);
  cache.revocations = (cache.revocations ?? 0) + 1;
  for (const [secret, cached] of cache) if (cached.key.id === keyId) cache.delete(secret);
}

// RFC 7235: the scheme name is case-insensitive.
const BEARER = /^bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * `Authorization: Bearer <key>`: the key names the programme every query of the request is scoped to.
 * Known keys are remembered for KEY_CACHE_MS, so a till's requests do not each look the key up.
 */
export function authenticate(db: Db, now: () => Date = () => new Date()): MiddlewareHandler<Env> {
  const known = cacheOf(db);
  const lookUp = async (secret: string) => {
    const cached = known.get(secret);
    if (cached && cached.until > performance.now()) return cached.key;
    const revocations = known.revocations;
    const key = await findApiKey(db, secret);
    // A key read before a revocation in this process may be the revoked one: use it for this request only.
    if (key && revocations !== known.revocations) return key;
    if (key) {
      if (known.size > 10_000) known.clear();
      known.set(secret, { key, until: performance.now() + KEY_CACHE_MS });
    } else known.delete(secret);
    return key;
  };
  return async (c, next) => {
    const header = c.req.header('authorization');
    // A signed-in browser (the console) sends no key but the session cookie, and the CSRF token with every change.
    if (!header && getCookie(c, SESSION_COOKIE)) {
      const session = await sessionOf(db, now(), c);
      if (!session) return problem(c, 'unauthorized', 'the session has ended: sign in again');
      if (!SAFE.has(c.req.method) && !carriesToken(c, session.csrfToken))
        return problem(c, 'csrf_failed', `send the session's CSRF token as ${CSRF_HEADER}`);
      if (session.staff.mustChangePassword)
        return problem(c, 'password_change_required', 'the password was made for one sign-in: choose your own with POST /session/password first');
      c.set('key', principalOf(session.staff));
      return next();
    }
    const secret = BEARER.exec(header ?? '')?.[1];
    const key = secret ? await lookUp(secret) : null;
    if (!key) return problem(c, 'unauthorized', 'send Authorization: Bearer <API key>, or sign in');
    c.set('key', key);
    await next();
  };
}

/**
 * The route's permission, from the one role matrix (src/domain/access.ts). A grant that depends on the programme's
 * settings (partners enrolling) reads them from `settingsFrom`; without it, such a grant is refused.
 */
export function allow(permission: Permission, { settingsFrom }: { settingsFrom?: Queryable } = {}): MiddlewareHandler<Env> {
  return async (c, next) => {
    const key = c.get('key');
    const settings = settingsFrom && dependsOnSettings(key, permission) ? (await loadSettings(settingsFrom, key.programId)).settings : undefined;
    if (!may(key, permission, settings)) return problem(c, 'forbidden', refusal(key, permission));
    await next();
  };
}

/** The refusal of a permission a handler checks itself (a lookup field, personal data in a filter). */
export const forbidden = (c: Context<Env>, permission: Permission): never => problem(c, 'forbidden', refusal(c.get('key'), permission));
