import { setImmediate } from 'node:timers/promises';
import { maySellAt, type Principal } from '../domain/access.ts';
import { catchUp, openDraft, type LedgerDraft, type Lot } from '../domain/ledger.ts';
import { normalisePhone } from '../domain/contacts.ts';
import { priceReceipt } from '../domain/pricing.ts';
import { findTier, tierMove } from '../domain/tiers.ts';
import { databaseRefusal, isConnectionFault, type Queryable } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { batchContext, batchView, lockMembers, receiptKey, writeBatch, type BatchWrite } from '../store/batch.ts';
import type { Member } from '../store/members.ts';
import { loadRules } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { catchUpEvents } from './lots.ts';
import { mayName } from './members.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { applySale, confirmReceipt, receiptConfirmed, saleRecords, tierWindow, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';
import { newEvent } from '../store/events.ts';
import { requestHash } from './transaction.ts';

type Result = Outcome<ConfirmedReceipt>;

/** A member's ledger as the batch moves through their receipts. */
interface MemberState {
  member: Member;
  balance: { available: number; pending: number };
  lots: Lot[];
  tierCode: string | null;
  qualifying: number;
  caughtUp: boolean;
  changed: boolean;
}

class LostRace extends Error {}

/**
 * Receipts confirmed per transaction. A group of 250 costs per receipt about what a group of 1,000 does, holds a
 * quarter of the memory, and lets two batches take turns between the database and pricing.
 */
const GROUP = 250;
/** On PGlite the database runs in the server's own thread: groups small enough that a till waits a few ms, not a second. */
const PGLITE_GROUP = 25;

/**
 * Confirms many receipts with the same result as confirming them one by one, in order: set-based, so a group
 * of 250 (25 on PGlite) costs a handful of round trips and one transaction. Each receipt is priced, idempotent by
 * (store, number) and answered on its own; a refused one does not affect the others. Receipts that enrol or
 * activate a card, present coupons or fail a check before pricing, and any group that loses a race with a
 * concurrent copy of one of its receipts, go one by one instead.
 */
export async function confirmMany(deps: Deps, programId: string, receipts: readonly ReceiptInput[], by: Principal): Promise<Result[]> {
  const answers: Result[] = [];
  const size = deps.db.engine === 'pglite' ? PGLITE_GROUP : GROUP;
  let unavailable: Result | undefined;
  for (let start = 0; start < receipts.length; start += size) {
    // Other requests get their turn between groups: on PGlite, a loop of queries alone would never let I/O in.
    if (start > 0) await setImmediate();
    const group = receipts.slice(start, start + size);
    // A group that fails as a whole is confirmed receipt by receipt, so only a receipt at fault is refused.
    const { results, oneByOne } = await confirmGroup(deps, programId, group, group.map(() => by)).catch((error: unknown) => {
      console.error('batch group failed; confirming its receipts one by one', error);
      return { results: new Array<Result | undefined>(group.length), oneByOne: group.map((_, i) => i) };
    });
    for (const i of oneByOne) {
      if (deps.db.engine === 'pglite') await setImmediate();
      // Once the database is gone, the rest are answered at once rather than each waiting for it in turn.
      results[i] = unavailable ?? (await confirmReceipt(deps, programId, group[i] as ReceiptInput, by).catch(asFailure));
      if (!results[i]?.ok && results[i]?.code === 'database_unavailable') unavailable = results[i];
    }
    answers.push(...(results as Result[]));
  }
  return answers;
}

/** A receipt whose confirmation threw answers on its own: the others of its batch keep their answers. */
function asFailure(error: unknown): Result {
  if (isConnectionFault(error)) return fail('database_unavailable', 'the database connection was lost; send the receipt again');
  const refused = databaseRefusal(error);
  if (refused) return fail('validation_failed', refused);
  console.error('a batch receipt failed', error);
  return fail('internal_error', 'something went wrong on our side; send the receipt again');
}

/**
 * The set-based part of `confirmMany`, in one transaction: the answers it could give, and the receipts (in
 * order) that must be confirmed one by one — all of them when `perReceipt`, because the programme's campaigns
 * or referral rewards price each receipt on its own. `by[i]` is the key that sent receipt i.
 */
export async function confirmGroup(
  deps: Deps,
  programId: string,
  receipts: readonly ReceiptInput[],
  by: readonly Principal[],
): Promise<{ results: (Result | undefined)[]; oneByOne: number[]; perReceipt: boolean }> {
  const results = new Array<Result | undefined>(receipts.length);
  try {
    return await deps.db.transaction(async (tx) => ({ results, ...(await confirmTogether(tx, deps.now(), programId, receipts, by, results)) }));
  } catch (error) {
    if (!(error instanceof LostRace) && !['40P01', '40001'].includes((error as { code?: string }).code ?? '')) throw error;
    return { results: results.fill(undefined), oneByOne: receipts.map((_, i) => i), perReceipt: false };
  }
}

async function confirmTogether(
  tx: Queryable,
  now: Date,
  programId: string,
  receipts: readonly ReceiptInput[],
  by: readonly Principal[],
  results: (Result | undefined)[],
): Promise<{ oneByOne: number[]; perReceipt: boolean }> {
  const cardNumbers = receipts.flatMap((r) => (r.member?.cardNumber ? [r.member.cardNumber] : []));
  const context = await batchContext(tx, programId, [...new Set(receipts.map((r) => r.storeCode))], cardNumbers);
  const { stores, cards } = context;
  const { settings, version } = context.settings;
  // Campaigns, coupons and referral rewards (budgets, limits, coupon uses) are decided one receipt at a time.
  const rules = await loadRules(tx, programId, context.rulesVersion);
  if (rules.rules.ruleSet.campaigns.length || rules.rules.ruleSet.referral.enabled) return { oneByOne: receipts.map((_, i) => i), perReceipt: true };

  // Who each receipt names. New or inactive cards enrol or activate: those receipts go one by one, in order. So
  // does a receipt this path would refuse: it may be the retry of one confirmed before (its card blocked since),
  // and the single path answers a retry as the first time.
  const deferredCards = new Set<string>();
  const oneByOne: number[] = [];
  const phones = new Map<number, string>();
  receipts.forEach((r, i) => {
    const alone = () => void oneByOne.push(i);
    const phone = r.member?.phone ? normalisePhone(r.member.phone) : null;
    if (phone) phones.set(i, phone);
    const purchasedAt = r.purchasedAt ?? now;
    if (!stores.has(r.storeCode) || purchasedAt.getTime() > now.getTime() + 5 * 60_000) return alone();
    // The single path refuses a partner key at a store that is not its partner's.
    if (!maySellAt(by[i] as Principal, stores.get(r.storeCode) ?? null)) return alone();
    if ((r.currency && r.currency !== settings.currency) || r.coupons?.length) return alone();
    // The single path refuses a member named in a way the key may not use (a partner, by phone).
    if (!mayName(by[i] as Principal, r.member)) return alone();
    const card = r.member?.cardNumber;
    if (card) {
      const known = cards.get(card);
      if (!known || known.status !== 'active' || deferredCards.has(card)) {
        deferredCards.add(card);
        return alone();
      }
    }
    if (r.member?.phone && !phone) return alone();
  });
  const deferred = new Set(oneByOne);
  const open = (i: number) => results[i] === undefined && !deferred.has(i);

  // The members of the receipts that go alone are locked too: their later receipts must wait for them.
  const named = receipts.filter((r) => r.member);
  const members = await lockMembers(tx, programId, {
    ids: [...named.flatMap((r) => (r.member?.id ? [r.member.id] : [])), ...named.flatMap((r) => (r.member?.cardNumber ? [cards.get(r.member.cardNumber)?.memberId ?? ''] : []))],
    phones: [...phones.values()],
    externalIds: named.flatMap((r) => (r.member?.externalId ? [r.member.externalId] : [])),
  });
  const byId = new Map(members.map((m) => [m.id, m]));
  const byPhone = new Map(members.map((m) => [m.phone, m]));
  const byExternalId = new Map(members.map((m) => [m.externalId, m]));
  const memberOf = (r: ReceiptInput, i: number): Member | undefined => {
    const ref = r.member;
    if (ref?.cardNumber) return byId.get(cards.get(ref.cardNumber)?.memberId ?? '');
    if (ref?.id) return byId.get(ref.id);
    if (ref?.externalId) return byExternalId.get(ref.externalId);
    return byPhone.get(phones.get(i) ?? '');
  };

  // A member's receipts keep their order: once one of them goes alone, so do the ones after it.
  const firstAlone = new Map<string, number>();
  for (const i of oneByOne) {
    const id = receipts[i]?.member ? memberOf(receipts[i] as ReceiptInput, i)?.id : undefined;
    if (id && !firstAlone.has(id)) firstAlone.set(id, i);
  }
  receipts.forEach((r, i) => {
    const first = open(i) && r.member ? firstAlone.get(memberOf(r, i)?.id ?? '') : undefined;
    if (first === undefined || first > i) return;
    oneByOne.push(i);
    deferred.add(i);
  });
  oneByOne.sort((a, b) => a - b);

  const window = tierWindow(settings, null, now);
  const { seen, lots, qualifying } = await batchView(tx, programId, receipts.filter((_, i) => open(i)), members.map((m) => m.id), window);
  const states = new Map<string, MemberState>(
    members.map((m) => [
      m.id,
      { member: m, balance: { available: m.pointsAvailable, pending: m.pointsPending }, lots: lots.get(m.id) ?? [], tierCode: m.tierCode, qualifying: qualifying.get(m.id) ?? 0, caughtUp: false, changed: false },
    ]),
  );

  const write: BatchWrite = { receipts: [], lines: [], entries: [], postings: [], newLots: [], changedLots: [], members: [], tierChanges: [], events: [] };
  const createdBy = new Map<string, string>();
  const touched = new Set<string>();
  const record = (state: MemberState, entry: { id: string; kind: 'receipt' | 'activation' | 'expiry'; receiptId?: string; partner?: string | null }, draft: LedgerDraft) => {
    const memberId = state.member.id;
    write.entries.push({ ...entry, memberId, at: now });
    draft.postings.forEach((p, k) => write.postings.push({ entryId: entry.id, seq: k + 1, memberId, account: p.account, lotId: p.lotId, amount: p.amount, at: now }));
    for (const id of draft.newLots) createdBy.set(`${memberId}/${id}`, entry.id);
    for (const id of draft.changedLots) touched.add(`${memberId}/${id}`);
    state.lots = [...draft.lots.values()];
    state.balance = { available: draft.available, pending: draft.pending };
    state.changed = true;
  };

  receipts.forEach((input, i) => {
    if (!open(i)) return;
    const hash = requestHash(input);
    const key = receiptKey(input.storeCode, input.number);
    const earlier = seen.get(key);
    if (earlier) {
      results[i] = earlier.requestHash === hash
        ? ok(earlier.response as ConfirmedReceipt)
        : fail('receipt_conflict', `receipt ${input.number} of store ${input.storeCode} was already confirmed with other content`);
      return;
    }
    const member = input.member ? memberOf(input, i) : null;
    if (member === undefined) return void (results[i] = fail('member_not_found', 'no member matches the receipt'));
    const state = member ? (states.get(member.id) as MemberState) : null;
    // Points due to activate or expire are settled first, and written only with a receipt that goes through.
    const steps = state && !state.caughtUp ? catchUp(state.balance, state.lots, now) : [];
    const settled = steps[steps.length - 1]?.draft;
    const pricing = priceReceipt({
      lines: input.lines,
      settings,
      tier: state ? findTier(settings, state.tierCode) : null,
      pointsToSpend: input.pointsToSpend,
      availablePoints: settled ? settled.available : state ? state.balance.available : null,
    });
    if (!pricing.ok) return void (results[i] = fail(pricing.code, pricing.message, { maxPoints: pricing.maxPoints }));
    const { ok: _ok, ...priced } = pricing;
    if (state && !state.caughtUp) {
      write.events.push(...catchUpEvents(state.member.id, state.balance, steps, now));
      for (const step of steps) record(state, { id: newId('ent'), kind: step.kind }, step.draft);
      state.caughtUp = true;
    }
    const purchasedAt = input.purchasedAt ?? now;
    const draft = state ? openDraft(state.balance, state.lots) : null;
    const sale = applySale(draft, pricing, settings, purchasedAt, now);
    let tierChange: ConfirmedReceipt['tierChange'] = null;
    if (state && window) {
      state.qualifying += sale.qualifyingAdd;
      const move = tierMove(settings.tiers, state.tierCode, state.qualifying, false);
      if (move) {
        tierChange = { from: state.tierCode, to: move.to.code };
        write.tierChanges.push({ id: newId('tch'), memberId: state.member.id, from: state.tierCode, to: move.to.code, reason: move.direction, value: state.qualifying, at: now });
        write.events.push(newEvent('tier.changed', now, { memberId: state.member.id, from: state.tierCode, to: move.to.code, reason: move.direction }));
        state.tierCode = move.to.code;
        state.changed = true;
      }
    }
    const made = saleRecords({ id: newId('rcp'), rules: rules.version, coupons: [], issued: [], referralBonus: 0, input, hash, settings, version, memberId: member?.id ?? null, cardNumber: input.member?.cardNumber ?? null, pricing: priced, sale, tierChange, purchasedAt, now, createdBy: (by[i] as Principal).id });
    write.receipts.push({ ...made.record, response: made.response });
    write.events.push(receiptConfirmed(made.response, now));
    for (const line of made.lines) write.lines.push({ ...line, receiptId: made.id });
    if (state && draft && draft.postings.length > 0) record(state, { id: newId('ent'), kind: 'receipt', receiptId: made.id, partner: stores.get(input.storeCode) ?? null }, draft);
    seen.set(key, { requestHash: hash, response: made.response });
    results[i] = ok(made.response);
  });

  for (const state of states.values()) {
    if (!state.changed) continue;
    const memberId = state.member.id;
    write.members.push({ id: memberId, available: state.balance.available, pending: state.balance.pending, tierCode: state.tierCode, at: now });
    for (const lot of state.lots) {
      const id = `${memberId}/${lot.id}`;
      const entryId = createdBy.get(id);
      if (entryId) write.newLots.push({ ...lot, memberId, entryId });
      else if (touched.has(id)) write.changedLots.push({ memberId, id: lot.id, remaining: lot.remaining, state: lot.state });
    }
  }
  if (write.receipts.length > 0 && (await writeBatch(tx, programId, write)) !== write.receipts.length) throw new LostRace();
  return { oneByOne, perReceipt: false };
}
