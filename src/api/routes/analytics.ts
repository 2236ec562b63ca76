import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DateTime } from 'luxon';
import { cohortValue, MIN_MEMBERS, MIN_REPEAT_BUYERS } from '../../domain/lifetime/value.ts';
import { rfmSegment, rfmSegmentCodes, rfmSegmentNames } from '../../domain/rfm.ts';
import type { Deps } from '../../flows/deps.ts';
import { cohortHistories } from '../../store/lifetime.ts';
import { loadSettings } from '../../store/programs.ts';
import { nps, surveyTallies, surveyTotal, type NpsTally } from '../../store/nps.ts';
import { pointsReport } from '../../store/points-report.ts';
import { rfmCells } from '../../store/rfm.ts';
import { asReport } from '../../store/db.ts';
import { allow, type Env } from '../auth.ts';
import { heavy } from '../heavy.ts';
import { json, problems, security } from '../openapi.ts';
import { problem } from '../problems.ts';
import { MAX_POINTS, MAX_YEARS, period, refusal, resolvePeriod } from '../period.ts';

const date = z.iso.date();
const fit = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, logLikelihood: z.number() });

const lifetimeValue = z
  .object({
    cohort: z.object({ from: z.string(), to: z.string(), members: z.number().int(), repeatBuyers: z.number().int().describe('members with a purchase on a later day than their first') }),
    until: z.string().describe('the day the histories end (exclusive)'),
    revenuePerMember: z.number().describe('kopecks the cohort paid so far, per member'),
    purchases: fit({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }).describe('BG/NBD: buying rate ~ gamma(r, α) per week, dropout after a purchase ~ beta(a, b)'),
    spend: fit({ p: z.number(), q: z.number(), gamma: z.number() }).describe('Gamma-Gamma: spend per purchase ~ gamma(p, ν), ν ~ gamma(q, γ), in kopecks'),
    forecast: z.object({
      weeks: z.number().int(),
      purchasesPerMember: z.number().describe('expected purchases per member in the next weeks'),
      probabilityAlive: z.number().describe('mean chance a member is still buying'),
      aliveShare: z.number().describe('share of members more likely than not still buying'),
      spendPerPurchase: z.number().nullable().describe('kopecks, p·γ/(q−1); null when q ≤ 1'),
      valuePerMember: z.number().nullable().describe('expected revenue per member in the next weeks, undiscounted, kopecks'),
    }),
  })
  .openapi('LifetimeValue');

const segment = z.enum(rfmSegmentCodes);
const rfmGrid = z
  .object({
    members: z.number().int().describe('members scored: those who have bought'),
    cells: z.array(
      z.object({
        recency: z.number().int().min(1).max(5),
        frequency: z.number().int().min(1).max(5),
        segment,
        members: z.number().int(),
        purchases: z.number().int(),
        paid: z.number().int().describe('kopecks, net of returns'),
        money: z.number().describe("the mean money score of the cell's members"),
      }),
    ),
    segments: z.array(
      z.object({
        code: segment,
        names: z.object({ ru: z.string(), en: z.string() }),
        members: z.number().int(),
        share: z.number().describe('of the members scored'),
        paid: z.number().int(),
      }),
    ),
  })
  .openapi('RfmGrid');

const tally = {
  responses: z.number().int(),
  promoters: z.number().int().describe('scores 9–10'),
  passives: z.number().int().describe('scores 7–8'),
  detractors: z.number().int().describe('scores 0–6'),
  nps: z.number().nullable().describe('(promoters − detractors) / responses × 100; null without responses'),
};
const npsReport = z
  .object({
    from: z.string(),
    to: z.string(),
    group: z.enum(['day', 'week', 'month']),
    store: z.string().nullable(),
    ...tally,
    previous: z.object({ from: z.string(), to: z.string(), ...tally }).nullable().describe('the period of the same length before, when asked'),
    periods: z.array(z.object({ start: z.string().describe("YYYY-MM-DD, the period's first day"), ...tally })),
    stores: z.array(z.object({ storeCode: z.string().nullable().describe('null: answers that name no store'), ...tally })),
  })
  .openapi('NpsReport');
const withScore = (t: NpsTally) => ({ ...t, nps: nps(t) });

const moved = {
  issued: z.number().int().describe('points given for receipts and actions, less those returns took back'),
  redeemed: z.number().int().describe('points spent, less those refunded by returns'),
  expired: z.number().int(),
  adjusted: z.number().int().describe('points added by hand less those taken'),
  referral: z.number().int().describe('points given for referrals'),
};
const pointsAnswer = z
  .object({
    from: z.string(),
    to: z.string(),
    group: z.enum(['day', 'week', 'month']),
    pointValue: z.number().int().describe('kopecks one point pays'),
    ...moved,
    breakageRate: z.number().nullable().describe('expired / issued in the period; null when none issued'),
    redemptionRate: z.number().nullable().describe('redeemed / issued in the period; null when none issued'),
    liability: z.object({
      available: z.number().int(),
      pending: z.number().int(),
      kopecks: z.number().int().describe('(available + pending) × pointValue: what the points held now would pay'),
    }),
    periods: z.array(z.object({ start: z.string(), ...moved })),
    expiring: z.array(z.object({ month: z.string().describe('YYYY-MM'), points: z.number().int(), kopecks: z.number().int() })).describe('points held now by the month they expire, from this month on'),
  })
  .openapi('PointsReport');

/** The programme's analytics: what its members are worth and how they behave. */
export function analyticsRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/ltv', operationId: 'getLifetimeValue', tags: ['Reports'], security, middleware: [allow('reports'), heavy('lifetime value fit')] as const,
      summary: 'Lifetime value of a cohort: members whose first purchase fell in [from, to), their histories until a day, BG/NBD and Gamma-Gamma fitted by maximum likelihood, and the forecast over the next weeks',
      description:
        'Days in the programme\'s time zone; time in weeks. Purchases are counted by day (a member\'s receipts of one day are one purchase, their totals its spend); the first purchase starts the member\'s clock and is not a repeat. ' +
        `Confirmed receipts at their totals, returns aside. A cohort needs ${MIN_MEMBERS} members and ${MIN_REPEAT_BUYERS} repeat buyers (else 422 cohort_too_small). One fit per programme at a time (else 429 busy).`,
      request: {
        query: z
          .object({
            from: date.describe('first day of the cohort'),
            to: date.describe('the day after the cohort'),
            until: date.optional().describe('the day the histories end (exclusive); default today'),
            weeks: z.coerce.number().int().min(1).max(520).default(52).describe('forecast horizon'),
          })
          .refine((q) => q.from < q.to, { message: 'the cohort ends before it starts', path: ['to'] })
          .refine((q) => !q.until || q.to <= q.until, { message: 'the histories end before the cohort does', path: ['until'] })
          .refine((q) => DateTime.fromISO(q.from).plus({ years: MAX_YEARS }) >= DateTime.fromISO(q.until ?? q.to), { message: `at most ${MAX_YEARS} years`, path: ['until'] }),
      },
      responses: { 200: json(lifetimeValue, 'the fit and the forecast'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const { settings } = await loadSettings(deps.db, programId);
      const until = q.until ?? (DateTime.fromJSDate(deps.now(), { zone: settings.timezone }).toISODate() as string);
      if (q.to > until) return problem(c, 'validation_failed', 'until: the histories end before the cohort does', { errors: [{ path: 'until', message: 'the histories end before the cohort does' }] });
      const histories = await asReport(deps.db, (tx) => cohortHistories(tx, programId, q.from, q.to, until, settings.timezone));
      const value = cohortValue(histories, q.weeks);
      if (!value)
        return problem(c, 'cohort_too_small', `the cohort has ${histories.length} members, ${histories.filter((h) => h.x > 0).length} of them repeat buyers; a fit needs ${MIN_MEMBERS} and ${MIN_REPEAT_BUYERS}`);
      return c.json(
        {
          cohort: { from: q.from, to: q.to, members: value.members, repeatBuyers: value.repeatBuyers },
          until,
          revenuePerMember: value.revenuePerMember,
          purchases: { ...value.purchases.model, logLikelihood: value.purchases.logLikelihood },
          spend: { ...value.spend.model, logLikelihood: value.spend.logLikelihood },
          forecast: value.forecast,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/rfm', operationId: 'getRfmGrid', tags: ['Reports'], security, middleware: [allow('reports')] as const,
      summary: 'RFM: the members who have bought, scored 1–5 on recency, frequency and money by quintiles, as a grid of recency × frequency cells with their named segments',
      description:
        "A member's score on a measure is 1 + ⌊5·b/n⌋, b the members strictly worse on it, n all scored: equal values score alike. Recency by the day of the last purchase (programme time zone), " +
        'frequency by confirmed receipts, money by what was paid, both net of returns. The quintile cuts are taken once a day by the daily-totals job (worked out on each call before its first run); ' +
        "a score is the member's values read against them. Segments by recency and frequency: " +
        rfmSegmentCodes.map((code) => `${code} (${rfmSegmentNames[code].ru})`).join(', ') + '.',
      responses: { 200: json(rfmGrid, 'the grid'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { settings } = await loadSettings(deps.db, programId);
      const cells = (await asReport(deps.db, (tx) => rfmCells(tx, programId, settings.timezone))).map((cell) => ({ ...cell, segment: rfmSegment(cell.recency, cell.frequency) }));
      const members = cells.reduce((a, cell) => a + cell.members, 0);
      const segments = rfmSegmentCodes.map((code) => {
        const of = cells.filter((cell) => cell.segment === code);
        const count = of.reduce((a, cell) => a + cell.members, 0);
        return { code, names: rfmSegmentNames[code], members: count, share: members ? count / members : 0, paid: of.reduce((a, cell) => a + cell.paid, 0) };
      });
      return c.json({ members, cells, segments }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/nps', operationId: 'getNps', tags: ['Reports'], security, middleware: [allow('reports')] as const,
      summary: 'Net promoter score from survey actions over a period (default the last 90 days): in all, by day, week or month, by store, and against the period before',
      description:
        'A `survey` action counts when its attributes carry `score`, a whole number 0–10, and optionally `storeCode`. NPS = (promoters 9–10 − detractors 0–6) / responses × 100. ' +
        `Periods in the programme's time zone; at most ${MAX_YEARS} years and ${MAX_POINTS} points in the series.`,
      request: {
        query: z.object({
          ...period,
          store: z.string().min(1).max(64).optional(),
          compare: z.enum(['true', 'false']).default('false').describe('also the period of the same length before'),
        }),
      },
      responses: { 200: json(npsReport, 'the scores'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const resolved = resolvePeriod(q, deps.now());
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { from, to } = resolved;
      const { settings } = await loadSettings(deps.db, programId);
      const ask = { store: q.store ?? null, group: q.group, timezone: settings.timezone };
      const now = await surveyTallies(deps.db, programId, { ...ask, from, to });
      const before = new Date(from.getTime() - (to.getTime() - from.getTime()));
      const previous = q.compare === 'true' ? await surveyTotal(deps.db, programId, { store: ask.store, from: before, to: from }) : null;
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          group: q.group,
          store: ask.store,
          ...withScore(now.total),
          previous: previous && { from: before.toISOString(), to: from.toISOString(), ...withScore(previous) },
          periods: now.periods.map((p) => ({ ...p, nps: nps(p) })),
          stores: now.stores.map((x) => ({ ...x, nps: nps(x) })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/analytics/points', operationId: 'getPointsReport', tags: ['Reports'], security, middleware: [allow('reports')] as const,
      summary: 'Points over a period (default the last 90 days): issued, redeemed, expired, adjusted and for referrals, by day, week or month; breakage and redemption rates; the liability now in points and roubles; what expires in the next months',
      description: `From the programme's side of the ledger, net of returns. Periods in the programme's time zone; at most ${MAX_YEARS} years and ${MAX_POINTS} points in the series.`,
      request: {
        query: z.object({
          ...period,
          months: z.coerce.number().int().min(1).max(24).default(6).describe('months of the expiry forecast, this one included'),
        }),
      },
      responses: { 200: json(pointsAnswer, 'the points'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const resolved = resolvePeriod(q, deps.now());
      if ('refused' in resolved) return refusal(c, resolved.refused);
      const { from, to } = resolved;
      const { settings } = await loadSettings(deps.db, programId);
      const report = await asReport(deps.db, (tx) => pointsReport(tx, programId, { from, to, group: q.group, timezone: settings.timezone, months: q.months, now: deps.now() }));
      const { issued, redeemed, expired } = report.total;
      const { available, pending } = report.outstanding;
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          group: q.group,
          pointValue: settings.pointValue,
          ...report.total,
          breakageRate: issued > 0 ? expired / issued : null,
          redemptionRate: issued > 0 ? redeemed / issued : null,
          liability: { available, pending, kopecks: (available + pending) * settings.pointValue },
          periods: report.periods,
          expiring: report.expiring.map((e) => ({ ...e, kopecks: e.points * settings.pointValue })),
        },
        200,
      );
    },
  );
  return app;
}
