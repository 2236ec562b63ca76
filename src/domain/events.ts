/**
 * What happened in a programme, as the world outside sees it: each event has a type, a payload version, the member
 * it concerns (if any), when it happened, and a payload of plain JSON. Payloads only grow within a version.
 */
export interface EventPayloads {
  'member.created': { memberId: string; source: string | null; channel: string | null; cards: string[] };
  'member.updated': { memberId: string; fields: string[] };
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
  'tier.changed': { memberId: string; from: string | null; to: string; reason: string };
  'campaign.published': { campaign: string; rulesVersion: number; change: 'create' | 'change' | 'remove' };
  'coupon.issued': { code: string; campaign: string; memberId: string; validTo: string; sourceId: string };
  'coupon.redeemed': { code: string; campaign: string; memberId: string | null; sourceId: string };
  'coupon.restored': { code: string; memberId: string | null; receiptId: string };
  'referral.rewarded': { memberId: string; refereeId: string; role: 'referrer' | 'referee'; points: number };
  'action.recorded': { memberId: string; actionId: string; actionType: string; points: number };
}

export type EventType = keyof EventPayloads;
export const eventTypes = [
  'member.created',
  'member.updated',
  'card.issued',
  'card.blocked',
  'receipt.confirmed',
  'receipt.returned',
  'receipt.cancelled',
  'points.adjusted',
  'points.activated',
  'points.expired',
  'tier.changed',
  'campaign.published',
  'coupon.issued',
  'coupon.redeemed',
  'coupon.restored',
  'referral.rewarded',
  'action.recorded',
] as const satisfies readonly EventType[];

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  memberId: string | null;
  occurredAt: Date;
  payload: EventPayloads[T];
}
