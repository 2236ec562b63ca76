import { isIP } from 'node:net';
import { z } from '@hono/zod-openapi';
import { toMilli } from '../domain/arithmetic.ts';
import { codeSchema, instantSchema } from '../domain/fields.ts';
import { skipReasons } from '../domain/rules/engine.ts';
import { consentChannels, consentPlaces } from '../domain/consents.ts';

/** Kopecks (minor units); bounded so every sum stays an exact integer. */
export const money = z.number().int().min(0).max(1_000_000_000_000);
export const points = z.number().int().min(0).max(1_000_000_000_000);
const text = (max: number) => z.string().trim().min(1).max(max);
/** A moment in ISO 8601 with an offset, within years 1970-9999 (what both database engines store). */
export const instant = instantSchema.refine((v) => {
    const at = Date.parse(v);
    return Number.isNaN(at) || (at >= 0 && at < Date.UTC(10000, 0, 1)); // a malformed one is reported by the format
  }, 'a date between 1970 and 9999');

export const codeString = codeSchema;

const currencies = new Set(Intl.supportedValuesOf('currency'));
const isCurrency = (c: string) => currencies.has(c);

export const quantity = z
  .number()
  .positive('quantity must be above zero')
  .max(1_000_000)
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'at most three decimals (0.756 kg)');

const receiptLine = z.object({
  sku: codeString,
  name: text(200).optional(),
  category: codeString.optional(),
  brand: text(100).optional(),
  quantity,
  price: money.describe('kopecks per unit'),
  discount: money.default(0).describe("the shop's own discount on the line, kopecks"),
  amount: money.describe('round(price x quantity) - discount, kopecks'),
  isReward: z.boolean().default(false).describe('a gift line: never earns, never paid with points'),
  weighed: z
    .boolean()
    .optional()
    .describe('sold by weight (kg), so part of it may be returned; counted units return whole. Default: true when the quantity has decimals'),
});

const memberRef = z
  .object({
    id: text(64).optional(),
    cardNumber: z.string().regex(/^\d{8,19}$/, '8-19 digits').optional(),
    phone: text(32).optional(),
    externalId: text(128).optional(),
  })
  .refine((m) => Object.values(m).filter((v) => v !== undefined).length === 1, 'name the member by exactly one of id, cardNumber, phone, externalId');

export const receiptInput = z
  .object({
    storeCode: codeString,
    number: text(64),
    purchasedAt: instant.optional().describe('when the sale happened; default now'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code').refine(isCurrency, 'unknown currency').optional(),
    member: memberRef.optional().describe('omit for an anonymous receipt'),
    lines: z.array(receiptLine).min(1).max(500),
    total: money.describe('sum of line amounts, kopecks'),
    pointsToSpend: points.default(0),
    coupons: z.array(z.string().trim().min(1).max(64)).max(20).optional().describe('coupon and promo codes the customer presents'),
  })
  .superRefine((r, ctx) => {
    r.lines.forEach((l, i) => {
      // A quantity out of its own range is reported by its own check; the sum below needs a finite one.
      if (!(l.quantity > 0 && l.quantity <= 1_000_000)) return;
      if (l.weighed === false && !Number.isInteger(l.quantity))
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'quantity'], message: 'a line of counted units has a whole quantity; set weighed for goods sold by weight' });
      const expected = Number((BigInt(l.price) * BigInt(toMilli(l.quantity)) + 500n) / 1000n) - l.discount;
      if (l.amount !== expected)
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'amount'], message: `must be price x quantity - discount = ${expected}` });
    });
    const sum = r.lines.reduce((a, l) => a + l.amount, 0);
    if (r.total !== sum) ctx.addIssue({ code: 'custom', path: ['total'], message: `must equal the sum of line amounts = ${sum}` });
  })
  .openapi('Receipt');

export const returnInput = z
  .object({
    number: text(64).optional().describe("the shop's return document number"),
    lines: z
      .array(z.object({ lineNo: z.number().int().min(1).max(500), quantity }))
      .min(1)
      .max(500)
      .refine((ls) => new Set(ls.map((l) => l.lineNo)).size === ls.length, 'each line at most once'),
  })
  .openapi('Return');

/** No whole number past what a double holds exactly: it would be stored rounded, not as sent. */
const exactNumbers = (value: unknown): boolean =>
  typeof value === 'number'
    ? !Number.isInteger(value) || Number.isSafeInteger(value)
    : value !== null && typeof value === 'object'
      ? Object.values(value).every(exactNumbers)
      : true;

const phoneOrNull = text(32).nullable();
const memberProfile = z.object({
  externalId: text(128).nullable(),
  phone: phoneOrNull,
  email: z.string().trim().pipe(z.email().max(254)).nullable(),
  name: text(200).nullable(),
  birthDate: z.iso.date().nullable(),
  gender: z.enum(['female', 'male']).nullable(),
  city: text(100).nullable(),
  attributes: z
    .record(z.string().min(1).max(64), z.unknown())
    .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
    .refine((a) => JSON.stringify(a).length <= 16_384, 'at most 16 KB of JSON')
    .refine((a) => exactNumbers(a), 'whole numbers within ±9007199254740991, so they are stored as sent')
    .describe("the programme's own member attributes: at most 100, 16 KB of JSON in all"),
  source: text(64).nullable().describe('acquisition source, e.g. "store", "website", "friend"'),
  channel: text(64).nullable().describe('acquisition channel, e.g. "till", "online", "app"'),
  consents: z.object({ email: z.boolean(), sms: z.boolean(), push: z.boolean() }),
});

export const consentEvidence = z
  .object({
    via: z.enum(consentPlaces).optional().describe('where the member gave or withdrew consent (default `api`)'),
    wording: text(100).nullable().optional().describe('the version of the consent wording the member was shown, e.g. "marketing-2026-10"'),
    storeCode: text(64).nullable().optional().describe('the store where it happened'),
    ip: z.string().max(45).refine((v) => isIP(v) !== 0, 'an IPv4 or IPv6 address').nullable().optional().describe("the member's IP address, as the website or app saw it"),
  })
  .strict()
  .describe('how a change of consents came about; kept with each grant and withdrawal as evidence (38-FZ art. 18)')
  .openapi('ConsentEvidence');

export const consentRecord = z
  .object({
    id: z.string(),
    channel: z.enum(consentChannels),
    granted: z.boolean().describe('true for a grant, false for a withdrawal'),
    at: z.string(),
    via: z.enum(consentPlaces),
    wording: z.string().nullable(),
    storeCode: z.string().nullable(),
    ip: z.string().nullable().describe('cleared when the member is erased'),
    actor: z.string().describe('the key or staff member that recorded it'),
  })
  .openapi('ConsentRecord');

export const memberInput = memberProfile
  .partial()
  .extend({
    consentEvidence: consentEvidence.optional(),
    cardNumber: z.string().regex(/^\d{8,19}$/, '8-19 digits').optional().describe('a physical card; else a virtual one is issued'),
    referralCode: z.string().trim().min(4).max(32).optional().describe('the code of the member who referred the newcomer'),
  })
  .openapi('NewMember');

export const memberPatch = memberProfile.partial().extend({ consentEvidence: consentEvidence.optional() }).openapi('MemberPatch');

export const member = memberProfile
  .extend({
    id: z.string(),
    tierCode: z.string().nullable(),
    pointsAvailable: z.number().int(),
    pointsPending: z.number().int(),
    activity: z
      .object({
        purchases: z.number().int().describe('confirmed receipts (a cancelled one no longer counts)'),
        firstPurchaseAt: z.string().nullable(),
        lastPurchaseAt: z.string().nullable(),
        paid: z.number().int().describe('kopecks paid on their receipts, net of returns'),
        pointsEarned: z.number().int().describe('points earned on receipts, net of what returns took back'),
        pointsSpent: z.number().int().describe('points spent on receipts, net of what returns gave back'),
      })
      .openapi('MemberActivity'),
    createdAt: z.string(),
    updatedAt: z.string(),
    erasedAt: z.string().nullable().describe('when their personal data was erased at their request (`POST /v1/members/{id}/erase`)'),
  })
  .openapi('Member');

/** What a key without members' personal data gets (partner; readonly without the pii grant): what a till needs. */
export const memberSummary = member.pick({ id: true, tierCode: true, pointsAvailable: true, pointsPending: true }).openapi('MemberSummary');
export const visibleMember = z.union([member, memberSummary]);

export const card = z
  .object({
    number: z.string(),
    memberId: z.string(),
    kind: z.enum(['virtual', 'physical']),
    status: z.enum(['inactive', 'active', 'blocked']),
    blockReason: z.string().nullable(),
    replacedBy: z.string().nullable(),
  })
  .openapi('Card');

export const balance = z
  .object({
    available: z.number().int(),
    pending: z.number().int(),
    expiringSoon: z.number().int().describe('points expiring within 30 days'),
    nextExpiry: z.object({ points: z.number().int(), at: z.string() }).nullable(),
    debt: z.number().int().describe('points clawed back after they were spent; repaid from the next points'),
  })
  .openapi('Balance');

export const historyItem = z
  .object({
    id: z.string(),
    kind: z.enum(['receipt', 'return', 'cancel', 'adjustment', 'activation', 'expiry', 'action', 'referral']),
    at: z.string(),
    receiptId: z.string().nullable(),
    returnId: z.string().nullable(),
    reason: z.string().nullable(),
    actor: z.string().nullable().describe('who made a manual change: the key or staff member, with their name'),
    available: z.number().int().describe('change of available points'),
    pending: z.number().int().describe('change of pending points'),
  })
  .openapi('HistoryItem');

export const tierChange = z
  .object({
    id: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string(),
    qualifyingValue: z.number().int().describe('points earned or kopecks spent in the qualifying window'),
    at: z.string(),
  })
  .openapi('TierChange');

export const adjustmentInput = z
  .object({
    points: z.number().int().min(-1_000_000_000).max(1_000_000_000).refine((p) => p !== 0, 'must not be zero'),
    reason: text(500),
  })
  .openapi('Adjustment');

export const storeInput = z
  .object({
    name: text(200),
    city: text(100).nullable().default(null),
    channel: z.enum(['till', 'online', 'app', 'partner']).default('till'),
    partner: codeString.nullable().default(null).describe("the partner that owns the store (its partner keys sell here); null: the programme's own"),
  })
  .openapi('StoreInput');

const pricedLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  earns: z.boolean(),
  redeemable: z.boolean(),
  maxPoints: z.number().int(),
  campaignDiscount: z.number().int().describe('kopecks campaigns took off the line'),
  pointsSpent: z.number().int(),
  pointsDiscount: z.number().int(),
  paid: z.number().int(),
  pointsEarned: z.number().int(),
});

export const appliedCampaign = z
  .object({
    campaign: z.string(),
    name: z.string(),
    discount: z.number().int(),
    points: z.number().int(),
    lines: z.array(z.object({ lineNo: z.number().int(), discount: z.number().int(), points: z.number().int() })),
    rewards: z.array(z.record(z.string(), z.unknown())),
    byCoupon: z.boolean(),
  })
  .openapi('AppliedCampaign');
export const skippedCampaign = z
  .object({ campaign: z.string(), name: z.string(), reason: z.enum(skipReasons), message: z.string() })
  .openapi('SkippedCampaign');
const couponResult = z.object({
  code: z.string(),
  status: z.enum(['applied', 'rejected']),
  campaign: z.string().nullable(),
  reason: z.string().optional().describe('unknown, expired, not_yet_valid, used_up, other_member, member_limit, not_for_this_store, conditions_not_met...'),
  message: z.string().optional(),
});

export const calculation = z
  .object({
    memberId: z.string().nullable(),
    settingsVersion: z.number().int(),
    rulesVersion: z.number().int(),
    tier: z.string().nullable(),
    available: z.number().int().nullable(),
    total: z.number().int(),
    maxPointsByReceipt: z.number().int(),
    maxPoints: z.number().int(),
    campaignDiscount: z.number().int(),
    pointsSpent: z.number().int(),
    pointsDiscount: z.number().int(),
    paid: z.number().int(),
    pointsEarned: z.number().int(),
    lines: z.array(pricedLine),
    rules: z.array(z.object({ code: z.string(), description: z.string(), lines: z.array(z.number().int()).optional() })),
    campaigns: z.array(appliedCampaign),
    skippedCampaigns: z.array(skippedCampaign),
    coupons: z.array(couponResult),
    gifts: z.array(z.object({ sku: z.string(), name: z.string().nullable(), quantity: z.number().int(), campaign: z.string() })),
  })
  .openapi('Calculation');

export const confirmedReceipt = calculation
  .extend({
    id: z.string(),
    storeCode: z.string(),
    number: z.string(),
    status: z.literal('confirmed'),
    cardNumber: z.string().nullable(),
    purchasedAt: z.string(),
    balance: z.object({ available: z.number().int(), pending: z.number().int(), expiringSoon: z.number().int(), debt: z.number().int() }).nullable(),
    tierChange: z.object({ from: z.string().nullable(), to: z.string() }).nullable(),
    couponsIssued: z.array(z.object({ code: z.string(), campaign: z.string(), validTo: z.string() })),
    referralBonus: z.number().int().describe("points for joining through a referral, with the newcomer's first qualifying purchase"),
  })
  .openapi('ConfirmedReceipt');

export const returnResult = z
  .object({
    id: z.string(),
    receiptId: z.string(),
    kind: z.enum(['return', 'cancel']),
    number: z.string().nullable(),
    amount: z.number().int().describe('money to give back, kopecks'),
    pointsClawedBack: z.number().int(),
    pointsRefunded: z.number().int(),
    debt: z.number().int(),
    writtenOff: z.number().int(),
    lines: z.array(z.object({ lineNo: z.number().int(), quantity: z.number(), amount: z.number().int(), pointsClawedBack: z.number().int(), pointsRefunded: z.number().int() })),
    balance: z.object({ available: z.number().int(), pending: z.number().int(), debt: z.number().int() }).nullable(),
    couponsRestored: z.array(z.string()).describe('coupons usable again: nothing of the receipt is left'),
    couponsVoided: z.array(z.string()).describe('unused coupons the receipt earned, expired: nothing of it is left'),
  })
  .openapi('ReturnResult');

export const problemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), code: z.string(), detail: z.string() })
  .catchall(z.unknown())
  .openapi('Problem');

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().min(1).max(200).optional().openapi({ description: 'a retry with the same key gets the first answer' }),
});
