import { actorOf, type Principal } from '../domain/access.ts';
import { meanLift, shareLift, type Interval } from '../domain/messages/lift.ts';
import { sendingTime } from '../domain/messages/reach.ts';
import { MAX_VARIANTS } from '../domain/messages/split.ts';
import { dueBroadcasts, findBroadcast, markPlanned, planBroadcast, saveBroadcast, variantLetter, type Broadcast } from '../store/broadcasts.ts';
import { groupFigures, type GroupFigures } from '../store/message-results.ts';
import { findTemplate } from '../store/messages.ts';
import { newId } from '../store/ids.ts';
import { loadSettings } from '../store/programs.ts';
import { recordAudit } from '../store/rules.ts';
import { getSegment } from '../store/segments.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { lockSegments } from './segments.ts';
import { inTransaction } from './transaction.ts';

export interface BroadcastInput {
  name: string;
  segment: string;
  topic: string;
  /** The template of each variant, A to E. */
  variants: string[];
  controlPercent: number;
  /** When it goes; left out, at once. */
  sendAt?: Date | null | undefined;
}

/**
 * Makes or changes a broadcast that has not gone yet: to a segment that exists and has members, with one to five
 * variants, each a template written for broadcasts, and a control share of 0–50%.
 */
export async function setBroadcast(deps: Deps, programId: string, code: string, input: BroadcastInput, by: Principal): Promise<Outcome<Broadcast>> {
  if (input.variants.length < 1 || input.variants.length > MAX_VARIANTS) return fail('invalid_broadcast', `a broadcast has 1 to ${MAX_VARIANTS} variants, not ${input.variants.length}`, { field: 'variants' });
  if (!(input.controlPercent >= 0 && input.controlPercent <= 50)) return fail('invalid_broadcast', 'the control share is 0–50%', { field: 'controlPercent' });
  return inTransaction(deps.db, async (tx) => {
    // A segment is not removed while a broadcast to it is being made (its removal takes the same lock).
    await lockSegments(tx, programId);
    const before = await findBroadcast(tx, programId, code, true);
    if (before && before.status !== 'scheduled') return fail('conflict', `broadcast ${code} is ${before.status}: make a new one`);
    const segment = await getSegment(tx, programId, input.segment);
    if (!segment) return fail('invalid_broadcast', `no segment ${input.segment}`, { field: 'segment' });
    if (segment.size === 0) return fail('invalid_broadcast', `segment ${input.segment} has no members`, { field: 'segment' });
    let channel: string | null = null;
    for (const [i, code] of input.variants.entries()) {
      const template = await findTemplate(tx, programId, code, 'share');
      if (!template) return fail('invalid_broadcast', `variant ${variantLetter(i)}: no template ${code}`, { field: `variants.${i}` });
      if (template.event !== 'broadcast') return fail('invalid_broadcast', `variant ${variantLetter(i)}: template ${code} is written for ${template.event}, not for broadcasts`, { field: `variants.${i}` });
      if (template.channel === 'inbox') return fail('invalid_broadcast', `variant ${variantLetter(i)}: template ${code} is for the inbox; broadcasts go by e-mail, SMS or push`, { field: `variants.${i}` });
      if (channel && template.channel !== channel) return fail('invalid_broadcast', `variant ${variantLetter(i)}: template ${code} is for ${template.channel}, variant A's for ${channel}: the variants of a broadcast share a channel`, { field: `variants.${i}` });
      channel = template.channel;
    }
    const now = deps.now();
    const broadcast: Broadcast = {
      code, name: input.name, segment: input.segment, topic: input.topic, variants: input.variants, controlPercent: input.controlPercent, sendAt: input.sendAt ?? now,
      status: 'scheduled', plannedAt: null, audience: null, createdAt: before?.createdAt ?? now, updatedAt: now,
    };
    await saveBroadcast(tx, programId, broadcast);
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), at: now, action: before ? 'change broadcast' : 'create broadcast', entity: 'messaging', entityId: code, before, after: broadcast });
    return ok(broadcast);
  });
}

/** Calls off a broadcast that has not gone yet. */
export async function cancelBroadcast(deps: Deps, programId: string, code: string, by: Principal): Promise<Outcome<Broadcast>> {
  return inTransaction(deps.db, async (tx) => {
    const before = await findBroadcast(tx, programId, code, true);
    if (!before) return fail('not_found', `no broadcast ${code}`);
    if (before.status !== 'scheduled') return fail('conflict', `broadcast ${code} is ${before.status} already`);
    const now = deps.now();
    const after: Broadcast = { ...before, status: 'cancelled', updatedAt: now };
    await saveBroadcast(tx, programId, after);
    await recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), at: now, action: 'cancel broadcast', entity: 'messaging', entityId: code, before, after });
    return ok(after);
  });
}

/**
 * Plans each broadcast whose time has come, each in one transaction: its messages queued (or held back) and the
 * broadcast marked planned together, so a planner killed half-way leaves it to plan whole next time. They are due
 * at its time, or at the end of quiet hours. Of every programme, or of the one given. Returns how many broadcasts were planned.
 */
export async function planDueBroadcasts(deps: Deps, only: string | null = null): Promise<number> {
  let planned = 0;
  for (const due of await dueBroadcasts(deps.db, deps.now(), only)) {
    const done = await inTransaction(deps.db, async (tx) => {
      const broadcast = await findBroadcast(tx, due.programId, due.code, true);
      if (broadcast?.status !== 'scheduled') return fail('conflict', 'planned meanwhile');
      const { settings } = await loadSettings(tx, due.programId);
      const now = deps.now();
      const dueAt = sendingTime(broadcast.sendAt, 'marketing', settings.quietHours, settings.timezone);
      // The channel of its templates (variant A's, which the others share).
      const channel = (await findTemplate(tx, due.programId, broadcast.variants[0] ?? ''))?.channel ?? 'email';
      if (channel === 'inbox') return fail('conflict', 'a broadcast does not go to the inbox');
      const { audience, written } = await planBroadcast(tx, due.programId, broadcast, { now, dueAt, globalControlPercent: settings.messaging.globalControlPercent, channel });
      await markPlanned(tx, due.programId, broadcast.code, now, audience);
      return ok(written);
    });
    if (!done.ok) continue;
    planned += 1;
    // A large broadcast changes the queue at once: the planner's statistics of it are brought up to date before the
    // sender's first look, which would otherwise sort every queued message to find the first few due.
    if (done.value > 10_000) await deps.db.query('analyze messages');
  }
  return planned;
}

export interface GroupResult extends GroupFigures {
  /** Converted members' share less the control group's, with its 95% interval. */
  conversionLift: Interval | null;
  /** Revenue per member less the control group's (kopecks), with its 95% interval. */
  revenueLift: Interval | null;
}

/** What a broadcast's or trigger's messages did: each variant against the control group, over the programme's conversion window. */
export async function originResults(deps: Deps, programId: string, origin: string): Promise<{ conversionDays: number; groups: GroupResult[] }> {
  const { settings } = await loadSettings(deps.db, programId);
  const days = settings.messaging.conversionDays;
  const figures = await groupFigures(deps.db, programId, origin, days);
  const control = figures.find((g) => g.variant === null);
  const spread = (g: GroupFigures) => ({ members: g.members, sum: g.revenue, sumOfSquares: g.revenueSquares });
  return {
    conversionDays: days,
    groups: figures.map((g) => ({
      ...g,
      conversionLift: control && g !== control ? shareLift(g.converted, g.members, control.converted, control.members) : null,
      revenueLift: control && g !== control ? meanLift(spread(g), spread(control)) : null,
    })),
  };
}
