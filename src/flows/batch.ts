import type { Deps } from './deps.ts';
import type { Outcome } from './outcome.ts';
import { confirmReceipt, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';

/**
 * Confirms many receipts, each in its own transaction and answered on its own. Receipts of one member
 * keep their order (so the ledger ends as if they were sent one by one); different members run side by side.
 */
export async function confirmMany(
  deps: Deps,
  programId: string,
  receipts: readonly ReceiptInput[],
  parallel = 4,
): Promise<Outcome<ConfirmedReceipt>[]> {
  const results = new Array<Outcome<ConfirmedReceipt>>(receipts.length);
  const queues = new Map<string, number[]>();
  receipts.forEach((r, i) => {
    const who = r.member ? JSON.stringify(r.member) : `anonymous:${i}`;
    queues.set(who, [...(queues.get(who) ?? []), i]);
  });
  const pending = [...queues.values()];
  const worker = async () => {
    for (let queue = pending.shift(); queue; queue = pending.shift())
      for (const i of queue) results[i] = await confirmReceipt(deps, programId, receipts[i] as ReceiptInput);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, pending.length)) }, worker));
  return results;
}
