import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { conditionTypes } from '../../domain/rules/conditions.ts';
import { effectTypes } from '../../domain/rules/effects.ts';
import { builtInEventTypes } from '../../domain/rules/campaign.ts';
import { actorOf, may } from '../../domain/access.ts';
import type { Deps } from '../../flows/deps.ts';
import { backtest } from '../../flows/backtest.ts';
import { publishRules, putCampaign, removeCampaign, saveCategory, simulateReceipt } from '../../flows/rules.ts';
import { budgetsLeft, campaignsGiven, latestRules, listAudit, listCategories, ruleVersion, ruleVersions } from '../../store/rules.ts';
import { heavy } from '../heavy.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, jsonSchemaOf, problems, security } from '../openapi.ts';
import { ruleRef } from '../rule-schemas.ts';
import { failure, problem } from '../problems.ts';
import { calculation, codeString, instant, receiptInput } from '../schemas.ts';
import { toInput } from './receipts.ts';

const anything = z.record(z.string(), z.unknown());
/** A published version of the rule set. */
const published = { type: 'object', properties: { version: { type: 'integer' }, rules: ruleRef('Rules') }, required: ['version', 'rules'] };
/** A campaign as published, with what is left of its budget (points or kopecks; null without a budget). */
const campaignWithBudget = {
  allOf: [ruleRef('Campaign'), { type: 'object', properties: { budgetLeft: { type: ['object', 'null'], properties: { points: { type: 'integer' }, discount: { type: 'integer', description: 'kopecks' } }, required: ['points', 'discount'] } }, required: ['budgetLeft'] }],
};
/** A campaign in the list, with what it has given so far (less receipts returned in full). */
const listedCampaign = {
  allOf: [
    campaignWithBudget,
    {
      type: 'object',
      properties: { given: { type: 'object', properties: { points: { type: 'integer' }, discount: { type: 'integer', description: 'kopecks' }, receipts: { type: 'integer' } }, required: ['points', 'discount', 'receipts'] } },
      required: ['given'],
    },
  ],
};

/** The catalogue an editor is generated from: each condition and effect with its titles and argument schema. */
const catalogue = () => {
  const describe = (t: { code: string; title: { en: string; ru: string }; triggers: readonly string[]; args: zod.ZodType }) => ({
    code: t.code,
    title: t.title,
    triggers: t.triggers,
    args: zod.toJSONSchema(t.args, { io: 'input', unrepresentable: 'any' }),
  });
  return { conditions: conditionTypes.map(describe), effects: effectTypes.map(describe), actionTypes: builtInEventTypes };
};

const auditRecord = z
  .object({
    id: z.string(),
    actor: z.string().describe('the key or staff member, with their name; or the system'),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown().describe('the object before the change; null when it was made'),
    after: z.unknown().describe('the object after the change; null when it was removed'),
    at: z.string(),
  })
  .openapi('AuditRecord');

const versionSummary = z
  .object({ version: z.number().int(), actor: z.string(), at: z.string(), campaigns: z.number().int().describe('how many campaigns it has') })
  .openapi('RuleVersion');

const catalogueEntry = z.object({
  code: z.string(),
  title: z.object({ en: z.string(), ru: z.string() }),
  triggers: z.array(z.enum(['receipt', 'event'])),
  args: z.record(z.string(), z.unknown()).describe('JSON Schema of the arguments'),
});
const ruleCatalogue = z
  .object({ conditions: z.array(catalogueEntry), effects: z.array(catalogueEntry), actionTypes: z.array(z.string()) })
  .openapi('RuleCatalogue');

const campaignTotals = z.object({
  campaign: z.string(),
  name: z.string(),
  receipts: z.number().int(),
  members: z.number().int(),
  points: z.number().int(),
  discount: z.number().int().describe('kopecks'),
  cost: z.number().describe('roubles: its points at their value plus its discounts'),
});
const backtestSide = z.object({
  version: z.number().int().nullable().describe('the published version; null for the draft'),
  pointsIssued: z.number().int(),
  campaignPoints: z.number().int(),
  discount: z.number().int(),
  pointsSpent: z.number().int(),
  liabilityChange: z.number().int().describe('points issued less points spent'),
  cost: z.number(),
  membersAffected: z.number().int(),
  campaigns: z.array(campaignTotals),
});
const backtestReport = z
  .object({
    from: z.string(),
    to: z.string(),
    receipts: z.number().int(),
    published: backtestSide,
    draft: backtestSide,
    difference: z.object({ pointsIssued: z.number().int(), discount: z.number().int(), cost: z.number(), liabilityChange: z.number().int(), liabilityChangeValue: z.number() }),
    millis: z.number(),
  })
  .openapi('BacktestReport');

export function ruleRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Rules and campaigns'];

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rules', operationId: 'getRules', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'The published rule set: campaigns, custom action types, referral rewards',
      responses: { 200: jsonSchemaOf(published, 'the rule set in force'), ...problems },
    }),
    async (c) => {
      const { version, rules } = await latestRules(deps.db, c.get('key').programId);
      return c.json({ version, rules: rules.ruleSet } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/rules', operationId: 'putRules', tags, security, middleware: [allow('settings')] as const,
      summary: 'Publish a whole rule set as a new version (checked first; invalid rules name the field)',
      request: body(anything.openapi({ description: '{ campaigns: [...], eventTypes: [...], referral: {...} }' })),
      responses: { 200: jsonSchemaOf(published, 'the published version'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await publishRules(deps, key.programId, c.req.valid('json'), actorOf(key));
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rules/versions', operationId: 'listRuleVersions', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'Published versions, newest first: who and when',
      responses: { 200: json(z.object({ items: z.array(versionSummary) }), 'versions'), ...problems },
    }),
    async (c) => c.json({ items: await ruleVersions(deps.db, c.get('key').programId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rules/versions/{version}', operationId: 'getRuleVersion', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'One published version: who and when, and its rules (to compare, or to publish again as a roll-back with PUT /v1/rules)',
      request: { params: z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) }) },
      responses: {
        200: jsonSchemaOf(
          { type: 'object', properties: { version: { type: 'integer' }, actor: { type: 'string' }, at: { type: 'string' }, rules: ruleRef('Rules') }, required: ['version', 'actor', 'at', 'rules'] },
          'the version',
        ),
        ...problems,
      },
    }),
    async (c) => {
      const { version } = c.req.valid('param');
      const found = await ruleVersion(deps.db, c.get('key').programId, version);
      if (!found) return problem(c, 'not_found', `no rules version ${version}`);
      return c.json({ ...found, at: found.at.toISOString() } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/rules/catalogue', operationId: 'getRuleCatalogue', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'Every condition and effect: code, Russian and English title, JSON Schema of the arguments',
      responses: { 200: json(ruleCatalogue, 'the catalogue'), ...problems },
    }),
    (c) => c.json(catalogue() as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/campaigns', operationId: 'listCampaigns', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'Campaigns of the published rule set, with what is left of their budgets and what each has given',
      responses: {
        200: jsonSchemaOf({ type: 'object', properties: { version: { type: 'integer' }, items: { type: 'array', items: listedCampaign } }, required: ['version', 'items'] }, 'campaigns'),
        ...problems,
      },
    }),
    async (c) => {
      const programId = c.get('key').programId;
      const { version, rules } = await latestRules(deps.db, programId);
      const campaigns = rules.ruleSet.campaigns;
      const [left, given] = await Promise.all([budgetsLeft(deps.db, programId, campaigns.filter((x) => x.limits.budget).map((x) => x.code)), campaignsGiven(deps.db, programId)]);
      const none = { points: 0, discount: 0, receipts: 0 };
      return c.json({ version, items: campaigns.map((x) => ({ ...x, budgetLeft: left.get(x.code) ?? null, given: given.get(x.code) ?? none })) } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/campaigns/{code}', operationId: 'getCampaign', tags, security, middleware: [allow('programme:read')] as const, summary: 'One campaign',
      request: { params: z.object({ code: codeString }) },
      responses: { 200: jsonSchemaOf(campaignWithBudget, 'the campaign'), ...problems },
    }),
    async (c) => {
      const programId = c.get('key').programId;
      const { code } = c.req.valid('param');
      const found = (await latestRules(deps.db, programId)).rules.ruleSet.campaigns.find((x) => x.code === code);
      if (!found) return problem(c, 'campaign_not_found', `no campaign ${code}`);
      const left = found.limits.budget ? ((await budgetsLeft(deps.db, programId, [code])).get(code) ?? null) : null;
      return c.json({ ...found, budgetLeft: left } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/campaigns/{code}', operationId: 'putCampaign', tags, security, middleware: [allow('settings')] as const,
      summary: 'Add or replace one campaign; publishes a new rule set version',
      request: { params: z.object({ code: codeString }), ...body(anything) },
      responses: { 200: jsonSchemaOf(published, 'the published version'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await putCampaign(deps, key.programId, c.req.valid('param').code, c.req.valid('json'), actorOf(key));
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/campaigns/{code}', operationId: 'deleteCampaign', tags, security, middleware: [allow('settings')] as const,
      summary: 'Remove a campaign; publishes a new rule set version (receipts it priced keep their version)',
      request: { params: z.object({ code: codeString }) },
      responses: { 200: jsonSchemaOf(published, 'the published version'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await removeCampaign(deps, key.programId, c.req.valid('param').code, actorOf(key));
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  const category = z.object({ code: z.string(), name: z.string(), parent: z.string().nullable() }).openapi('Category');
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/categories', operationId: 'listCategories', tags, security, middleware: [allow('programme:read')] as const,
      summary: 'Product categories that rules may name',
      responses: { 200: json(z.object({ items: z.array(category) }), 'categories'), ...problems },
    }),
    async (c) => c.json({ items: await listCategories(deps.db, c.get('key').programId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/categories/{code}', operationId: 'putCategory', tags, security, middleware: [allow('settings')] as const,
      summary: 'Register or rename a product category',
      request: { params: z.object({ code: codeString }), ...body(z.object({ name: z.string().trim().min(1).max(200), parent: codeString.nullable().default(null) })) },
      responses: { 200: json(category, 'the category'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await saveCategory(deps, key.programId, { code: c.req.valid('param').code, ...c.req.valid('json') }, actorOf(key));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rules/simulate', operationId: 'simulateRules', tags, security, middleware: [allow('simulate')] as const,
      summary: 'Price one receipt under a draft rule set (or the published one): which campaigns applied, which not and why',
      request: body(z.object({ rules: anything.optional().describe('a draft rule set; omit for the published one'), receipt: receiptInput }).openapi('Simulation')),
      responses: { 200: json(calculation, 'the receipt as the draft would price it'), ...problems },
    }),
    async (c) => {
      const { rules, receipt } = c.req.valid('json');
      const key = c.get('key');
      const result = await simulateReceipt(deps, key.programId, rules, toInput(receipt), key);
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/rules/backtest', operationId: 'backtestRules', tags, security, middleware: [allow('backtest'), heavy('backtest')] as const,
      summary: 'Replay stored receipts of a period under a draft rule set and compare with the published one, per campaign',
      request: body(
        z
          .object({ rules: anything, from: instant, to: instant })
          .refine((b) => !(Date.parse(b.from) >= Date.parse(b.to)), { message: 'the end is before the start', path: ['to'] })
          .openapi('Backtest'),
      ),
      responses: { 200: json(backtestReport, 'the comparison'), ...problems },
    }),
    async (c) => {
      const { rules, from, to } = c.req.valid('json');
      const result = await backtest(deps, c.get('key').programId, rules, { from: new Date(from), to: new Date(to) });
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/audit', operationId: 'readAudit', tags: ['Audit'], security, middleware: [allow('audit')] as const,
      summary:
        'Who changed rules, campaigns, coupons, categories, settings, stores, keys, members and cards, when, and what (before/after); newest first. ' +
        'Records of members and cards only for keys that see personal data',
      request: {
        query: z.object({
          entity: z.string().max(32).optional().describe('campaign, rule_set, settings, store, key, member, card, adjustment...'),
          entityId: z.string().max(128).optional(),
          actor: z.string().max(200).optional().describe('part of the actor: a key or staff id, or a name'),
          from: instant.optional(),
          to: instant.optional(),
          before: z.string().max(64).optional().describe('the `next` of an earlier page'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(auditRecord), next: z.string().nullable() }), 'audit records, newest first'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const { from, to, limit, ...rest } = c.req.valid('query');
      const page = await listAudit(deps.db, key.programId, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        limit: limit + 1,
        personal: may(key, 'members:pii'),
      });
      const items = page.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
      return c.json({ items, next: page.length > limit ? (items[items.length - 1]?.id ?? null) : null }, 200);
    },
  );

  return app;
}
