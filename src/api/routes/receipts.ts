import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Deps } from '../../flows/deps.ts';
import { confirmMany } from '../../flows/batch.ts';
import { giveWayEvery } from '../../flows/give-way.ts';
import { calculateReceipt, type ReceiptInput } from '../../flows/receipts.ts';
import { tillQueue } from '../../flows/till-queue.ts';
import { cancelReceipt, returnLines, visibleTo } from '../../flows/returns.ts';
import { findReceipt, soldLines } from '../../store/receipts.ts';
import { receiptCampaigns, receiptReturns, searchReceipts } from '../../store/receipt-search.ts';
import { may } from '../../domain/access.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem, problemBody, statuses } from '../problems.ts';
import { calculation, codeString, confirmedReceipt, idempotencyHeader, instant, receiptInput, returnInput, returnResult } from '../schemas.ts';

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

const receiptSummary = z
  .object({
    id: z.string(),
    storeCode: z.string(),
    number: z.string(),
    memberId: z.string().nullable(),
    status: z.enum(['confirmed', 'cancelled']),
    total: z.number().int().describe('kopecks'),
    pointsEarned: z.number().int(),
    pointsSpent: z.number().int(),
    campaignDiscount: z.number().int().describe('kopecks'),
    purchasedAt: z.string(),
  })
  .openapi('ReceiptSummary');

const storedReceipt = receiptSummary
  .extend({
    cardNumber: z.string().nullable(),
    settingsVersion: z.number().int(),
    rulesVersion: z.number().int(),
    tierCode: z.string().nullable().describe("the member's tier when the receipt was priced"),
    currency: z.string(),
    pointsDiscount: z.number().int().describe('kopecks paid with points'),
    createdAt: z.string(),
    createdBy: z.string().nullable().describe('the key that made it'),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        sku: z.string(),
        name: z.string().nullable(),
        category: z.string().nullable(),
        brand: z.string().nullable(),
        quantity: z.number(),
        price: z.number().int(),
        discount: z.number().int(),
        amount: z.number().int(),
        isReward: z.boolean(),
        weighed: z.boolean(),
        campaignDiscount: z.number().int(),
        pointsEarned: z.number().int(),
        pointsSpent: z.number().int(),
        pointsDiscount: z.number().int(),
        returnedQuantity: z.number(),
      }),
    ),
    campaigns: z.array(
      z.object({ campaign: z.string(), name: z.string(), points: z.number().int(), discount: z.number().int(), reversed: z.boolean().describe('the receipt was returned in full') }),
    ),
    returns: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['return', 'cancel']),
        number: z.string().nullable(),
        amount: z.number().int(),
        pointsClawedBack: z.number().int(),
        pointsRefunded: z.number().int(),
        at: z.string(),
      }),
    ),
  })
  .openapi('StoredReceipt');

/** A page's cursor: when the last receipt of the page was bought, and its id. */
const cursorOf = (r: { purchasedAt: Date; id: string }) => `${r.purchasedAt.getTime()}.${r.id}`;
const cursor = z
  .string()
  .regex(/^\d{1,15}\.rcp_[0-9A-HJKMNP-TV-Z]{26}$/, 'the `next` of an earlier page')
  .transform((c) => ({ purchasedAt: new Date(Number(c.slice(0, c.indexOf('.')))), id: c.slice(c.indexOf('.') + 1) }));
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
      method: 'get', path: '/v1/receipts', operationId: 'findReceipts', tags, security, middleware: [allow('receipts:read')] as const,
      summary: 'Receipts by store, number, member and period, newest first, a page at a time (a key that may not see others’ receipts finds its own)',
      request: {
        query: z.object({
          storeCode: codeString.optional(),
          number: z.string().max(64).optional(),
          memberId: z.string().max(64).optional(),
          from: instant.optional(),
          to: instant.optional(),
          cursor: cursor.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(receiptSummary), next: z.string().nullable() }), 'one page'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const { from, to, cursor: after, limit, ...rest } = c.req.valid('query');
      const page = await searchReceipts(deps.db, key.programId, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        createdBy: may(key, 'receipts:others') ? undefined : key.id,
        after,
        limit: limit + 1,
      });
      const items = page.slice(0, limit);
      const last = items[items.length - 1];
      return c.json({ items: items.map((r) => ({ ...r, purchasedAt: r.purchasedAt.toISOString() })), next: page.length > limit && last ? cursorOf(last) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/receipts/{id}', operationId: 'getReceipt', tags, security, middleware: [allow('receipts:read')] as const,
      summary: 'A receipt with its lines, what has been returned and the key that made it (a partner key reads only its own)',
      request: { params: receiptId },
      responses: { 200: json(storedReceipt, 'the receipt'), ...problems },
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
      const [campaigns, returns] = [await receiptCampaigns(deps.db, programId, receipt.id, receipt.rulesVersion), await receiptReturns(deps.db, programId, receipt.id)];
      return c.json(
        {
          ...shown,
          purchasedAt: receipt.purchasedAt.toISOString(),
          createdAt: receipt.createdAt.toISOString(),
          lines,
          campaigns,
          returns: returns.map((r) => ({ ...r, at: r.at.toISOString() })),
        },
        200,
      );
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
