import { z } from '@hono/zod-openapi';
import type { EventPayloads, EventType } from '../domain/events.ts';

// The payload of each event type, version 1, as the feed and webhooks carry it. Money is in kopecks, points in
// points, times in ISO 8601. Typed against the domain's payloads, so the document cannot drift from what is written.

const id = z.string();
const member = z.string().describe('the member the event concerns');
const optionalMember = member.nullable().describe('the member, or null for an anonymous receipt or coupon use');
const kopecks = z.number().int();
const points = z.number().int();
const at = z.string().describe('ISO 8601');
const receiptUndone = z.object({ receiptId: id, returnId: id, memberId: optionalMember, amount: kopecks, pointsClawedBack: points, pointsRefunded: points });
const pointsMoved = z.object({ memberId: member, points, available: points.describe('the member’s available points after it') });

export const eventPayloads: { [T in EventType]: z.ZodType<EventPayloads[T]> } = {
  'member.created': z.object({ memberId: member, source: z.string().nullable(), channel: z.string().nullable(), cards: z.array(z.string()) }),
  'member.updated': z.object({ memberId: member, fields: z.array(z.string()).describe('the profile fields that changed') }),
  'member.erased': z.object({ memberId: member, cards: z.array(z.string()).describe('their cards, all blocked with it') }),
  'card.issued': z.object({ memberId: member, cardNumber: z.string(), kind: z.string() }),
  'card.blocked': z.object({ memberId: member, cardNumber: z.string(), reason: z.string().nullable().describe('null once the member is erased'), replacedBy: z.string().nullable() }),
  'receipt.confirmed': z.object({
    receiptId: id,
    storeCode: z.string(),
    number: z.string(),
    memberId: optionalMember,
    total: kopecks,
    paid: kopecks,
    pointsEarned: points,
    pointsSpent: points,
    campaignDiscount: kopecks,
    campaigns: z.array(z.string()).describe('the campaigns applied'),
    purchasedAt: at,
  }),
  'receipt.returned': receiptUndone,
  'receipt.cancelled': receiptUndone,
  'points.adjusted': z.object({ memberId: member, points: points.describe('negative for points taken'), reason: z.string(), available: points }),
  'points.activated': pointsMoved,
  'points.expired': pointsMoved,
  'points.expiring': z.object({ memberId: member, lotId: id, points: points.describe('what is left in the lot'), expiresAt: at }),
  'tier.changed': z.object({ memberId: member, from: z.string().nullable(), to: z.string(), reason: z.string() }),
  'campaign.published': z.object({ campaign: z.string(), rulesVersion: z.number().int(), change: z.enum(['create', 'change', 'remove']) }),
  'coupon.issued': z.object({ code: z.string(), campaign: z.string(), memberId: member, validTo: at, sourceId: id.describe('the receipt or action that earned it') }),
  'coupon.redeemed': z.object({ code: z.string(), campaign: z.string(), memberId: optionalMember, sourceId: id }),
  'coupon.restored': z.object({ code: z.string(), memberId: optionalMember, receiptId: id }),
  'referral.rewarded': z.object({ memberId: member.describe('who got the points'), refereeId: id, role: z.enum(['referrer', 'referee']), points }),
  'action.recorded': z.object({ memberId: member, actionId: id, actionType: z.string(), points }),
  'segment.entered': z.object({ memberId: member, segment: z.string().describe('the segment’s code') }),
  'segment.left': z.object({ memberId: member, segment: z.string().describe('the segment’s code') }),
};
