import { setImmediate } from 'node:timers/promises';
import { maySellAt, type Principal } from '../domain/access.ts';
import { normalisePhone } from '../domain/contacts.ts';
import { databaseRefusal, isConnectionFault, type Queryable } from '../store/db.ts';
import type { Member } from '../store/members.ts';
import { batchContext, lockMembers } from '../store/sales.ts';
import type { Deps } from './deps.ts';
import { mayName } from './members.ts';
import { fail, type Outcome } from './outcome.ts';
import { confirmReceipt, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';
import { confirmSales, saleTransaction, type ResolvedSale } from './sales.ts';
import { RaceLost } from './transaction.ts';

type Result = Outcome<ConfirmedReceipt>;

/**
 * Receipts confirmed per transaction. A group of 250 costs per receipt about what a group of 1,000 does, holds a
 * quarter of the memory, and lets two batches take turns between the database and pricing.
 */
const GROUP = 250;
/** On PGlite the database runs in the server's own thread: groups small enough that a till waits a few ms, not a second. */
const PGLITE_GROUP = 10;

/**
 * Confirms many receipts with the same result as confirming them one by one, in order: a group of 250 (10 on
 * PGlite) is planned and written as one, in one transaction and a handful of statements. Each receipt is priced,
 * idempotent by (store, number) and answered on its own; a refused one does not affect the others. Receipts that
 * enrol or activate a card or fail a check before pricing, and any group that loses a race with a concurrent
 * transaction, go one by one instead — through the same plan and write.
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
 * order) that must be confirmed one by one. `by[i]` is the key that sent receipt i.
 */
export async function confirmGroup(
  deps: Deps,
  programId: string,
  receipts: readonly ReceiptInput[],
  by: readonly Principal[],
): Promise<{ results: (Result | undefined)[]; oneByOne: number[] }> {
  const results = new Array<Result | undefined>(receipts.length);
  try {
    return await deps.db.transaction(async (tx) => ({ results, oneByOne: await confirmTogether(tx, deps.now(), programId, receipts, by, results) }), saleTransaction);
  } catch (error) {
    if (!(error instanceof RaceLost) && !['40P01', '40001'].includes((error as { code?: string }).code ?? '')) throw error;
    return { results: results.fill(undefined), oneByOne: receipts.map((_, i) => i) };
  }
}

async function confirmTogether(
  tx: Queryable,
  now: Date,
  programId: string,
  receipts: readonly ReceiptInput[],
  by: readonly Principal[],
  results: (Result | undefined)[],
): Promise<number[]> {
  const cardNumbers = receipts.flatMap((r) => (r.member?.cardNumber ? [r.member.cardNumber] : []));
  const context = await batchContext(tx, programId, [...new Set(receipts.map((r) => r.storeCode))], cardNumbers);
  const { stores, cards } = context;

  // Who each receipt names. New or inactive cards enrol or activate: those receipts go one by one, in order. So
  // does a receipt this path would refuse before pricing: it may be the retry of one confirmed before (its card
  // blocked since), and the single path answers a retry as the first time.
  const deferredCards = new Set<string>();
  const oneByOne: number[] = [];
  const phones = new Map<number, string>();
  receipts.forEach((r, i) => {
    const alone = () => void oneByOne.push(i);
    const phone = r.member?.phone ? normalisePhone(r.member.phone) : null;
    if (phone) phones.set(i, phone);
    const store = stores.get(r.storeCode);
    // The single path refuses a partner key at a store that is not its partner's, and a member named in a way
    // the key may not use (a partner, by phone).
    if (!store || !maySellAt(by[i] as Principal, store.partner) || !mayName(by[i] as Principal, r.member)) return alone();
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
  const memberOf = (r: ReceiptInput, i: number): Member | null | undefined => {
    const ref = r.member;
    if (!ref) return null;
    if (ref.cardNumber) return byId.get(cards.get(ref.cardNumber)?.memberId ?? '');
    if (ref.id) return byId.get(ref.id);
    if (ref.externalId) return byExternalId.get(ref.externalId);
    return byPhone.get(phones.get(i) ?? '');
  };

  // A receipt for an erased member goes alone, to be refused as the single path refuses it.
  receipts.forEach((r, i) => {
    if (!deferred.has(i) && memberOf(r, i)?.erasedAt) {
      oneByOne.push(i);
      deferred.add(i);
    }
  });

  // A member's receipts keep their order: once one of them goes alone, so do the ones after it.
  const firstAlone = new Map<string, number>();
  for (const i of oneByOne) {
    const id = memberOf(receipts[i] as ReceiptInput, i)?.id;
    if (id && !firstAlone.has(id)) firstAlone.set(id, i);
  }
  receipts.forEach((r, i) => {
    const first = deferred.has(i) ? undefined : firstAlone.get(memberOf(r, i)?.id ?? '');
    if (first === undefined || first > i) return;
    oneByOne.push(i);
    deferred.add(i);
  });
  oneByOne.sort((a, b) => a - b);

  const together = receipts.flatMap((input, i) => (deferred.has(i) ? [] : [i]));
  const sales = together.map((i) => {
    const input = receipts[i] as ReceiptInput;
    return { input, by: by[i] as Principal, member: memberOf(input, i), store: stores.get(input.storeCode) as ResolvedSale['store'] };
  });
  const answers = await confirmSales(tx, programId, now, context, sales);
  together.forEach((i, k) => (results[i] = answers[k] as Result));
  return oneByOne;
}
