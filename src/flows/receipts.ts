import type { Principal } from '../domain/access.ts';
import { lotTimes } from '../domain/expiry.ts';
import { credit, openDraft, spend, summarise, type LedgerDraft } from '../domain/ledger.ts';
import { priceReceipt, type Pricing, type ReceiptLine } from '../domain/pricing.ts';
import { plusLocalDays } from '../domain/rules/calendar.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { findTier, tierMove } from '../domain/tiers.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { qualifyingValue, setTier, type Member } from '../store/members.ts';
import { memberLedgerView } from '../store/ledger.ts';
import { insertReceipt, storedResponse, type LineRecord, type ReceiptRecord } from '../store/receipts.ts';
import { loadRules, type VersionedRules } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { settle, type MemberLedger } from './lots.ts';
import { memberForReceipt, type MemberRef } from './members.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { idempotent, RaceLost, requestHash } from './transaction.ts';
import { campaignSetup, couponResults, recordCampaigns, type CouponResult, type IssuedCoupon } from './campaigns.ts';
import { qualifyReferral } from './referrals.ts';

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

interface Priced {
  settings: ProgramSettings;
  version: number;
  rules: VersionedRules;
  coupons: CouponResult[];
  member: Member | null;
  cardNumber: string | null;
  /** The partner that owns the store, if one does. */
  storePartner: string | null;
  pricing: Pricing;
  available: number | null;
  ledger: MemberLedger | null;
  /** An earlier answer to the same (store, number), read under the member's lock. */
  seen: { requestHash: string; response: unknown } | null;
  qualifying: number | null;
}

/** Shared by calculate and confirm: store, currency, member (locked), settled lots and pricing. */
async function price(
  tx: Queryable,
  programId: string,
  input: ReceiptInput,
  now: Date,
  confirm: boolean,
  by: Principal,
  draft?: VersionedRules,
): Promise<Outcome<Priced>> {
  const found = await memberForReceipt(tx, programId, input.member, input.storeCode, now, confirm, by);
  if (!found.ok) return found;
  const { member, cardNumber, newCard, context } = found.value;
  const { version, settings } = context;
  if (input.currency && input.currency !== settings.currency)
    return fail('currency_mismatch', `the programme works in ${settings.currency}, the receipt is in ${input.currency}`);
  const rules = draft ?? (await loadRules(tx, programId, context.rulesVersion));
  const hasCampaigns = rules.rules.ruleSet.campaigns.length > 0;
  let ledger: MemberLedger | null = null;
  let seen: Priced['seen'] = null;
  let qualifying: number | null = null;
  let purchases = 0;
  if (member) {
    // Tier progress matters only to a confirmation, which may upgrade the member.
    const view = await memberLedgerView(tx, programId, member.id, input, confirm ? tierWindow(settings, member, now) : null, rules.rules.countsPurchases);
    ledger = await settle(tx, programId, member.id, { balance: balanceOf(member), lots: view.lots }, now, confirm);
    seen = view.seen;
    qualifying = view.qualifying;
    purchases = view.purchases;
  }
  const available = ledger ? ledger.balance.available : newCard ? 0 : null;
  const tier = member || newCard ? findTier(settings, member?.tierCode ?? null) : null;
  const setup = hasCampaigns || input.coupons?.length
    ? await campaignSetup(tx, programId, {
        rules,
        settings,
        member,
        purchases,
        storeCode: input.storeCode,
        channel: context.storeChannel,
        lines: input.lines,
        pointsToSpend: input.pointsToSpend,
        coupons: input.coupons ?? [],
        at: input.purchasedAt ?? now,
      })
    : null;
  const pricing = priceReceipt({
    lines: input.lines,
    settings,
    tier,
    pointsToSpend: input.pointsToSpend,
    availablePoints: available,
    campaigns: setup ? { rules: rules.rules, context: setup.context } : null,
  });
  if (!pricing.ok) return fail(pricing.code, pricing.message, { maxPoints: pricing.maxPoints });
  const { ok: _ok, ...priced } = pricing;
  const coupons = setup ? couponResults(setup.coupons, priced.campaigns, priced.skippedCampaigns) : [];
  return ok({ settings, version, rules, coupons, member, cardNumber, storePartner: context.storePartner, pricing: priced, available, ledger, seen, qualifying });
}

const balanceOf = (m: Member) => ({ available: m.pointsAvailable, pending: m.pointsPending });

/** What a receipt would earn and how much may be spent on it (under a draft rule set, for a simulation). Writes nothing. */
export async function calculateReceipt(deps: Deps, programId: string, input: ReceiptInput, by: Principal, draft?: VersionedRules): Promise<Outcome<Calculation>> {
  const priced = await price(deps.db, programId, input, deps.now(), false, by, draft);
  if (!priced.ok) return priced;
  const { pricing, member, version, rules, coupons, available } = priced.value;
  return ok({
    ...pricing,
    memberId: member?.id ?? null,
    settingsVersion: version,
    rulesVersion: rules.version,
    available,
    lines: pricing.lines.map((l, i) => ({ ...l, sku: (input.lines[i] as ReceiptLine).sku })),
    coupons,
    gifts: giftsOf(pricing),
  });
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

const giftsOf = (pricing: Pricing) =>
  pricing.campaigns.flatMap((c) => c.rewards.flatMap((r) => (r.kind === 'gift' ? [{ sku: r.sku, name: r.name, quantity: r.quantity, campaign: c.campaign }] : [])));

/**
 * Confirms a sale: stores the receipt, spends and earns points, upgrades the tier, in one transaction.
 * A retry with the same (store, number) or Idempotency-Key gets the first answer. The receipt records who made it.
 */
export async function confirmReceipt(deps: Deps, programId: string, input: ReceiptInput, by: Principal, idempotencyKey?: string) {
  const hash = requestHash(input);
  return idempotent<ConfirmedReceipt>(deps.db, programId, idempotencyKey, input, async (tx) => {
    const now = deps.now();
    const purchasedAt = input.purchasedAt ?? now;
    if (purchasedAt.getTime() > now.getTime() + 5 * 60_000)
      return fail('validation_failed', 'purchasedAt is in the future', { field: 'purchasedAt' });
    const earlier = () => storedResponse(tx, programId, input.storeCode, input.number);
    const replay = (seen: { requestHash: string; response: unknown }) =>
      seen.requestHash === hash
        ? ok(seen.response as ConfirmedReceipt)
        : fail('receipt_conflict', `receipt ${input.number} of store ${input.storeCode} was already confirmed with other content`);

    const priced = await price(tx, programId, input, now, true, by);
    if (!priced.ok) {
      // A retry must get the first answer even if the balance has moved since.
      const seen = await earlier();
      return seen ? replay(seen) : priced;
    }
    // Read under the member's lock, so a concurrent copy of this receipt has committed by now.
    const seen = priced.value.member ? priced.value.seen : await earlier();
    if (seen) return replay(seen);

    const { settings, version, rules, coupons, member, cardNumber, pricing, ledger } = priced.value;
    const draft = member && ledger ? openDraft(ledger.balance, ledger.lots) : null;
    const sale = applySale(draft, pricing, settings, purchasedAt, now);
    const id = newId('rcp');
    const referral = rules.rules.ruleSet.referral;
    const referralBonus = member && draft && referral.enabled
      ? await qualifyReferral(tx, programId, { rules: referral, settings, memberId: member.id, receiptId: id, paid: pricing.paid, draft, purchasedAt, now })
      : 0;
    if (referralBonus && draft) sale.balance = summarise(draft, now);
    const campaigns = await recordCampaigns(tx, programId, { sourceId: id, rules, member, applied: pricing.campaigns, coupons, settings, at: now, happenedAt: purchasedAt });
    const upgraded = member
      ? await upgradeTier(tx, programId, settings, campaigns.tier ? { ...member, tierCode: campaigns.tier.to } : member, now, {
          add: sale.qualifyingAdd,
          value: priced.value.qualifying,
        })
      : null;
    const tierChange = upgraded ? { from: member?.tierCode ?? null, to: upgraded.to } : campaigns.tier;
    const { response, record, lines } = saleRecords({ id, input, hash, settings, version, rules: rules.version, memberId: member?.id ?? null, cardNumber, pricing, coupons, issued: campaigns.issued, referralBonus, sale, tierChange, purchasedAt, now, createdBy: by.id });
    // An anonymous copy of this receipt may have won the race for (store, number): then answer as it did.
    const entry = member && draft ? { memberId: member.id, entry: { id: newId('ent'), kind: 'receipt' as const, receiptId: id, partner: priced.value.storePartner, at: now }, draft } : null;
    // Run again from the start: what this attempt took (budgets, coupons) is rolled back, and the rerun replays the winner.
    if (!(await insertReceipt(tx, programId, record, lines, response, entry, [receiptConfirmed(response, now)]))) throw new RaceLost(`receipt ${input.number}`);
    return ok(response);
  });
}

/** The event a confirmed receipt writes with itself. */
export const receiptConfirmed = (r: ConfirmedReceipt, at: Date) =>
  newEvent('receipt.confirmed', at, {
    receiptId: r.id,
    storeCode: r.storeCode,
    number: r.number,
    memberId: r.memberId,
    total: r.total,
    paid: r.paid,
    pointsEarned: r.pointsEarned,
    pointsSpent: r.pointsSpent,
    campaignDiscount: r.campaignDiscount,
    campaigns: r.campaigns.map((c) => c.campaign),
    purchasedAt: r.purchasedAt,
  });

export interface Sale {
  earned: number;
  balance: ConfirmedReceipt['balance'];
  /** What this receipt adds to the member's qualifying value for tiers. */
  qualifyingAdd: number;
}

/** Spends and earns a priced receipt's points on the member's draft (none for an anonymous receipt). */
export function applySale(draft: LedgerDraft | null, pricing: Pricing, settings: ProgramSettings, purchasedAt: Date, now: Date): Sale {
  if (!draft) return { earned: 0, balance: null, qualifyingAdd: 0 };
  if (pricing.pointsSpent > 0) spend(draft, pricing.pointsSpent, 'program:redemption');
  credit(draft, pricing.pointsEarned, lotTimes(settings, purchasedAt, newId('lot')), 'program:issuance', now);
  const qualifyingAdd = settings.tierQualification.metric === 'amount_spent' ? pricing.paid : pricing.pointsEarned;
  return { earned: pricing.pointsEarned, balance: summarise(draft, now), qualifyingAdd };
}

/** The receipt's rows and the answer the till gets (stored with it, so a retry gets the same). */
export function saleRecords(a: {
  id: string;
  rules: number;
  coupons: CouponResult[];
  issued: IssuedCoupon[];
  referralBonus: number;
  input: ReceiptInput;
  hash: string;
  settings: ProgramSettings;
  version: number;
  memberId: string | null;
  cardNumber: string | null;
  pricing: Pricing;
  sale: Sale;
  tierChange: ConfirmedReceipt['tierChange'];
  purchasedAt: Date;
  now: Date;
  createdBy: string;
}): { id: string; response: ConfirmedReceipt; record: ReceiptRecord; lines: LineRecord[] } {
  const { id, input, pricing, sale } = a;
  const response: ConfirmedReceipt = {
    ...pricing,
    pointsEarned: sale.earned,
    id,
    storeCode: input.storeCode,
    number: input.number,
    status: 'confirmed',
    memberId: a.memberId,
    cardNumber: a.cardNumber,
    purchasedAt: a.purchasedAt.toISOString(),
    settingsVersion: a.version,
    rulesVersion: a.rules,
    available: sale.balance?.available ?? null,
    lines: pricing.lines.map((l, i) => ({ ...l, sku: (input.lines[i] as ReceiptLine).sku, pointsEarned: a.memberId ? l.pointsEarned : 0 })),
    coupons: a.coupons,
    gifts: giftsOf(pricing),
    balance: sale.balance,
    tierChange: a.tierChange,
    couponsIssued: a.issued,
    referralBonus: a.referralBonus,
  };
  const record: ReceiptRecord = {
    id,
    storeCode: input.storeCode,
    number: input.number,
    memberId: a.memberId,
    cardNumber: a.cardNumber,
    status: 'confirmed',
    settingsVersion: a.version,
    tierCode: pricing.tier,
    currency: a.settings.currency,
    total: pricing.total,
    pointsSpent: pricing.pointsSpent,
    pointsDiscount: pricing.pointsDiscount,
    pointsEarned: sale.earned,
    purchasedAt: a.purchasedAt,
    createdAt: a.now,
    requestHash: a.hash,
    rulesVersion: a.rules,
    campaignDiscount: pricing.campaignDiscount,
    createdBy: a.createdBy,
  };
  const lines: LineRecord[] = input.lines.map((l, i) => {
    const p = pricing.lines[i] as Pricing['lines'][number];
    return {
      lineNo: i + 1,
      sku: l.sku,
      name: l.name ?? null,
      category: l.category ?? null,
      brand: l.brand ?? null,
      quantity: l.quantity,
      price: l.price,
      discount: l.discount,
      amount: l.amount,
      isReward: l.isReward,
      weighed: l.weighed ?? !Number.isInteger(l.quantity),
      campaignDiscount: p.campaignDiscount,
      pointsEarned: a.memberId ? p.pointsEarned : 0,
      pointsSpent: p.pointsSpent,
      pointsDiscount: p.pointsDiscount,
    };
  });
  return { id, response, record, lines };
}

/**
 * The qualifying window to look at, or null when there is nothing to decide: no tiers, or a member already at
 * the top (only a review moves people down).
 */
export function tierWindow(settings: ProgramSettings, member: Member | null, now: Date) {
  const top = settings.tiers[settings.tiers.length - 1];
  if (!top || member?.tierCode === top.code) return null;
  const { metric, windowDays } = settings.tierQualification;
  return { metric, since: plusLocalDays(now, -windowDays, settings.timezone) };
}

/** Upgrades as soon as the member qualifies; downgrades wait for the review job. */
export async function upgradeTier(
  tx: Queryable,
  programId: string,
  settings: ProgramSettings,
  member: Member,
  now: Date,
  options: { review?: boolean; add?: number; value?: number | null } = {},
): Promise<{ from: string | null; to: string } | null> {
  const window = options.review ? tierWindow(settings, null, now) : tierWindow(settings, member, now);
  if (!window) return null;
  const known = options.value ?? (await qualifyingValue(tx, programId, member.id, window.metric, window.since));
  const value = known + (options.add ?? 0);
  const move = tierMove(settings.tiers, member.tierCode, value, options.review ?? false);
  if (!move) return null;
  await setTier(tx, programId, { id: newId('tch'), memberId: member.id, from: member.tierCode, to: move.to.code, reason: move.direction, value, at: now });
  return { from: member.tierCode, to: move.to.code };
}
