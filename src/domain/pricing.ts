import { allocate, roundFraction } from './arithmetic.ts';
import type { RuleContext } from './rules/context.ts';
import { awardPoints, selectCampaigns, type AppliedCampaign, type CompiledRuleSet, type Skipped } from './rules/engine.ts';
import type { ProgramSettings, Tier } from './settings.ts';

export interface ReceiptLine {
  sku: string;
  name?: string | undefined;
  category?: string | undefined;
  /** Units or kilograms, up to three decimals. */
  quantity: number;
  /** Kopecks per unit. */
  price: number;
  /** The shop's own discount on the line, kopecks. */
  discount: number;
  brand?: string | undefined;
  /** What the line costs before points: round(price x quantity) - discount, kopecks. */
  amount: number;
  /** A gift or reward line: never earns and cannot be paid with points. */
  isReward: boolean;
  /** Sold by weight, so a part of it may be returned; unset, a line is weighed when its quantity has decimals. */
  weighed?: boolean | undefined;
}

export interface PricedLine {
  lineNo: number;
  earns: boolean;
  redeemable: boolean;
  maxPoints: number;
  /** Kopecks taken off by campaigns. */
  campaignDiscount: number;
  pointsSpent: number;
  /** Kopecks paid with points. */
  pointsDiscount: number;
  /** Kopecks paid with money. */
  paid: number;
  pointsEarned: number;
}

export interface AppliedRule {
  code: 'base_earn' | 'tier_bonus' | 'earn_excluded' | 'redeem_excluded' | 'reward_line' | 'redemption' | 'campaign';
  description: string;
  lines?: number[];
}

export interface Pricing {
  lines: PricedLine[];
  total: number;
  /** The most points the receipt itself allows to spend, before the member's balance. */
  maxPointsByReceipt: number;
  /** What this member may spend on this receipt now (min of receipt limit and available balance). */
  maxPoints: number;
  /** Kopecks taken off by campaigns. */
  campaignDiscount: number;
  pointsSpent: number;
  pointsDiscount: number;
  paid: number;
  pointsEarned: number;
  tier: string | null;
  rules: AppliedRule[];
  campaigns: AppliedCampaign[];
  skippedCampaigns: Skipped[];
}

export type PricingFailure = {
  ok: false;
  code: 'insufficient_points' | 'redemption_limit_exceeded' | 'below_minimum_redemption' | 'member_required' | 'earning_out_of_range';
  message: string;
  maxPoints: number;
};

export interface PricingInput {
  lines: readonly ReceiptLine[];
  settings: ProgramSettings;
  tier: Tier | null;
  /** Points the customer asks to spend. */
  pointsToSpend: number;
  /** The member's available balance; null for an anonymous receipt. */
  availablePoints: number | null;
  /** The campaigns in force and what they may look at; none when the programme has no campaigns. */
  campaigns?: { rules: CompiledRuleSet; context: RuleContext } | null | undefined;
}

const listed = (line: ReceiptLine, list: { categories: string[]; skus: string[] }) =>
  list.skus.includes(line.sku) || (line.category !== undefined && list.categories.includes(line.category));

const hundredths = (n: number) => BigInt(Math.round(n * 100));

/** The most points one receipt may earn: as much as any points field of the API holds, well inside exact integers. */
export const MAX_POINTS_PER_RECEIPT = 1_000_000_000_000;

/** Prices a receipt: what may be spent on it, how the spent points split over lines, and what it earns. Pure. */
export function priceReceipt(input: PricingInput): ({ ok: true } & Pricing) | PricingFailure {
  const { settings, tier, lines } = input;
  const rules: AppliedRule[] = [];
  const earns = lines.map((l) => !l.isReward && !listed(l, settings.earnExcluded));
  const redeemable = lines.map((l) => !l.isReward && !listed(l, settings.redeemExcluded));
  const linesWhere = (test: (i: number) => boolean) => {
    const found: number[] = [];
    for (let i = 0; i < lines.length; i++) if (test(i)) found.push(i + 1);
    return found;
  };
  const rewardLines = linesWhere((i) => lines[i]!.isReward);
  if (rewardLines.length) rules.push({ code: 'reward_line', description: 'reward lines never earn', lines: rewardLines });
  const notEarning = linesWhere((i) => !earns[i] && !lines[i]!.isReward);
  if (notEarning.length) rules.push({ code: 'earn_excluded', description: 'excluded from earning', lines: notEarning });
  const notRedeemable = linesWhere((i) => !redeemable[i] && !lines[i]!.isReward);
  if (notRedeemable.length)
    rules.push({ code: 'redeem_excluded', description: 'cannot be paid with points', lines: notRedeemable });

  // Campaign discounts come first; points pay part of what is left.
  const selection = input.campaigns ? selectCampaigns(input.campaigns.rules, input.campaigns.context, earns) : null;
  const campaignDiscount = selection ? selection.discounts : lines.map(() => 0);
  const net = lines.map((l, i) => l.amount - (campaignDiscount[i] as number));

  // Redemption: each line may be paid with points up to the programme's share of it.
  const pointValue = BigInt(settings.pointValue);
  const caps = net.map((amount, i) =>
    redeemable[i] ? (BigInt(amount) * hundredths(settings.maxRedemptionPercent)) / (10000n * pointValue) : 0n,
  );
  const maxPointsByReceipt = Number(caps.reduce((a, b) => a + b, 0n));
  const maxPoints = input.availablePoints === null ? 0 : Math.max(0, Math.min(maxPointsByReceipt, input.availablePoints));
  const want = input.pointsToSpend;
  if (want > 0) {
    const fail = (code: PricingFailure['code'], message: string): PricingFailure => ({ ok: false, code, message, maxPoints });
    if (input.availablePoints === null) return fail('member_required', 'an anonymous receipt cannot be paid with points');
    if (want < settings.minRedemption)
      return fail('below_minimum_redemption', `at least ${settings.minRedemption} points must be spent at once`);
    if (want > maxPointsByReceipt)
      return fail('redemption_limit_exceeded', `this receipt allows at most ${maxPointsByReceipt} points`);
    if (want > input.availablePoints)
      return fail('insufficient_points', `the member has ${Math.max(0, input.availablePoints)} points available`);
    rules.push({
      code: 'redemption',
      description: `${want} points pay ${(want * settings.pointValue) / 100} ${settings.currency} (1 point = ${settings.pointValue / 100})`,
    });
  }
  const spent = allocate(BigInt(want), caps);
  const pointsDiscount = spent.map((p) => Number(p * pointValue));
  const paid = net.map((amount, i) => amount - (pointsDiscount[i] as number));

  // Earning, on the money paid: exact fractions over one denominator, rounded once for the receipt.
  const multiplier = hundredths(tier?.earnMultiplier ?? 1);
  const extra = hundredths(tier?.extraPercent ?? 0);
  const earn = settings.earn;
  const per = earn.kind === 'per_amount' ? BigInt(earn.per) : 1n;
  const denominator = per * 100n * 10000n * pointValue;
  const baseRate = earn.kind === 'percent' ? hundredths(earn.percent) * multiplier : BigInt(earn.points) * multiplier * 10000n * pointValue;
  const rate = baseRate + extra * per * 100n;
  const exact = paid.map((p, i) => (earns[i] ? BigInt(p) * rate : 0n));
  const totalEarned = roundFraction(exact.reduce((a, b) => a + b, 0n), denominator, settings.rounding);
  const earned = allocate(totalEarned, exact).map(Number);
  const campaigns = selection && input.campaigns
    ? awardPoints(input.campaigns.rules, selection, input.campaigns.context, paid.map((p, i) => (earns[i] ? p : 0)), earned)
    : [];
  const bonus = lines.map(() => 0);
  for (const c of campaigns) for (const l of c.lines) bonus[l.lineNo - 1]! += l.points;
  for (const c of campaigns)
    rules.push({ code: 'campaign', description: `${c.name}: ${[c.discount && `-${c.discount / 100} ${settings.currency}`, c.points && `+${c.points} points`].filter(Boolean).join(', ') || 'applied'}`, lines: c.lines.map((l) => l.lineNo) });
  rules.unshift({
    code: 'base_earn',
    description:
      earn.kind === 'percent'
        ? `${earn.percent}% of the paid amount`
        : `${earn.points} points per ${earn.per / 100} ${settings.currency} paid`,
  });
  if (tier && (tier.earnMultiplier !== 1 || tier.extraPercent !== 0))
    rules.splice(1, 0, {
      code: 'tier_bonus',
      description: `tier ${tier.name}: x${tier.earnMultiplier}${tier.extraPercent ? ` +${tier.extraPercent}%` : ''}`,
    });

  const priced: PricedLine[] = lines.map((_, i) => ({
    lineNo: i + 1,
    earns: earns[i] as boolean,
    redeemable: redeemable[i] as boolean,
    maxPoints: Number(caps[i]),
    campaignDiscount: campaignDiscount[i] as number,
    pointsSpent: Number(spent[i]),
    pointsDiscount: pointsDiscount[i] as number,
    paid: paid[i] as number,
    pointsEarned: (earned[i] as number) + (bonus[i] as number),
  }));
  const sum = (f: (l: PricedLine) => number) => priced.reduce((a, l) => a + f(l), 0);
  // Settings at the edge of their ranges (a million points a kopeck, x10) can make points no integer column holds exactly.
  const bonusTotal = bonus.reduce((a, b) => a + b, 0);
  if (totalEarned + BigInt(bonusTotal) > BigInt(MAX_POINTS_PER_RECEIPT))
    return { ok: false, code: 'earning_out_of_range', message: `the receipt would earn more than ${MAX_POINTS_PER_RECEIPT} points; the earning settings are out of proportion to it`, maxPoints };
  return {
    ok: true,
    lines: priced,
    total: lines.reduce((a, l) => a + l.amount, 0),
    maxPointsByReceipt,
    maxPoints,
    campaignDiscount: sum((l) => l.campaignDiscount),
    pointsSpent: want,
    pointsDiscount: sum((l) => l.pointsDiscount),
    paid: sum((l) => l.paid),
    pointsEarned: sum((l) => l.pointsEarned),
    tier: tier?.code ?? null,
    rules,
    campaigns,
    skippedCampaigns: selection?.skipped ?? [],
  };
}
