import type { DateTime } from 'luxon';
import type { RoundingMode } from '../arithmetic.ts';

export type Channel = 'till' | 'online' | 'app' | 'partner';

export interface RuleLine {
  sku: string;
  category?: string | undefined;
  brand?: string | undefined;
  quantity: number;
  /** Kopecks, after the shop's own discount. */
  amount: number;
  isReward: boolean;
}

export interface MemberFacts {
  id: string;
  tierCode: string | null;
  birthDate: string | null;
  joinedAt: Date;
  /** Profile fields (gender, city, source, channel, age) and the programme's own attributes. */
  attributes: Readonly<Record<string, unknown>>;
  /** Confirmed receipts before this one. */
  purchases: number;
  /** The segments they were in when last refreshed. */
  segments: readonly string[];
}

export interface Usage {
  points: number;
  discount: number;
  uses: number;
}

/** Everything a rule may look at. Built by a flow (or a backtest) and passed in: the engine reads no clock. */
export interface RuleContext {
  at: Date;
  timezone: string;
  rounding: RoundingMode;
  /** Kopecks one point pays. */
  pointValue: number;
  storeCode: string | null;
  channel: Channel | null;
  /** The receipt's lines; empty for an event. */
  lines: readonly RuleLine[];
  /** Points the customer asks to spend on the receipt. */
  pointsToSpend: number;
  event: { type: string; attributes: Readonly<Record<string, unknown>> } | null;
  member: MemberFacts | null;
  /** Campaign codes for which a valid coupon is on the receipt. */
  couponFor: ReadonlySet<string>;
  /** What this member already got from a campaign in its limit period. */
  usage(campaign: string): Usage;
  /** What is left of a campaign's budget; null where it has none. */
  budgetLeft(campaign: string): { points: number | null; discount: number | null };
}

/** The context plus what is derived once per evaluation. */
export interface Facts extends RuleContext {
  local: DateTime;
  amount: number;
}

export const noUsage: Usage = { points: 0, discount: 0, uses: 0 };
