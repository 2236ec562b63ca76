import { plusLocalDays } from '../domain/rules/calendar.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { tierMove } from '../domain/tiers.ts';
import type { Queryable } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { qualifyingValue, setTier, type Member } from '../store/members.ts';

/**
 * The qualifying window to look at, or null when there is nothing to decide: no tiers, or a member already at
 * the top (only a review moves people down).
 */
export function tierWindow(settings: ProgramSettings, member: Member | null, now: Date) {
  const top = settings.tiers[settings.tiers.length - 1];
  if (!top || member?.tierCode === top.code) return null;
  const { metric, windowDays } = settings.tierQualification;
  return { metric, since: plusLocalDays(now, -windowDays, settings.timezone) };
}

/** The tier review: moves a member up or down to the tier their qualifying value in the window earns. */
export async function reviewTier(tx: Queryable, programId: string, settings: ProgramSettings, member: Member, now: Date): Promise<{ from: string | null; to: string } | null> {
  const window = tierWindow(settings, null, now);
  if (!window) return null;
  const value = await qualifyingValue(tx, programId, member.id, window.metric, window.since);
  const move = tierMove(settings.tiers, member.tierCode, value, true);
  if (!move) return null;
  await setTier(tx, programId, { id: newId('tch'), memberId: member.id, from: member.tierCode, to: move.to.code, reason: move.direction, value, at: now });
  return { from: member.tierCode, to: move.to.code };
}

/**
 * Where the member stands against the next tier: its name and what they still have to earn or spend for it (in
 * the qualifying metric's unit, kopecks for money) over the window as it stands now; both null at the top tier.
 */
export async function nextTierOf(db: Queryable, programId: string, settings: ProgramSettings, member: Member, now: Date): Promise<{ nextTier: string | null; toNextTier: number | null }> {
  const window = tierWindow(settings, member, now);
  const next = settings.tiers[settings.tiers.findIndex((t) => t.code === member.tierCode) + 1];
  if (!window || !next) return { nextTier: null, toNextTier: null };
  const value = await qualifyingValue(db, programId, member.id, window.metric, window.since);
  return { nextTier: next.name, toNextTier: Math.max(0, next.threshold - value) };
}
