import type { Campaign } from '../rules/campaign.ts';
import { longDate, type Language } from './template.ts';

// A member's personal offers, as a message names them: the campaigns addressed to them by name or by segment, and
// the coupons bound to them.

export interface PersonalOffer {
  /** The campaign's name. */
  name: string;
  /** The coupon that unlocks it for the member, and until when; null for a campaign that needs none. */
  coupon: string | null;
  validTo: Date | null;
}

const running = (c: Campaign, now: Date) =>
  c.enabled && (!c.schedule.from || Date.parse(c.schedule.from) <= now.getTime()) && (!c.schedule.to || now.getTime() < Date.parse(c.schedule.to));

/**
 * The member's personal offers at `now`: the running campaigns whose audience is a member list naming them or a
 * segment they are in, then their coupons still to use (as given, soonest to expire first) of running campaigns.
 */
export function personalOffers(
  campaigns: readonly Campaign[],
  member: { id: string; segments: readonly string[] },
  coupons: readonly { code: string; campaign: string; validTo: Date | null }[],
  now: Date,
): PersonalOffer[] {
  const addressed = campaigns.filter(
    (c) => running(c, now) && ((c.audience.kind === 'members' && c.audience.members.includes(member.id)) || (c.audience.kind === 'segment' && member.segments.includes(c.audience.code))),
  );
  const byCode = new Map(campaigns.map((c) => [c.code, c]));
  return [
    ...addressed.map((c) => ({ name: c.name, coupon: null, validTo: null })),
    ...coupons.flatMap((k) => {
      const c = byCode.get(k.campaign);
      return c && running(c, now) ? [{ name: c.name, coupon: k.code, validTo: k.validTo }] : [];
    }),
  ];
}

/** The offers as one line of a message: «Кофе ×2»; «−10% на выпечку»: купон KOP-7KQ4 до 31 декабря 2026 г. */
export function offersText(offers: readonly PersonalOffer[], language: Language, timezone: string): string {
  const [open, close, coupon, until] = language === 'ru' ? ['«', '»', 'купон', 'до'] : ['“', '”', 'coupon', 'until'];
  return offers
    .map((o) => `${open}${o.name}${close}${o.coupon ? `: ${coupon} ${o.coupon}${o.validTo ? ` ${until} ${longDate(o.validTo, language, timezone)}` : ''}` : ''}`)
    .join('; ');
}
