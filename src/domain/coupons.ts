/** Coupon codes and whether a coupon may be used on a receipt. Pure: randomness and time come in. */

/** Letters and digits that can't be mistaken for one another (no 0/O, 1/I/L). */
const COUPON_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A pattern has at least this many X: with 31 letters a guess almost never hits a real code. */
const MIN_RANDOM_CHARS = 6;

export const patternIsValid = (pattern: string) =>
  /^[A-Z0-9X-]{1,64}$/.test(pattern) && [...pattern].filter((ch) => ch === 'X').length >= MIN_RANDOM_CHARS;

/** Fills each X of the pattern (e.g. KOP-XXXX-XXXX) with a random unambiguous character. */
export function fillPattern(pattern: string, random: (below: number) => number): string {
  return pattern.replace(/X/g, () => COUPON_ALPHABET[random(COUPON_ALPHABET.length)] as string);
}

/** Codes are matched without regard to case, spaces or the look-alikes a customer types in. */
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');

export interface Coupon {
  code: string;
  campaign: string;
  memberId: string | null;
  maxUses: number | null;
  perMember: number | null;
  uses: number;
  validFrom: Date | null;
  validTo: Date | null;
}

export type CouponRefusal = 'unknown' | 'not_yet_valid' | 'expired' | 'used_up' | 'other_member' | 'member_required' | 'member_limit';

export type CouponVerdict = { ok: true; code: string; coupon: Coupon } | { ok: false; code: string; reason: CouponRefusal; message: string };

/** Whether a presented coupon may be used at `at` by this member, before the campaign's own conditions. */
export function couponVerdict(
  code: string,
  coupon: Coupon | null,
  a: { at: Date; memberId: string | null; memberUses: number },
): CouponVerdict {
  const no = (reason: CouponRefusal, message: string): CouponVerdict => ({ ok: false, code, reason, message });
  if (!coupon) return no('unknown', 'no such coupon');
  if (coupon.validFrom && a.at < coupon.validFrom) return no('not_yet_valid', `valid from ${coupon.validFrom.toISOString()}`);
  if (coupon.validTo && a.at >= coupon.validTo) return no('expired', `expired at ${coupon.validTo.toISOString()}`);
  if (coupon.maxUses !== null && coupon.uses >= coupon.maxUses) return no('used_up', 'already used');
  if (coupon.memberId !== null && coupon.memberId !== a.memberId)
    return no(a.memberId ? 'other_member' : 'member_required', a.memberId ? 'issued to another member' : 'issued to a member: identify the member');
  if (coupon.perMember !== null && !a.memberId) return no('member_required', 'limited per member: identify the member');
  if (coupon.perMember !== null && a.memberUses >= coupon.perMember) return no('member_limit', `this member already used it ${a.memberUses} times`);
  return { ok: true, code, coupon };
}
