import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { receiptInput } from '../api/schemas.ts';
import { systemPrincipal } from '../domain/access.ts';
import { confirmMany } from '../flows/batch.ts';
import type { Deps } from '../flows/deps.ts';
import type { ReceiptInput } from '../flows/receipts.ts';

export interface ImportReport {
  confirmed: number;
  failed: number;
  /** The first few failures, for the operator to read. */
  errors: { receipt: string; code: string; message: string }[];
}

const CHUNK = 1000;

/**
 * Reads receipts from JSON Lines (one API receipt per line) or CSV (one row per line item; rows with the same
 * store and number form one receipt) and confirms them through the same path as POST /v1/receipts/batch.
 */
export async function importReceipts(deps: Deps, programId: string, file: string, progress: (done: number) => void): Promise<ImportReport> {
  const report: ImportReport = { confirmed: 0, failed: 0, errors: [] };
  let chunk: unknown[] = [];
  const flush = async () => {
    const parsed = chunk.map((raw) => ({ raw, result: receiptInput.safeParse(raw) }));
    const valid = parsed.flatMap((p) => (p.result.success ? [toInput(p.result.data)] : []));
    for (const p of parsed)
      if (!p.result.success) note(report, p.raw, 'validation_failed', p.result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const outcomes = await confirmMany(deps, programId, valid, systemPrincipal('import'));
    outcomes.forEach((o, i) => (o.ok ? (report.confirmed += 1) : note(report, valid[i], o.code, o.message)));
    progress(report.confirmed + report.failed);
    chunk = [];
  };
  for await (const receipt of file.endsWith('.csv') ? csvReceipts(file) : jsonLines(file)) {
    chunk.push(receipt);
    if (chunk.length === CHUNK) await flush();
  }
  if (chunk.length > 0) await flush();
  return report;
}

function note(report: ImportReport, raw: unknown, code: string, message: string) {
  report.failed += 1;
  const r = raw as { storeCode?: string; number?: string } | undefined;
  if (report.errors.length < 20) report.errors.push({ receipt: `${r?.storeCode ?? '?'}/${r?.number ?? '?'}`, code, message });
}

const toInput = (r: ReturnType<typeof receiptInput.parse>): ReceiptInput => ({ ...r, purchasedAt: r.purchasedAt ? new Date(r.purchasedAt) : undefined });

/** Non-empty lines of a JSON Lines file: the number of receipts in it. */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) if (line.trim()) n += 1;
  return n;
}

async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line);
    } catch {
      yield { storeCode: '?', number: `line ${n}`, malformed: true };
    }
  }
}

/** CSV columns: store, number, purchased_at, card, member_id, sku, name, category, quantity, price, discount, amount, points_to_spend. */
async function* csvReceipts(file: string): AsyncGenerator<unknown> {
  const rows = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, trim: true }));
  let current: Record<string, unknown> | null = null;
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  for await (const row of rows as AsyncIterable<Record<string, string>>) {
    if (!current || current.storeCode !== row.store || current.number !== row.number) {
      if (current) yield current;
      current = {
        storeCode: row.store,
        number: row.number,
        ...(row.purchased_at ? { purchasedAt: row.purchased_at } : {}),
        ...(row.card ? { member: { cardNumber: row.card } } : row.member_id ? { member: { id: row.member_id } } : {}),
        pointsToSpend: num(row.points_to_spend) ?? 0,
        lines: [],
        total: 0,
      };
    }
    const line = {
      sku: row.sku,
      ...(row.name ? { name: row.name } : {}),
      ...(row.category ? { category: row.category } : {}),
      quantity: num(row.quantity),
      price: num(row.price),
      discount: num(row.discount) ?? 0,
      amount: num(row.amount),
    };
    (current.lines as unknown[]).push(line);
    current.total = (current.total as number) + (line.amount ?? 0);
  }
  if (current) yield current;
}
