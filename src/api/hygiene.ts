import type { Context, MiddlewareHandler } from 'hono';
import { problem } from './problems.ts';

/** Swagger UI's needs and nothing else: its own scripts, its inline styles, data: images, the document itself. */
const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries: no MIME sniffing, a content security policy, and no caching of anything a key
 * was needed for (balances, members' personal data) by browsers or proxies in between.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('content-security-policy', contentSecurityPolicy);
    if (c.req.header('authorization') !== undefined) c.res.headers.set('cache-control', 'no-store');
  };
}

const patterns = new WeakMap<object, { methods: Map<RegExp, Set<string>> }>();

/** `/v1/members/:id` as a regular expression over a request path. */
const pathPattern = (path: string) =>
  new RegExp(
    '^' +
      path
        .split(/(:[A-Za-z0-9_]+(?:\{[^}]+\})?)/)
        .map((part) => (part.startsWith(':') ? `(${/\{(.+)\}$/.exec(part)?.[1] ?? '[^/]+'})` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('') +
      '/?$',
  );

/** 405 with `Allow` when the path exists under other methods; null when no route has the path at all. */
export function methodNotAllowed(app: { routes: { method: string; path: string }[] }, c: Context): Response | null {
  let known = patterns.get(app);
  if (!known) {
    const methods = new Map<string, Set<string>>();
    for (const route of app.routes) if (route.method !== 'ALL') methods.set(route.path, (methods.get(route.path) ?? new Set()).add(route.method));
    known = { methods: new Map([...methods].map(([path, m]) => [pathPattern(path), m])) };
    patterns.set(app, known);
  }
  const allowed = new Set<string>();
  for (const [pattern, methods] of known.methods) if (pattern.test(c.req.path)) methods.forEach((m) => allowed.add(m));
  if (allowed.size === 0) return null;
  if (allowed.has('GET')) allowed.add('HEAD');
  c.header('allow', [...allowed].sort().join(', '));
  return problem(c, 'method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${[...allowed].sort().join(' or ')}`);
}
