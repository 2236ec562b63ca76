import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../flows/deps.ts';
import { confirmMany } from '../../flows/batch.ts';
import { giveWayEvery } from '../../flows/give-way.ts';
import { calculateReceipt, type ReceiptInput } from '../../flows/receipts.ts';
import { tillQueue } from '../../flows/till-queue.ts';
import { cancelReceipt, returnLines, visibleTo } from '../../flows/returns.ts';
import { findReceipt, soldLines } from '../../store/receipts.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem, problemBody, statuses } from '../problems.ts';
import { calculation, confirmedReceipt, idempotencyHeader, receiptInput, returnInput, returnResult } from '../schemas.ts';

export const toInput = (r: z.infer<typeof receiptInput>): ReceiptInput => ({ ...r, purchasedAt: r.purchasedAt ? new Date(r.purchasedAt) : undefined });
/** Each receipt of a batch checked on its own, letting other requests in every few milliseconds (a big batch takes a while). */
async function checkEach(receipts: unknown[]) {
  const checked = [];
  const giveWay = giveWayEvery(10);
  for (const receipt of receipts) {
    await giveWay();
    checked.push(receiptInput.safeParse(receipt));
  }
  return checked;
}

/** Lines a batch may carry in all: a bound on the work and memory of one request, whatever its receipts. */
export const MAX_BATCH_LINES = 20_000;
const linesIn = (receipts: unknown[]) =>
  receipts.reduce<number>((n, r) => n + (Array.isArray((r as { lines?: unknown } | null)?.lines) ? (r as { lines: unknown[] }).lines.length : 0), 0);
const receiptId = z.object({ id: z.string().max(64) });
const batchResult = z
  .object({
    confirmed: z.number().int(),
    failed: z.number().int(),
    results: z.array(z.object({ index: z.number().int(), status: z.number().int(), receipt: confirmedReceipt.optional(), problem: z.record(z.string(), z.unknown()).optional() })),
  })
  .openapi('ReceiptBatchResult');

export function receiptRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Receipts'];
  const tills = tillQueue(deps);

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/receipts/calculate', operationId: 'calculateReceipt', tags, security, middleware: [allow('receipts')] as const,
      summary: 'Price a receipt without writing anything: points to earn, the most points payable, the discount',
      request: body(receiptInput),
      responses: { 200: json(calculation, 'what the receipt would earn and may spend'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await calculateReceipt(deps, key.programId, toInput(c.req.valid('json')), key);
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/receipts', operationId: 'confirmReceipt', tags, security, middleware: [allow('receipts')] as const,
      summary: 'Confirm a sale: store the receipt, spend and earn points (idempotent by store+number and Idempotency-Key)',
      request: { ...body(receiptInput), headers: idempotencyHeader },
      responses: { 201: json(confirmedReceipt, 'the confirmed receipt and the new balance'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await tills.confirm(key.programId, toInput(c.req.valid('json')), key, c.req.header('idempotency-key'));
      return result.ok ? c.json(result.value, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/receipts/batch', operationId: 'confirmReceipts', tags, security, middleware: [allow('receipts')] as const,
      summary: 'Confirm up to 1,000 receipts with 20,000 lines in all (offline tills, history import); each is priced, idempotent and answered on its own',
      request: body(
        z
          .object({ receipts: z.array(z.unknown()).min(1).max(1000) })
          .refine((b) => linesIn(b.receipts) <= MAX_BATCH_LINES, `at most ${MAX_BATCH_LINES} lines in all the receipts of a batch`)
          .openapi('ReceiptBatch'),
      ),
      responses: { 200: json(batchResult, 'one answer per receipt, in order'), ...problems },
    }),
    async (c) => {
      const items = await checkEach(c.req.valid('json').receipts);
      const valid = items.flatMap((r) => (r.success ? [toInput(r.data)] : []));
      const confirmed = await confirmMany(deps, c.get('key').programId, valid, c.get('key'));
      let next = 0;
      const results = items.map((item, index) => {
        if (!item.success) {
          const errors = item.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
          return { index, status: 400, problem: problemBody('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors }) };
        }
        const outcome = confirmed[next++] as (typeof confirmed)[number];
        return outcome.ok
          ? { index, status: 201, receipt: outcome.value }
          : { index, status: statuses[outcome.code], problem: problemBody(outcome.code, outcome.message, outcome.details ?? {}) };
      });
      const accepted = results.filter((r) => r.status === 201).length;
      return c.json({ confirmed: accepted, failed: results.length - accepted, results } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/receipts/{id}', operationId: 'getReceipt', tags, security, middleware: [allow('receipts:read')] as const,
      summary: 'A receipt with its lines, what has been returned and the key that made it (a partner key reads only its own)',
      request: { params: receiptId },
      responses: { 200: json(z.record(z.string(), z.unknown()), 'the receipt'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const { programId } = key;
      const receipt = await findReceipt(deps.db, programId, c.req.valid('param').id);
      if (!receipt || !visibleTo(key, receipt)) return problem(c, 'receipt_not_found', `no receipt ${c.req.valid('param').id}`);
      const lines = (await soldLines(deps.db, programId, receipt.id)).map(({ quantityMilli: _q, returnedMilli, ...l }) => ({
        ...l,
        returnedQuantity: returnedMilli / 1000,
      }));
      const { requestHash: _h, ...shown } = receipt;
      return c.json({ ...shown, lines }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/receipts/{id}/returns', operationId: 'returnLines', tags, security, middleware: [allow('receipts')] as const,
      summary: 'Return some lines or quantities; earned and spent points are reversed in proportion (a partner key: only of its own receipts)',
      request: { params: receiptId, ...body(returnInput), headers: idempotencyHeader },
      responses: { 201: json(returnResult, 'what was reversed and the new balance'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await returnLines(deps, key.programId, c.req.valid('param').id, c.req.valid('json'), key, c.req.header('idempotency-key'));
      return result.ok ? c.json(result.value, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/receipts/{id}/cancel', operationId: 'cancelReceipt', tags, security, middleware: [allow('receipts')] as const,
      summary: 'Void a whole receipt (whatever is not yet returned; a partner key: only its own receipts)',
      request: { params: receiptId, headers: idempotencyHeader },
      responses: { 201: json(returnResult, 'what was reversed and the new balance'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await cancelReceipt(deps, key.programId, c.req.valid('param').id, key, c.req.header('idempotency-key'));
      return result.ok ? c.json(result.value, 201) : failure(c, result);
    },
  );

  return app;
}
