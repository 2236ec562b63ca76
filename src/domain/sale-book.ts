/**
 * What a sale plan reads — the programme's state and each member's, locked before it was read — and everything a
 * list of plans writes, in one statement.
 */
import type { Coupon } from './coupons.ts';
import type { DomainEvent } from './events.ts';
import type { Balance, Lot, Posting } from './ledger.ts';
import type { PricingFailure } from './pricing.ts';
import type { ConfirmedReceipt, LineRecord, ReceiptInput, ReceiptRecord } from './receipt.ts';
import { ageOn, localTime, periodOf } from './rules/calendar.ts';
import type { Channel, Usage } from './rules/context.ts';
import type { CompiledRuleSet } from './rules/engine.ts';
import type { ProgramSettings } from './settings.ts';

/** What the planner needs of a member: what rules look at and the cached balance. */
export interface SaleMember {
  id: string;
  tierCode: string | null;
  birthDate: string | null;
  createdAt: Date;
  gender: string | null;
  city: string | null;
  source: string | null;
  channel: string | null;
  attributes: Record<string, unknown>;
  pointsAvailable: number;
  pointsPending: number;
  /** Confirmed receipts before this plan's. */
  activity: { purchases: number };
  /** The segments they are in, as last refreshed. */
  segments: readonly string[];
}

/** A member as the plan moves through their receipts. */
export interface MemberState {
  member: SaleMember;
  balance: Balance;
  /** The open lots a plan may touch: pending ones, those expiring soon, and enough of the rest to pay for its receipts. */
  lots: Lot[];
  /** Active points in the member's other lots. */
  activeElsewhere: number;
  tierCode: string | null;
  /** The qualifying value in the tier window; null when there is no window to decide in. */
  qualifying: number | null;
  /** Use of limited campaigns as read, by `usageKey`. */
  usage: Map<string, Usage>;
  /** What campaigns gave on receipts of this plan (they count towards limits too). */
  grants: { campaign: string; points: number; discount: number; at: Date }[];
  /** Joined through a referral that their first qualifying purchase completes. */
  referralPending: boolean;
  caughtUp: boolean;
  changed: boolean;
  /** Lots this plan created, with the entry that created each, and lots it changed. */
  newLots: Map<string, string>;
  changedLots: Set<string>;
  /** What this plan's receipts add to the member's aggregates, and to their qualifying values per month. */
  tally: Tally;
  months: Map<string, { amountSpent: number; pointsEarned: number }>;
}

export interface Tally {
  purchases: number;
  paid: number;
  earned: number;
  spent: number;
  first: Date | null;
  last: Date | null;
}

export interface Seen {
  requestHash: string;
  response: unknown;
}

/** The state a plan reads and moves: the programme's, and each member's, locked before it was read. */
export interface SaleBook {
  settings: ProgramSettings;
  settingsVersion: number;
  rules: CompiledRuleSet;
  rulesVersion: number;
  /** Earlier answers by `receiptKey`. */
  seen: Map<string, Seen>;
  /** What is left of campaign budgets. */
  budgets: Map<string, { points: number; discount: number }>;
  /** The presented coupons that exist, with uses by member id. */
  coupons: Map<string, { coupon: Coupon; memberUses: Map<string, number> }>;
  members: Map<string, MemberState>;
}

export interface SaleItem {
  input: ReceiptInput;
  hash: string;
  /** The member the receipt names, as resolved (null: anonymous; undefined: named but not found). */
  memberId: string | null | undefined;
  /** A new card's first receipt, priced as the newcomer's (a calculation only; a confirmation enrols first). */
  newcomer?: boolean;
  store: { partner: string | null; channel: Channel | null };
  createdBy: string;
}

export interface Ids {
  next(prefix: 'rcp' | 'ent' | 'lot' | 'tch' | 'evt'): string;
  couponCode(): string;
}

export type SaleFailure = {
  ok: false;
  code: 'receipt_conflict' | 'validation_failed' | 'member_not_found' | 'currency_mismatch' | PricingFailure['code'];
  message: string;
  details?: Record<string, unknown>;
};
export type SaleOutcome<T> = { ok: true; value: T } | SaleFailure;

/** Everything a list of plans writes, in one statement. */
export interface SaleWrite {
  receipts: (ReceiptRecord & { status: 'confirmed'; response: ConfirmedReceipt })[];
  lines: (LineRecord & { receiptId: string })[];
  entries: { id: string; memberId: string; kind: 'receipt' | 'activation' | 'expiry'; receiptId?: string; partner?: string | null; at: Date; postings: Posting[] }[];
  newLots: (Lot & { memberId: string; entryId: string })[];
  changedLots: { memberId: string; id: string; remaining: number; state: string }[];
  members: { id: string; available: number; pending: number; tierCode: string | null; at: Date; tally: Tally }[];
  /** Qualifying values added per member and month of purchase (the month's first day, UTC). */
  months: { memberId: string; month: string; amountSpent: number; pointsEarned: number }[];
  tierChanges: { id: string; memberId: string; from: string | null; to: string; reason: string; value: number; at: Date }[];
  grants: { campaign: string; sourceId: string; memberId: string | null; points: number; discount: number; lines: unknown; rewards: unknown; at: Date }[];
  /** Budget taken per campaign, with the member whose counter row to try first. */
  budgets: Map<string, { points: number; discount: number; hint: string }>;
  /** Uses of coupons with a use limit, counted on their rows. */
  limitedUses: Map<string, number>;
  redemptions: { code: string; receiptId: string; memberId: string | null; at: Date }[];
  issued: { code: string; campaign: string; memberId: string; validFrom: Date; validTo: Date; receiptId: string }[];
  /** Referrals a newcomer's first qualifying purchase completes. */
  referrals: { refereeId: string; receiptId: string }[];
  events: DomainEvent[];
}

export const emptySaleWrite = (): SaleWrite => ({
  receipts: [],
  lines: [],
  entries: [],
  newLots: [],
  changedLots: [],
  members: [],
  tierChanges: [],
  months: [],
  grants: [],
  budgets: new Map(),
  limitedUses: new Map(),
  redemptions: [],
  issued: [],
  referrals: [],
  events: [],
});

export const receiptKey = (storeCode: string, number: string) => `${storeCode}\u0000${number}`;
export const usageKey = (campaign: string, since: Date | null, until: Date | null) => `${campaign}|${since?.getTime() ?? ''}|${until?.getTime() ?? ''}`;

/** The limit periods of the rules' per-member limits that a sale at `at` counts in. */
export function limitPeriods(rules: CompiledRuleSet, at: Date, timezone: string) {
  return rules.ruleSet.campaigns.flatMap((c) => {
    if (!c.limits.perMember) return [];
    const period = periodOf(c.limits.perMember.period, at, timezone);
    return [{ campaign: c.code, since: period?.since ?? null, until: period?.until ?? null }];
  });
}

/**
 * Points in the active lots a sale did not read, from the member's balance: a member in debt has no active points
 * left (debt is repaid before anything becomes available), so the balance is the active lots' sum less any debt.
 */
export const activeElsewhere = (available: number, read: readonly Lot[]): number =>
  Math.max(0, available - read.reduce((sum, l) => (l.state === 'active' ? sum + l.remaining : sum), 0));

export const newMemberState = (
  member: SaleMember,
  read: { lots: Lot[]; qualifying: number | null; usage: Map<string, Usage>; referralPending: boolean },
): MemberState => ({
  member,
  balance: { available: member.pointsAvailable, pending: member.pointsPending },
  lots: read.lots,
  activeElsewhere: activeElsewhere(member.pointsAvailable, read.lots),
  tierCode: member.tierCode,
  qualifying: read.qualifying,
  usage: read.usage,
  grants: [],
  referralPending: read.referralPending,
  caughtUp: false,
  changed: false,
  newLots: new Map(),
  changedLots: new Set(),
  tally: { purchases: 0, paid: 0, earned: 0, spent: 0, first: null, last: null },
  months: new Map(),
});

/** What rules see of a member: the profile fields and the programme's own attributes, plus age. */
export function memberAttributes(member: SaleMember, at: Date, timezone: string): Record<string, unknown> {
  const age = member.birthDate ? ageOn(member.birthDate, localTime(at, timezone)) : null;
  return { ...member.attributes, gender: member.gender, city: member.city, source: member.source, channel: member.channel, age };
}
