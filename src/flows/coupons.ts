import { randomInt } from 'node:crypto';
import { fillPattern, normaliseCode, patternIsValid } from '../domain/coupons.ts';
import { insertCoupons, type NewCoupon } from '../store/coupons.ts';
import { newId } from '../store/ids.ts';
import { findMember } from '../store/members.ts';
import { latestRules, recordAudit } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { erasedRefusal } from './personal-data.ts';
import { idempotent } from './transaction.ts';

const DEFAULT_PATTERN = 'KOP-XXXX-XXXX';
export const MAX_BATCH = 100_000;
/** A batch this small answers with its codes; a bigger one is read through the list or the CSV export. */
export const CODES_IN_ANSWER = 1000;
const CHUNK = 5000;
/** Rounds of redrawing codes that already exist before we call the pattern exhausted. */
const MAX_REDRAWS = 20;

export interface CouponBatchInput {
  campaign: string;
  count: number;
  /** X is replaced by a random unambiguous character; default KOP-XXXX-XXXX. */
  pattern?: string | undefined;
  /** One fixed promo code (SUMMER2026) instead of a pattern; then count is 1. */
  code?: string | undefined;
  /** Uses over all customers; null for unlimited; default 1. */
  maxUses?: number | null | undefined;
  perMember?: number | null | undefined;
  validFrom?: Date | null | undefined;
  validTo?: Date | null | undefined;
  /** Binds every coupon of the batch to this member. */
  memberId?: string | null | undefined;
}

export interface CouponBatch {
  batch: string;
  campaign: string;
  count: number;
  /** The codes, when the batch has at most CODES_IN_ANSWER of them. */
  codes?: string[];
}

const invalid = (field: string, message: string) => fail('validation_failed', `${field}: ${message}`, { field, errors: [{ path: field, message }] });

/** Checks what the database is not needed for; the issue names the field. */
function checkInput(input: CouponBatchInput) {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH) return invalid('count', `must be a whole number from 1 to ${MAX_BATCH}`);
  if (input.code !== undefined) {
    if (input.pattern !== undefined) return invalid('code', 'give either a fixed code or a pattern, not both');
    if (!/^[A-Z0-9_-]{3,64}$/.test(normaliseCode(input.code))) return invalid('code', 'letters, digits, "_" or "-" (3-64)');
    if (input.count !== 1) return invalid('count', 'a fixed code is one coupon: count must be 1 (use maxUses for many uses)');
  }
  if (input.pattern !== undefined && !patternIsValid(input.pattern))
    return invalid('pattern', 'capital letters, digits and "-" (1-64), with at least 6 X for the random part, e.g. KOP-XXXX-XXXX');
  for (const field of ['maxUses', 'perMember'] as const) {
    const v = input[field];
    if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 1)) return invalid(field, 'a whole number of at least 1, or null for no limit');
  }
  const { validFrom, validTo } = input;
  if (validFrom && validTo && validTo.getTime() <= validFrom.getTime()) return invalid('validTo', 'must be after validFrom');
  return null;
}

/**
 * Generates a batch of coupons for a campaign of the published rule set, in one transaction: random codes from the
 * pattern (codes that already exist are drawn again), or one fixed promo code. Recorded in the audit trail.
 */
export async function generateCoupons(deps: Deps, programId: string, input: CouponBatchInput, actor: string, idempotencyKey?: string): Promise<Outcome<CouponBatch>> {
  const refused = checkInput(input);
  if (refused) return refused;
  // A retry with the same Idempotency-Key gets the first batch, not a second one.
  return idempotent(deps.db, programId, idempotencyKey, { ...input, validFrom: input.validFrom?.toISOString() ?? null, validTo: input.validTo?.toISOString() ?? null }, async (tx) => {
    const now = deps.now();
    const { rules } = await latestRules(tx, programId);
    if (!rules.ruleSet.campaigns.some((c) => c.code === input.campaign)) return fail('campaign_not_found', `no campaign ${input.campaign} in the published rules`);
    const memberId = input.memberId ?? null;
    const member = memberId ? await findMember(tx, programId, { id: memberId }) : null;
    if (memberId && !member) return fail('member_not_found', `no member ${memberId}`);
    if (member?.erasedAt) return erasedRefusal(member);

    const batch = newId('cpb');
    const fixed = input.code === undefined ? null : normaliseCode(input.code);
    const pattern = input.pattern ?? DEFAULT_PATTERN;
    const terms = {
      campaign: input.campaign,
      maxUses: input.maxUses === undefined ? 1 : input.maxUses,
      perMember: input.perMember ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      memberId,
    };
    const coupon = (code: string): NewCoupon => ({ ...terms, code, batch, issuedByReceipt: null });

    let codes: string[];
    if (fixed !== null) {
      const clash = await insertCoupons(tx, programId, [coupon(fixed)], now);
      if (clash.size) return fail('conflict', `coupon ${fixed} already exists`, { field: 'code' });
      codes = [fixed];
    } else {
      codes = await insertRandomCodes(pattern, input.count, (chunk) => insertCoupons(tx, programId, chunk.map(coupon), now));
    }
    await recordAudit(tx, programId, {
      id: newId('aud'),
      actor,
      action: 'create',
      entity: 'coupon_batch',
      entityId: batch,
      before: null,
      after: { ...terms, ...(fixed === null ? { pattern } : { code: fixed }), count: codes.length },
      at: now,
    });
    return ok({ batch, campaign: input.campaign, count: codes.length, ...(codes.length <= CODES_IN_ANSWER ? { codes: codes.sort() } : {}) });
  });
}

/** Draws `count` distinct codes and inserts them chunk by chunk; a code someone already has is replaced by a new draw. */
async function insertRandomCodes(pattern: string, count: number, insert: (codes: string[]) => Promise<Set<string>>): Promise<string[]> {
  const drawn = new Set<string>();
  const draw = (n: number) => {
    const fresh: string[] = [];
    while (fresh.length < n) {
      const code = fillPattern(pattern, randomInt);
      if (drawn.has(code)) continue;
      drawn.add(code);
      fresh.push(code);
    }
    return fresh;
  };
  const kept: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    let chunk = draw(Math.min(CHUNK, count - start));
    for (let round = 0; chunk.length; round++) {
      if (round === MAX_REDRAWS) throw new Error(`pattern ${pattern} has too few free codes left`);
      const clash = await insert(chunk);
      kept.push(...chunk.filter((c) => !clash.has(c)));
      chunk = draw(clash.size);
    }
  }
  return kept;
}
