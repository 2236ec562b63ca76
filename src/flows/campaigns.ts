import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import { couponVerdict, fillPattern, normaliseCode, type CouponVerdict } from '../domain/coupons.ts';
import { periodOf } from '../domain/rules/calendar.ts';
import { noUsage, type Channel, type RuleContext, type RuleLine } from '../domain/rules/context.ts';
import type { AppliedCampaign } from '../domain/rules/engine.ts';
import type { CouponResult, IssuedCoupon } from '../domain/receipt.ts';
import { memberAttributes } from '../domain/sale-book.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { couponsFor, insertCoupons, redeemCoupon } from '../store/coupons.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { setTier, type Member } from '../store/members.ts';
import { budgetSlotOf, budgetsLeft, insertGrants, memberUsage, takeBudget, type VersionedRules } from '../store/rules.ts';
import { RaceLost } from './transaction.ts';

export interface CampaignSetup {
  context: RuleContext;
  /** Each coupon the receipt presented, with the verdict on the coupon itself. */
  coupons: CouponVerdict[];
}

/**
 * Reads what the published campaigns need to decide on a receipt or an action: the member's use of limited
 * campaigns, what is left of budgets, and the presented coupons.
 */
export async function campaignSetup(
  tx: Queryable,
  programId: string,
  a: {
    rules: VersionedRules;
    settings: ProgramSettings;
    member: Member | null;
    purchases: number;
    storeCode: string | null;
    channel: Channel | null;
    lines: readonly RuleLine[];
    pointsToSpend: number;
    coupons: readonly string[];
    event?: RuleContext['event'];
    at: Date;
  },
): Promise<CampaignSetup> {
  const campaigns = a.rules.rules.ruleSet.campaigns;
  const { timezone } = a.settings;
  const limited = a.member
    ? campaigns.filter((c) => c.limits.perMember).map((c) => {
        const period = periodOf(c.limits.perMember!.period, a.at, timezone);
        return { campaign: c.code, since: period?.since ?? null, until: period?.until ?? null };
      })
    : [];
  const budgeted = campaigns.filter((c) => c.limits.budget).map((c) => c.code);
  const codes = [...new Set(a.coupons.map(normaliseCode))];
  const [usage, budgets, found] = [
    await memberUsage(tx, programId, a.member?.id ?? '', limited),
    await budgetsLeft(tx, programId, budgeted),
    codes.length ? await couponsFor(tx, programId, codes, a.member?.id ?? null) : new Map(),
  ];
  const verdicts = codes.map((code) => {
    const f = found.get(code);
    return couponVerdict(code, f?.coupon ?? null, { at: a.at, memberId: a.member?.id ?? null, memberUses: f?.memberUses ?? 0 });
  });
  const byCode = new Map(campaigns.map((c) => [c.code, c]));
  const context: RuleContext = {
    at: a.at,
    timezone,
    rounding: a.settings.rounding,
    pointValue: a.settings.pointValue,
    storeCode: a.storeCode,
    channel: a.channel,
    lines: a.lines,
    pointsToSpend: a.pointsToSpend,
    event: a.event ?? null,
    member: a.member
      ? {
          id: a.member.id,
          tierCode: a.member.tierCode,
          birthDate: a.member.birthDate,
          joinedAt: a.member.createdAt,
          attributes: memberAttributes(a.member, a.at, timezone),
          purchases: a.purchases,
          segments: a.member.segments,
        }
      : null,
    couponFor: new Set(verdicts.flatMap((v) => (v.ok ? [v.coupon.campaign] : []))),
    usage: (campaign) => usage.get(campaign) ?? noUsage,
    budgetLeft: (campaign) => {
      const budget = byCode.get(campaign)?.limits.budget;
      const left = budgets.get(campaign);
      // A draft's new budget has no counters yet: all of it is left.
      return {
        points: budget?.points === undefined ? null : (left?.points ?? budget.points),
        discount: budget?.discount === undefined ? null : (left?.discount ?? budget.discount),
      };
    },
  };
  return { context, coupons: verdicts };
}

/**
 * Writes what campaigns did, in the flow's transaction: budgets taken (a lost race re-runs the flow, which then
 * sees the budget spent), uses of presented coupons, what each campaign gave, coupons issued for a later visit
 * and tier moves. Returns the coupons issued.
 */
export async function recordCampaigns(
  tx: Queryable,
  programId: string,
  a: {
    sourceId: string;
    rules: VersionedRules;
    member: Member | null;
    applied: readonly AppliedCampaign[];
    coupons: readonly CouponResult[];
    settings: ProgramSettings;
    at: Date;
    /** When the sale or action happened: member limits count per period of this time. */
    happenedAt: Date;
  },
): Promise<{ issued: IssuedCoupon[]; tier: { from: string | null; to: string } | null }> {
  for (const c of a.applied) {
    const budget = a.rules.rules.byCode.get(c.campaign)?.campaign.limits.budget;
    if (!budget) continue;
    // Only the kinds the budget limits are taken from it.
    const points = budget.points === undefined ? 0 : c.points;
    const discount = budget.discount === undefined ? 0 : c.discount;
    if ((points || discount) && !(await takeBudget(tx, programId, c.campaign, points, discount, budgetSlotOf(a.member?.id ?? a.sourceId))))
      throw new RaceLost(`budget of ${c.campaign}`);
  }
  const events = [];
  for (const c of a.coupons) {
    if (c.status !== 'applied') continue;
    if (!(await redeemCoupon(tx, programId, { code: c.code, receiptId: a.sourceId, memberId: a.member?.id ?? null, at: a.at }))) throw new RaceLost(`coupon ${c.code}`);
    events.push(newEvent('coupon.redeemed', a.at, { code: c.code, campaign: c.campaign, memberId: a.member?.id ?? null, sourceId: a.sourceId }));
  }
  await recordEvents(tx, programId, events);
  await insertGrants(tx, programId, a.sourceId, a.member?.id ?? null, a.applied, a.happenedAt);
  if (!a.member) return { issued: [], tier: null };

  const issued: IssuedCoupon[] = [];
  let tier: { from: string | null; to: string } | null = null;
  for (const c of a.applied)
    for (const r of c.rewards) {
      if (r.kind === 'coupon') {
        const validTo = DateTime.fromJSDate(a.at, { zone: a.settings.timezone }).plus({ days: r.validDays }).endOf('day').toJSDate();
        for (;;) {
          const code = fillPattern('KOP-XXXX-XXXX', randomInt);
          const clash = await insertCoupons(tx, programId, [{ code, campaign: r.campaign, batch: null, memberId: a.member.id, maxUses: 1, perMember: null, validFrom: a.at, validTo, issuedByReceipt: a.sourceId }], a.at);
          if (clash.size) continue;
          issued.push({ code, campaign: r.campaign, validTo: validTo.toISOString() });
          await recordEvents(tx, programId, [newEvent('coupon.issued', a.at, { code, campaign: r.campaign, memberId: a.member.id, validTo: validTo.toISOString(), sourceId: a.sourceId })]);
          break;
        }
      } else if (r.kind === 'tier') {
        const tiers = a.settings.tiers.map((t) => t.code);
        const current = tier?.to ?? a.member.tierCode;
        if (tiers.indexOf(r.tier) > tiers.indexOf(current ?? '')) {
          await setTier(tx, programId, { id: newId('tch'), memberId: a.member.id, from: current, to: r.tier, reason: `campaign ${c.campaign}`, value: 0, at: a.at });
          tier = { from: a.member.tierCode, to: r.tier };
        }
      }
    }
  return { issued, tier };
}
