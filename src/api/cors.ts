import type { MiddlewareHandler } from 'hono';
import type { Db } from '../store/db.ts';
import { loadSettings } from '../store/programs.ts';
import type { Env } from './auth.ts';

const CACHE_MS = 10_000;
const allowHeaders = 'authorization, content-type, idempotency-key';

/**
 * Cross-origin calls from web shops, allowed per programme (`corsOrigins` in its settings). A preflight carries no
 * key, so it is answered for an origin some programme allows; the answer itself carries `Access-Control-Allow-Origin`
 * only when the key's own programme allows the origin, so a browser shows it to no other site.
 */
export function programmeCors(db: Db): { preflight: MiddlewareHandler; answer: MiddlewareHandler<Env> } {
  const origins = new Map<string, { allowed: Set<string>; until: number }>();
  const allowedBy = async (programId: string) => {
    const cached = origins.get(programId);
    if (cached && cached.until > performance.now()) return cached.allowed;
    const allowed = new Set((await loadSettings(db, programId)).settings.corsOrigins);
    if (origins.size > 10_000) origins.clear();
    origins.set(programId, { allowed, until: performance.now() + CACHE_MS });
    return allowed;
  };
  // What a preflight is checked against: the origins any programme allows (it carries no key to say which). Read
  // again after 10 s, or after 1 s for an origin not yet known, so unauthenticated preflights cost a query a second.
  let union: { origins: Set<string>; at: number } | null = null;
  const anyAllows = async (origin: string) => {
    const age = union ? performance.now() - union.at : Infinity;
    if (union && age < CACHE_MS && (union.origins.has(origin) || age < 1_000)) return union.origins;
    const rows = await db.query<{ origin: string }>(
      `select distinct jsonb_array_elements_text(latest.settings->'corsOrigins') as origin
       from (select distinct on (program_id) settings from program_settings order by program_id, version desc) latest`,
    );
    union = { origins: new Set(rows.map((r) => r.origin)), at: performance.now() };
    return union.origins;
  };
  return {
    async preflight(c, next) {
      const origin = c.req.header('origin');
      if (c.req.method !== 'OPTIONS' || !origin || !c.req.header('access-control-request-method')) return next();
      if (!(await anyAllows(origin)).has(origin)) return c.body(null, 204);
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': allowHeaders,
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    },
    async answer(c, next) {
      // Looked up before the request runs: a failure here must not turn a write that went through into an error.
      const origin = c.req.header('origin');
      const allowed = origin !== undefined && (await allowedBy(c.get('key').programId)).has(origin);
      await next();
      if (!allowed) return;
      c.res.headers.set('access-control-allow-origin', origin as string);
      c.res.headers.set('access-control-expose-headers', 'retry-after, allow');
      c.res.headers.append('vary', 'Origin');
    },
  };
}
