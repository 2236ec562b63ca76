import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { churnRate, kpis, retentionRow } from '../../domain/kpis.ts';
import type { Deps } from '../../flows/deps.ts';
import { campaignResults, personalCoupons } from '../../store/campaign-results.ts';
import { sourceResults } from '../../store/sources.ts';
import { retentionCohorts, salesTallies, type KpiFilters } from '../../store/kpis.ts';
import { loadSettings } from '../../store/programs.ts';
import { latestRules } from '../../store/rules.ts';
import { getSegment } from '../../store/segments.ts';
import { asReport } from '../../store/db.ts';
import { allow, type Env } from '../auth.ts';
import { json, problems, security } from '../openapi.ts';
import { MAX_POINTS, MAX_YEARS, period, refusal, resolvePeriod } from '../period.ts';

const tags = ['Reports'];
const name = z.string().min(1).max(64);
const filters = {
  store: name.optional().describe('receipts at this store'),
  channel: z.enum(['till', 'online', 'app', 'partner']).optional().describe("receipts through stores of this channel; members by their sign-up channel"),
  tier: name.optional().describe('receipts of members in this tier at the sale; members in it now'),
  segment: name.optional().describe('members of this segment (anonymous receipts left out)'),
  source: name.optional().describe('members of this acquisition source (anonymous receipts left out)'),
};
const share = z.number().nullable().describe('0–1; null when there is nothing to share');
const figures = z.object({
  receipts: z.object({ all: z.number().int(), members: z.number().int(), anonymous: z.number().int() }),
  revenue: z.object({ all: z.number().int(), members: z.number().int(), anonymous: z.number().int() }).describe('kopecks: the receipts’ totals'),
  participation: z.object({ receipts: share, revenue: share }).describe("members' share of receipts and of revenue"),
  averageCheck: z.object({ members: z.number().nullable(), anonymous: z.number().nullable() }).describe('kopecks per receipt'),
  activeMembers: z.number().int().describe('members with a receipt in the period'),
  frequency: z.number().nullable().describe('receipts per active member'),
  repeatRate: share.describe('share of active members with two receipts or more'),
  newMembers: z.number().int(),
});
const kpiAnswer = z
  .object({
    from: z.string(),
    to: z.string(),
    group: z.enum(['day', 'week', 'month']),
    filters: z.object({ store: z.string().nullable(), channel: z.string().nullable(), tier: z.string().nullable(), segment: z.string().nullable(), source: z.string().nullable() }),
    members: z.object({ total: z.number().int().describe('joined before the period ended'), new: z.number().int() }),
    totals: figures,
    churnRate: share.describe('of the members active in the period before, the share not active in this one'),
    previous: figures.extend({ from: z.string(), to: z.string(), members: z.object({ total: z.number().int(), new: z.number().int() }), churnRate: share }).nullable(),
    series: z.array(figures.extend({ start: z.string().describe('the first day of the day, ISO week or month') })),
  })
  .openapi('Kpis');

type Query = { store?: string | undefined; channel?: string | undefined; tier?: string | undefined; segment?: string | undefined; source?: string | undefined };

export function kpiRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();

  /** The filters of a query, or the first that names nothing in the programme. */
  const checkFilters = async (programId: string, q: Query, tiers: string[]): Promise<{ filters: KpiFilters } | { path: string; message: string }> => {
    if (q.segment && !(await getSegment(deps.db, programId, q.segment))) return { path: 'segment', message: `no segment ${q.segment}` };
    if (q.tier && !tiers.includes(q.tier)) return { path: 'tier', message: `no tier ${q.tier}` };
    if (q.store) {
      const [found] = await deps.db.query('select 1 from stores where program_id = $1 and code = $2', [programId, q.store]);
      if (!found) return { path: 'store', message: `no store ${q.store}` };
    }
    return { filters: { store: q.store, channel: q.channel, tier: q.tier, segment: q.segment, source: q.source } };
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/kpis', operationId: 'getKpis', tags, security, middleware: [allow('reports')] as const,
      summary: 'The programme’s key figures for a period (default the last 90 days): members, participation, average check, frequency, repeat rate, churn; by day, week or month; against the period before; narrowed by store, channel, tier, segment or source',
      description: `Confirmed receipts by their time of purchase, in the programme's time zone; formulas in the README's Metrics section. At most ${MAX_YEARS} years and ${MAX_POINTS} points in the series.`,
      request: { query: z.object({ ...period, compare: z.enum(['true', 'false']).default('false'), ...filters }) },
      responses: { 200: json(kpiAnswer, 'the figures'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const resolved = resolvePeriod(q, deps.now());
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { settings } = await loadSettings(deps.db, programId);
      const checked = await checkFilters(programId, q, settings.tiers.map((t) => t.code));
      if ('path' in checked) return refusal(c, checked);
      const { from, to } = resolved;
      const ask = { from, to, timezone: settings.timezone, group: q.group, filters: checked.filters };
      const tallies = await salesTallies(deps.db, programId, ask, q.compare === 'true' ? 2 : 1);
      const { members } = tallies;
      const before = new Date(from.getTime() - (to.getTime() - from.getTime()));
      const { total: now, previous } = tallies;
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          group: q.group,
          filters: { store: q.store ?? null, channel: q.channel ?? null, tier: q.tier ?? null, segment: q.segment ?? null, source: q.source ?? null },
          members: { total: members.total, new: now.joined },
          totals: { ...kpis(now), newMembers: now.joined },
          churnRate: churnRate(now.churn.activeBefore, now.churn.stayed),
          previous: q.compare === 'true' ? {
            from: before.toISOString(),
            to: from.toISOString(),
            ...kpis(previous),
            newMembers: previous.joined,
            members: { total: members.before, new: previous.joined },
            churnRate: churnRate(previous.churn.activeBefore, previous.churn.stayed),
          } : null,
          series: tallies.buckets.map((b) => ({ start: b.start, ...kpis(b), newMembers: b.joined })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/retention', operationId: 'getRetention', tags, security, middleware: [allow('reports')] as const,
      summary: 'Retention by monthly cohort of first purchase: for each month since, the share of the cohort who bought in it (the triangle)',
      description: 'A cohort is the members whose first confirmed receipt fell in a month of the period (default the last 12 months), in the programme’s time zone; month 0 is 1 by definition. Narrowed by the members’ segment, source, sign-up channel or tier now.',
      request: { query: z.object({ from: period.from, to: period.to, segment: filters.segment, source: filters.source, channel: filters.channel, tier: filters.tier }) },
      responses: {
        200: json(z.object({ from: z.string(), to: z.string(), cohorts: z.array(z.object({ cohort: z.string().describe('YYYY-MM'), size: z.number().int(), buyers: z.array(z.number().int()), retention: z.array(share) })) }), 'the triangle'),
        ...problems,
      },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const now = deps.now();
      const resolved = resolvePeriod({ ...q, from: q.from ?? new Date(now.getTime() - 365 * 86_400_000).toISOString(), group: 'month' }, now);
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { settings } = await loadSettings(deps.db, programId);
      const checked = await checkFilters(programId, q, settings.tiers.map((t) => t.code));
      if ('path' in checked) return refusal(c, checked);
      const { from, to } = resolved;
      const cohorts = await asReport(deps.db, (tx) => retentionCohorts(tx, programId, { from, to, until: now, timezone: settings.timezone, group: 'month', filters: checked.filters }));
      // Every month from the cohort's to this one has a cell, a month nobody came back in too.
      const thisMonth = DateTime.fromJSDate(now, { zone: settings.timezone }).startOf('month');
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          cohorts: cohorts.map((k) => {
            const months = Math.round(thisMonth.diff(DateTime.fromISO(`${k.cohort}-01`, { zone: settings.timezone }), 'months').months) + 1;
            const buyers = Array.from({ length: Math.max(months, k.buyers.length) }, (_, i) => k.buyers[i] ?? 0);
            return { cohort: k.cohort, size: k.size, buyers, retention: retentionRow(k.size, buyers) };
          }),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/campaigns', operationId: 'getCampaignResults', tags, security, middleware: [allow('reports')] as const,
      summary: 'Each campaign’s results over a period: receipts and members reached, points and discounts given and their cost, the revenue of those receipts, coupons issued and redeemed; and the use of personal offers',
      description: 'Cost = points × the point’s value + discounts, in kopecks. Personal offers: coupons bound to a member issued in the period (used once or more since), and campaigns addressed to a member list or a segment (members reached of the audience).',
      request: { query: z.object({ from: period.from, to: period.to }) },
      responses: {
        200: json(
          z.object({
            from: z.string(),
            to: z.string(),
            pointValue: z.number().int(),
            campaigns: z.array(
              z.object({
                campaign: z.string(), name: z.string().nullable(), receipts: z.number().int(), actions: z.number().int(), members: z.number().int(), points: z.number().int(),
                discount: z.number().int(), cost: z.number().int(), revenue: z.number().int(), couponsIssued: z.number().int(), couponsRedeemed: z.number().int(), couponConversion: share,
              }),
            ),
            personalOffers: z.object({ coupons: z.object({ issued: z.number().int(), used: z.number().int() }), audiences: z.array(z.object({ campaign: z.string(), audience: z.number().int(), reached: z.number().int() })), usedShare: share }),
          }),
          'the results',
        ),
        ...problems,
      },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const resolved = resolvePeriod({ ...q, group: 'month' }, deps.now());
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { from, to } = resolved;
      const { settings } = await loadSettings(deps.db, programId);
      const rules = (await latestRules(deps.db, programId)).rules.ruleSet;
      const results = await asReport(deps.db, (tx) => campaignResults(tx, programId, from, to));
      const byCode = new Map(results.map((r) => [r.campaign, r]));
      const coupons = await personalCoupons(deps.db, programId, from, to);
      const audiences = [];
      for (const campaign of rules.campaigns) {
        const a = campaign.audience;
        if (a.kind !== 'members' && a.kind !== 'segment') continue;
        const size = a.kind === 'members' ? new Set(a.members).size : ((await getSegment(deps.db, programId, a.code))?.size ?? 0);
        audiences.push({ campaign: campaign.code, audience: size, reached: Math.min(size, byCode.get(campaign.code)?.members ?? 0) });
      }
      const offered = coupons.issued + audiences.reduce((a, x) => a + x.audience, 0);
      const used = coupons.used + audiences.reduce((a, x) => a + x.reached, 0);
      const names = new Map(rules.campaigns.map((x) => [x.code, x.name]));
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          pointValue: settings.pointValue,
          campaigns: results.map((r) => ({
            ...r,
            name: names.get(r.campaign) ?? null,
            cost: r.points * settings.pointValue + r.discount,
            couponConversion: r.couponsIssued ? r.couponsRedeemed / r.couponsIssued : null,
          })),
          personalOffers: { coupons, audiences, usedShare: offered ? used / offered : null },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/sources', operationId: 'getSourceResults', tags, security, middleware: [allow('reports')] as const,
      summary: 'Acquisition sources and sign-up channels over a period: members who joined, how many bought and bought again, and the receipts and revenue of all the source’s members',
      description: 'Retention by source = members who joined in the period and bought again at least a day after their first purchase / those of them who bought.',
      request: { query: z.object({ from: period.from, to: period.to }) },
      responses: {
        200: json(
          z.object({
            from: z.string(),
            to: z.string(),
            sources: z.array(
              z.object({
                source: z.string().nullable(), channel: z.string().nullable(), joined: z.number().int(), buyers: z.number().int(), repeaters: z.number().int(),
                retention: share, active: z.number().int(), receipts: z.number().int(), revenue: z.number().int(),
              }),
            ),
          }),
          'the sources',
        ),
        ...problems,
      },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const resolved = resolvePeriod({ ...q, group: 'month' }, deps.now());
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { from, to } = resolved;
      const { settings } = await loadSettings(deps.db, programId);
      const sources = await sourceResults(deps.db, programId, from, to, settings.timezone);
      return c.json({ from: from.toISOString(), to: to.toISOString(), sources: sources.map((s) => ({ ...s, retention: s.buyers ? s.repeaters / s.buyers : null })) }, 200);
    },
  );
  return app;
}
