import type { Period } from '../domain/rules/calendar.ts';
import type { Campaign } from '../domain/rules/campaign.ts';
import type { MemberFacts, RuleContext, Usage } from '../domain/rules/context.ts';
import { compileRuleSet, type CompiledRuleSet } from '../domain/rules/engine.ts';
import { priceReceipt } from '../domain/pricing.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { findTier } from '../domain/tiers.ts';
import { ageOn, localTime } from '../domain/rules/calendar.ts';
import { pastMembers, pastReceipts, type PastReceipt } from '../store/history.ts';
import { loadSettings } from '../store/programs.ts';
import { latestRules } from '../store/rules.ts';
import { checkRuleSet } from './rules.ts';
import type { Deps } from './deps.ts';
import { giveWayEvery } from './give-way.ts';
import { fail, ok, type Outcome } from './outcome.ts';

interface CampaignTotals {
  campaign: string;
  name: string;
  receipts: number;
  members: number;
  points: number;
  discount: number;
  /** Roubles (major units) the campaign costs: its points at their value plus its discounts. */
  cost: number;
}

export interface Side {
  version: number | null;
  pointsIssued: number;
  campaignPoints: number;
  discount: number;
  pointsSpent: number;
  /** Points issued less points spent: what the receipts add to what the programme owes. */
  liabilityChange: number;
  cost: number;
  membersAffected: number;
  campaigns: CampaignTotals[];
}

/** No use of a campaign yet. */
const none: Usage = { points: 0, discount: 0, uses: 0 };

/**
 * One side of a backtest: a rule set replayed over the receipts in order, keeping its own member limits and
 * budgets as they would have been spent. Budgets start full at the beginning of the period.
 */
class Replay {
  /** Use of each campaign limited per member, by campaign and member, in the period the replay has reached. */
  private usage = new Map<string, { period: string; used: Usage }>();
  private spentBudget = new Map<string, { points: number; discount: number }>();
  private perCampaign = new Map<string, { name: string; receipts: number; members: Set<string>; points: number; discount: number }>();
  private affected = new Set<string>();
  private totals = { pointsIssued: 0, campaignPoints: 0, discount: 0, pointsSpent: 0 };
  private readonly periods: Map<string, Period>;
  private readonly budgets: Map<string, Campaign['limits']['budget']>;

  constructor(
    readonly rules: CompiledRuleSet,
    readonly version: number | null,
    private readonly settings: ProgramSettings,
  ) {
    for (const c of rules.campaigns) this.perCampaign.set(c.campaign.code, { name: c.campaign.name, receipts: 0, members: new Set(), points: 0, discount: 0 });
    const campaigns = rules.ruleSet.campaigns;
    this.periods = new Map(campaigns.flatMap((c) => (c.limits.perMember ? [[c.code, c.limits.perMember.period] as const] : [])));
    this.budgets = new Map(campaigns.map((c) => [c.code, c.limits.budget]));
  }

  /** The period a receipt counts in for a limited campaign: receipts come in time order, so a new one ends the last. */
  private periodKey(campaign: string, local: LocalPeriods) {
    const period = this.periods.get(campaign) ?? 'lifetime';
    return period === 'lifetime' ? '' : local[period];
  }

  /** The use of a limited campaign by the member in the period of this receipt (none once a new period began). */
  private used(campaign: string, memberId: string, local: LocalPeriods): Usage {
    const u = this.usage.get(`${campaign}|${memberId}`);
    return u && u.period === this.periodKey(campaign, local) ? u.used : none;
  }

  run({ receipt, member, local, couponFor }: Replayed) {
    const { settings } = this;
    const context: RuleContext = {
      at: receipt.purchasedAt,
      timezone: settings.timezone,
      rounding: settings.rounding,
      pointValue: settings.pointValue,
      storeCode: receipt.storeCode,
      channel: receipt.channel,
      lines: receipt.lines,
      pointsToSpend: receipt.pointsSpent,
      event: null,
      member,
      couponFor,
      usage: (campaign) => (member ? this.used(campaign, member.id, local) : none),
      budgetLeft: (campaign) => {
        const budget = this.budgets.get(campaign);
        const spent = this.spentBudget.get(campaign) ?? { points: 0, discount: 0 };
        return {
          points: budget?.points === undefined ? null : budget.points - spent.points,
          discount: budget?.discount === undefined ? null : budget.discount - spent.discount,
        };
      },
    };
    const price = (pointsToSpend: number) =>
      priceReceipt({
        lines: receipt.lines,
        settings,
        tier: member ? findTier(settings, receipt.tierCode) : null,
        pointsToSpend,
        availablePoints: member ? Number.MAX_SAFE_INTEGER : null,
        campaigns: { rules: this.rules, context },
      });
    let pricing = price(receipt.pointsSpent);
    // A discount may leave less to pay with points than the customer spent: they would have spent what it allows.
    if (!pricing.ok) pricing = price(Math.min(receipt.pointsSpent, pricing.maxPoints));
    if (!pricing.ok) pricing = price(0);
    if (!pricing.ok) return;
    this.totals.pointsIssued += member ? pricing.pointsEarned : 0;
    this.totals.pointsSpent += pricing.pointsSpent;
    this.totals.discount += pricing.campaignDiscount;
    for (const a of pricing.campaigns) {
      const t = this.perCampaign.get(a.campaign);
      if (!t) continue;
      t.receipts += 1;
      t.points += a.points;
      t.discount += a.discount;
      this.totals.campaignPoints += a.points;
      if (member) {
        t.members.add(member.id);
        this.affected.add(member.id);
        if (this.periods.has(a.campaign)) {
          const u = this.used(a.campaign, member.id, local);
          const used = { points: u.points + a.points, discount: u.discount + a.discount, uses: u.uses + 1 };
          this.usage.set(`${a.campaign}|${member.id}`, { period: this.periodKey(a.campaign, local), used });
        }
      }
      const spent = this.spentBudget.get(a.campaign) ?? { points: 0, discount: 0 };
      this.spentBudget.set(a.campaign, { points: spent.points + a.points, discount: spent.discount + a.discount });
    }
  }

  result(): Side {
    const roubles = (points: number, discount: number) => (points * this.settings.pointValue + discount) / 100;
    const t = this.totals;
    return {
      version: this.version,
      pointsIssued: t.pointsIssued,
      campaignPoints: t.campaignPoints,
      discount: t.discount,
      pointsSpent: t.pointsSpent,
      liabilityChange: t.pointsIssued - t.pointsSpent,
      cost: roubles(t.campaignPoints, t.discount),
      membersAffected: this.affected.size,
      campaigns: [...this.perCampaign].map(([campaign, c]) => ({
        campaign,
        name: c.name,
        receipts: c.receipts,
        members: c.members.size,
        points: c.points,
        discount: c.discount,
        cost: roubles(c.points, c.discount),
      })),
    };
  }
}

// Pages of 1,000: a backtest of 150,000 receipts peaks some 55 MB lower than with pages of 5,000, as fast.
const PAGE = 1000;
// On PGlite the database runs in this thread: small pages, so that one read does not hold the tills up either.
const PGLITE_PAGE = 250;
/** How long the replay runs before it lets the tills' requests in (the database runs in this thread on PGlite). */
const SLICE_MS = 10;
/** A backtest longer than this is stopped: a shorter period answers the question without holding the server. */
export const BACKTEST_TIME_LIMIT_MS = 120_000;


interface LocalPeriods {
  day: string;
  week: string;
  month: string;
}

interface Replayed {
  receipt: PastReceipt;
  member: MemberFacts | null;
  local: LocalPeriods;
  couponFor: ReadonlySet<string>;
}

export interface BacktestReport {
  from: string;
  to: string;
  receipts: number;
  published: Side;
  draft: Side;
  difference: { pointsIssued: number; discount: number; cost: number; liabilityChange: number; liabilityChangeValue: number };
  millis: number;
}

/**
 * Replays the stored receipts of a period under a draft rule set and under the published one, with today's
 * settings, and reports what each would have issued and cost, per campaign. Reads only.
 */
export async function backtest(
  deps: Deps,
  programId: string,
  draft: unknown,
  period: { from: Date; to: Date },
  { timeLimitMs = BACKTEST_TIME_LIMIT_MS, pageSize = deps.db.engine === 'pglite' ? PGLITE_PAGE : PAGE } = {},
): Promise<Outcome<BacktestReport>> {
  const started = performance.now();
  const checked = await checkRuleSet(deps.db, programId, draft);
  if (!checked.ok) return checked;
  const { settings } = await loadSettings(deps.db, programId);
  const published = await latestRules(deps.db, programId);
  const sides = [new Replay(published.rules, published.version, settings), new Replay(compileRuleSet(checked.value), null, settings)] as const;
  const members = await pastMembers(deps.db, programId, period, pageSize);
  const purchases = new Map([...members].map(([id, m]) => [id, m.purchasesBefore]));
  let count = 0;
  // The next page is read while this one is replayed.
  const giveWay = giveWayEvery(SLICE_MS);
  let next = pastReceipts(deps.db, programId, period, null, pageSize);
  for (;;) {
    const page = await next;
    if (performance.now() - started > timeLimitMs)
      return fail('period_too_long', `the backtest ran past its limit of ${timeLimitMs / 1000} s; choose a shorter period`, { receiptsReplayed: count });
    const last = page[page.length - 1];
    if (last && page.length === pageSize) next = pastReceipts(deps.db, programId, period, last.cursor, pageSize);
    for (const receipt of page) {
      await giveWay();
      // What both sides see of the receipt is worked out once.
      const local = localTime(receipt.purchasedAt, settings.timezone);
      const past = receipt.memberId ? members.get(receipt.memberId) : undefined;
      const member: MemberFacts | null =
        receipt.memberId && past
          ? {
              id: receipt.memberId,
              tierCode: receipt.tierCode,
              birthDate: past.birthDate,
              joinedAt: past.joinedAt,
              attributes: { ...past.attributes, age: past.birthDate ? ageOn(past.birthDate, local) : null },
              purchases: purchases.get(receipt.memberId) ?? 0,
              segments: past.segments,
            }
          : null;
      const one: Replayed = {
        receipt,
        member,
        local: { day: local.toISODate() as string, week: `${local.weekYear}-W${local.weekNumber}`, month: local.toFormat('yyyy-MM') },
        couponFor: new Set(receipt.coupons),
      };
      for (const side of sides) side.run(one);
      if (member) purchases.set(member.id, member.purchases + 1);
    }
    count += page.length;
    if (page.length < pageSize) break;
  }
  const [was, would] = sides.map((s) => s.result()) as [Side, Side];
  return ok({
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    receipts: count,
    published: was,
    draft: would,
    difference: {
      pointsIssued: would.pointsIssued - was.pointsIssued,
      discount: would.discount - was.discount,
      cost: Math.round((would.cost - was.cost) * 100) / 100,
      liabilityChange: would.liabilityChange - was.liabilityChange,
      liabilityChangeValue: ((would.liabilityChange - was.liabilityChange) * settings.pointValue) / 100,
    },
    millis: Math.round(performance.now() - started),
  });
}
