import { may, type Principal } from '../domain/access.ts';
import type { Card } from '../store/cards.ts';
import type { Queryable } from '../store/db.ts';
import { findMember, type Member } from '../store/members.ts';
import { fail, ok, type Outcome } from './outcome.ts';

// What a key without members' personal data (a partner, a readonly key without the pii grant) sees.

/** What a till needs of a member: who, which tier, how many points. */
export interface MemberSummary {
  id: string;
  tierCode: string | null;
  pointsAvailable: number;
  pointsPending: number;
}

export const memberFor = (by: Principal, m: Member): Member | MemberSummary =>
  may(by, 'members:pii') ? m : { id: m.id, tierCode: m.tierCode, pointsAvailable: m.pointsAvailable, pointsPending: m.pointsPending };

/** A block reason is staff's free text ("stolen, Ivanov called"): personal data. */
export const cardFor = (by: Principal, card: Card): Card => (may(by, 'members:pii') ? card : { ...card, blockReason: null });

/** A referral tree names the members brought; without personal data the names are left out. */
export const referralsFor = <T extends { name: string | null; referrals: T[] }>(by: Principal, nodes: T[]): T[] =>
  may(by, 'members:pii') ? nodes : nodes.map((n) => ({ ...n, name: null, referrals: referralsFor(by, n.referrals) }));

/** A member erased at their request takes no part any more: nothing new is written for them. */
export const erasedRefusal = (m: Pick<Member, 'id'>) => fail('member_erased', `member ${m.id} was erased at their request`);

/** The member a flow changes, locked: refused when there is none, or when they were erased at their request. */
export async function memberToChange(tx: Queryable, programId: string, id: string): Promise<Outcome<Member>> {
  const member = await findMember(tx, programId, { id }, true);
  if (!member) return fail('member_not_found', `no member ${id}`);
  return member.erasedAt ? erasedRefusal(member) : ok(member);
}
