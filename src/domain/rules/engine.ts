import { allocate, allocateNumbers } from '../arithmetic.ts';
import { localTime, minuteOfDay, parseClock, withinMinutes } from './calendar.ts';
import type { Campaign, ConditionNode, RuleSet } from './campaign.ts';
import { conditionType } from './conditions.ts';
import type { Facts, RuleContext } from './context.ts';
import { effectType, type EffectType, type Reward } from './effects.ts';
import { lineMatcher, type LineMatch } from './match.ts';

/** Why a campaign did not apply to a receipt. */
export const skipReasons = ['disabled', 'not_scheduled', 'audience', 'scope', 'conditions', 'coupon_missing', 'member_limit', 'budget_spent', 'stacking', 'no_effect'] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface Skipped {
  campaign: string;
  name: string;
  reason: SkipReason;
  message: string;
}

export interface CampaignLine {
  lineNo: number;
  discount: number;
  points: number;
}

/** One campaign's part of the plan: what it gives, on which lines. */
export interface AppliedCampaign {
  campaign: string;
  name: string;
  discount: number;
  points: number;
  lines: CampaignLine[];
  rewards: Reward[];
  /** It was unlocked by a coupon on the receipt. */
  byCoupon: boolean;
}

type Check = (f: Facts) => string | null;

interface Compiled {
  campaign: Campaign;
  schedule: Schedule;
  check: Check;
  needsCoupon: boolean;
  discounts: { type: Extract<EffectType<unknown>, { phase: 'discount' }>; args: unknown }[];
  points: { type: Extract<EffectType<unknown>, { phase: 'points' }>; args: unknown }[];
  rewards: Reward[];
}

/** A rule set made ready to run: conditions turned into functions, campaigns in the order they are tried. */
export interface CompiledRuleSet {
  ruleSet: RuleSet;
  campaigns: Compiled[];
  byCode: ReadonlyMap<string, Compiled>;
  /** Some condition asks how many purchases the member made before (a count the till need not read otherwise). */
  countsPurchases: boolean;
}

function compileNode(node: ConditionNode, campaign: string): Check {
  if ('all' in node) {
    const parts = node.all.map((n) => compileNode(n, campaign));
    return (f) => {
      for (const p of parts) {
        const failed = p(f);
        if (failed) return failed;
      }
      return null;
    };
  }
  if ('any' in node) {
    const parts = node.any.map((n) => compileNode(n, campaign));
    return (f) => {
      let first: string | null = null;
      for (const p of parts) {
        const failed = p(f);
        if (!failed) return null;
        first ??= failed;
      }
      return `none of: ${first}${parts.length > 1 ? ', ...' : ''}`;
    };
  }
  if ('not' in node) {
    const inner = compileNode(node.not, campaign);
    return (f) => (inner(f) ? null : 'not');
  }
  if (node.code === 'coupon') return (f) => (f.couponFor.has(campaign) ? null : 'coupon');
  const type = conditionType.get(node.code);
  if (!type) throw new Error(`unknown condition ${node.code} in a published rule set`);
  const args = node.args as never;
  return (f) => (type.check(args, f) ? null : node.code);
}

/** Whether a condition tree has a leaf that passes `test`; under `not` only when `negated` is true too. */
const mentions = (node: ConditionNode, test: (code: string) => boolean, negated = false): boolean =>
  'all' in node
    ? node.all.some((n) => mentions(n, test, negated))
    : 'any' in node
      ? node.any.some((n) => mentions(n, test, negated))
      : 'not' in node
        ? negated && mentions(node.not, test, negated)
        : test(node.code);

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const campaigns = ruleSet.campaigns
    .map((campaign): Compiled => {
      const compiled: Compiled = { campaign, schedule: scheduleOf(campaign), check: compileNode(campaign.conditions, campaign.code), needsCoupon: mentions(campaign.conditions, (code) => code === 'coupon'), discounts: [], points: [], rewards: [] };
      for (const e of campaign.effects) {
        const type = effectType.get(e.code);
        if (!type) throw new Error(`unknown effect ${e.code} in a published rule set`);
        if (type.phase === 'discount') compiled.discounts.push({ type, args: e.args });
        else if (type.phase === 'points') compiled.points.push({ type, args: e.args });
        else compiled.rewards.push(type.reward(e.args as never));
      }
      return compiled;
    })
    .sort((a, b) => b.campaign.priority - a.campaign.priority || (a.campaign.code < b.campaign.code ? -1 : 1));
  const countsPurchases = campaigns.some((c) =>
    mentions(c.campaign.conditions, (code) => code === 'first_purchase' || code === 'nth_purchase', true),
  );
  return { ruleSet, campaigns, byCode: new Map(campaigns.map((c) => [c.campaign.code, c])), countsPurchases };
}

interface Schedule {
  from: number;
  to: number;
  days: readonly number[] | null;
  hours: { from: number; to: number } | null;
}

const scheduleOf = (c: Campaign): Schedule => ({
  from: c.schedule.from ? Date.parse(c.schedule.from) : Number.NEGATIVE_INFINITY,
  to: c.schedule.to ? Date.parse(c.schedule.to) : Number.POSITIVE_INFINITY,
  days: c.schedule.days ?? null,
  hours: c.schedule.hours ? { from: parseClock(c.schedule.hours.from), to: parseClock(c.schedule.hours.to) } : null,
});

function inSchedule(s: Schedule, f: Facts): boolean {
  const t = f.at.getTime();
  if (t < s.from || t >= s.to) return false;
  if (s.days && !s.days.includes(f.local.weekday)) return false;
  return !s.hours || withinMinutes(minuteOfDay(f.local), s.hours.from, s.hours.to);
}

const inAudience = (c: Campaign, f: Facts): boolean => {
  const a = c.audience;
  if (a.kind === 'all') return true;
  if (!f.member) return false;
  if (a.kind === 'tiers') return f.member.tierCode !== null && a.tiers.includes(f.member.tierCode);
  if (a.kind === 'segment') return f.member.segments.includes(a.code);
  return a.members.includes(f.member.id);
};

const inScope = (c: Campaign, f: Facts): boolean =>
  (!c.scope.stores.length || (f.storeCode !== null && c.scope.stores.includes(f.storeCode))) &&
  (!c.scope.channels.length || (f.channel !== null && c.scope.channels.includes(f.channel)));

/** The most a campaign may still give on this receipt, by all its limits; Infinity where none applies. */
function room(c: Campaign, f: RuleContext, kind: 'points' | 'discount'): number {
  const { budget, perMember, perReceipt } = c.limits;
  let left = Number.POSITIVE_INFINITY;
  const receiptCap = perReceipt?.[kind];
  if (receiptCap !== undefined) left = Math.min(left, receiptCap);
  const budgetLeft = budget?.[kind] !== undefined ? f.budgetLeft(c.code)[kind] : null;
  if (budgetLeft !== null) left = Math.min(left, Math.max(0, budgetLeft));
  const memberCap = perMember?.[kind];
  if (memberCap !== undefined && f.member) left = Math.min(left, Math.max(0, memberCap - f.usage(c.code)[kind]));
  return left;
}

/** Scales parts down to a cap, keeping their proportions and an exact sum. */
const capParts = (parts: number[], limit: number): number[] => {
  const sum = parts.reduce((a, b) => a + b, 0);
  if (sum <= limit) return parts;
  return allocate(BigInt(limit), parts.map(BigInt)).map(Number);
};

function skip(skipped: Skipped[], c: Campaign, reason: SkipReason, message: string) {
  skipped.push({ campaign: c.code, name: c.name, reason, message });
}

export interface Selection {
  applied: AppliedCampaign[];
  skipped: Skipped[];
  /** Campaign discounts by line index, kopecks. */
  discounts: number[];
}

const facts = (ctx: RuleContext): Facts => ({
  ...ctx,
  local: localTime(ctx.at, ctx.timezone),
  amount: ctx.lines.reduce((a, l) => a + l.amount, 0),
});

/**
 * Decides which campaigns apply, in priority order, and takes their discounts off the lines. Points come later
 * (`awardPoints`), because they are earned on what is paid after points are spent.
 * `earns` says which lines may earn points at all (reward and excluded lines may not).
 */
export function selectCampaigns(rules: CompiledRuleSet, ctx: RuleContext, earns: readonly boolean[]): Selection {
  const f = facts(ctx);
  const trigger = ctx.event ? 'event' : 'receipt';
  const left = ctx.lines.map((l) => (l.isReward ? 0 : l.amount));
  const discounts = ctx.lines.map(() => 0);
  const applied: AppliedCampaign[] = [];
  const skipped: Skipped[] = [];
  let exclusive: string | null = null;
  const groups = new Map<string, string>();

  for (const compiled of rules.campaigns) {
    const c = compiled.campaign;
    if (c.trigger !== trigger) continue;
    if (!c.enabled) { skip(skipped, c, 'disabled', 'the campaign is switched off'); continue; }
    if (!inSchedule(compiled.schedule, f)) { skip(skipped, c, 'not_scheduled', 'outside the campaign schedule'); continue; }
    if (!inAudience(c, f)) { skip(skipped, c, 'audience', 'the member is not in the audience'); continue; }
    if (!inScope(c, f)) { skip(skipped, c, 'scope', 'not in this store or channel'); continue; }
    const failed = compiled.check(f);
    if (failed === 'coupon') { skip(skipped, c, 'coupon_missing', 'needs a coupon of this campaign'); continue; }
    if (failed) { skip(skipped, c, 'conditions', `condition not met: ${failed}`); continue; }
    const perMember = c.limits.perMember;
    if (perMember && !f.member) { skip(skipped, c, 'audience', 'limited per member: needs an identified member'); continue; }
    if (perMember?.uses !== undefined && f.member && f.usage(c.code).uses >= perMember.uses) {
      skip(skipped, c, 'member_limit', `used ${perMember.uses} times in this ${perMember.period}`);
      continue;
    }
    const pointsRoom = room(c, f, 'points');
    const discountRoom = room(c, f, 'discount');
    if (exclusive) { skip(skipped, c, 'stacking', `not combined with exclusive campaign ${exclusive}`); continue; }
    if (c.stacking.mode === 'exclusive' && applied.length) {
      skip(skipped, c, 'stacking', `exclusive, and ${applied.map((a) => a.campaign).join(', ')} already applied`);
      continue;
    }
    const group = c.stacking.mode === 'group' ? (c.stacking.group as string) : null;
    if (group && groups.has(group)) { skip(skipped, c, 'stacking', `group ${group} already has ${groups.get(group)}`); continue; }

    const parts = compiled.discounts.length ? discountParts(compiled, ctx, left, discountRoom) : null;
    let discount = 0;
    if (parts) for (const p of parts) discount += p;
    const canEarn = compiled.points.length > 0 && f.member !== null && pointsRoom > 0 && (trigger === 'event' || earnsOnMatch(compiled, ctx, earns));
    const rewards = f.member ? compiled.rewards : compiled.rewards.filter((r) => r.kind === 'gift');
    if (discount === 0 && !canEarn && !rewards.length) {
      const spent = (compiled.discounts.length && discountRoom === 0) || (compiled.points.length && pointsRoom === 0);
      if (spent) skip(skipped, c, c.limits.budget && budgetGone(c, f) ? 'budget_spent' : 'member_limit', 'its limit is reached');
      else skip(skipped, c, 'no_effect', f.member || !compiled.points.length ? 'nothing on the receipt for it' : 'points need a member');
      continue;
    }
    const lines: CampaignLine[] = [];
    if (parts && discount)
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i]!;
        if (!p) continue;
        left[i]! -= p;
        discounts[i]! += p;
        lines.push({ lineNo: i + 1, discount: p, points: 0 });
      }
    applied.push({
      campaign: c.code,
      name: c.name,
      discount,
      points: 0,
      lines,
      rewards,
      byCoupon: compiled.needsCoupon && f.couponFor.has(c.code),
    });
    if (c.stacking.mode === 'exclusive') exclusive = c.code;
    if (group) groups.set(group, c.code);
  }
  return { applied, skipped, discounts };
}

/** A campaign's discounts, one effect after another on what the lines still cost, within its room. */
function discountParts(compiled: Compiled, ctx: RuleContext, left: readonly number[], room: number): number[] {
  let parts = ctx.lines.map(() => 0);
  for (const { type, args } of compiled.discounts) {
    const d = type.discount(args as never, { lines: ctx.lines, left: left.map((v, i) => v - parts[i]!), rounding: ctx.rounding });
    parts = parts.map((p, i) => p + Math.min(d[i]!, left[i]! - p));
  }
  return capParts(parts, room);
}

const budgetGone = (c: Campaign, f: RuleContext) => {
  const left = f.budgetLeft(c.code);
  return (left.points !== null && left.points <= 0) || (left.discount !== null && left.discount <= 0);
};

function earnsOnMatch(compiled: Compiled, ctx: RuleContext, earns: readonly boolean[]): boolean {
  return compiled.points.some(({ args }) => {
    const match = (args as { match?: LineMatch }).match;
    const matches = match ? lineMatcher(match) : null;
    return ctx.lines.some((l, i) => earns[i] && (!matches || matches(l)));
  });
}

/**
 * Adds each applied campaign's points, on the money paid per line (zero on lines that don't earn), capped by its
 * limits. `earned` is the programme's own earning per line, which multipliers build on.
 */
export function awardPoints(
  rules: CompiledRuleSet,
  selection: Selection,
  ctx: RuleContext,
  paid: readonly number[],
  earned: readonly number[],
): AppliedCampaign[] {
  return selection.applied.map((a) => {
    const compiled = rules.byCode.get(a.campaign) as Compiled;
    if (!compiled.points.length || !ctx.member) return a;
    let total = 0;
    const parts = new Array<number>(paid.length).fill(0);
    for (const { type, args } of compiled.points) {
      const award = type.points(args as never, { lines: ctx.lines, paid, earned, pointValue: ctx.pointValue, rounding: ctx.rounding });
      if (!award.total) continue;
      total += award.total;
      if (!ctx.lines.length) continue;
      const split = allocateNumbers(award.total, award.weights);
      for (let i = 0; i < parts.length; i++) parts[i]! += split[i]!;
    }
    const limit = room(compiled.campaign, ctx, 'points');
    const capped = total > limit && ctx.lines.length ? capParts(parts, limit) : parts;
    total = Math.min(total, limit);
    // Each line once, in order, with this campaign's discount and points on it.
    const discounts = new Map(a.lines.map((l) => [l.lineNo, l.discount]));
    const lines: CampaignLine[] = [];
    for (let i = 0; i < capped.length; i++) {
      const discount = discounts.get(i + 1) ?? 0;
      if (discount || capped[i]) lines.push({ lineNo: i + 1, discount, points: capped[i]! });
    }
    return { ...a, points: total, lines };
  });
}
