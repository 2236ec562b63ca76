import type { Principal } from '../domain/access.ts';
import type { Calculation, ConfirmedReceipt, ReceiptInput } from '../domain/receipt.ts';
import { storedResponse } from '../store/receipts.ts';
import type { VersionedRules } from '../store/rules.ts';
import type { Deps } from './deps.ts';
import { memberForReceipt } from './members.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { calculateSale, confirmSales, saleTransaction } from './sales.ts';
import { idempotent, requestHash } from './transaction.ts';
import { sameRequest } from '../domain/requests.ts';

export type { Calculation, ConfirmedReceipt, CouponResult, IssuedCoupon, ReceiptInput } from '../domain/receipt.ts';

/** What a receipt would earn and how much may be spent on it (under a draft rule set, for a simulation). Writes nothing. */
export async function calculateReceipt(deps: Deps, programId: string, input: ReceiptInput, by: Principal, draft?: VersionedRules): Promise<Outcome<Calculation>> {
  const now = deps.now();
  const found = await memberForReceipt(deps.db, programId, input.member, input.storeCode, now, false, by);
  if (!found.ok) return found;
  const { member, newCard, context } = found.value;
  const store = { partner: context.storePartner, channel: context.storeChannel };
  return calculateSale(deps.db, programId, now, { settings: context, rulesVersion: context.rulesVersion }, { input, by, member, store, newcomer: newCard && !member }, draft);
}

/**
 * Confirms a sale: stores the receipt, spends and earns points, applies campaigns, upgrades the tier, in one
 * transaction — planned and written as any group of receipts is. A retry with the same (store, number) or
 * Idempotency-Key gets the first answer. The receipt records who made it.
 */
export async function confirmReceipt(deps: Deps, programId: string, input: ReceiptInput, by: Principal, idempotencyKey?: string) {
  return idempotent<ConfirmedReceipt>(deps.db, programId, idempotencyKey, input, async (tx) => {
    const now = deps.now();
    // Finds and locks the member; a new card enrols them, an inactive one is activated.
    const found = await memberForReceipt(tx, programId, input.member, input.storeCode, now, true, by);
    if (!found.ok) {
      // A retry must get the first answer even if the card was blocked since.
      const seen = await storedResponse(tx, programId, input.storeCode, input.number);
      if (!seen) return found;
      return sameRequest(seen.requestHash, requestHash(input))
        ? ok(seen.response)
        : fail('receipt_conflict', `receipt ${input.number} of store ${input.storeCode} was already confirmed with other content`);
    }
    const { member, context } = found.value;
    const store = { partner: context.storePartner, channel: context.storeChannel };
    const [answer] = await confirmSales(tx, programId, now, { settings: context, rulesVersion: context.rulesVersion }, [{ input, by, member, store }]);
    return answer as Outcome<ConfirmedReceipt>;
  }, saleTransaction);
}
