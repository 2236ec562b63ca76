import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Failure, FailureCode } from '../flows/outcome.ts';

type ProblemCode =
  | FailureCode
  | 'malformed_json'
  | 'unauthorized'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'internal_error'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'busy'
  | 'programme_loading'
  | 'csrf_failed'
  | 'password_change_required'
  | 'cohort_too_small';

/** The one place where failure codes become HTTP statuses. */
export const statuses: Record<ProblemCode, ContentfulStatusCode> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  method_not_allowed: 405,
  busy: 429,
  period_too_long: 422,
  earning_out_of_range: 422,
  whole_units_only: 422,
  database_unavailable: 503,
  programme_loading: 503,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  member_not_found: 404,
  member_erased: 410,
  card_not_found: 404,
  store_not_found: 404,
  store_not_allowed: 403,
  partner_not_found: 404,
  webhook_not_found: 404,
  webhook_unreachable: 422,
  channel_unreachable: 422,
  template_not_found: 404,
  invalid_template: 422,
  invalid_trigger: 422,
  invalid_broadcast: 422,
  receipt_not_found: 404,
  conflict: 409,
  receipt_conflict: 409,
  idempotency_key_reused: 409,
  currency_mismatch: 422,
  invalid_card_number: 422,
  card_blocked: 422,
  insufficient_points: 422,
  redemption_limit_exceeded: 422,
  below_minimum_redemption: 422,
  member_required: 422,
  line_not_found: 422,
  return_exceeds_sale: 422,
  nothing_to_return: 422,
  receipt_cancelled: 422,
  invalid_rules: 422,
  campaign_not_found: 404,
  coupon_not_found: 404,
  key_not_found: 404,
  sign_in_failed: 401,
  account_locked: 429,
  weak_password: 422,
  email_taken: 409,
  csrf_failed: 403,
  password_change_required: 403,
  unknown_action_type: 422,
  event_conflict: 409,
  invalid_referral: 422,
  cohort_too_small: 422,
  internal_error: 500,
};

const titles: Partial<Record<ProblemCode, string>> = {
  validation_failed: 'Request is not valid',
  malformed_json: 'Body is not valid JSON',
  unauthorized: 'API key missing or unknown',
  forbidden: 'This key may not do that',
  sign_in_failed: 'Wrong e-mail or password',
  account_locked: 'Too many failed sign-ins; the account waits',
  csrf_failed: 'The request lacks the session’s CSRF token',
  password_change_required: 'Choose your own password first',
  store_not_allowed: "This key may not sell at this store",
  insufficient_points: 'Not enough points',
  internal_error: 'Internal error',
  payload_too_large: 'Request body too large',
  busy: 'Too many heavy requests at once; retry later',
  database_unavailable: 'The database is unavailable; retry later',
};

/** The RFC 9457 document for a failure, as a value (batch answers carry one per item). */
export const problemBody = (code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) => ({
  type: `https://kopilka.dev/problems/${code}`,
  title: titles[code] ?? code.replaceAll('_', ' '),
  status: statuses[code],
  code,
  detail,
  ...extra,
});

/**
 * An RFC 9457 problem document with a stable machine `code`. Typed `never` so route handlers, whose
 * success bodies are typed by their OpenAPI schemas, can return it from any branch.
 */
export function problem(c: Context, code: ProblemCode, detail: string, extra: Record<string, unknown> = {}): never {
  const status = statuses[code];
  return c.body(
    JSON.stringify(problemBody(code, detail, extra)),
    status,
    { 'content-type': 'application/problem+json' },
  ) as never;
}

export const failure = (c: Context, f: Failure): never => problem(c, f.code, f.message, f.details ?? {});
