/**
 * What happened in a programme, as the world outside sees it: each event has a type, a payload version, the member
 * it concerns (if any), when it happened, and a payload of plain JSON. Payloads only grow within a version.
 */
export interface EventPayloads {
  'member.created': { memberId: string; source: string | null; channel: string | null; cards: string[] };
  'member.updated': { memberId: string; fields: string[] };
  'member.erased': { memberId: string; cards: string[] };
  'card.issued': { memberId: string; cardNumber: string; kind: string };
  'card.blocked': { memberId: string; cardNumber: string; reason: string | null; replacedBy: string | null };
  'receipt.confirmed': {
    receiptId: string;
    storeCode: string;
    number: string;
    memberId: string | null;
    total: number;
    paid: number;
    pointsEarned: number;
    pointsSpent: number;
    campaignDiscount: number;
    campaigns: string[];
    purchasedAt: string;
  };
  'receipt.returned': { receiptId: string; returnId: string; memberId: string | null; amount: number; pointsClawedBack: number; pointsRefunded: number };
  'receipt.cancelled': { receiptId: string; returnId: string; memberId: string | null; amount: number; pointsClawedBack: number; pointsRefunded: number };
  'points.adjusted': { memberId: string; points: number; reason: string; available: number };
  'points.activated': { memberId: string; points: number; available: number };
  'points.expired': { memberId: string; points: number; available: number };
  'points.expiring': { memberId: string; lotId: string; points: number; expiresAt: string };
  'tier.changed': { memberId: string; from: string | null; to: string; reason: string };
  'campaign.published': { campaign: string; rulesVersion: number; change: 'create' | 'change' | 'remove' };
  'coupon.issued': { code: string; campaign: string; memberId: string; validTo: string; sourceId: string };
  'coupon.redeemed': { code: string; campaign: string; memberId: string | null; sourceId: string };
  'coupon.restored': { code: string; memberId: string | null; receiptId: string };
  'referral.rewarded': { memberId: string; refereeId: string; role: 'referrer' | 'referee'; points: number };
  'action.recorded': { memberId: string; actionId: string; actionType: string; points: number };
  'segment.entered': { memberId: string; segment: string };
  'segment.left': { memberId: string; segment: string };
}

export type EventType = keyof EventPayloads;
export const eventTypes = [
  'member.created',
  'member.updated',
  'member.erased',
  'card.issued',
  'card.blocked',
  'receipt.confirmed',
  'receipt.returned',
  'receipt.cancelled',
  'points.adjusted',
  'points.activated',
  'points.expired',
  'points.expiring',
  'tier.changed',
  'campaign.published',
  'coupon.issued',
  'coupon.redeemed',
  'coupon.restored',
  'referral.rewarded',
  'action.recorded',
  'segment.entered',
  'segment.left',
] as const satisfies readonly EventType[];

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  memberId: string | null;
  occurredAt: Date;
  payload: EventPayloads[T];
}

/** An event with the id given; the member it concerns is the payload's. */
export const makeEvent = <T extends EventType>(id: string, type: T, occurredAt: Date, payload: EventPayloads[T]): DomainEvent<T> => ({
  id,
  type,
  version: 1,
  memberId: 'memberId' in payload ? ((payload as { memberId: string | null }).memberId ?? null) : null,
  occurredAt,
  payload,
});

/** What catching up a member's lots told: points that became available, points that expired. */
export function catchUpEvents(
  memberId: string,
  balance: { available: number; pending: number },
  steps: readonly { kind: 'activation' | 'expiry'; draft: { available: number; pending: number } }[],
  now: Date,
  nextId: () => string,
): DomainEvent[] {
  let before = balance;
  return steps.map(({ kind, draft }) => {
    const points = kind === 'activation' ? before.pending - draft.pending : before.available - draft.available;
    before = { available: draft.available, pending: draft.pending };
    return makeEvent(nextId(), kind === 'activation' ? 'points.activated' : 'points.expired', now, { memberId, points, available: draft.available });
  });
}
