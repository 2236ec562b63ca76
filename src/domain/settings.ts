import { z } from 'zod';
import { codeSchema } from './fields.ts';

const code = codeSchema;
const percent = z.number().min(0).max(100).multipleOf(0.01, 'at most two decimals');

const currencies = new Set(Intl.supportedValuesOf('currency'));

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const tierSchema = z.object({
  code,
  name: z.string().min(1).max(100),
  /** Qualifying value (points earned, or kopecks spent, in the window) from which the tier applies. */
  threshold: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  earnMultiplier: z.number().min(1).max(10).multipleOf(0.01).default(1),
  extraPercent: percent.default(0),
  perks: z.string().max(2000).default(''),
});

const exclusion = z
  .object({ categories: z.array(code).max(1000).default([]), skus: z.array(code).max(10000).default([]) })
  .default({ categories: [], skus: [] });

const expiryPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('days'), days: z.number().int().min(1).max(3650) }),
  z.object({ kind: z.literal('end_of_month'), months: z.number().int().min(0).max(120) }),
  z.object({ kind: z.literal('end_of_year'), months: z.number().int().min(0).max(120) }),
]);

const earnRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent }),
  z.object({
    kind: z.literal('per_amount'),
    points: z.number().int().min(1).max(1_000_000),
    per: z.number().int().min(1).max(100_000_000).describe('kopecks (minor units) per step'),
  }),
]);

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 21:00');
/** A cap of marketing messages a day on a channel, or null for none. */
const dailyCap = z.number().int().min(0).max(100_000_000).nullable().default(null);
const perSecond = z.number().int().min(1).max(10_000).nullable().default(null);

export const settingsSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code such as RUB').default('RUB'),
    timezone: z.string().refine(isZone, 'unknown IANA timezone').default('Europe/Moscow'),
    earn: earnRuleSchema.default({ kind: 'percent', percent: 5 }),
    rounding: z.enum(['floor', 'half_up', 'ceil']).default('floor'),
    pointValue: z.number().int().min(1).max(1_000_000).describe('kopecks one point pays').default(100),
    minRedemption: z.number().int().min(1).max(1_000_000_000).default(1),
    maxRedemptionPercent: percent.default(50),
    earnExcluded: exclusion,
    redeemExcluded: exclusion,
    pendingDays: z.number().int().min(0).max(365).default(14),
    expiry: expiryPolicySchema.default({ kind: 'days', days: 365 }),
    /** How many days before a lot expires the member is told (a points.expiring event); 0 tells nobody. */
    expiryNoticeDays: z.number().int().min(0).max(365).default(14),
    negativeBalance: z.enum(['allow', 'write_off']).default('allow'),
    cardActivation: z.enum(['on_registration', 'on_first_purchase']).default('on_registration'),
    enrollOnUnknownCard: z.boolean().default(true),
    /** Partner keys may enrol members: through POST /v1/members, or a receipt naming a new card. */
    partnersMayEnrol: z.boolean().default(false),
    cardPrefix: z.string().regex(/^\d{2,8}$/).default('7770'),
    /** Web shops that may call the API from a browser: origins such as https://shop.example.ru. */
    corsOrigins: z
      .array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'an origin: scheme, host and port, such as https://shop.example.ru'))
      .max(50)
      .default([]),
    tierQualification: z
      .object({
        metric: z.enum(['points_earned', 'amount_spent']).default('amount_spent'),
        windowDays: z.number().int().min(1).max(3650).default(365),
      })
      .default({ metric: 'amount_spent', windowDays: 365 }),
    tiers: z.array(tierSchema).max(20).default([]),
    /** The programme-local time at which the daily jobs (tier review, birthdays, clean-up) run. */
    dailyJobsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 03:00').default('03:00'),
    /** Programme-local hours in which no marketing message goes out: it waits for their end. Null sends at any hour. */
    quietHours: z
      .object({ from: timeOfDay, to: timeOfDay })
      .nullable()
      .default({ from: '21:00', to: '09:00' }),
    /** What marketing messages may do, however many broadcasts and triggers there are. */
    messaging: z
      .object({
        /** At most this many marketing e-mails, SMS and pushes a programme-local day; null sets no cap. Over it, messages wait for the next day. */
        dailyCaps: z
          .object({ email: dailyCap, sms: dailyCap, push: dailyCap })
          .default({ email: null, sms: null, push: null }),
        /** At most this many messages of any kind a second on each channel (an SMSC's or SMTP relay's limit); null sends as fast as it goes. */
        perSecond: z
          .object({ email: perSecond, sms: perSecond, push: perSecond })
          .default({ email: null, sms: null, push: null }),
        /** The share of members (percent) who get no marketing at all, to measure what the messages do as a whole. */
        globalControlPercent: z.number().min(0).max(20).default(0),
        /** Whether e-mails carry an open pixel and their links go through a click redirect. */
        tracking: z.boolean().default(true),
        /** A purchase within this many days of a message counts as its conversion. */
        conversionDays: z.number().int().min(1).max(90).default(7),
      })
      .default({ dailyCaps: { email: null, sms: null, push: null }, perSecond: { email: null, sms: null, push: null }, globalControlPercent: 0, tracking: true, conversionDays: 7 }),
  })
  .superRefine((s, ctx) => {
    const codes = new Set<string>();
    s.tiers.forEach((tier, i) => {
      if (codes.has(tier.code)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'code'], message: 'duplicate tier code' });
      codes.add(tier.code);
      if (i === 0 && tier.threshold !== 0)
        ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'threshold'], message: 'the first tier starts at 0' });
      const previous = s.tiers[i - 1];
      if (previous && tier.threshold <= previous.threshold)
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'threshold'], message: 'thresholds must increase' });
    });
    if (s.expiry.kind === 'days' && s.expiry.days <= s.pendingDays)
      ctx.addIssue({ code: 'custom', path: ['expiry', 'days'], message: 'points must expire after they activate' });
    if (!currencies.has(s.currency))
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'unknown currency' });
  });

export type ProgramSettings = z.infer<typeof settingsSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type ExpiryPolicy = z.infer<typeof expiryPolicySchema>;

export const defaultSettings = (): ProgramSettings => settingsSchema.parse({});

export interface VersionedSettings {
  version: number;
  settings: ProgramSettings;
}
