import { openDraft, summarise, type BalanceSummary } from '../domain/ledger.ts';
import { openLots } from '../store/ledger.ts';
import { findMember } from '../store/members.ts';
import type { Deps } from './deps.ts';
import { settle } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';

export interface Balance extends BalanceSummary {
  nextExpiry: { points: number; at: Date } | null;
}

/**
 * The balance as of now, as a till or the member would see it: points whose return window has ended count as
 * available and expired points are gone, even before the scheduled jobs have written that down. Reads only.
 */
export async function currentBalance(deps: Deps, programId: string, memberId: string): Promise<Outcome<Balance>> {
  const member = await findMember(deps.db, programId, { id: memberId });
  if (!member) return fail('member_not_found', `no member ${memberId}`);
  const now = deps.now();
  const lots = await openLots(deps.db, programId, memberId);
  const settled = await settle(deps.db, programId, memberId, { balance: { available: member.pointsAvailable, pending: member.pointsPending }, lots }, now, false);
  let nextExpiry: Balance['nextExpiry'] = null;
  for (const lot of settled.lots) {
    if (lot.state !== 'active' || lot.remaining === 0 || !lot.expiresAt) continue;
    if (!nextExpiry || lot.expiresAt < nextExpiry.at) nextExpiry = { points: lot.remaining, at: lot.expiresAt };
    else if (lot.expiresAt.getTime() === nextExpiry.at.getTime()) nextExpiry.points += lot.remaining;
  }
  return ok({ ...summarise(openDraft(settled.balance, settled.lots), now), nextExpiry });
}
