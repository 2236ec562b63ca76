import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf } from '../../domain/access.ts';
import { opsFor, segmentFields } from '../../domain/segments.ts';
import type { Deps } from '../../flows/deps.ts';
import { deleteSegment, importSegmentMembers, previewSegment, putSegment, refreshSegments } from '../../flows/segments.ts';
import type { Queryable } from '../../store/db.ts';
import { getSegment, listSegments, segmentMembersPage, segmentSizes, type Segment } from '../../store/segments.ts';
import { csvCell } from '../csv.ts';
import { ruleRef } from '../rule-schemas.ts';
import { heavy } from '../heavy.ts';
import { textFault } from '../input.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';
import { codeString } from '../schemas.ts';

const tags = ['Segments'];
const malformed = Symbol('malformed');
const anything = z.record(z.string(), z.unknown());

const segment = z
  .object({
    code: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(['dynamic', 'static']),
    rule: z.unknown().nullable().describe('the SegmentRule; null for a static segment'),
    version: z.number().int().describe('raised by each change'),
    size: z.number().int().describe('members at the last refresh'),
    refreshedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Segment');

const view = (s: Segment) => ({
  ...s,
  refreshedAt: s.refreshedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const sizes = z.array(z.object({ at: z.string(), size: z.number().int(), entered: z.number().int(), departed: z.number().int() }));

const CSV_HEADER = ['member_id', 'external_id', 'phone', 'email', 'name', 'tier', 'since'];
const EXPORT_PAGE = 5000;

/** A segment's members as CSV, read a page at a time as the client takes them: any size, never all in memory. */
function membersCsv(db: Queryable, programId: string, code: string) {
  const encoder = new TextEncoder();
  let after = '';
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_HEADER.join(',') + '\r\n'));
    },
    async pull(controller) {
      const rows = await segmentMembersPage(db, programId, code, after, EXPORT_PAGE);
      if (rows.length)
        controller.enqueue(encoder.encode(rows.map((r) => [r.id, r.external_id, r.phone, r.email, r.name, r.tier_code, r.since.toISOString()].map(csvCell).join(',') + '\r\n').join('')));
      if (rows.length < EXPORT_PAGE) return controller.close();
      after = rows[rows.length - 1]!.id;
    },
  });
}

const fieldsDoc = Object.entries(segmentFields)
  .map(([name, f]) => `\`${name}\` (${f.type}${f.window === 'required' ? ', with days' : f.window === 'optional' ? ', over days or dates if given' : ''}: ${opsFor[f.type].join('/')})`)
  .join(', ');

export function segmentRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const params = z.object({ code: codeString });

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/segments', operationId: 'listSegments', tags, security, middleware: [allow('reports')] as const,
      summary: 'Segments, by code, with their size at the last refresh',
      responses: { 200: json(z.object({ items: z.array(segment) }), 'the segments'), ...problems },
    }),
    async (c) => c.json({ items: (await listSegments(deps.db, c.get('key').programId)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/segments/fields', operationId: 'listSegmentFields', tags, security, middleware: [allow('reports')] as const,
      summary: 'The fields a segment rule may name, with their type, operators, window and fixed values: what the builder offers',
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ field: z.string(), type: z.string(), operators: z.array(z.string()), window: z.enum(['required', 'optional', 'none']), values: z.array(z.string()).nullable(), refers: z.string().nullable(), title: z.object({ ru: z.string(), en: z.string() }) })),
          }),
          'the fields; custom attributes are attribute.<name>',
        ),
        ...problems,
      },
    }),
    async (c) =>
      c.json({
        items: Object.entries(segmentFields).map(([field, f]) => ({
          field,
          type: f.type,
          operators: [...opsFor[f.type]],
          window: f.window,
          values: 'values' in f ? [...f.values] : null,
          refers: 'refers' in f ? f.refers : null,
          title: f.title,
        })),
      }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/segments/preview', operationId: 'previewSegment', tags, security, middleware: [allow('reports'), heavy('segment preview', { perProgramme: 2, retryAfter: 2 })] as const,
      summary: 'How many members a rule holds now, without saving it: the builder’s live count',
      request: body(z.object({ code: codeString.optional().describe('the segment being edited, so a rule naming it is refused as a loop'), rule: anything.openapi({ description: 'a SegmentRule (see the component)' }) })),
      responses: { 200: json(z.object({ members: z.number().int() }), 'the count'), ...problems },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const result = await previewSegment(deps, c.get('key').programId, b.code ?? '', b.rule);
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/segments/{code}', operationId: 'getSegment', tags, security, middleware: [allow('reports')] as const,
      summary: 'One segment with its size history (the last 100 refreshes that moved it)',
      request: { params },
      responses: { 200: json(segment.extend({ history: sizes }), 'the segment'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { code } = c.req.valid('param');
      const s = await getSegment(deps.db, programId, code);
      if (!s) return problem(c, 'not_found', `no segment ${code}`);
      const history = (await segmentSizes(deps.db, programId, code, 100)).map((h) => ({ ...h, at: h.at.toISOString() }));
      return c.json({ ...view(s), history }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/segments/{code}', operationId: 'putSegment', tags, security, middleware: [allow('settings')] as const,
      summary: 'Create or change a segment; a dynamic one is evaluated at once and kept current after',
      description:
        '`{ name, description?, kind: "dynamic" | "static", rule? }`. A rule nests `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` around conditions ' +
        '`{ field, op, value?, days? | from?, to? }`. Fields: ' + fieldsDoc + '; and `attribute.<name>` for the programme’s own attributes. ' +
        'Money in kopecks; dates YYYY-MM-DD in the programme’s time zone; `days` counts back from now (for points_expiring, ahead). ' +
        'Members who enter or leave get `segment.entered` / `segment.left` events.',
      request: { params, body: { content: { 'application/json': { schema: ruleRef('SegmentInput') as never } }, required: true } },
      responses: { 200: json(segment, 'the segment as saved, with its size'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const input: unknown = await c.req.json().catch(() => malformed);
      if (input === malformed) return problem(c, 'malformed_json', 'the body is not JSON');
      const result = await putSegment(deps, key.programId, c.req.valid('param').code, input, actorOf(key));
      return result.ok ? c.json(view(result.value), 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/segments/{code}', operationId: 'deleteSegment', tags, security, middleware: [allow('settings')] as const,
      summary: 'Delete a segment; refused (409) while a campaign’s audience or another segment’s rule names it',
      request: { params },
      responses: { 204: { description: 'deleted' }, ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await deleteSegment(deps, key.programId, c.req.valid('param').code, actorOf(key));
      return result.ok ? c.body(null, 204) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/segments/{code}/refresh', operationId: 'refreshSegment', tags, security, middleware: [allow('settings'), heavy('segment refresh')] as const,
      summary: 'Evaluate a dynamic segment again now (the segments job does it for all of them every hour)',
      request: { params },
      responses: { 200: json(z.object({ size: z.number().int(), entered: z.number().int(), departed: z.number().int() }), 'the movement'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { code } = c.req.valid('param');
      const s = await getSegment(deps.db, programId, code);
      if (!s) return problem(c, 'not_found', `no segment ${code}`);
      if (s.kind !== 'dynamic') return problem(c, 'conflict', `segment ${code} is static: upload its list instead`);
      const [done] = await refreshSegments(deps, programId, { code });
      return c.json({ size: done?.size ?? s.size, entered: done?.entered ?? 0, departed: done?.departed ?? 0 }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/segments/{code}/members', operationId: 'importSegmentMembers', tags, security, middleware: [allow('settings'), heavy('segment upload')] as const,
      summary: 'Replace a static segment’s members with a CSV list: one member id, phone, card number or external id a row',
      description: 'Rows that match no member are reported (the first 1,000) and the rest imported. At most 8 MB.',
      request: { params, body: { content: { 'text/csv': { schema: z.string() } }, required: true } },
      responses: {
        200: json(z.object({ rows: z.number().int(), matched: z.number().int(), members: z.number().int(), unmatched: z.array(z.object({ row: z.number().int(), value: z.string(), reason: z.string() })) }), 'the report'),
        ...problems,
      },
    }),
    async (c) => {
      const key = c.get('key');
      if (!/^text\/(csv|plain)/i.test(c.req.header('content-type') ?? '')) return problem(c, 'unsupported_media_type', 'send the list as text/csv');
      const text = await c.req.text();
      const fault = textFault(text);
      if (fault) return problem(c, 'validation_failed', `body: ${fault}`);
      const result = await importSegmentMembers(deps, key.programId, c.req.valid('param').code, text, actorOf(key));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/segments/{code}/members.csv', operationId: 'exportSegmentMembers', tags, security, middleware: [allow('segments:export'), heavy('segment export')] as const,
      summary: 'A segment’s members as CSV, streamed: any size',
      request: { params },
      responses: {
        200: { content: { 'text/csv': { schema: z.string().openapi({ example: `${CSV_HEADER.join(',')}\r\nmem_01J...,,+79161234567,anna@example.ru,Анна Смирнова,gold,2026-12-01T09:00:00.000Z\r\n` }) } }, description: 'a header row, then one row per member' },
        ...problems,
      },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { code } = c.req.valid('param');
      if (!(await getSegment(deps.db, programId, code))) return problem(c, 'not_found', `no segment ${code}`);
      return c.body(membersCsv(deps.db, programId, code), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="segment-${code.replace(/[^A-Za-z0-9_-]/g, '')}.csv"`,
      }) as never;
    },
  );

  return app;
}
