import { randomInt } from 'node:crypto';
import type { Principal } from '../domain/access.ts';
import { fillPattern, normaliseCode } from '../domain/coupons.ts';
import { EXPIRING_SOON_DAYS } from '../domain/ledger.ts';
import type { Calculation, ConfirmedReceipt, ReceiptInput } from '../domain/receipt.ts';
import { calculation, closeSales, planSale, priceSale } from '../domain/sale.ts';
import { emptySaleWrite, limitPeriods, newMemberState, usageKey, type Ids, type SaleBook, type SaleItem, type SaleOutcome } from '../domain/sale-book.ts';
import type { VersionedSettings } from '../domain/settings.ts';
import type { Queryable, TransactionOptions } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import type { Member } from '../store/members.ts';
import { loadRules, takeBudget, type VersionedRules } from '../store/rules.ts';
import type { Product } from '../store/receipt-lines.ts';
import { saleView, writeSales } from '../store/sales.ts';
import { tierWindow } from './tiers.ts';
import { RaceLost, requestHash } from './transaction.ts';

/** A receipt whose member is found (and locked, for a confirmation) and whose store is known. */
export interface ResolvedSale {
  input: ReceiptInput;
  by: Principal;
  /** null: anonymous; undefined: the receipt names a member who does not exist. */
  member: Member | null | undefined;
  store: SaleItem['store'];
  /** A new card's first receipt, in a calculation (a confirmation enrols first). */
  newcomer?: boolean;
}

export interface SaleContext {
  settings: VersionedSettings;
  rulesVersion: number;
}

/** How a sale's transaction runs: its few statements are planned once per connection, not once per sale. */
export const saleTransaction: TransactionOptions = { genericPlans: true };

// Ids from the store's source; coupon codes from a crypto-random one, as nobody may guess them.
const ids: Ids = { next: newId, couponCode: () => fillPattern('KOP-XXXX-XXXX', randomInt) };

/** Lots a sale reads in spending order: a receipt spends from more only in a rare second read. */
const SPENDABLE_LOTS = 64;

/** Reads the book the plans need, and how the catalogue names the skus sold, in one round trip after the rules. */
async function openBook(
  tx: Queryable,
  programId: string,
  now: Date,
  context: SaleContext,
  sales: readonly ResolvedSale[],
  rules?: VersionedRules,
): Promise<{ book: SaleBook; products: ReadonlyMap<string, Product> }> {
  const { settings, version } = context.settings;
  const ruleSet = rules ?? (await loadRules(tx, programId, context.rulesVersion));
  const members = new Map<string, Member>();
  for (const s of sales) if (s.member) members.set(s.member.id, s.member);
  const campaigns = ruleSet.rules.ruleSet.campaigns;
  const usage = new Map<string, { memberId: string; campaign: string; since: Date | null; until: Date | null }>();
  for (const s of sales) {
    if (!s.member) continue;
    for (const p of limitPeriods(ruleSet.rules, s.input.purchasedAt ?? now, settings.timezone))
      usage.set(`${s.member.id}|${usageKey(p.campaign, p.since, p.until)}`, { memberId: s.member.id, ...p });
  }
  const window = tierWindow(settings, null, now);
  const want = {
    keys: sales.map((s) => s.input),
    memberIds: [...members.keys()],
    spending: [...members.keys()].map((id) => sales.reduce((sum, s) => (s.member?.id === id ? sum + s.input.pointsToSpend : sum), 0)),
    soon: new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000),
    // A member at the top tier has nothing to qualify for until the review.
    qualifying: [...members.values()].filter((m) => tierWindow(settings, m, now)).map((m) => m.id),
    window,
    usage: [...usage.values()],
    budgets: campaigns.filter((c) => c.limits.budget).map((c) => c.code),
    coupons: [...new Set(sales.flatMap((s) => (s.input.coupons ?? []).map(normaliseCode)))],
    skus: [...new Set(sales.flatMap((s) => s.input.lines.map((l) => l.sku)))],
  };
  // A member spending more than their first lots in spending order hold has the rest read too.
  let view = await saleView(tx, programId, { ...want, spendable: SPENDABLE_LOTS });
  if (view.truncated) view = await saleView(tx, programId, { ...want, spendable: null });
  const book: SaleBook = {
    settings,
    settingsVersion: version,
    rules: ruleSet.rules,
    rulesVersion: ruleSet.version,
    seen: view.seen,
    budgets: view.budgets,
    coupons: view.coupons,
    members: new Map([...members.values()].map((m) => [m.id, newMemberState(m, view.members.get(m.id) as NonNullable<ReturnType<typeof view.members.get>>)])),
  };
  return { book, products: view.products };
}

const itemOf = (sale: ResolvedSale): SaleItem => ({
  input: sale.input,
  hash: requestHash(sale.input),
  memberId: sale.member === undefined ? undefined : (sale.member?.id ?? null),
  newcomer: sale.newcomer ?? false,
  store: sale.store,
  createdBy: sale.by.id,
});

/**
 * Confirms receipts whose members the caller has locked, in its transaction: one read, the plans in order, one
 * write. Each receipt gets the answer it would get alone. Throws RaceLost when a concurrent transaction took what
 * the plans counted on (a receipt's (store, number), the last use of a coupon, a drawn coupon code, a budget).
 */
export async function confirmSales(tx: Queryable, programId: string, now: Date, context: SaleContext, sales: readonly ResolvedSale[]): Promise<SaleOutcome<ConfirmedReceipt>[]> {
  const { book, products } = await openBook(tx, programId, now, context, sales);
  const write = emptySaleWrite();
  const answers = sales.map((sale) => planSale(book, itemOf(sale), write, now, ids));
  if (write.receipts.length === 0) return answers;
  const written = await writeSales(tx, programId, closeSales(book, write, now), products);
  if (written.receipts !== write.receipts.length) throw new RaceLost('a receipt was confirmed meanwhile');
  if (written.limitedCoupons !== write.limitedUses.size) throw new RaceLost('a coupon was used up meanwhile');
  if (written.issued !== write.issued.length || written.referrals !== write.referrals.length) throw new RaceLost('a coupon code or referral was taken meanwhile');
  // A budget no single counter row covers is drained from all of them, locked in order.
  for (const [campaign, take] of write.budgets)
    if (!written.budgets.includes(campaign) && !(await takeBudget(tx, programId, campaign, take.points, take.discount, 0))) throw new RaceLost(`budget of ${campaign}`);
  return answers;
}

/** What a receipt would earn and how much may be spent on it, under the published rules or a draft. Writes nothing. */
export async function calculateSale(tx: Queryable, programId: string, now: Date, context: SaleContext, sale: ResolvedSale, draft?: VersionedRules): Promise<SaleOutcome<Calculation>> {
  const { book } = await openBook(tx, programId, now, context, [sale], draft);
  const item = itemOf(sale);
  if (item.memberId === undefined) return { ok: false, code: 'member_not_found', message: 'no member matches the receipt' };
  const priced = priceSale(book, item, now);
  return priced.ok ? { ok: true, value: calculation(book, item, priced.value) } : priced;
}
