import { z } from 'zod';
import { clockSchema as clock, codeSchema as code, instantSchema as instant } from '../fields.ts';
import { conditionType, type References, type Trigger } from './conditions.ts';
import { effectType } from './effects.ts';

const amount = z.number().int().min(0, 'must not be negative').max(1_000_000_000_000);

/** Built-in member actions; a programme adds its own in `eventTypes`. */
export const builtInEventTypes = [
  'registration',
  'newsletter_subscription',
  'profile_completed',
  'review',
  'survey',
  'social_repost',
  'social_comment',
  'app_installed',
  'sport_goal',
  'health_goal',
  'volunteering',
  'eco_choice',
  'birthday',
] as const;

export type ConditionNode =
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode }
  | { code: string; args: Record<string, unknown> };

export const conditionNode: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionNode).max(100) }).strict(),
    z.object({ any: z.array(conditionNode).min(1).max(100) }).strict(),
    z.object({ not: conditionNode }).strict(),
    z.object({ code: z.string(), args: z.record(z.string(), z.unknown()).default({}) }).strict(),
  ]),
);

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('tiers'), tiers: z.array(code).min(1).max(20) }).strict(),
  z.object({ kind: z.literal('members'), members: z.array(z.string().min(1).max(64)).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('segment'), code: code.describe('a segment: its members as last refreshed') }).strict(),
]);

const period = z.enum(['day', 'week', 'month', 'lifetime']);
const caps = z.object({ points: amount.optional(), discount: amount.optional().describe('kopecks') }).strict();

export const campaignSchema = z
  .object({
    code,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    enabled: z.boolean().default(true),
    trigger: z.enum(['receipt', 'event']).default('receipt'),
    schedule: z
      .object({
        from: instant.optional(),
        to: instant.optional(),
        days: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional().describe('1 = Monday ... 7 = Sunday'),
        hours: z.object({ from: clock, to: clock }).strict().refine((h) => h.from !== h.to, { message: 'an empty window: from equals to', path: ['to'] }).optional(),
      })
      .strict()
      .default({}),
    audience: audience.default({ kind: 'all' }),
    scope: z
      .object({
        stores: z.array(code).max(10_000).default([]),
        channels: z.array(z.enum(['till', 'online', 'app', 'partner'])).default([]),
      })
      .strict()
      .default({ stores: [], channels: [] }),
    conditions: conditionNode.default({ all: [] }),
    effects: z.array(z.object({ code: z.string(), args: z.record(z.string(), z.unknown()).default({}) }).strict()).min(1).max(20),
    priority: z.number().int().min(-1000).max(1000).default(0),
    stacking: z
      .object({ mode: z.enum(['stackable', 'exclusive', 'group']), group: code.optional() })
      .strict()
      .refine((s) => s.mode !== 'group' || s.group !== undefined, { message: 'name the group', path: ['group'] })
      .default({ mode: 'stackable' }),
    limits: z
      .object({
        budget: caps.optional().describe('for the whole campaign, over all members'),
        perMember: caps.extend({ period, uses: z.number().int().min(1).max(1_000_000).optional() }).strict().optional(),
        perReceipt: caps.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const ruleSetSchema = z
  .object({
    campaigns: z.array(campaignSchema).max(1000).default([]),
    eventTypes: z.array(z.object({ code, name: z.string().min(1).max(200) }).strict()).max(200).default([]),
    referral: z
      .object({
        enabled: z.boolean().default(false),
        referrerPoints: z.number().int().min(0).max(100_000_000).default(0),
        refereePoints: z.number().int().min(0).max(100_000_000).default(0),
        minPurchase: amount.default(0).describe("the newcomer's first receipt must reach this, kopecks"),
        maxRewardsPerMonth: z.number().int().min(1).max(10_000).default(20),
      })
      .strict()
      .default({ enabled: false, referrerPoints: 0, refereePoints: 0, minPurchase: 0, maxRewardsPerMonth: 20 }),
  })
  .strict();

export type Campaign = z.infer<typeof campaignSchema>;
export type RuleSet = z.infer<typeof ruleSetSchema>;
export type ReferralRules = RuleSet['referral'];

export const emptyRuleSet = (): RuleSet => ruleSetSchema.parse({});

/** Far more than any real rule set needs (conditions nest a few levels), far less than would exhaust the stack. */
const MAX_NESTING = 64;

/** How deep a JSON value nests, counted without recursion. */
function nesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_NESTING) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** What the rest of the programme defines, for reference checks at publish time. */
export interface Known {
  categories: ReadonlySet<string>;
  tiers: ReadonlySet<string>;
  stores: ReadonlySet<string>;
  segments?: ReadonlySet<string>;
}

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Parses and checks a rule set as a whole: catalogue codes and argument types, triggers, names of categories,
 * tiers, stores, campaigns and actions that must exist. A rule set that passes can always be evaluated.
 */
export function parseRuleSet(input: unknown, known: Known): { ok: true; ruleSet: RuleSet } | { ok: false; issues: RuleIssue[] } {
  if (nesting(input) > MAX_NESTING) return { ok: false, issues: [{ path: [], message: `nested deeper than ${MAX_NESTING} levels` }] };
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) };
  const ruleSet = parsed.data;
  const issues: RuleIssue[] = [];
  const eventTypes = new Set<string>([...builtInEventTypes, ...ruleSet.eventTypes.map((e) => e.code)]);
  const campaigns = new Set<string>();
  ruleSet.campaigns.forEach((c, i) => {
    if (campaigns.has(c.code)) issues.push({ path: ['campaigns', i, 'code'], message: `duplicate campaign code ${c.code}` });
    campaigns.add(c.code);
  });

  const checkRefs = (refs: References, path: (string | number)[]) => {
    const missing = (kind: string, names: readonly string[] | undefined, have: ReadonlySet<string>) => {
      for (const name of names ?? []) if (!have.has(name)) issues.push({ path, message: `unknown ${kind} "${name}"` });
    };
    missing('category', refs.categories, known.categories);
    missing('tier', refs.tiers, known.tiers);
    missing('store', refs.stores, known.stores);
    missing('campaign', refs.campaigns, campaigns);
    missing('action type', refs.eventTypes, eventTypes);
  };
  const parseArgs = (schema: z.ZodType, args: unknown, path: (string | number)[]) => {
    const r = schema.safeParse(args);
    if (r.success) return r.data as Record<string, unknown>;
    for (const i of r.error.issues) issues.push({ path: [...path, 'args', ...(i.path as (string | number)[])], message: i.message });
    return null;
  };

  const walk = (node: ConditionNode, trigger: Trigger, path: (string | number)[]): ConditionNode => {
    if ('all' in node) return { all: node.all.map((n, i) => walk(n, trigger, [...path, 'all', i])) };
    if ('any' in node) return { any: node.any.map((n, i) => walk(n, trigger, [...path, 'any', i])) };
    if ('not' in node) return { not: walk(node.not, trigger, [...path, 'not']) };
    const type = conditionType.get(node.code);
    if (!type) {
      issues.push({ path: [...path, 'code'], message: `unknown condition "${node.code}"` });
      return node;
    }
    if (!type.triggers.includes(trigger))
      issues.push({ path: [...path, 'code'], message: `condition "${node.code}" does not apply to ${trigger} campaigns` });
    const args = parseArgs(type.args, node.args, path);
    if (!args) return node;
    checkRefs(type.refs?.(args as never) ?? {}, [...path, 'args']);
    return { code: node.code, args };
  };

  ruleSet.campaigns = ruleSet.campaigns.map((c, i) => {
    const at = ['campaigns', i];
    const { from, to } = c.schedule;
    if (from && to && Date.parse(to) <= Date.parse(from)) issues.push({ path: [...at, 'schedule', 'to'], message: 'the end is before the start' });
    if (c.audience.kind === 'tiers') checkRefs({ tiers: c.audience.tiers }, [...at, 'audience', 'tiers']);
    if (c.audience.kind === 'segment' && !known.segments?.has(c.audience.code))
      issues.push({ path: [...at, 'audience', 'code'], message: `unknown segment "${c.audience.code}"` });
    checkRefs({ stores: c.scope.stores }, [...at, 'scope', 'stores']);
    if (c.trigger === 'event' && (c.scope.stores.length || c.scope.channels.length))
      issues.push({ path: [...at, 'scope'], message: 'an action campaign has no store or channel' });
    const conditions = walk(c.conditions, c.trigger, [...at, 'conditions']);
    const effects = c.effects.map((e, j) => {
      const path = [...at, 'effects', j];
      const type = effectType.get(e.code);
      if (!type) {
        issues.push({ path: [...path, 'code'], message: `unknown effect "${e.code}"` });
        return e;
      }
      if (!type.triggers.includes(c.trigger))
        issues.push({ path: [...path, 'code'], message: `effect "${e.code}" does not apply to ${c.trigger} campaigns` });
      const args = parseArgs(type.args, e.args, path);
      if (!args) return e;
      checkRefs(type.refs?.(args as never) ?? {}, [...path, 'args']);
      return { code: e.code, args };
    });
    return { ...c, conditions, effects };
  });
  return issues.length ? { ok: false, issues } : { ok: true, ruleSet };
}
