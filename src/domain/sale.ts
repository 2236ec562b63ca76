/**
 * A sale, planned: from the members' state, the receipts, the rules and the clock to what is written (rows,
 * postings, lots, grants, budget and coupon use, coupons issued, tier moves, referral rewards, events) and what
 * each till is answered. Receipts are planned in order against one shared book, so a group of them gets
 * exactly the answers it would get one by one. Pure: time and ids come in.
 */
import { DateTime } from 'luxon';
import { couponVerdict, normaliseCode, type Coupon } from './coupons.ts';
import { catchUpEvents, makeEvent, type EventPayloads, type EventType } from './events.ts';
import { lotTimes } from './expiry.ts';
import { catchUp, credit, openDraft, spend, summarise, type LedgerDraft } from './ledger.ts';
import { priceReceipt, type Pricing, type ReceiptLine } from './pricing.ts';
import { couponResults, giftsOf, type Calculation, type ConfirmedReceipt, type CouponResult, type IssuedCoupon } from './receipt.ts';
import { noUsage, type RuleContext, type Usage } from './rules/context.ts';
import { limitPeriods, memberAttributes, receiptKey, usageKey, type Ids, type MemberState, type SaleBook, type SaleItem, type SaleOutcome, type SaleWrite } from './sale-book.ts';
import { findTier, tierMove } from './tiers.ts';
import { sameRequest } from './requests.ts';

/** A member's use of a campaign in its limit period: as read, plus what this plan gave. */
function usageIn(state: MemberState, period: { campaign: string; since: Date | null; until: Date | null }): Usage {
  const read = state.usage.get(usageKey(period.campaign, period.since, period.until)) ?? noUsage;
  const usage = { ...read };
  for (const g of state.grants) {
    if (g.campaign !== period.campaign || (period.since && g.at < period.since) || (period.until && g.at >= period.until)) continue;
    usage.points += g.points;
    usage.discount += g.discount;
    usage.uses += 1;
  }
  return usage;
}

interface Priced {
  pricing: Pricing;
  coupons: CouponResult[];
  /** Lots activated or expired before the sale, as ledger steps. */
  steps: ReturnType<typeof catchUp>;
  available: number | null;
}

/** Prices one receipt against the book: what a calculation answers and a confirmation starts from. */
export function priceSale(book: SaleBook, item: SaleItem, now: Date): SaleOutcome<Priced> {
  const { settings, rules } = book;
  const { input } = item;
  if (input.currency && input.currency !== settings.currency)
    return { ok: false, code: 'currency_mismatch', message: `the programme works in ${settings.currency}, the receipt is in ${input.currency}` };
  const state = item.memberId ? (book.members.get(item.memberId) as MemberState) : null;
  const at = input.purchasedAt ?? now;
  // Points due to activate or expire are settled first.
  const steps = state && !state.caughtUp ? catchUp(state.balance, state.lots, now, state.activeElsewhere) : [];
  const settled = steps[steps.length - 1]?.draft;
  const available = state ? (settled ?? state.balance).available : item.newcomer ? 0 : null;
  const tier = state || item.newcomer ? findTier(settings, state?.tierCode ?? null) : null;
  const codes = [...new Set((input.coupons ?? []).map(normaliseCode))];
  const verdicts = codes.map((code) => {
    const found = book.coupons.get(code);
    const memberUses = found && state ? (found.memberUses.get(state.member.id) ?? 0) : 0;
    return couponVerdict(code, found?.coupon ?? null, { at, memberId: state?.member.id ?? null, memberUses });
  });
  const limits = state ? new Map(limitPeriods(rules, at, settings.timezone).map((p) => [p.campaign, usageIn(state, p)])) : new Map<string, Usage>();
  const context: RuleContext = {
    at,
    timezone: settings.timezone,
    rounding: settings.rounding,
    pointValue: settings.pointValue,
    storeCode: input.storeCode,
    channel: item.store.channel,
    lines: input.lines,
    pointsToSpend: input.pointsToSpend,
    event: null,
    member: state
      ? {
          id: state.member.id,
          tierCode: state.tierCode,
          birthDate: state.member.birthDate,
          joinedAt: state.member.createdAt,
          attributes: memberAttributes(state.member, at, settings.timezone),
          purchases: state.member.activity.purchases + state.tally.purchases,
          segments: state.member.segments,
        }
      : null,
    couponFor: new Set(verdicts.flatMap((v) => (v.ok ? [v.coupon.campaign] : []))),
    usage: (campaign) => limits.get(campaign) ?? noUsage,
    budgetLeft: (campaign) => budgetLeft(book, campaign),
  };
  const hasCampaigns = rules.ruleSet.campaigns.length > 0 || codes.length > 0;
  const pricing = priceReceipt({
    lines: input.lines,
    settings,
    tier,
    pointsToSpend: input.pointsToSpend,
    availablePoints: available,
    campaigns: hasCampaigns ? { rules, context } : null,
  });
  if (!pricing.ok) return { ok: false, code: pricing.code, message: pricing.message, details: { maxPoints: pricing.maxPoints } };
  const { ok: _ok, ...priced } = pricing;
  return { ok: true, value: { pricing: priced, coupons: hasCampaigns ? couponResults(verdicts, priced.campaigns, priced.skippedCampaigns) : [], steps, available } };
}

/** What is left of a campaign's budget: a draft's new budget has no counters yet, so all of it is. */
function budgetLeft(book: SaleBook, campaign: string) {
  const budget = book.rules.byCode.get(campaign)?.campaign.limits.budget;
  const left = book.budgets.get(campaign);
  return {
    points: budget?.points === undefined ? null : (left?.points ?? budget.points),
    discount: budget?.discount === undefined ? null : (left?.discount ?? budget.discount),
  };
}

/** What a calculation answers. */
export function calculation(book: SaleBook, item: SaleItem, priced: Priced): Calculation {
  const { pricing } = priced;
  return {
    ...pricing,
    memberId: item.memberId ?? null,
    settingsVersion: book.settingsVersion,
    rulesVersion: book.rulesVersion,
    available: priced.available,
    lines: pricing.lines.map((l, i) => ({ ...l, sku: (item.input.lines[i] as ReceiptLine).sku })),
    coupons: priced.coupons,
    gifts: giftsOf(pricing),
  };
}

/**
 * Plans one receipt's confirmation against the book and adds its writes to `write`; the book moves on to the
 * state after it. A receipt seen before is answered as it was the first time, and writes nothing.
 */
export function planSale(book: SaleBook, item: SaleItem, write: SaleWrite, now: Date, ids: Ids): SaleOutcome<ConfirmedReceipt> {
  const { settings, rules } = book;
  const { input, hash } = item;
  const key = receiptKey(input.storeCode, input.number);
  const earlier = book.seen.get(key);
  if (earlier)
    return sameRequest(earlier.requestHash, hash)
      ? { ok: true, value: earlier.response as ConfirmedReceipt }
      : { ok: false, code: 'receipt_conflict', message: `receipt ${input.number} of store ${input.storeCode} was already confirmed with other content` };
  const purchasedAt = input.purchasedAt ?? now;
  if (purchasedAt.getTime() > now.getTime() + 5 * 60_000) return { ok: false, code: 'validation_failed', message: 'purchasedAt is in the future', details: { field: 'purchasedAt' } };
  if (item.memberId === undefined) return { ok: false, code: 'member_not_found', message: 'no member matches the receipt' };
  const priced = priceSale(book, item, now);
  if (!priced.ok) return priced;
  const { pricing, coupons, steps } = priced.value;
  const state = item.memberId ? (book.members.get(item.memberId) as MemberState) : null;
  const memberId = state?.member.id ?? null;
  const event = <T extends EventType>(type: T, payload: EventPayloads[T]) => void write.events.push(makeEvent(ids.next('evt'), type, now, payload));
  const id = ids.next('rcp');

  // The member's ledger: lots settled first, then points spent and earned, then a newcomer's referral reward.
  let draft: LedgerDraft | null = null;
  if (state) {
    write.events.push(...catchUpEvents(state.member.id, state.balance, steps, now, () => ids.next('evt')));
    for (const step of steps) record(write, state, { id: ids.next('ent'), kind: step.kind }, step.draft, now);
    state.caughtUp = true;
    draft = openDraft(state.balance, state.lots, state.activeElsewhere);
    if (pricing.pointsSpent > 0) spend(draft, pricing.pointsSpent, 'program:redemption');
    credit(draft, pricing.pointsEarned, lotTimes(settings, purchasedAt, ids.next('lot')), 'program:issuance', now);
  }
  let referralBonus = 0;
  const referral = rules.ruleSet.referral;
  if (state && draft && referral.enabled && state.referralPending && pricing.paid >= referral.minPurchase) {
    state.referralPending = false;
    write.referrals.push({ refereeId: state.member.id, receiptId: id });
    if (referral.refereePoints > 0) {
      credit(draft, referral.refereePoints, lotTimes(settings, purchasedAt, ids.next('lot')), 'program:referral', now);
      event('referral.rewarded', { memberId: state.member.id, refereeId: state.member.id, role: 'referee', points: referral.refereePoints });
      referralBonus = referral.refereePoints;
    }
  }

  // What campaigns did: budgets, coupon uses, grants, coupons for a later visit, tier rewards.
  const sale: Sale = { book, write, now, ids, id, state, memberId, purchasedAt, event, tierChange: null };
  useCampaigns(sale, pricing, coupons);
  const issued = state ? rewardCampaigns(sale, pricing) : [];

  // Upgrades as soon as the member qualifies (the review job moves people down).
  if (state && draft) {
    count(state, purchasedAt, pricing);
    const top = settings.tiers[settings.tiers.length - 1];
    if (state.qualifying !== null) {
      state.qualifying += settings.tierQualification.metric === 'amount_spent' ? pricing.paid : pricing.pointsEarned;
      const move = top && state.tierCode !== top.code ? tierMove(settings.tiers, state.tierCode, state.qualifying, false) : null;
      if (move) moveTier(sale, move.to.code, move.direction, state.qualifying);
    }
  }

  const balance = draft ? summarise(draft, now) : null;
  const response: ConfirmedReceipt = {
    ...pricing,
    id,
    storeCode: input.storeCode,
    number: input.number,
    status: 'confirmed',
    memberId,
    cardNumber: input.member?.cardNumber ?? null,
    purchasedAt: purchasedAt.toISOString(),
    settingsVersion: book.settingsVersion,
    rulesVersion: book.rulesVersion,
    available: balance?.available ?? null,
    lines: pricing.lines.map((l, i) => ({ ...l, sku: (input.lines[i] as ReceiptLine).sku, pointsEarned: memberId ? l.pointsEarned : 0 })),
    pointsEarned: memberId ? pricing.pointsEarned : 0,
    coupons,
    gifts: giftsOf(pricing),
    balance,
    tierChange: sale.tierChange,
    couponsIssued: issued,
    referralBonus,
  };
  write.receipts.push({
    id,
    storeCode: input.storeCode,
    number: input.number,
    memberId,
    cardNumber: response.cardNumber,
    status: 'confirmed',
    settingsVersion: book.settingsVersion,
    tierCode: pricing.tier,
    currency: settings.currency,
    total: pricing.total,
    pointsSpent: pricing.pointsSpent,
    pointsDiscount: pricing.pointsDiscount,
    pointsEarned: response.pointsEarned,
    purchasedAt,
    createdAt: now,
    requestHash: hash,
    rulesVersion: book.rulesVersion,
    campaignDiscount: pricing.campaignDiscount,
    createdBy: item.createdBy,
    response,
  });
  input.lines.forEach((l, i) => {
    const p = pricing.lines[i] as Pricing['lines'][number];
    write.lines.push({
      receiptId: id,
      lineNo: i + 1,
      sku: l.sku,
      name: l.name ?? null,
      category: l.category ?? null,
      brand: l.brand ?? null,
      quantity: l.quantity,
      price: l.price,
      discount: l.discount,
      amount: l.amount,
      isReward: l.isReward,
      weighed: l.weighed ?? !Number.isInteger(l.quantity),
      campaignDiscount: p.campaignDiscount,
      pointsEarned: memberId ? p.pointsEarned : 0,
      pointsSpent: p.pointsSpent,
      pointsDiscount: p.pointsDiscount,
    });
  });
  if (state && draft && draft.postings.length > 0) record(write, state, { id: ids.next('ent'), kind: 'receipt', receiptId: id, partner: item.store.partner }, draft, now);
  event('receipt.confirmed', {
    receiptId: id,
    storeCode: input.storeCode,
    number: input.number,
    memberId,
    total: response.total,
    paid: response.paid,
    pointsEarned: response.pointsEarned,
    pointsSpent: response.pointsSpent,
    campaignDiscount: response.campaignDiscount,
    campaigns: response.campaigns.map((c) => c.campaign),
    purchasedAt: response.purchasedAt,
  });
  book.seen.set(key, { requestHash: hash, response });
  return { ok: true, value: response };
}

/** A receipt being planned, as the steps of its plan share it. */
interface Sale {
  book: SaleBook;
  write: SaleWrite;
  now: Date;
  ids: Ids;
  /** The receipt's id. */
  id: string;
  state: MemberState | null;
  memberId: string | null;
  purchasedAt: Date;
  event: <T extends EventType>(type: T, payload: EventPayloads[T]) => void;
  tierChange: ConfirmedReceipt['tierChange'];
}

/** Takes what the applied campaigns used: their budgets, the presented coupons, and what each gave (for limits). */
function useCampaigns(sale: Sale, pricing: Pricing, coupons: readonly CouponResult[]) {
  const { book, write, id, memberId, state, purchasedAt, now } = sale;
  for (const c of pricing.campaigns) {
    const budget = book.rules.byCode.get(c.campaign)?.campaign.limits.budget;
    if (!budget) continue;
    const points = budget.points === undefined ? 0 : c.points;
    const discount = budget.discount === undefined ? 0 : c.discount;
    if (!points && !discount) continue;
    const left = budgetLeft(book, c.campaign);
    book.budgets.set(c.campaign, { points: (left.points ?? 0) - points, discount: (left.discount ?? 0) - discount });
    const taken = write.budgets.get(c.campaign) ?? { points: 0, discount: 0, hint: memberId ?? id };
    write.budgets.set(c.campaign, { ...taken, points: taken.points + points, discount: taken.discount + discount });
  }
  for (const c of coupons) {
    if (c.status !== 'applied') continue;
    const found = book.coupons.get(c.code) as { coupon: Coupon; memberUses: Map<string, number> };
    found.coupon = { ...found.coupon, uses: found.coupon.uses + 1 };
    if (memberId) found.memberUses.set(memberId, (found.memberUses.get(memberId) ?? 0) + 1);
    if (found.coupon.maxUses !== null) write.limitedUses.set(c.code, (write.limitedUses.get(c.code) ?? 0) + 1);
    write.redemptions.push({ code: c.code, receiptId: id, memberId, at: now });
    sale.event('coupon.redeemed', { code: c.code, campaign: c.campaign, memberId, sourceId: id });
  }
  for (const c of pricing.campaigns) {
    write.grants.push({ campaign: c.campaign, sourceId: id, memberId, points: c.points, discount: c.discount, lines: c.lines, rewards: c.rewards, at: purchasedAt });
    state?.grants.push({ campaign: c.campaign, points: c.points, discount: c.discount, at: purchasedAt });
  }
}

/** The member's rewards from campaigns: coupons for a later visit (returned) and moves up to a tier. */
function rewardCampaigns(sale: Sale, pricing: Pricing): IssuedCoupon[] {
  const { settings } = sale.book;
  const state = sale.state as MemberState;
  const issued: IssuedCoupon[] = [];
  for (const c of pricing.campaigns)
    for (const r of c.rewards) {
      if (r.kind === 'coupon') {
        const validTo = DateTime.fromJSDate(sale.now, { zone: settings.timezone }).plus({ days: r.validDays }).endOf('day').toJSDate();
        const code = sale.ids.couponCode();
        sale.write.issued.push({ code, campaign: r.campaign, memberId: state.member.id, validFrom: sale.now, validTo, receiptId: sale.id });
        issued.push({ code, campaign: r.campaign, validTo: validTo.toISOString() });
        sale.event('coupon.issued', { code, campaign: r.campaign, memberId: state.member.id, validTo: validTo.toISOString(), sourceId: sale.id });
      } else if (r.kind === 'tier') {
        const tiers = settings.tiers.map((t) => t.code);
        if (tiers.indexOf(r.tier) > tiers.indexOf(state.tierCode ?? '')) moveTier(sale, r.tier, `campaign ${c.campaign}`, 0);
      }
    }
  return issued;
}

function moveTier(sale: Sale, to: string, reason: string, value: number) {
  const state = sale.state as MemberState;
  sale.write.tierChanges.push({ id: sale.ids.next('tch'), memberId: state.member.id, from: state.tierCode, to, reason, value, at: sale.now });
  sale.event('tier.changed', { memberId: state.member.id, from: state.tierCode, to, reason });
  sale.tierChange = { from: sale.tierChange?.from ?? state.tierCode, to };
  state.tierCode = to;
  state.changed = true;
}

/** Adds a confirmed receipt to the member's aggregates and to the qualifying value of its month. */
function count(state: MemberState, purchasedAt: Date, pricing: Pricing) {
  const { tally } = state;
  tally.purchases += 1;
  tally.paid += pricing.paid;
  tally.earned += pricing.pointsEarned;
  tally.spent += pricing.pointsSpent;
  if (!tally.first || purchasedAt < tally.first) tally.first = purchasedAt;
  if (!tally.last || purchasedAt > tally.last) tally.last = purchasedAt;
  const month = `${purchasedAt.toISOString().slice(0, 7)}-01`;
  const known = state.months.get(month) ?? { amountSpent: 0, pointsEarned: 0 };
  state.months.set(month, { amountSpent: known.amountSpent + pricing.paid, pointsEarned: known.pointsEarned + pricing.pointsEarned });
}

/** A ledger step's entry and postings; its lots are written once, with the members, by `closeSales`. */
function record(write: SaleWrite, state: MemberState, entry: Omit<SaleWrite['entries'][number], 'memberId' | 'at' | 'postings'>, draft: LedgerDraft, now: Date) {
  write.entries.push({ ...entry, memberId: state.member.id, at: now, postings: draft.postings });
  for (const id of draft.newLots) state.newLots.set(id, entry.id);
  for (const id of draft.changedLots) state.changedLots.add(id);
  state.lots = [...draft.lots.values()];
  state.balance = { available: draft.available, pending: draft.pending };
  state.changed = true;
}

/** Adds what the plans left in the members' states: balances, tiers, new and changed lots. */
export function closeSales(book: SaleBook, write: SaleWrite, now: Date): SaleWrite {
  for (const state of book.members.values()) {
    if (!state.changed && state.tally.purchases === 0) continue;
    const memberId = state.member.id;
    write.members.push({ id: memberId, available: state.balance.available, pending: state.balance.pending, tierCode: state.tierCode, at: now, tally: state.tally });
    for (const [month, value] of state.months) write.months.push({ memberId, month, ...value });
    for (const lot of state.lots) {
      const entryId = state.newLots.get(lot.id);
      if (entryId) write.newLots.push({ ...lot, memberId, entryId });
      else if (state.changedLots.has(lot.id)) write.changedLots.push({ memberId, id: lot.id, remaining: lot.remaining, state: lot.state });
    }
  }
  return write;
}
