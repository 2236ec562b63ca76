import { randomInt } from 'node:crypto';
import { actorOf, may, maySellAt, namingNeeds, refusal, type Principal } from '../domain/access.ts';
import { isValidCardNumber, virtualCardNumber } from '../domain/cards.ts';
import { normaliseEmail, normalisePhone } from '../domain/contacts.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { activateCard, blockCard, findCard, insertCard, type Card } from '../store/cards.ts';
import type { Queryable } from '../store/db.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { erasePersonalData, findMember, insertMember, locateForReceipt, updateProfile, type Member, type MemberKey, type MemberProfile } from '../store/members.ts';
import { loadSettings, receiptContext, type ReceiptContext } from '../store/programs.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { idempotent, inTransaction } from './transaction.ts';
import { recordActionOf } from './actions.ts';
import { erasedRefusal, memberToChange } from './personal-data.ts';
import { linkReferral } from './referrals.ts';
import { latestRules, recordAudit } from '../store/rules.ts';
import { consentChanges, noConsents, unstatedEvidence, type ConsentChannel, type ConsentEvidence, type Consents } from '../domain/consents.ts';
import { forgetConsentAddresses, recordConsents } from '../store/consents.ts';
import { findStore } from '../store/stores.ts';

export type ProfileInput = Partial<MemberProfile> & {
  /** How a change of consents came about: recorded with each grant and withdrawal. */
  consentEvidence?: Partial<ConsentEvidence> | undefined;
};

/** One audit record of a member or a card, with the key as the actor. */
const audit = (
  tx: Queryable,
  programId: string,
  by: Principal,
  now: Date,
  what: { action: string; entity: 'member' | 'card'; entityId: string; before?: unknown; after?: unknown },
) => recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), at: now, before: null, after: null, ...what });

export interface RegisterInput extends ProfileInput {
  /** A physical card handed over at registration; otherwise a virtual card is issued. */
  cardNumber?: string | undefined;
  /** The referral code of the member who brought the newcomer. */
  referralCode?: string | undefined;
}

const emptyProfile: MemberProfile = {
  externalId: null,
  phone: null,
  email: null,
  name: null,
  birthDate: null,
  gender: null,
  city: null,
  attributes: {},
  source: null,
  channel: null,
  consents: noConsents,
};

/** Normalises contacts and refuses identifiers another member already has. */
async function checkProfile(tx: Queryable, programId: string, profile: MemberProfile, self: string | null): Promise<Outcome<MemberProfile>> {
  let phone = profile.phone;
  if (phone !== null) {
    phone = normalisePhone(phone);
    if (!phone) return fail('validation_failed', 'phone is not a valid phone number', { field: 'phone' });
  }
  const email = profile.email === null ? null : normaliseEmail(profile.email);
  const unique: [keyof MemberProfile, MemberKey | null][] = [
    ['phone', phone ? { phone } : null],
    ['email', email ? { email } : null],
    ['externalId', profile.externalId ? { externalId: profile.externalId } : null],
  ];
  for (const [field, key] of unique) {
    if (!key) continue;
    const other = await findMember(tx, programId, key);
    if (other && other.id !== self) return fail('conflict', `another member already has this ${field}`, { field });
  }
  return ok({ ...profile, phone, email });
}

async function issueVirtualCard(tx: Queryable, programId: string, settings: ProgramSettings, memberId: string, now: Date): Promise<Card> {
  const active = settings.cardActivation === 'on_registration';
  for (;;) {
    const digits = Array.from({ length: 15 }, () => randomInt(10)).join('');
    const card = await insertCard(tx, programId, { number: virtualCardNumber(settings.cardPrefix, digits), memberId, kind: 'virtual', active, now });
    if (card) return card;
  }
}

async function attachPhysicalCard(
  tx: Queryable,
  programId: string,
  settings: ProgramSettings,
  memberId: string,
  number: string,
  now: Date,
  activeNow = settings.cardActivation === 'on_registration',
): Promise<Outcome<Card>> {
  if (!isValidCardNumber(number)) return fail('invalid_card_number', 'the card number has a wrong check digit or length');
  const card = await insertCard(tx, programId, { number, memberId, kind: 'physical', active: activeNow, now });
  return card ? ok(card) : fail('conflict', 'this card number already belongs to a member', { field: 'cardNumber' });
}

/** Creates a member inside a flow's transaction, with a card. */
export async function enrol(
  tx: Queryable,
  programId: string,
  settings: ProgramSettings,
  input: RegisterInput,
  now: Date,
  activeCard?: boolean,
): Promise<Outcome<{ member: Member; cards: Card[] }>> {
  const checked = await checkProfile(tx, programId, { ...emptyProfile, ...stripUndefined(input) }, null);
  if (!checked.ok) return checked;
  const member = await insertMember(tx, programId, { ...checked.value, id: newId('mem'), tierCode: settings.tiers[0]?.code ?? null, createdAt: now });
  const card = input.cardNumber
    ? await attachPhysicalCard(tx, programId, settings, member.id, input.cardNumber, now, activeCard)
    : ok(await issueVirtualCard(tx, programId, settings, member.id, now));
  if (!card.ok) return card;
  await recordEvents(tx, programId, [
    newEvent('member.created', now, { memberId: member.id, source: member.source, channel: member.channel, cards: [card.value.number] }),
  ]);
  return ok({ member, cards: [card.value] });
}

const stripUndefined = <T extends object>(o: T): Partial<MemberProfile> =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'cardNumber' && k !== 'referralCode' && k !== 'consentEvidence')) as Partial<MemberProfile>;

/**
 * Records each channel whose consent changed from `before` to `after` with the evidence given (a store named must
 * be the programme's); nothing is written when it is refused.
 */
async function recordConsentChanges(
  tx: Queryable,
  programId: string,
  memberId: string,
  before: Consents,
  after: Consents,
  given: Partial<ConsentEvidence> | undefined,
  by: Principal,
  now: Date,
): Promise<Outcome<void>> {
  const evidence = { ...unstatedEvidence, ...given };
  const records = consentChanges(memberId, before, after, evidence, now, actorOf(by), () => newId('cns'));
  if (records.length === 0) return ok(undefined);
  if (evidence.storeCode && !(await findStore(tx, programId, evidence.storeCode))) return fail('store_not_found', `no store ${evidence.storeCode}`, { field: 'consentEvidence.storeCode' });
  await recordConsents(tx, programId, records);
  return ok(undefined);
}

export async function registerMember(deps: Deps, programId: string, input: RegisterInput, by: Principal, idempotencyKey?: string) {
  return idempotent(deps.db, programId, idempotencyKey, input, async (tx) => {
    const { settings } = await loadSettings(tx, programId);
    const now = deps.now();
    const enrolled = await enrol(tx, programId, settings, input, now);
    if (!enrolled.ok) return enrolled;
    const { member, cards } = enrolled.value;
    const consented = await recordConsentChanges(tx, programId, member.id, noConsents, member.consents, input.consentEvidence, by, now);
    if (!consented.ok) return consented;
    await audit(tx, programId, by, now, { action: 'enrol', entity: 'member', entityId: member.id, after: { cards: cards.map((c) => c.number) } });
    if (input.referralCode) {
      const { rules } = await latestRules(tx, programId);
      const linked = await linkReferral(tx, programId, rules.ruleSet.referral, settings.timezone, member, input.referralCode, now);
      if (!linked.ok) return linked;
    }
    const welcomed = await welcome(tx, programId, member, now);
    if (!welcomed.ok) return welcomed;
    return ok({ ...enrolled.value, member: welcomed.value });
  });
}

/** Records the `registration` action for a member who just joined, when campaigns reward actions; answers the member as they are now. */
async function welcome(tx: Queryable, programId: string, member: Member, now: Date): Promise<Outcome<Member>> {
  const { rules } = await latestRules(tx, programId);
  if (!rules.ruleSet.campaigns.some((c) => c.trigger === 'event')) return ok(member);
  const joined = await recordActionOf(tx, programId, member, { id: `registration-${member.id}`, memberId: member.id, type: 'registration' }, now);
  if (!joined.ok) return joined;
  return ok((await findMember(tx, programId, { id: member.id }, true)) as Member);
}

/** Changes a member's profile; the fields that changed, before and after, go to the audit trail with the key. */
export async function updateMember(deps: Deps, programId: string, id: string, patch: ProfileInput, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, id);
    if (!found.ok) return found;
    return changeProfile(tx, programId, found.value, patch, by, deps.now());
  });
}

/**
 * Withdraws a member's consent to marketing on one channel, as the unsubscribe link in a message does: a change
 * of their profile like any other, kept with its evidence.
 */
export async function withdrawConsent(deps: Deps, programId: string, id: string, channel: ConsentChannel, evidence: Partial<ConsentEvidence>, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, id);
    if (!found.ok) return found;
    const consents = { ...found.value.consents, [channel]: false };
    return changeProfile(tx, programId, found.value, { consents, consentEvidence: evidence }, by, deps.now());
  });
}

/** Changes the profile of a member locked for it, with the audit record, the event and the consents' evidence. */
async function changeProfile(tx: Queryable, programId: string, member: Member, patch: ProfileInput, by: Principal, now: Date): Promise<Outcome<Member>> {
  const was = profileOf(member);
  const checked = await checkProfile(tx, programId, { ...was, ...stripUndefined(patch) }, member.id);
  if (!checked.ok) return checked;
  const changed = (Object.keys(checked.value) as (keyof MemberProfile)[]).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(checked.value[k]));
  const pick = (p: MemberProfile) => Object.fromEntries(changed.map((k) => [k, p[k]]));
  const consented = await recordConsentChanges(tx, programId, member.id, was.consents, checked.value.consents, patch.consentEvidence, by, now);
  if (!consented.ok) return consented;
  if (changed.length) {
    await audit(tx, programId, by, now, { action: 'change', entity: 'member', entityId: member.id, before: pick(was), after: pick(checked.value) });
    await recordEvents(tx, programId, [newEvent('member.updated', now, { memberId: member.id, fields: changed })]);
  }
  return ok(await updateProfile(tx, programId, member.id, checked.value, now));
}

/**
 * Erases a member's personal data at their request: their profile, contacts and consents go, their cards are
 * blocked, and the audit trail keeps which fields changed but not the values. The member stays without them, so
 * their receipts, points and the programme's figures still add up; returns of their receipts still work.
 */
export async function eraseMember(deps: Deps, programId: string, id: string, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, id);
    if (!found.ok) return found;
    const now = deps.now();
    const withdrawn = await recordConsentChanges(tx, programId, id, found.value.consents, noConsents, { via: 'erasure' }, by, now);
    if (!withdrawn.ok) return withdrawn;
    await forgetConsentAddresses(tx, programId, id);
    const cards = await erasePersonalData(tx, programId, id, now);
    await audit(tx, programId, by, now, { action: 'erase', entity: 'member', entityId: id, after: { erasedAt: now, cards } });
    await recordEvents(tx, programId, [newEvent('member.erased', now, { memberId: id, cards })]);
    return ok((await findMember(tx, programId, { id })) as Member);
  });
}

const profileOf = (m: Member): MemberProfile => ({
  externalId: m.externalId,
  phone: m.phone,
  email: m.email,
  name: m.name,
  birthDate: m.birthDate,
  gender: m.gender,
  city: m.city,
  attributes: m.attributes,
  source: m.source,
  channel: m.channel,
  consents: m.consents,
});

/** Looks a member up by id, external id, phone (any common format), e-mail or card number. */
export async function lookupMember(db: Queryable, programId: string, key: MemberKey): Promise<Outcome<Member>> {
  let normalised: MemberKey = key;
  if ('phone' in key) {
    const phone = normalisePhone(key.phone);
    if (!phone) return fail('validation_failed', 'phone is not a valid phone number', { field: 'phone' });
    normalised = { phone };
  }
  if ('email' in key) normalised = { email: normaliseEmail(key.email) };
  const member = await findMember(db, programId, normalised);
  return member ? ok(member) : fail('member_not_found', 'no member matches');
}

/** Issues another card to a member: a virtual one, or a physical number given by the shop. */
export async function addCard(deps: Deps, programId: string, memberId: string, number: string | undefined, by: Principal) {
  return inTransaction(deps.db, async (tx) => {
    const found = await memberToChange(tx, programId, memberId);
    if (!found.ok) return found;
    const { settings } = await loadSettings(tx, programId);
    const now = deps.now();
    const card = number
      ? await attachPhysicalCard(tx, programId, settings, memberId, number, now)
      : ok(await issueVirtualCard(tx, programId, settings, memberId, now));
    if (!card.ok) return card;
    await audit(tx, programId, by, now, { action: 'issue', entity: 'card', entityId: card.value.number, after: { memberId, kind: card.value.kind } });
    await recordEvents(tx, programId, [newEvent('card.issued', now, { memberId, cardNumber: card.value.number, kind: card.value.kind })]);
    return card;
  });
}

/** Blocks a lost or stolen card; the balance stays with the member. With `replace`, a new card is issued. */
export async function blockMemberCard(
  deps: Deps,
  programId: string,
  number: string,
  input: { reason: string; replaceWith?: string | undefined; replace: boolean },
  by: Principal,
) {
  return inTransaction(deps.db, async (tx) => {
    const card = await findCard(tx, programId, number);
    if (!card) return fail('card_not_found', `no card ${number}`);
    if (card.status === 'blocked') return fail('card_blocked', 'the card is already blocked');
    const now = deps.now();
    let replacement: Card | null = null;
    if (input.replace || input.replaceWith) {
      const { settings } = await loadSettings(tx, programId);
      const issued = input.replaceWith
        ? await attachPhysicalCard(tx, programId, settings, card.memberId, input.replaceWith, now, true)
        : ok(await issueVirtualCard(tx, programId, { ...settings, cardActivation: 'on_registration' }, card.memberId, now));
      if (!issued.ok) return issued;
      replacement = issued.value;
    }
    const blocked = await blockCard(tx, programId, number, { reason: input.reason, replacedBy: replacement?.number ?? null, now });
    const after = { status: 'blocked', reason: input.reason, replacedBy: blocked.replacedBy, memberId: card.memberId };
    await audit(tx, programId, by, now, { action: 'block', entity: 'card', entityId: number, before: { status: card.status }, after });
    await recordEvents(tx, programId, [
      newEvent('card.blocked', now, { memberId: card.memberId, cardNumber: number, reason: input.reason, replacedBy: blocked.replacedBy }),
      ...(replacement ? [newEvent('card.issued', now, { memberId: card.memberId, cardNumber: replacement.number, kind: replacement.kind })] : []),
    ]);
    return ok({ blocked, replacement });
  });
}

export interface MemberRef {
  id?: string | undefined;
  cardNumber?: string | undefined;
  phone?: string | undefined;
  externalId?: string | undefined;
}

/** The field a receipt names its member by. */
const namedBy = (ref: MemberRef | undefined) =>
  ref?.cardNumber ? 'cardNumber' : ref?.id ? 'id' : ref?.externalId ? 'externalId' : ref?.phone ? 'phone' : null;

/** Whether the key may name a member so: a partner names members by card or id only. */
export const mayName = (principal: Principal, ref: MemberRef | undefined) => {
  const field = namedBy(ref);
  return field === null || may(principal, namingNeeds[field]);
};

/**
 * Finds the member a receipt names (with their row lock when `confirm`), and the programme context, in one
 * round trip. A new card number with a valid check digit enrols a new member when the programme allows it, the
 * key may enrol and the receipt is being confirmed; only a confirmed receipt activates an inactive card.
 */
export async function memberForReceipt(
  tx: Queryable,
  programId: string,
  ref: MemberRef | undefined,
  storeCode: string,
  now: Date,
  confirm: boolean,
  principal: Principal,
): Promise<Outcome<{ member: Member | null; cardNumber: string | null; newCard: boolean; context: ReceiptContext }>> {
  const field = namedBy(ref);
  if (field && !may(principal, namingNeeds[field])) return fail('forbidden', `${refusal(principal, namingNeeds[field])}: name the member by card number or id`);
  let by: Parameters<typeof locateForReceipt>[2] | null = null;
  if (ref?.cardNumber) by = { field: 'card', value: ref.cardNumber };
  else if (ref?.id) by = { field: 'id', value: ref.id };
  else if (ref?.externalId) by = { field: 'external_id', value: ref.externalId };
  else if (ref?.phone) {
    const phone = normalisePhone(ref.phone);
    if (!phone) return fail('validation_failed', 'member.phone is not a valid phone number', { field: 'member.phone' });
    by = { field: 'phone', value: phone };
  }
  const located = by ? await locateForReceipt(tx, programId, by, storeCode, confirm) : null;
  const context = located?.context ?? (await receiptContext(tx, programId, storeCode));
  if (!context?.storeExists) return fail('store_not_found', `no store ${storeCode}`);
  if (!maySellAt(principal, context.storePartner))
    return fail('store_not_allowed', `store ${storeCode} is not one of ${principal.partner ? `partner ${principal.partner}'s` : "this key's partner's"} stores`);
  const found = (member: Member | null, newCard = false) => ok({ member, cardNumber: ref?.cardNumber ?? null, newCard, context });
  if (!ref) return found(null);
  if (located) {
    if (located.member.erasedAt) return erasedRefusal(located.member);
    if (located.cardStatus === 'blocked') return fail('card_blocked', 'this card is blocked; use the replacement card');
    if (located.cardStatus === 'inactive' && confirm) await activateCard(tx, programId, ref.cardNumber as string, now);
    return found(located.member);
  }
  if (!ref.cardNumber) return fail('member_not_found', 'no member matches the receipt');
  const { settings } = context;
  if (!isValidCardNumber(ref.cardNumber)) return fail('invalid_card_number', 'the card number has a wrong check digit or length');
  // A till key that may not enrol (a partner, unless the settings allow it) gets what a programme that never enrols
  // answers; a key that only simulates (a marketer's) sees the receipt as a newcomer's, as a till that may would.
  const tillWithoutEnrol = may(principal, 'receipts', settings) && !may(principal, 'members:enrol', settings);
  if (!settings.enrollOnUnknownCard || tillWithoutEnrol) return fail('card_not_found', `no card ${ref.cardNumber}`);
  if (!confirm) return found(null, true);
  // Tills may bring the same new card at once: the first enrols it, the others wait here and then find its member
  // (enrolling again would fail on the card and, for a retried receipt, leave a member without a card behind).
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`${programId}/card/${ref.cardNumber}`]);
  const enrolledMeanwhile = await locateForReceipt(tx, programId, { field: 'card', value: ref.cardNumber }, storeCode, true);
  if (enrolledMeanwhile?.cardStatus === 'blocked') return fail('card_blocked', 'this card is blocked; use the replacement card');
  if (enrolledMeanwhile?.cardStatus === 'inactive') await activateCard(tx, programId, ref.cardNumber, now);
  if (enrolledMeanwhile) return found(enrolledMeanwhile.member);
  const enrolled = await enrol(tx, programId, settings, { cardNumber: ref.cardNumber, source: 'first_receipt' }, now, true);
  if (!enrolled.ok) return enrolled;
  await audit(tx, programId, principal, now, { action: 'enrol', entity: 'member', entityId: enrolled.value.member.id, after: { cards: [ref.cardNumber] } });
  const welcomed = await welcome(tx, programId, enrolled.value.member, now);
  if (!welcomed.ok) return welcomed;
  return found(welcomed.value, true);
}
