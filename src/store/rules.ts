import { emptyRuleSet, ruleSetSchema, type RuleSet } from '../domain/rules/campaign.ts';
import type { Usage } from '../domain/rules/context.ts';
import { compileRuleSet, type AppliedCampaign, type CompiledRuleSet } from '../domain/rules/engine.ts';
import type { Queryable } from './db.ts';

export interface VersionedRules {
  version: number;
  rules: CompiledRuleSet;
}

// A published version never changes, so its compiled form is kept for the life of the process.
const compiled = new Map<string, VersionedRules>();

/** The rule set of a version (0 = none published yet), compiled and cached. */
export async function loadRules(db: Queryable, programId: string, version: number): Promise<VersionedRules> {
  const key = `${programId}:${version}`;
  let found = compiled.get(key);
  if (!found) {
    const [row] = version
      ? await db.query<{ rules: unknown }>('select rules from rule_sets where program_id = $1 and version = $2', [programId, version])
      : [];
    if (version && !row) throw new Error(`programme ${programId} has no rule set version ${version}`);
    const ruleSet: RuleSet = row ? ruleSetSchema.parse(row.rules) : emptyRuleSet();
    found = { version, rules: compileRuleSet(ruleSet) };
    if (compiled.size > 1000) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

export const latestRulesVersionSql = (program: string) =>
  `coalesce((select max(version) from rule_sets where program_id = ${program}), 0)`;

export async function latestRules(db: Queryable, programId: string): Promise<VersionedRules> {
  const [row] = await db.query<{ version: number }>(`select ${latestRulesVersionSql('$1')} as version`, [programId]);
  return loadRules(db, programId, row?.version ?? 0);
}

export async function appendRules(db: Queryable, programId: string, version: number, rules: RuleSet, actor: string, at: Date) {
  await db.query('insert into rule_sets (program_id, version, rules, actor, created_at) values ($1, $2, $3, $4, $5)', [
    programId,
    version,
    JSON.stringify(rules),
    actor,
    at,
  ]);
}

export async function ruleVersions(db: Queryable, programId: string) {
  const rows = await db.query<{ version: number; actor: string; created_at: Date; campaigns: number }>(
    `select version, actor, created_at, jsonb_array_length(rules -> 'campaigns') as campaigns
     from rule_sets where program_id = $1 order by version desc limit 100`,
    [programId],
  );
  return rows.map((r) => ({ version: r.version, actor: r.actor, at: r.created_at, campaigns: r.campaigns }));
}

// ---- Categories that rules may name.

export async function upsertCategory(db: Queryable, programId: string, c: { code: string; name: string; parent: string | null }, now: Date) {
  await db.query(
    `insert into categories (program_id, code, name, parent, created_at) values ($1, $2, $3, $4, $5)
     on conflict (program_id, code) do update set name = excluded.name, parent = excluded.parent`,
    [programId, c.code, c.name, c.parent, now],
  );
}

export async function listCategories(db: Queryable, programId: string) {
  return db.query<{ code: string; name: string; parent: string | null }>(
    'select code, name, parent from categories where program_id = $1 order by code',
    [programId],
  );
}

/** Names a rule set may refer to: categories, stores and segments (tiers come from the settings). */
export async function knownNames(db: Queryable, programId: string): Promise<{ categories: Set<string>; stores: Set<string>; segments: Set<string> }> {
  const [row] = await db.query<{ categories: string[]; stores: string[]; segments: string[] }>(
    `select array(select code from categories where program_id = $1) as categories,
            array(select code from stores where program_id = $1) as stores,
            array(select code from segments where program_id = $1) as segments`,
    [programId],
  );
  return { categories: new Set(row?.categories ?? []), stores: new Set(row?.stores ?? []), segments: new Set(row?.segments ?? []) };
}

// ---- What campaigns gave: member limits and budgets. A grant is dated when the sale or action happened.

/** A member's use of campaigns, each within its own limit period (null bounds = ever). */
export async function memberUsage(
  db: Queryable,
  programId: string,
  memberId: string,
  periods: { campaign: string; since: Date | null; until: Date | null }[],
): Promise<Map<string, Usage>> {
  if (!periods.length) return new Map();
  const rows = await db.query<{ campaign: string; points: number; discount: number; uses: number }>(
    `select g.campaign, coalesce(sum(g.points), 0) as points, coalesce(sum(g.discount), 0) as discount, count(*)::int as uses
     from unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) as p(campaign, since, until)
     join campaign_grants g on g.program_id = $1 and g.member_id = $2 and g.campaign = p.campaign
       and (p.since is null or g.created_at >= p.since) and (p.until is null or g.created_at < p.until) and g.reversed_at is null
     group by g.campaign`,
    [programId, memberId, periods.map((p) => p.campaign), periods.map((p) => p.since), periods.map((p) => p.until)],
  );
  return new Map(rows.map((r) => [r.campaign, { points: Number(r.points), discount: Number(r.discount), uses: r.uses }]));
}

export async function insertGrants(
  db: Queryable,
  programId: string,
  sourceId: string,
  memberId: string | null,
  applied: readonly AppliedCampaign[],
  at: Date,
) {
  if (!applied.length) return;
  await db.query(
    `insert into campaign_grants (program_id, campaign, source_id, member_id, points, discount, lines, rewards, created_at)
     select $1, g.campaign, $2, $3, g.points, g.discount, g.lines, g.rewards, $4
     from unnest($5::text[], $6::bigint[], $7::bigint[], $8::jsonb[], $9::jsonb[]) as g(campaign, points, discount, lines, rewards)`,
    [
      programId,
      sourceId,
      memberId,
      at,
      applied.map((a) => a.campaign),
      applied.map((a) => a.points),
      applied.map((a) => a.discount),
      applied.map((a) => JSON.stringify(a.lines)),
      applied.map((a) => JSON.stringify(a.rewards)),
    ],
  );
}

/**
 * A receipt returned in full: what campaigns gave on it no longer counts towards members' limits, and coupons
 * it earned for a later visit that are still unused expire now. Budgets are not given back.
 */
export async function reverseCampaigns(db: Queryable, programId: string, receiptId: string, at: Date) {
  await db.query('update campaign_grants set reversed_at = $3 where program_id = $1 and source_id = $2 and reversed_at is null', [programId, receiptId, at]);
  const voided = await db.query<{ code: string }>(
    `update coupons set valid_to = $3 where program_id = $1 and issued_by_receipt = $2 and uses = 0 and (valid_to is null or valid_to > $3)
     returning code`,
    [programId, receiptId, at],
  );
  return voided.map((r) => r.code).sort();
}

export const BUDGET_SLOTS = 8;

/** The budget counter row a till tries first, by a hash of an id (the member's): tills of different members rarely meet. */
export const budgetSlotOf = (id: string) => [...id].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7) % BUDGET_SLOTS;

/** What each campaign has given so far — points, kopecks of discount, receipts — less receipts returned in full. */
export async function campaignsGiven(db: Queryable, programId: string) {
  const rows = await db.query<{ campaign: string; points: number; discount: number; receipts: number }>(
    `select campaign, sum(points) as points, sum(discount) as discount, count(*) as receipts from campaign_grants
     where program_id = $1 and reversed_at is null group by campaign`,
    [programId],
  );
  return new Map(rows.map((r) => [r.campaign, { points: Number(r.points), discount: Number(r.discount), receipts: Number(r.receipts) }]));
}

export async function budgetsLeft(db: Queryable, programId: string, campaigns: string[]) {
  if (!campaigns.length) return new Map<string, { points: number; discount: number }>();
  const rows = await db.query<{ campaign: string; points: number; discount: number }>(
    `select campaign, sum(points_left) as points, sum(discount_left) as discount from campaign_budgets
     where program_id = $1 and campaign = any($2::text[]) group by campaign`,
    [programId, campaigns],
  );
  return new Map(rows.map((r) => [r.campaign, { points: Number(r.points), discount: Number(r.discount) }]));
}

/**
 * Sets what is left of a campaign's budget: the budget less all the campaign has ever granted, spread evenly
 * over the slots (none negative, so one slot that covers a grant means the whole budget does).
 */
export async function setBudget(db: Queryable, programId: string, campaign: string, budget: { points?: number | undefined; discount?: number | undefined }) {
  // Tills taking from the counters finish first, so what they granted is counted.
  await db.query('select slot from campaign_budgets where program_id = $1 and campaign = $2 order by slot for update', [programId, campaign]);
  const [used] = await db.query<{ points: number; discount: number }>(
    `select coalesce(sum(points), 0) as points, coalesce(sum(discount), 0) as discount from campaign_grants
     where program_id = $1 and campaign = $2`,
    [programId, campaign],
  );
  const left = (total: number | undefined, spent: number) => Math.max(0, (total ?? 0) - spent);
  const points = left(budget.points, Number(used?.points ?? 0));
  const discount = left(budget.discount, Number(used?.discount ?? 0));
  const share = (total: number, slot: number) => Math.trunc(total / BUDGET_SLOTS) + (slot === 0 ? total % BUDGET_SLOTS : 0);
  const slots = Array.from({ length: BUDGET_SLOTS }, (_, i) => i);
  await db.query(
    `insert into campaign_budgets (program_id, campaign, slot, points_left, discount_left)
     select $1, $2, s.slot, s.points, s.discount from unnest($3::int[], $4::bigint[], $5::bigint[]) as s(slot, points, discount)
     on conflict (program_id, campaign, slot) do update set points_left = excluded.points_left, discount_left = excluded.discount_left`,
    [programId, campaign, slots, slots.map((s) => share(points, s)), slots.map((s) => share(discount, s))],
  );
}

/**
 * Takes points and discount from a campaign's budget. First one slot that covers it all, starting at `hint`
 * and skipping slots other tills hold; failing that, all slots locked in order and drained one after another.
 * False when the budget no longer covers it (another till took it first).
 */
export async function takeBudget(db: Queryable, programId: string, campaign: string, points: number, discount: number, hint: number): Promise<boolean> {
  const [one] = await db.query<{ slot: number }>(
    `update campaign_budgets set points_left = points_left - $3, discount_left = discount_left - $4
     where program_id = $1 and campaign = $2 and points_left >= $3 and discount_left >= $4 and slot = (
       select slot from campaign_budgets where program_id = $1 and campaign = $2 and points_left >= $3 and discount_left >= $4
       order by (slot + ${BUDGET_SLOTS} - $5) % ${BUDGET_SLOTS} limit 1 for update skip locked)
     returning slot`,
    [programId, campaign, points, discount, hint % BUDGET_SLOTS],
  );
  if (one) return true;
  const slots = await db.query<{ slot: number; points_left: number; discount_left: number }>(
    'select slot, points_left, discount_left from campaign_budgets where program_id = $1 and campaign = $2 order by slot for update',
    [programId, campaign],
  );
  const sum = (f: (s: (typeof slots)[number]) => number) => slots.reduce((a, s) => a + Number(f(s)), 0);
  if (sum((s) => s.points_left) < points || sum((s) => s.discount_left) < discount) return false;
  let needPoints = points;
  let needDiscount = discount;
  const take = slots.map((s) => {
    const p = Math.min(needPoints, Math.max(0, Number(s.points_left)));
    const d = Math.min(needDiscount, Math.max(0, Number(s.discount_left)));
    needPoints -= p;
    needDiscount -= d;
    return { slot: s.slot, p, d };
  });
  await db.query(
    `update campaign_budgets b set points_left = b.points_left - t.p, discount_left = b.discount_left - t.d
     from unnest($3::int[], $4::bigint[], $5::bigint[]) as t(slot, p, d) where b.program_id = $1 and b.campaign = $2 and b.slot = t.slot`,
    [programId, campaign, take.map((t) => t.slot), take.map((t) => t.p), take.map((t) => t.d)],
  );
  return true;
}

// ---- Audit trail.

export interface AuditRecord {
  id: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
}

export async function recordAudit(db: Queryable, programId: string, r: AuditRecord) {
  await db.query(
    `insert into audit_log (program_id, id, actor, action, entity, entity_id, before, after, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [programId, r.id, r.actor, r.action, r.entity, r.entityId, r.before === undefined ? null : JSON.stringify(r.before), r.after === undefined ? null : JSON.stringify(r.after), r.at],
  );
}

/** Audit entities whose before/after hold members' personal data (contacts, a card's block reason). */
export const personalEntities = ['member', 'card'];

/** Audit records, newest first; without `personal`, records of members and cards are left out. */
/** What an audit search may name: the kind of object and its id, who acted (part of the name), a period, a page. */
export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: string | undefined;
  limit: number;
  personal: boolean;
}

export async function listAudit(db: Queryable, programId: string, filter: AuditFilter) {
  const rows = await db.query<{ id: string; actor: string; action: string; entity: string; entity_id: string; before: unknown; after: unknown; created_at: Date }>(
    `select id, actor, action, entity, entity_id, before, after, created_at from audit_log
     where program_id = $1 and ($2::text is null or entity = $2) and ($3::text is null or id < $3)
       and ($5 or entity <> all($6::text[]))
       and ($7::text is null or entity_id = $7)
       and ($8::text is null or strpos(lower(actor), lower($8)) > 0)
       and ($9::timestamptz is null or created_at >= $9) and ($10::timestamptz is null or created_at < $10)
     order by id desc limit $4`,
    [programId, filter.entity ?? null, filter.before ?? null, filter.limit, filter.personal, personalEntities, filter.entityId ?? null, filter.actor ?? null, filter.from ?? null, filter.to ?? null],
  );
  return rows.map((r) => ({ id: r.id, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after, at: r.created_at }));
}

/** One published version as it was stored: who published it, when, and its rules. */
export async function ruleVersion(db: Queryable, programId: string, version: number) {
  const [row] = await db.query<{ version: number; actor: string; created_at: Date; rules: unknown }>(
    'select version, actor, created_at, rules from rule_sets where program_id = $1 and version = $2',
    [programId, version],
  );
  return row ? { version: row.version, actor: row.actor, at: row.created_at, rules: ruleSetSchema.parse(row.rules) } : null;
}
