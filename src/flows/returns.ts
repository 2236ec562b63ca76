import { may, type Principal } from '../domain/access.ts';
import { expiryTime } from '../domain/expiry.ts';
import { clawBack, credit, debtOf, openDraft, summarise, type BalanceSummary } from '../domain/ledger.ts';
import { everythingLeft, planReturn } from '../domain/returns.ts';
import { toMilli } from '../domain/arithmetic.ts';
import { restoreCoupons } from '../store/coupons.ts';
import { reverseCampaigns } from '../store/rules.ts';
import { newEvent, recordEvents } from '../store/events.ts';
import { newId } from '../store/ids.ts';
import { writeDraft } from '../store/ledger.ts';
import { countReturn, findMember } from '../store/members.ts';
import { loadSettings } from '../store/programs.ts';
import {
  findReceipt,
  insertReturn,
  receiptLotId,
  returnByNumber,
  saveReturnResponse,
  setReceiptStatus,
  soldLines,
} from '../store/receipts.ts';
import { findStore } from '../store/stores.ts';
import type { Deps } from './deps.ts';
import { settleLots } from './lots.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { idempotent, requestHash } from './transaction.ts';
import { sameRequest } from '../domain/requests.ts';

export interface ReturnInput {
  /** The shop's return document number; a retry with the same number gets the first answer. */
  number?: string | undefined;
  lines: { lineNo: number; quantity: number }[];
}

export interface ReturnResult {
  id: string;
  receiptId: string;
  kind: 'return' | 'cancel';
  number: string | null;
  amount: number;
  pointsClawedBack: number;
  pointsRefunded: number;
  debt: number;
  writtenOff: number;
  lines: { lineNo: number; quantity: number; amount: number; pointsClawedBack: number; pointsRefunded: number }[];
  balance: { available: number; pending: number; debt: number } | null;
  /** Coupons the receipt used, usable again once nothing of it is left. */
  couponsRestored: string[];
  /** Unused coupons the receipt earned for a later visit, expired once nothing of it is left. */
  couponsVoided: string[];
}

export const returnLines = (deps: Deps, programId: string, receiptId: string, input: ReturnInput, by: Principal, key?: string) =>
  reverse(deps, programId, receiptId, 'return', input, by, key);

export const cancelReceipt = (deps: Deps, programId: string, receiptId: string, by: Principal, key?: string) =>
  reverse(deps, programId, receiptId, 'cancel', { lines: [] }, by, key);

/** A key without `receipts:others` (a partner) sees only the receipts it made; another's looks like none at all. */
export const visibleTo = (by: Principal, receipt: { createdBy: string | null }) => may(by, 'receipts:others') || receipt.createdBy === by.id;

/**
 * Reverses returned lines in proportion, under the settings version that priced the receipt:
 * earned points are clawed back (the negative-balance policy decides what cannot be), spent points are given back.
 */
async function reverse(
  deps: Deps,
  programId: string,
  receiptId: string,
  kind: 'return' | 'cancel',
  input: ReturnInput,
  by: Principal,
  key: string | undefined,
): Promise<Outcome<ReturnResult>> {
  const hash = requestHash({ kind, receiptId, ...input });
  return idempotent(deps.db, programId, key, { kind, receiptId, ...input }, async (tx) => {
    const now = deps.now();
    const unlocked = await findReceipt(tx, programId, receiptId);
    if (!unlocked || !visibleTo(by, unlocked)) return fail('receipt_not_found', `no receipt ${receiptId}`);
    // Lock order everywhere: member, then receipt.
    const member = unlocked.memberId ? await findMember(tx, programId, { id: unlocked.memberId }, true) : null;
    const receipt = await findReceipt(tx, programId, receiptId, true);
    if (!receipt) return fail('receipt_not_found', `no receipt ${receiptId}`);
    if (input.number) {
      const seen = await returnByNumber(tx, programId, receiptId, input.number);
      if (seen)
        return sameRequest(seen.requestHash, hash)
          ? ok(seen.response as ReturnResult)
          : fail('conflict', `return ${input.number} of this receipt was already made with other lines`);
    }
    if (receipt.status === 'cancelled') return fail('receipt_cancelled', 'the receipt is cancelled; nothing is left to return');
    const sold = await soldLines(tx, programId, receiptId);
    const wanted = kind === 'cancel' ? everythingLeft(sold) : input.lines.map((l) => ({ lineNo: l.lineNo, quantityMilli: toMilli(l.quantity) }));
    const plan = planReturn(sold, wanted);
    if (!plan.ok) return fail(plan.code, plan.message);

    const { settings } = await loadSettings(tx, programId, receipt.settingsVersion);
    const id = newId('ret');
    let debt = 0;
    let writtenOff = 0;
    let after: BalanceSummary | null = null;
    if (member) {
      const receiptLot = await receiptLotId(tx, programId, member.id, receiptId);
      const ledger = await settleLots(tx, programId, member.id, { available: member.pointsAvailable, pending: member.pointsPending }, now, receiptLot ? [receiptLot] : []);
      const draft = openDraft(ledger.balance, ledger.lots);
      const debtBefore = debtOf(draft);
      const taken = clawBack(draft, plan.pointsClawedBack, { preferLotId: receiptLot, policy: settings.negativeBalance, to: 'program:issuance' });
      writtenOff = taken.writtenOff;
      credit(draft, plan.pointsRefunded, { id: newId('lot'), activatesAt: now, expiresAt: expiryTime(settings, now) }, 'program:redemption', now);
      // The debt this return leaves: points refunded by it repay what its claw-back could not take.
      debt = Math.max(0, debtOf(draft) - debtBefore);
      const partner = (await findStore(tx, programId, receipt.storeCode))?.partner ?? null;
      await writeDraft(tx, programId, member.id, { id: newId('ent'), kind, receiptId, returnId: id, partner, at: now }, draft);
      after = summarise(draft, now);
    }
    const lines = plan.lines.map((l) => ({ ...l, quantity: l.quantityMilli / 1000 }));
    await insertReturn(tx, programId, {
      id,
      receiptId,
      memberId: member?.id ?? null,
      kind,
      number: input.number ?? null,
      amount: plan.amount,
      pointsClawedBack: plan.pointsClawedBack - writtenOff,
      pointsRefunded: plan.pointsRefunded,
      createdAt: now,
      createdBy: by.id,
      lines,
    });
    if (kind === 'cancel') await setReceiptStatus(tx, programId, receiptId, 'cancelled');
    if (member)
      await countReturn(tx, programId, member.id, {
        purchasedAt: receipt.purchasedAt,
        amount: plan.amount,
        pointsClawedBack: plan.pointsClawedBack - writtenOff,
        pointsRefunded: plan.pointsRefunded,
        cancelled: kind === 'cancel',
      });
    await recordEvents(tx, programId, [
      newEvent(kind === 'cancel' ? 'receipt.cancelled' : 'receipt.returned', now, {
        receiptId,
        returnId: id,
        memberId: member?.id ?? null,
        amount: plan.amount,
        pointsClawedBack: plan.pointsClawedBack - writtenOff,
        pointsRefunded: plan.pointsRefunded,
      }),
    ]);
    const returned = new Map(plan.lines.map((l) => [l.lineNo, l.quantityMilli]));
    // Reward lines are gifts: whether they come back does not decide that the sale is undone.
    const nothingLeft = sold.every((l) => l.isReward || l.returnedMilli + (returned.get(l.lineNo) ?? 0) >= l.quantityMilli);
    const couponsRestored = nothingLeft ? await restoreCoupons(tx, programId, receiptId, now) : [];
    await recordEvents(tx, programId, couponsRestored.map((code) => newEvent('coupon.restored', now, { code, memberId: member?.id ?? null, receiptId })));
    const couponsVoided = nothingLeft ? await reverseCampaigns(tx, programId, receiptId, now) : [];
    const result: ReturnResult = {
      id,
      receiptId,
      kind,
      number: input.number ?? null,
      amount: plan.amount,
      pointsClawedBack: plan.pointsClawedBack - writtenOff,
      pointsRefunded: plan.pointsRefunded,
      debt,
      writtenOff,
      lines: lines.map(({ lineNo, quantity, amount, pointsClawedBack, pointsRefunded }) => ({ lineNo, quantity, amount, pointsClawedBack, pointsRefunded })),
      balance: after ? { available: after.available, pending: after.pending, debt: after.debt } : null,
      couponsRestored,
      couponsVoided,
    };
    await saveReturnResponse(tx, programId, id, hash, result);
    return ok(result);
  });
}
