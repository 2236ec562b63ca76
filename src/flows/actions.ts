import { expiryTime } from '../domain/expiry.ts';
import { credit, openDraft } from '../domain/ledger.ts';
import { builtInEventTypes } from '../domain/rules/campaign.ts';
import { awardPoints, selectCampaigns, type AppliedCampaign, type Skipped } from '../domain/rules/engine.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { writeDraft } from '../store/ledger.ts';
import type { Member } from '../store/members.ts';
import { loadSettings } from '../store/programs.ts';
import { latestRules } from '../store/rules.ts';
import { balanceAfter, type Balance } from './balance.ts';
import { campaignSetup, recordCampaigns } from './campaigns.ts';
import type { IssuedCoupon } from '../domain/receipt.ts';
import type { Deps } from './deps.ts';
import { settleLots } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { memberToChange } from './personal-data.ts';
import { inTransaction, requestHash } from './transaction.ts';
import { sameRequest } from '../domain/requests.ts';

export interface ActionInput {
  /** The caller's id of the event: a retry with the same id has one effect and gets the same answer. */
  id: string;
  memberId: string;
  type: string;
  occurredAt?: Date | undefined;
  attributes?: Record<string, unknown> | undefined;
}

export interface ActionResult {
  id: string;
  memberId: string;
  type: string;
  occurredAt: string;
  rulesVersion: number;
  points: number;
  campaigns: AppliedCampaign[];
  skippedCampaigns: Skipped[];
  couponsIssued: IssuedCoupon[];
  tierChange: { from: string | null; to: string } | null;
  balance: Balance | null;
}

/** Prices a member's action by the published campaigns and credits the points, inside the caller's transaction. */
async function rewardAction(
  tx: Queryable,
  programId: string,
  settings: ProgramSettings,
  member: Member,
  action: Required<Omit<ActionInput, 'memberId'>>,
  now: Date,
): Promise<Outcome<ActionResult>> {
  const rules = await latestRules(tx, programId);
  const known = new Set<string>([...builtInEventTypes, ...rules.rules.ruleSet.eventTypes.map((e) => e.code)]);
  if (!known.has(action.type)) return fail('unknown_action_type', `unknown action type ${action.type}; the programme knows ${[...known].join(', ')}`);
  const setup = await campaignSetup(tx, programId, {
    rules,
    settings,
    member,
    purchases: 0,
    storeCode: null,
    channel: null,
    lines: [],
    pointsToSpend: 0,
    coupons: [],
    event: { type: action.type, attributes: action.attributes },
    at: action.occurredAt,
  });
  const selection = selectCampaigns(rules.rules, setup.context, []);
  const applied = awardPoints(rules.rules, selection, setup.context, [], []);
  const points = applied.reduce((a, c) => a + c.points, 0);
  const sourceId = `action:${action.id}`;
  const recorded = await recordCampaigns(tx, programId, { sourceId, rules, member, applied, coupons: [], settings, at: now, happenedAt: action.occurredAt });
  let balance: Balance | null = null;
  if (points > 0) {
    const ledger = await settleLots(tx, programId, member.id, { available: member.pointsAvailable, pending: member.pointsPending }, now);
    const draft = openDraft(ledger.balance, ledger.lots);
    credit(draft, points, { id: newId('lot'), activatesAt: now, expiresAt: expiryTime(settings, now) }, 'program:issuance', now);
    await writeDraft(tx, programId, member.id, { id: newId('ent'), kind: 'action', reason: `${action.type} ${action.id}`, at: now }, draft);
    balance = balanceAfter(draft, now);
  }
  await recordEvents(tx, programId, [newEvent('action.recorded', now, { memberId: member.id, actionId: action.id, actionType: action.type, points })]);
  return ok({
    id: action.id,
    memberId: member.id,
    type: action.type,
    occurredAt: action.occurredAt.toISOString(),
    rulesVersion: rules.version,
    points,
    campaigns: applied,
    skippedCampaigns: selection.skipped,
    couponsIssued: recorded.issued,
    tierChange: recorded.tier,
    balance,
  });
}

/**
 * Records a member's action (a review, a survey, a sport goal...) and gives what the campaigns say, with their
 * per-period caps. Idempotent by the event id: the same event again gets the first answer; other content, a refusal.
 */
/** Actions the programme records itself: registration when a member joins, birthday by the daily job. */
const systemActions: ReadonlySet<string> = new Set(['registration', 'birthday']);

export async function recordAction(deps: Deps, programId: string, input: ActionInput, bySystem = false): Promise<Outcome<ActionResult>> {
  if (!bySystem && systemActions.has(input.type))
    return fail('unknown_action_type', `${input.type} is recorded by the programme itself`, { field: 'type' });
  return inTransaction(deps.db, async (tx) => {
    const member = await memberToChange(tx, programId, input.memberId);
    if (!member.ok) return member;
    return recordActionOf(tx, programId, member.value, input, deps.now());
  });
}

/** The same inside a flow that already holds the member's lock (registration records `registration`). */
export async function recordActionOf(tx: Queryable, programId: string, member: Member, input: ActionInput, now: Date): Promise<Outcome<ActionResult>> {
  const hash = requestHash({ ...input, occurredAt: input.occurredAt?.toISOString() });
  // Read under the member's lock: a concurrent copy of this event has committed by now.
  const [seen] = await tx.query<{ request_hash: string; response: ActionResult }>(
    'select request_hash, response from member_events where program_id = $1 and id = $2',
    [programId, input.id],
  );
  if (seen) return sameRequest(seen.request_hash, hash) ? ok(seen.response) : fail('event_conflict', `event ${input.id} was already recorded with other content`);
  const occurredAt = input.occurredAt ?? now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) return fail('validation_failed', 'occurredAt is in the future', { field: 'occurredAt' });
  const { settings } = await loadSettings(tx, programId);
  const result = await rewardAction(tx, programId, settings, member, { id: input.id, type: input.type, occurredAt, attributes: input.attributes ?? {} }, now);
  if (!result.ok) return result;
  await tx.query(
    `insert into member_events (program_id, id, member_id, type, occurred_at, attributes, rules_version, points, request_hash, response, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [programId, input.id, member.id, input.type, occurredAt, JSON.stringify(input.attributes ?? {}), result.value.rulesVersion, result.value.points, hash, JSON.stringify(result.value), now],
  );
  return result;
}
