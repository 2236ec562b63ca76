/** Expected failures are values with a stable code; one place in the API maps codes to HTTP statuses. */
export type FailureCode =
  | 'validation_failed'
  | 'not_found'
  | 'member_not_found'
  | 'member_erased'
  | 'card_not_found'
  | 'store_not_found'
  | 'store_not_allowed'
  | 'partner_not_found'
  | 'webhook_not_found'
  | 'webhook_unreachable'
  | 'channel_unreachable'
  | 'template_not_found'
  | 'invalid_template'
  | 'invalid_trigger'
  | 'invalid_broadcast'
  | 'receipt_not_found'
  | 'currency_mismatch'
  | 'invalid_card_number'
  | 'card_blocked'
  | 'conflict'
  | 'receipt_conflict'
  | 'idempotency_key_reused'
  | 'insufficient_points'
  | 'redemption_limit_exceeded'
  | 'below_minimum_redemption'
  | 'member_required'
  | 'line_not_found'
  | 'return_exceeds_sale'
  | 'nothing_to_return'
  | 'receipt_cancelled'
  | 'invalid_rules'
  | 'campaign_not_found'
  | 'coupon_not_found'
  | 'unknown_action_type'
  | 'event_conflict'
  | 'invalid_referral'
  | 'key_not_found'
  | 'sign_in_failed'
  | 'account_locked'
  | 'weak_password'
  | 'email_taken'
  | 'forbidden'
  | 'database_unavailable'
  | 'period_too_long'
  | 'earning_out_of_range'
  | 'whole_units_only'
  | 'internal_error';

export interface Failure {
  ok: false;
  code: FailureCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Outcome<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = (code: FailureCode, message: string, details?: Record<string, unknown>): Failure =>
  details ? { ok: false, code, message, details } : { ok: false, code, message };
