import { offersText, personalOffers } from '../domain/messages/offers.ts';
import type { Language, Values } from '../domain/messages/template.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { usableCouponsOf } from '../store/coupons.ts';
import type { Queryable } from '../store/db.ts';
import type { Member } from '../store/members.ts';
import { latestRules } from '../store/rules.ts';
import { nextTierOf } from './tiers.ts';

// What a message may say of the member that costs queries to know, read only when its template names it.

/** Whether any of the texts names a variable the pattern matches. */
const names = (texts: readonly (string | null | undefined)[], variable: RegExp) => texts.some((t) => t && variable.test(t));
const standing = /\{\{\s*(nextTier|toNextTier)\b/;
const offered = /\{\{\s*(offers|offerCount)\b/;

/**
 * The values of the costly variables the texts name: where the member stands against the next tier (`nextTier`,
 * `toNextTier`), and their personal offers now (`offers` as one line in the language, `offerCount`).
 */
export async function memberValues(db: Queryable, programId: string, settings: ProgramSettings, member: Member, texts: readonly (string | null | undefined)[], language: Language, now: Date): Promise<Values> {
  const values: Values = names(texts, standing) ? await nextTierOf(db, programId, settings, member, now) : {};
  if (names(texts, offered)) {
    const offers = personalOffers((await latestRules(db, programId)).rules.ruleSet.campaigns, member, await usableCouponsOf(db, programId, member.id, now), now);
    Object.assign(values, { offers: offersText(offers, language, settings.timezone), offerCount: offers.length });
  }
  return values;
}
