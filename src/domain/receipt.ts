/** A receipt as a till sends it, and what the till is answered: on a calculation and on a confirmation. */
import type { CouponVerdict } from './coupons.ts';
import type { Pricing, ReceiptLine } from './pricing.ts';
import type { AppliedCampaign, Skipped } from './rules/engine.ts';

export interface MemberRef {
  id?: string | undefined;
  cardNumber?: string | undefined;
  phone?: string | undefined;
  externalId?: string | undefined;
}

export interface ReceiptInput {
  storeCode: string;
  number: string;
  purchasedAt?: Date | undefined;
  currency?: string | undefined;
  member?: MemberRef | undefined;
  lines: ReceiptLine[];
  total: number;
  pointsToSpend: number;
  /** Coupon and promo codes the customer presents. */
  coupons?: string[] | undefined;
}

export type CouponResult =
  | { code: string; status: 'applied'; campaign: string }
  | { code: string; status: 'rejected'; reason: string; message: string; campaign: string | null };

export interface IssuedCoupon {
  code: string;
  campaign: string;
  validTo: string;
}

export interface Calculation extends Omit<Pricing, 'lines'> {
  memberId: string | null;
  settingsVersion: number;
  rulesVersion: number;
  available: number | null;
  lines: (Pricing['lines'][number] & { sku: string })[];
  coupons: CouponResult[];
  /** Gift products the till should hand over (as reward lines). */
  gifts: { sku: string; name: string | null; quantity: number; campaign: string }[];
}

export interface ConfirmedReceipt extends Calculation {
  id: string;
  storeCode: string;
  number: string;
  status: 'confirmed';
  cardNumber: string | null;
  purchasedAt: string;
  balance: { available: number; pending: number; expiringSoon: number; debt: number } | null;
  tierChange: { from: string | null; to: string } | null;
  /** Coupons campaigns issued to the member for a later visit. */
  couponsIssued: IssuedCoupon[];
  /** Points for joining through a referral, given with the newcomer's first qualifying purchase. */
  referralBonus: number;
}

const couponReason: Partial<Record<Skipped['reason'], string>> = {
  scope: 'not_for_this_store',
  not_scheduled: 'campaign_not_active',
  disabled: 'campaign_not_active',
  audience: 'not_for_this_member',
  budget_spent: 'budget_spent',
  member_limit: 'member_limit',
  stacking: 'not_combinable',
};

/** The till's answer about each presented coupon: applied, or why not, in words a cashier can read out. */
export function couponResults(verdicts: readonly CouponVerdict[], applied: readonly AppliedCampaign[], skipped: readonly Skipped[]): CouponResult[] {
  const used = new Set<string>();
  return verdicts.map((v): CouponResult => {
    if (!v.ok) return { code: v.code, status: 'rejected', reason: v.reason, message: v.message, campaign: null };
    const campaign = v.coupon.campaign;
    if (applied.some((a) => a.campaign === campaign && a.byCoupon)) {
      if (used.has(campaign)) return { code: v.code, status: 'rejected', reason: 'duplicate', message: 'another coupon of this campaign is already used', campaign };
      used.add(campaign);
      return { code: v.code, status: 'applied', campaign };
    }
    const skip = skipped.find((s) => s.campaign === campaign);
    if (!skip) return { code: v.code, status: 'rejected', reason: 'campaign_not_active', message: `campaign ${campaign} is not running`, campaign };
    return { code: v.code, status: 'rejected', reason: couponReason[skip.reason] ?? 'conditions_not_met', message: skip.message, campaign };
  });
}

export const giftsOf = (pricing: Pricing) =>
  pricing.campaigns.flatMap((c) => c.rewards.flatMap((r) => (r.kind === 'gift' ? [{ sku: r.sku, name: r.name, quantity: r.quantity, campaign: c.campaign }] : [])));

/** A receipt as stored. */
export interface ReceiptRecord {
  id: string;
  storeCode: string;
  number: string;
  memberId: string | null;
  cardNumber: string | null;
  status: 'confirmed' | 'cancelled';
  settingsVersion: number;
  tierCode: string | null;
  currency: string;
  total: number;
  pointsSpent: number;
  pointsDiscount: number;
  pointsEarned: number;
  purchasedAt: Date;
  createdAt: Date;
  requestHash: string;
  rulesVersion: number;
  campaignDiscount: number;
  /** The key (or the system's own work) that made the receipt. */
  createdBy: string | null;
}

export interface LineRecord {
  lineNo: number;
  sku: string;
  name: string | null;
  category: string | null;
  brand: string | null;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
  isReward: boolean;
  /** Sold by weight: part of it may be returned. */
  weighed: boolean;
  campaignDiscount: number;
  pointsEarned: number;
  pointsSpent: number;
  pointsDiscount: number;
}
