import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../flows/deps.ts';
import { overview } from '../../store/overview.ts';
import { loadSettings } from '../../store/programs.ts';
import { budgetsLeft, latestRules } from '../../store/rules.ts';
import { allow, type Env } from '../auth.ts';
import { json, problems, security } from '../openapi.ts';
import { instant } from '../schemas.ts';

const DAY = 86_400_000;
/** The longest period one overview covers: a daily series of a bit more than a year. */
const MAX_DAYS = 400;

const day = z.object({
  day: z.string().describe("YYYY-MM-DD in the programme's time zone"),
  receipts: z.number().int(),
  memberReceipts: z.number().int().describe('receipts with a member'),
  revenue: z.number().int().describe('kopecks'),
  memberRevenue: z.number().int().describe("kopecks of members' receipts"),
  pointsEarned: z.number().int(),
  pointsSpent: z.number().int(),
});
const overviewAnswer = z
  .object({
    from: z.string(),
    to: z.string(),
    pointValue: z.number().int().describe('kopecks one point pays'),
    members: z.object({ total: z.number().int(), joined: z.number().int().describe('enrolled in the period') }),
    receipts: z.object({ count: z.number().int(), memberCount: z.number().int(), revenue: z.number().int(), memberRevenue: z.number().int() }),
    points: z.object({
      earned: z.number().int(),
      spent: z.number().int(),
      expired: z.number().int(),
      outstanding: z.number().int().describe("members' available points now"),
      pending: z.number().int().describe("members' points waiting to activate now"),
    }),
    days: z.array(day),
    campaigns: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        budget: z.object({ points: z.number().int().nullable(), discount: z.number().int().nullable() }).nullable(),
        left: z.object({ points: z.number().int(), discount: z.number().int() }).nullable(),
      }),
    ),
  })
  .openapi('Overview');

/** The programme at a glance for a period: members, receipts and revenue, points, campaigns and their budgets. */
export function overviewRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/overview', operationId: 'getOverview', tags: ['Reports'], security, middleware: [allow('reports')] as const,
      summary: `The programme over a period (default the last 30 days, at most ${MAX_DAYS}): members, receipts, revenue with members' share, points earned, spent, expired and owed, campaigns with their budgets; with a daily series`,
      request: {
        query: z
          .object({ from: instant.optional(), to: instant.optional() })
          .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: 'the end is before the start', path: ['to'] })
          .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_DAYS * DAY, { message: `at most ${MAX_DAYS} days`, path: ['to'] }),
      },
      responses: { 200: json(overviewAnswer, 'the figures'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const q = c.req.valid('query');
      const to = q.to ? new Date(q.to) : deps.now();
      const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * DAY);
      const { settings } = await loadSettings(deps.db, programId);
      const figures = await overview(deps.db, programId, from, to, settings.timezone);
      const { rules } = await latestRules(deps.db, programId);
      const now = deps.now().getTime();
      const running = rules.ruleSet.campaigns.filter(
        (x) => x.enabled && (!x.schedule.from || Date.parse(x.schedule.from) <= now) && (!x.schedule.to || Date.parse(x.schedule.to) > now),
      );
      const left = await budgetsLeft(deps.db, programId, running.filter((x) => x.limits.budget).map((x) => x.code));
      const sum = (pick: (d: (typeof figures.days)[number]) => number) => figures.days.reduce((a, d) => a + pick(d), 0);
      return c.json(
        {
          from: from.toISOString(),
          to: to.toISOString(),
          pointValue: settings.pointValue,
          members: figures.members,
          receipts: { count: sum((d) => d.receipts), memberCount: sum((d) => d.memberReceipts), revenue: sum((d) => d.revenue), memberRevenue: sum((d) => d.memberRevenue) },
          points: { earned: sum((d) => d.pointsEarned), spent: sum((d) => d.pointsSpent), expired: figures.expired, outstanding: figures.outstanding.available, pending: figures.outstanding.pending },
          days: figures.days,
          campaigns: running.map((x) => ({
            code: x.code,
            name: x.name,
            budget: x.limits.budget ? { points: x.limits.budget.points ?? null, discount: x.limits.budget.discount ?? null } : null,
            left: left.get(x.code) ?? null,
          })),
        },
        200,
      );
    },
  );
  return app;
}
