import type { EventPayloads } from '../events.ts';

// The events a message can answer, and the variables a template for each may use beside the member's own.

/**
 * Every message may name these: the member, their balance and tier, the next tier and what they still have to earn
 * or spend for it, their personal offers (as one line) and how many, the programme, the unsubscribe link.
 */
export const memberVariables = ['name', 'balance', 'tier', 'nextTier', 'toNextTier', 'offers', 'offerCount', 'programme', 'unsubscribeUrl'] as const;

/**
 * Each event a trigger may answer, with the variables its payload gives; the days of the calendar a trigger may
 * answer (a birthday N days ahead, N days since the last purchase, the member's usual interval between purchases
 * passed by N days, a tier to be lost at the review in N days, the points earned over each N days); and a
 * broadcast, which gives none.
 */
export const occasions = {
  broadcast: [],
  'member.birthday': ['birthday'],
  'member.lapsed': ['lastPurchase', 'days'],
  'purchase.due': ['lastPurchase', 'usualDays'],
  'points.digest': ['points', 'receipts', 'days'],
  'member.created': [],
  'receipt.confirmed': ['points', 'paid', 'storeCode'],
  'points.expiring': ['points', 'expiresAt'],
  'points.adjusted': ['points'],
  'tier.changed': ['newTier'],
  'tier.at_risk': ['dropsOn', 'missing'],
  'coupon.issued': ['couponCode', 'validTo'],
  'referral.rewarded': ['points'],
} as const satisfies Partial<Record<keyof EventPayloads | CalendarOccasion | 'broadcast', readonly string[]>>;

export type Occasion = keyof typeof occasions;
export const occasionTypes = Object.keys(occasions) as Occasion[];

/** The occasions a trigger may answer: each but a broadcast. */
export type TriggerOccasion = Exclude<Occasion, 'broadcast'>;

/** The occasions of the calendar: each needs the trigger's `days`. */
export const calendarOccasions = ['member.birthday', 'member.lapsed', 'purchase.due', 'tier.at_risk', 'points.digest'] as const;
export type CalendarOccasion = (typeof calendarOccasions)[number];
export const isCalendarOccasion = (o: string): o is CalendarOccasion => (calendarOccasions as readonly string[]).includes(o);
export const triggerOccasions = occasionTypes.filter((o): o is TriggerOccasion => o !== 'broadcast');

/** The variables a template for the occasion may refer to. */
export const variablesOf = (occasion: Occasion): string[] => [...memberVariables, ...occasions[occasion]];

/** The occasion's own variables, from its event's payload. */
export function occasionValues(occasion: Occasion, payload: Record<string, unknown>): Record<string, string | number | null> {
  const p = payload as Record<string, string | number | undefined>;
  switch (occasion) {
    case 'points.expiring':
      return { points: p.points ?? null, expiresAt: p.expiresAt ?? null };
    case 'receipt.confirmed':
      return { points: p.pointsEarned ?? null, paid: p.paid ?? null, storeCode: p.storeCode ?? null };
    case 'points.adjusted':
    case 'referral.rewarded':
      return { points: p.points ?? null };
    case 'tier.changed':
      return { newTier: p.to ?? null };
    case 'coupon.issued':
      return { couponCode: p.code ?? null, validTo: p.validTo ?? null };
    default:
      return {};
  }
}
