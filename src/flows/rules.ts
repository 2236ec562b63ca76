import type { Principal } from '../domain/access.ts';
import { parseRuleSet, type Campaign, type RuleSet } from '../domain/rules/campaign.ts';
import { compileRuleSet } from '../domain/rules/engine.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { loadSettings } from '../store/programs.ts';
import { appendRules, knownNames, latestRules, recordAudit, setBudget, upsertCategory, type VersionedRules } from '../store/rules.ts';
import { calculateReceipt, type ReceiptInput } from './receipts.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction, requestHash } from './transaction.ts';

export interface PublishedRules {
  version: number;
  rules: RuleSet;
}

/** Checks a draft rule set against the programme as it is now; the issues name the fields. */
export async function checkRuleSet(db: Queryable, programId: string, draft: unknown): Promise<Outcome<RuleSet>> {
  const [names, { settings }] = [await knownNames(db, programId), await loadSettings(db, programId)];
  const parsed = parseRuleSet(draft, { ...names, tiers: new Set(settings.tiers.map((t) => t.code)) });
  if (parsed.ok) return ok(parsed.ruleSet);
  const errors = parsed.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return fail('invalid_rules', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/**
 * Publishes a rule set as a new version, without a restart: receipts from now on are priced by it, earlier ones
 * keep theirs. Budgets move by the change in each campaign's budget. Who changed what is kept in the audit trail.
 */
export async function publishRules(
  deps: Deps,
  programId: string,
  draft: unknown | ((published: RuleSet) => Outcome<unknown>),
  actor: string,
): Promise<Outcome<PublishedRules>> {
  return inTransaction(deps.db, async (tx) => {
    // One publisher at a time, and an edit of one campaign is made to the version it replaces.
    await tx.query('select id from programs where id = $1 for update', [programId]);
    const current = await latestRules(tx, programId);
    const before = current.rules.ruleSet;
    const wanted = typeof draft === 'function' ? (draft as (published: RuleSet) => Outcome<unknown>)(before) : ok(draft);
    if (!wanted.ok) return wanted;
    const checked = await checkRuleSet(tx, programId, wanted.value);
    if (!checked.ok) return checked;
    const rules = checked.value;
    if (same(rules, before)) return ok({ version: current.version, rules: before });
    const version = current.version + 1;
    const now = deps.now();
    await appendRules(tx, programId, version, rules, actor, now);

    const old = new Map(before.campaigns.map((c) => [c.code, c]));
    const audit = (entity: string, entityId: string, action: string, was: unknown, is: unknown) =>
      recordAudit(tx, programId, { id: newId('aud'), actor, action, entity, entityId, before: was, after: is, at: now });
    const published = (campaign: string, change: 'create' | 'change' | 'remove') => newEvent('campaign.published', now, { campaign, rulesVersion: version, change });
    const events = [];
    for (const c of rules.campaigns) {
      const was = old.get(c.code);
      old.delete(c.code);
      if (c.limits.budget && !same(was?.limits.budget, c.limits.budget)) await setBudget(tx, programId, c.code, c.limits.budget);
      if (same(was, c)) continue;
      await audit('campaign', c.code, was ? 'change' : 'create', was ?? null, c);
      events.push(published(c.code, was ? 'change' : 'create'));
    }
    for (const [code, was] of old) {
      await audit('campaign', code, 'remove', was, null);
      events.push(published(code, 'remove'));
    }
    await recordEvents(tx, programId, events);
    const { campaigns: _a, ...restBefore } = before;
    const { campaigns: _b, ...restAfter } = rules;
    if (!same(restBefore, restAfter)) await audit('rule_set', String(version), 'change', restBefore, restAfter);
    return ok({ version, rules });
  });
}

/** Adds or replaces one campaign and publishes the result as a new version. */
export const putCampaign = (deps: Deps, programId: string, code: string, campaign: Record<string, unknown>, actor: string) =>
  publishRules(
    deps,
    programId,
    (published: RuleSet) => {
      const next = { ...campaign, code };
      const known = published.campaigns.some((c: Campaign) => c.code === code);
      return ok({ ...published, campaigns: known ? published.campaigns.map((c: Campaign) => (c.code === code ? next : c)) : [...published.campaigns, next] });
    },
    actor,
  );

export const removeCampaign = (deps: Deps, programId: string, code: string, actor: string) =>
  publishRules(
    deps,
    programId,
    (published: RuleSet) =>
      published.campaigns.some((c: Campaign) => c.code === code)
        ? ok({ ...published, campaigns: published.campaigns.filter((c: Campaign) => c.code !== code) })
        : fail('campaign_not_found', `no campaign ${code}`),
    actor,
  );

/** Equal as data, whatever the order of keys (jsonb gives them back in its own order). */
const same = (a: unknown, b: unknown) => requestHash(a ?? null) === requestHash(b ?? null);

export async function saveCategory(deps: Deps, programId: string, category: { code: string; name: string; parent: string | null }, actor: string) {
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    if (category.parent === category.code) return fail('validation_failed', 'a category cannot be its own parent', { field: 'parent' });
    if (category.parent) {
      const [parent] = await tx.query('select 1 from categories where program_id = $1 and code = $2', [programId, category.parent]);
      if (!parent) return fail('validation_failed', `parent: no category ${category.parent}`, { field: 'parent' });
    }
    const [was] = await tx.query<{ code: string; name: string; parent: string | null }>(
      'select code, name, parent from categories where program_id = $1 and code = $2',
      [programId, category.code],
    );
    await upsertCategory(tx, programId, category, now);
    if (!same(was, category))
      await recordAudit(tx, programId, { id: newId('aud'), actor, action: was ? 'change' : 'create', entity: 'category', entityId: category.code, before: was ?? null, after: category, at: now });
    return ok(category);
  });
}

/**
 * Prices one receipt under a draft rule set (or the published one) without writing anything: which campaigns
 * applied, which did not and why. The draft's version is the one it would get if published.
 */
export async function simulateReceipt(deps: Deps, programId: string, draft: unknown, receipt: ReceiptInput, by: Principal) {
  let rules: VersionedRules | undefined;
  if (draft !== undefined) {
    const checked = await checkRuleSet(deps.db, programId, draft);
    if (!checked.ok) return checked;
    const published = await latestRules(deps.db, programId);
    rules = { version: published.version + 1, rules: compileRuleSet(checked.value) };
  }
  return calculateReceipt(deps, programId, receipt, by, rules);
}
