import type { Principal } from '../domain/access.ts';
import { confirmGroup } from './batch.ts';
import type { Deps } from './deps.ts';
import type { Outcome } from './outcome.ts';
import { confirmReceipt, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';

type Answer = Outcome<ConfirmedReceipt>;

interface Waiting {
  input: ReceiptInput;
  by: Principal;
  answer: (outcome: Answer) => void;
  failed: (error: unknown) => void;
}

export interface TillQueueOptions {
  /** Confirmations in flight at once (default: 2 on PostgreSQL, 1 on PGlite); a receipt that arrives when all are busy waits and joins the next group. */
  concurrency?: number;
  /** The most receipts confirmed together in one transaction. */
  maxGroup?: number;
  /** How long (ms) a free slot waits for the tills a group has just answered to send their next receipts (default: 5 on PGlite, 0 on PostgreSQL). */
  linger?: number;
}

/**
 * Group commit for tills: a receipt confirmed while the database is busy waits for a free slot and is then
 * confirmed together with the others that arrived meanwhile — one transaction and a handful of statements for
 * the group (the batch path), each receipt still priced, idempotent and answered on its own. When nothing is
 * waiting, a receipt goes straight through on its own. Receipts with an Idempotency-Key go on their own.
 */
export function tillQueue(deps: Deps, options: TillQueueOptions = {}) {
  // Embedded PGlite runs one transaction at a time: there, a group is worth waiting a moment to fill.
  const lite = deps.db.engine === 'pglite';
  const { concurrency = lite ? 1 : 2, maxGroup = 64, linger = lite ? 5 : 0 } = options;
  const waiting = new Map<string, Waiting[]>();
  let busy = 0;
  let scheduled = false;
  // Tills a finished group answered that have not sent their next receipt yet, and the wait for them.
  let awaited = 0;
  let lingering: NodeJS.Timeout | null = null;

  // Programmes take turns: one with more waiting than a group goes to the back of the line.
  const next = () => {
    for (const [programId, queue] of waiting) {
      const group = queue.splice(0, maxGroup);
      waiting.delete(programId);
      if (queue.length > 0) waiting.set(programId, queue);
      void run(programId, group);
      return;
    }
  };

  // Tills answered by one group send their next receipts at about the same moment. A free slot waits for them
  // (at most `linger` ms), and a group starts only after the I/O that is ready has been read: they go together
  // instead of the first one alone.
  const flush = () => {
    scheduled = false;
    awaited = 0;
    if (lingering) clearTimeout(lingering);
    lingering = null;
    while (busy < concurrency && waiting.size > 0) next();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  async function run(programId: string, group: Waiting[]) {
    busy++;
    try {
      if (group.length === 1) {
        const [alone] = group as [Waiting];
        await confirmReceipt(deps, programId, alone.input, alone.by).then(alone.answer, alone.failed);
        return;
      }
      const together = await confirmGroup(deps, programId, group.map((w) => w.input), group.map((w) => w.by)).catch((error: unknown) => {
        console.error('a group of receipts failed; confirming them one by one', error);
        return null;
      });
      // A group that failed as a whole is confirmed receipt by receipt, so only a receipt at fault gets an error.
      await Promise.all(
        group.map((w, i) => {
          const known = together?.results[i];
          return known ? w.answer(known) : confirmReceipt(deps, programId, w.input, w.by).then(w.answer, w.failed);
        }),
      );
    } finally {
      busy--;
      if (linger > 0) {
        awaited += group.length;
        lingering ??= setTimeout(flush, linger);
      } else schedule();
    }
  }

  return {
    confirm(programId: string, input: ReceiptInput, by: Principal, idempotencyKey?: string): Promise<Answer> {
      if (idempotencyKey) return confirmReceipt(deps, programId, input, by, idempotencyKey);
      return new Promise<Answer>((answer, failed) => {
        const queue = waiting.get(programId) ?? [];
        queue.push({ input, by, answer, failed });
        waiting.set(programId, queue);
        awaited = Math.max(0, awaited - 1);
        if (busy < concurrency && awaited === 0) schedule();
      });
    },
  };
}
