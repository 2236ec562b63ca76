import { confirmGroup } from './batch.ts';
import type { Deps } from './deps.ts';
import type { Outcome } from './outcome.ts';
import { confirmReceipt, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';

type Answer = Outcome<ConfirmedReceipt>;

interface Waiting {
  input: ReceiptInput;
  answer: (outcome: Answer) => void;
  failed: (error: unknown) => void;
}

export interface TillQueueOptions {
  /** Confirmations in flight at once (default: 2 on PostgreSQL, 1 on PGlite); a receipt that arrives when all are busy waits and joins the next group. */
  concurrency?: number;
  /** The most receipts confirmed together in one transaction. */
  maxGroup?: number;
  /** After a group of a programme whose campaigns price receipts one at a time, how many of its receipts skip grouping. */
  soloStretch?: number;
}

/**
 * Group commit for tills: a receipt confirmed while the database is busy waits for a free slot and is then
 * confirmed together with the others that arrived meanwhile — one transaction and a handful of statements for
 * the group (the batch path), each receipt still priced, idempotent and answered on its own. When nothing is
 * waiting, a receipt goes straight through on its own. Receipts with an Idempotency-Key go on their own.
 */
export function tillQueue(deps: Deps, options: TillQueueOptions = {}) {
  // Embedded PGlite runs one transaction at a time: there, everything that waits goes in the next group.
  const { concurrency = deps.db.engine === 'pglite' ? 1 : 2, maxGroup = 64, soloStretch = 500 } = options;
  const waiting = new Map<string, Waiting[]>();
  const solo = new Map<string, number>();
  let busy = 0;
  let flushing = false;

  const next = () => {
    for (const [programId, queue] of waiting) {
      const group = queue.splice(0, maxGroup);
      if (queue.length === 0) waiting.delete(programId);
      void run(programId, group);
      return;
    }
  };

  // Tills answered by one group send their next receipts at about the same moment: starting a group only after
  // the I/O that is ready has been read lets them go together instead of the first one alone.
  const flush = () => {
    flushing = false;
    while (busy < concurrency && waiting.size > 0) next();
  };

  async function run(programId: string, group: Waiting[]) {
    busy++;
    try {
      const left = solo.get(programId) ?? 0;
      if (group.length === 1 || left > 0) {
        if (left > 0) solo.set(programId, Math.max(0, left - group.length));
        await Promise.all(group.map((w) => confirmReceipt(deps, programId, w.input).then(w.answer, w.failed)));
        return;
      }
      const together = await confirmGroup(deps, programId, group.map((w) => w.input)).catch(() => null);
      if (together?.perReceipt) solo.set(programId, soloStretch);
      // A group that failed as a whole is confirmed receipt by receipt, so only a receipt at fault gets an error.
      await Promise.all(
        group.map((w, i) => {
          const known = together?.results[i];
          return known ? w.answer(known) : confirmReceipt(deps, programId, w.input).then(w.answer, w.failed);
        }),
      );
    } finally {
      busy--;
      next();
    }
  }

  return {
    confirm(programId: string, input: ReceiptInput, idempotencyKey?: string): Promise<Answer> {
      if (idempotencyKey) return confirmReceipt(deps, programId, input, idempotencyKey);
      return new Promise<Answer>((answer, failed) => {
        const queue = waiting.get(programId) ?? [];
        queue.push({ input, answer, failed });
        waiting.set(programId, queue);
        if (busy < concurrency && !flushing) {
          flushing = true;
          setImmediate(flush);
        }
      });
    },
  };
}
