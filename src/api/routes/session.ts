import { timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { staffRoles, type StaffRole } from '../../domain/staff.ts';
import type { Deps } from '../../flows/deps.ts';
import { changePassword, principalOf, signIn, signOut } from '../../flows/staff.ts';
import { type Permission, permissions, permissionsOf } from '../../domain/access.ts';
import type { Queryable } from '../../store/db.ts';
import { findSession, type Staff } from '../../store/staff.ts';
import { body, json, problems } from '../openapi.ts';
import { failure, problem } from '../problems.ts';

/** The cookie of a signed-in browser: HttpOnly, SameSite=Strict, Secure when served over HTTPS. */
export const SESSION_COOKIE = 'kopilka_session';
export const CSRF_HEADER = 'x-csrf-token';

/** Whether a request carries the session's CSRF token, compared in constant time. */
export function carriesToken(c: Context, token: string): boolean {
  const sent = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
  const wanted = Buffer.from(token);
  return sent.length === wanted.length && timingSafeEqual(sent, wanted);
}

const staff = z
  .object({
    id: z.string(),
    programId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(staffRoles as [StaffRole, ...StaffRole[]]),
    permissions: z.array(z.enum(permissions as [Permission, ...Permission[]])).describe("what the role may do: the API's role matrix (README, Roles)"),
    mustChangePassword: z.boolean().describe('signed in with a one-time password: POST /session/password before anything else'),
  })
  .openapi('Staff');
const session = z
  .object({
    staff,
    csrfToken: z.string().describe(`send it as ${CSRF_HEADER} with every request that changes something`),
    expiresAt: z.string(),
  })
  .openapi('Session');
const signInInput = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1000) }).strict().openapi('SignIn');
const passwordInput = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) }).strict().openapi('PasswordChange');

const cookieSecurity = [{ session: [] }];
const view = (s: Staff) => ({ id: s.id, programId: s.programId, email: s.email, name: s.name, role: s.role, permissions: permissionsOf(principalOf(s)), mustChangePassword: s.mustChangePassword });
const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** The signed-in staff member of this request and their session, or null. */
export async function sessionOf(db: Queryable, now: Date, c: Context) {
  const secret = getCookie(c, SESSION_COOKIE);
  const found = secret ? await findSession(db, secret, now) : null;
  return found && secret ? { ...found, secret } : null;
}

/** Sign-in for people (the console): a session cookie and a CSRF token instead of an API key. */
export function sessionRoutes(deps: Deps) {
  const app = new OpenAPIHono();
  const tags = ['Staff sign-in'];
  const notSignedIn = (c: Context) => problem(c, 'unauthorized', 'sign in first: POST /session with e-mail and password');

  app.openapi(
    createRoute({
      method: 'post', path: '/session', operationId: 'signIn', tags, security: [{}],
      summary: 'Sign a staff member in: sets the session cookie and answers the CSRF token. Five wrong passwords in a row lock the account for 15 minutes',
      request: body(signInInput),
      responses: { 201: json(session, 'signed in'), ...problems },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const result = await signIn(deps, email, password);
      if (!result.ok) {
        const retryAfter = result.details?.retryAfter;
        if (typeof retryAfter === 'number') c.header('retry-after', String(retryAfter));
        return failure(c, result);
      }
      const s = result.value;
      setCookie(c, SESSION_COOKIE, s.secret, { httpOnly: true, sameSite: 'Strict', secure: secure(c), path: '/', expires: s.expiresAt });
      return c.json({ staff: view(s.staff), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/session', operationId: 'getSession', tags, security: cookieSecurity,
      summary: 'Who is signed in, and the CSRF token of the session',
      responses: { 200: json(session.omit({ expiresAt: true }), 'the session'), ...problems },
    }),
    async (c) => {
      const found = await sessionOf(deps.db, deps.now(), c);
      if (!found) return notSignedIn(c);
      return c.json({ staff: view(found.staff), csrfToken: found.csrfToken }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/session', operationId: 'signOut', tags, security: cookieSecurity,
      summary: 'Sign out: the session ends and its cookie is cleared',
      responses: { 204: { description: 'signed out' }, ...problems },
    }),
    async (c) => {
      const secret = getCookie(c, SESSION_COOKIE);
      if (secret) await signOut(deps, secret);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/session/password', operationId: 'changePassword', tags, security: cookieSecurity,
      summary: "Change the signed-in staff member's password (the current one is needed); their other sessions end",
      request: body(passwordInput),
      responses: { 204: { description: 'changed' }, ...problems },
    }),
    async (c) => {
      const found = await sessionOf(deps.db, deps.now(), c);
      if (!found) return notSignedIn(c);
      if (!carriesToken(c, found.csrfToken)) return problem(c, 'csrf_failed', `send the session's CSRF token as ${CSRF_HEADER}`);
      const { currentPassword, newPassword } = c.req.valid('json');
      const result = await changePassword(deps, found.staff.id, found.secret, currentPassword, newPassword);
      return result.ok ? c.body(null, 204) : failure(c, result);
    },
  );
  return app;
}
