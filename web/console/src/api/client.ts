import createClient from 'openapi-fetch';
import type { components, paths } from './schema.ts';

export type Schemas = components['schemas'];
/** A member with personal data, as every staff role sees them. */
export type Member = Schemas['Member'];
/** The member of an answer that may be the summary a partner key sees, when it carries personal data. */
export const withPersonalData = <T extends object>(member: T): Extract<T, { phone: unknown }> | null =>
  'phone' in member ? (member as Extract<T, { phone: unknown }>) : null;

/** The session's CSRF token, sent with every request that changes something. */
let csrfToken = '';
export const rememberCsrfToken = (token: string) => void (csrfToken = token);

/** The one client of the console: typed from the server's OpenAPI document, signed in by the session cookie. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD') request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
});

/** An RFC 9457 answer of the server: a stable code and a sentence for people. */
export interface Problem {
  code: string;
  detail: string;
  status: number;
  errors?: { path: string; message: string }[];
  /** seconds until a locked account may sign in again */
  retryAfter?: number;
  /** the input field a refusal is about */
  field?: string;
}

/** Thrown by `ok` so queries and mutations fail with the server's problem. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** Nothing for a successful answer without a body (204), or a ProblemError with the server's problem. */
export function done(result: { error?: unknown; response: Response }): void {
  if (result.error !== undefined || !result.response.ok) ok({ ...result, data: undefined });
}

/** The data of a successful answer, or a ProblemError with the server's problem. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const body = (result.error ?? {}) as Partial<Problem>;
    throw new ProblemError({ code: body.code ?? 'internal_error', detail: body.detail ?? result.response.statusText, status: result.response.status, ...(body.errors ? { errors: body.errors } : {}), ...(body.retryAfter ? { retryAfter: body.retryAfter } : {}), ...(body.field ? { field: body.field } : {}) });
  }
  return result.data;
}
