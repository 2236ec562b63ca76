import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../domain/access.ts';
import { normaliseCode } from '../../domain/coupons.ts';
import { CODES_IN_ANSWER, generateCoupons, MAX_BATCH } from '../../flows/coupons.ts';
import type { Deps } from '../../flows/deps.ts';
import { findCoupon, listCouponBatches, listCoupons, type StoredCoupon } from '../../store/coupons.ts';
import type { Queryable } from '../../store/db.ts';
import { csvCell } from '../csv.ts';
import { heavy } from '../heavy.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';
import { codeString, idempotencyHeader, instant } from '../schemas.ts';

const limit = (what: string) =>
  z.number({ message: `${what}: a whole number of at least 1, or null for no limit` }).int(`${what}: a whole number`).min(1, `${what}: at least 1, or null for no limit`).max(1_000_000_000);

const batchInput = z
  .object({
    campaign: codeString.describe('a campaign of the published rule set; give it the condition { code: "coupon" }'),
    count: z
      .number({ message: 'count: how many coupons, a whole number' })
      .int('count: a whole number')
      .min(1, 'count: at least 1')
      .max(MAX_BATCH, `count: at most ${MAX_BATCH} per batch`)
      .default(1),
    pattern: z.string().max(64, 'pattern: at most 64 characters').optional().describe('X is replaced by a random character; default KOP-XXXX-XXXX'),
    code: z.string().trim().min(3, 'code: at least 3 characters').max(64, 'code: at most 64 characters').optional().describe('one fixed promo code (e.g. SUMMER2026) instead of a pattern; count must be 1'),
    maxUses: limit('maxUses').nullable().default(1).describe('uses over all customers; null for unlimited'),
    perMember: limit('perMember').nullable().default(null).describe('uses per member; null for no limit'),
    validFrom: instant.nullable().default(null),
    validTo: instant.nullable().default(null),
    memberId: z.string().min(1).max(64).nullable().default(null).describe('binds every coupon of the batch to this member'),
  })
  .strict()
  .openapi('CouponBatchInput');

const batchResult = z
  .object({
    batch: z.string(),
    campaign: z.string(),
    count: z.number().int(),
    codes: z.array(z.string()).optional().describe(`the codes, when there are at most ${CODES_IN_ANSWER}`),
  })
  .openapi('CouponBatch');

const coupon = z
  .object({
    code: z.string(),
    campaign: z.string(),
    batch: z.string().nullable(),
    memberId: z.string().nullable(),
    maxUses: z.number().int().nullable(),
    perMember: z.number().int().nullable(),
    uses: z.number().int(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Coupon');

const view = (c: StoredCoupon) => ({
  code: c.code,
  campaign: c.campaign,
  batch: c.batch,
  memberId: c.memberId,
  maxUses: c.maxUses,
  perMember: c.perMember,
  uses: c.uses,
  validFrom: c.validFrom?.toISOString() ?? null,
  validTo: c.validTo?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

const filterValue = z.string().min(1).max(64).optional();
const batchSummary = z
  .object({
    batch: z.string(),
    campaign: z.string(),
    count: z.number().int(),
    pattern: z.string().nullable().describe('the pattern of random codes; null for a fixed code'),
    code: z.string().nullable().describe('the one fixed promo code; null for random codes'),
    maxUses: z.number().int().nullable(),
    perMember: z.number().int().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    memberId: z.string().nullable(),
    used: z.number().int().describe('coupons used at least once'),
    uses: z.number().int().describe('uses over all its coupons'),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('CouponBatchSummary');

const CSV_HEADER = ['code', 'campaign', 'batch', 'member_id', 'max_uses', 'per_member', 'uses', 'valid_from', 'valid_to'];
const EXPORT_PAGE = 5000;
const csvRow = (c: StoredCoupon) =>
  [c.code, c.campaign, c.batch, c.memberId, c.maxUses, c.perMember, c.uses, c.validFrom?.toISOString() ?? null, c.validTo?.toISOString() ?? null].map(csvCell).join(',') + '\r\n';

/** The batch's coupons as CSV, read a page at a time as the client takes them, so a big batch is never held in memory. */
function csvStream(db: Queryable, programId: string, batch: string, first: StoredCoupon[]) {
  const encoder = new TextEncoder();
  let page = first;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_HEADER.join(',') + '\r\n'));
    },
    async pull(controller) {
      const rows = page;
      if (rows.length) controller.enqueue(encoder.encode(rows.map(csvRow).join('')));
      if (rows.length < EXPORT_PAGE) return controller.close();
      page = await listCoupons(db, programId, { batch, after: rows[rows.length - 1]!.code, limit: EXPORT_PAGE });
    },
  });
}

export function couponRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Coupons'];

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/coupons/batches', operationId: 'createCouponBatch', tags, security, middleware: [allow('coupons:create')] as const,
      summary: 'Generate a batch of coupons for a campaign: random codes from a pattern, or one fixed promo code',
      request: { ...body(batchInput), headers: idempotencyHeader },
      responses: { 201: json(batchResult, 'the batch'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const b = c.req.valid('json');
      const input = {
        ...b,
        validFrom: b.validFrom === null ? null : new Date(b.validFrom),
        validTo: b.validTo === null ? null : new Date(b.validTo),
      };
      const result = await generateCoupons(deps, key.programId, input, actorOf(key), c.req.header('idempotency-key'));
      return result.ok ? c.json(result.value, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/coupons', operationId: 'listCoupons', tags, security, middleware: [allow('coupons:list')] as const,
      summary: 'Coupons by batch, campaign or member, ordered by code; pass `next` as `after` for the next page',
      request: {
        query: z.object({
          batch: filterValue,
          campaign: filterValue,
          memberId: filterValue,
          after: filterValue.describe('the last code of the previous page'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(coupon), next: z.string().nullable() }), 'a page of coupons'), ...problems },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await listCoupons(deps.db, c.get('key').programId, { ...q, after: q.after === undefined ? undefined : normaliseCode(q.after) });
      const next = items.length === q.limit ? (items[items.length - 1] as StoredCoupon).code : null;
      return c.json({ items: items.map(view), next }, 200);
    },
  );

  // Registered before /v1/coupons/{code}, which would otherwise take "batches" or "export.csv" for a code.
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/coupons/batches', operationId: 'listCouponBatches', tags, security, middleware: [allow('coupons:list')] as const,
      summary: 'Batches generated by hand, newest first: their terms, who made them, and how many coupons were used',
      request: {
        query: z.object({
          campaign: filterValue,
          before: filterValue.describe('the `next` of an earlier page'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(batchSummary), next: z.string().nullable() }), 'a page of batches'), ...problems },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listCouponBatches(deps.db, c.get('key').programId, { ...q, limit: q.limit + 1 });
      const page = rows.slice(0, q.limit);
      const items = page.map((r) => ({
        batch: r.batch,
        campaign: String(r.terms.campaign),
        count: Number(r.terms.count),
        pattern: typeof r.terms.pattern === 'string' ? r.terms.pattern : null,
        code: typeof r.terms.code === 'string' ? r.terms.code : null,
        maxUses: typeof r.terms.maxUses === 'number' ? r.terms.maxUses : null,
        perMember: typeof r.terms.perMember === 'number' ? r.terms.perMember : null,
        validFrom: typeof r.terms.validFrom === 'string' ? r.terms.validFrom : null,
        validTo: typeof r.terms.validTo === 'string' ? r.terms.validTo : null,
        memberId: typeof r.terms.memberId === 'string' ? r.terms.memberId : null,
        used: r.used,
        uses: r.uses,
        createdBy: r.actor,
        createdAt: r.created_at.toISOString(),
      }));
      return c.json({ items, next: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null }, 200);
    },
  );


  app.openapi(
    createRoute({
      method: 'get', path: '/v1/coupons/export.csv', operationId: 'exportCoupons', tags, security, middleware: [allow('coupons:list'), heavy('coupon export')] as const,
      summary: 'Every coupon of a batch as CSV, to print or hand to a partner',
      request: { query: z.object({ batch: z.string().min(1).max(64) }) },
      responses: {
        200: { content: { 'text/csv': { schema: z.string().openapi({ example: `${CSV_HEADER.join(',')}\r\nKOP-7KQ4-M2XA,summer,cpb_01J...,,1,,0,,2026-08-31T21:00:00.000Z\r\n` }) } }, description: 'a header row, then one row per coupon' },
        ...problems,
      },
    }),
    async (c) => {
      const programId = c.get('key').programId;
      const { batch } = c.req.valid('query');
      const first = await listCoupons(deps.db, programId, { batch, limit: EXPORT_PAGE });
      if (!first.length) return problem(c, 'not_found', `no coupon batch ${batch}`);
      return c.body(csvStream(deps.db, programId, batch, first), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="coupons-${batch.replace(/[^A-Za-z0-9_-]/g, '')}.csv"`,
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/coupons/{code}', operationId: 'getCoupon', tags, security, middleware: [allow('coupons:check')] as const,
      summary: 'One coupon: its campaign, limits, validity and how often it was used',
      request: { params: z.object({ code: z.string().min(1).max(64) }) },
      responses: { 200: json(coupon, 'the coupon'), ...problems },
    }),
    async (c) => {
      const code = normaliseCode(c.req.valid('param').code);
      const found = await findCoupon(deps.db, c.get('key').programId, code);
      return found ? c.json(view(found), 200) : problem(c, 'coupon_not_found', `no coupon ${code}`);
    },
  );

  return app;
}
