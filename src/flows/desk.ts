import { confirmMany } from './batch.ts';
import type { Deps } from './deps.ts';
import type { Outcome } from './outcome.ts';
import { confirmReceipt, type ConfirmedReceipt, type ReceiptInput } from './receipts.ts';

interface Waiting {
  input: ReceiptInput;
  resolve: (outcome: Outcome<ConfirmedReceipt>) => void;
  reject: (error: unknown) => void;
}

export interface ReceiptDesk {
  confirm(programId: string, input: ReceiptInput): Promise<Outcome<ConfirmedReceipt>>;
}

/**
 * Micro-batching of confirms: while a programme's receipts are being written, the ones that arrive meanwhile
 * wait and then go together through the set-based path (one transaction, a handful of round trips), with the
 * same result as one by one. A lone receipt takes the single path. Nothing waits on a timer.
 */
export function receiptDesk(deps: Deps, options: { inFlight?: number; maxBatch?: number } = {}): ReceiptDesk {
  const inFlight = options.inFlight ?? 2;
  const maxBatch = options.maxBatch ?? 200;
  const queues = new Map<string, { waiting: Waiting[]; running: number }>();

  const pump = (programId: string) => {
    const desk = queues.get(programId);
    if (!desk) return;
    while (desk.running < inFlight && desk.waiting.length > 0) {
      const batch = desk.waiting.splice(0, maxBatch);
      desk.running += 1;
      const work =
        batch.length === 1
          ? confirmReceipt(deps, programId, (batch[0] as Waiting).input).then((r) => [r])
          : confirmMany(deps, programId, batch.map((w) => w.input));
      work
        .then((outcomes) => batch.forEach((w, i) => w.resolve(outcomes[i] as Outcome<ConfirmedReceipt>)))
        .catch((error) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          desk.running -= 1;
          if (desk.running === 0 && desk.waiting.length === 0) queues.delete(programId);
          else pump(programId);
        });
    }
  };

  return {
    confirm(programId, input) {
      return new Promise((resolve, reject) => {
        const desk = queues.get(programId) ?? { waiting: [], running: 0 };
        queues.set(programId, desk);
        desk.waiting.push({ input, resolve, reject });
        pump(programId);
      });
    },
  };
}
