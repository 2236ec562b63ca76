import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { MAX_VARIANTS } from '../../domain/messages/split.ts';
import { cancelBroadcast, originResults, setBroadcast } from '../../flows/broadcasts.ts';
import type { Deps } from '../../flows/deps.ts';
import { findBroadcast, listBroadcasts, type Broadcast } from '../../store/broadcasts.ts';
import { listTriggers } from '../../store/messages.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';

const codeParam = z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -, up to 64') });
const topic = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'lower-case letters, digits, _ and -, up to 32');

const broadcast = z
  .object({
    code: z.string(),
    name: z.string(),
    segment: z.string(),
    topic: z.string().describe('what it is about; a member who muted the topic does not get it'),
    variants: z.array(z.string()).describe('the template of each variant, A to E'),
    controlPercent: z.number().describe('the share of the audience held back to compare against'),
    sendAt: z.string(),
    status: z.enum(['scheduled', 'planned', 'cancelled']),
    plannedAt: z.string().nullable(),
    audience: z.number().int().nullable().describe('the segment’s members when it was planned'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Broadcast');
const broadcastInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    segment: z.string().min(1).max(64),
    topic: topic.default('offers'),
    variants: z.array(z.string().min(1).max(64)).min(1).max(MAX_VARIANTS).describe(`one to ${MAX_VARIANTS} templates written for broadcasts, split evenly`),
    controlPercent: z.number().min(0).max(50).default(10).describe('0–50% of the reachable audience get nothing, by a hash of broadcast and member'),
    sendAt: z.iso.datetime({ offset: true }).nullable().optional().describe('left out, at once; in quiet hours, at their end'),
  })
  .strict()
  .openapi('BroadcastInput');

const interval = z.object({ difference: z.number(), low: z.number(), high: z.number() }).nullable().describe('the group less the control group, with the 95% interval');
const results = z
  .object({
    conversionDays: z.number().int().describe('a purchase within this many days after the message was due counts'),
    groups: z.array(
      z.object({
        variant: z.string().nullable().describe('A to E, or null for the control group'),
        members: z.number().int(),
        queued: z.number().int().describe('waiting to go: for quiet hours to end, a cap’s next day, another try'),
        sent: z.number().int(),
        delivered: z.number().int().describe('known to have arrived: an SMS whose every part the SMSC reported delivered (none through an HTTP gateway, which reports nothing); an e-mail or push the receiving server or push service took'),
        failed: z.number().int().describe('failed or bounced'),
        skipped: z.number().int(),
        opened: z.number().int(),
        clicked: z.number().int(),
        unsubscribed: z.number().int(),
        converted: z.number().int().describe('members who bought within the window'),
        revenue: z.number().int().describe('what they paid in the window, kopecks'),
        revenueSquares: z.number().describe('the sum over members of their revenue squared, for the interval'),
        conversionLift: interval,
        revenueLift: interval,
      }),
    ),
  })
  .openapi('MessageResults');

const shown = (b: Broadcast) => ({
  ...b,
  sendAt: b.sendAt.toISOString(),
  plannedAt: b.plannedAt?.toISOString() ?? null,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

/** Broadcasts to segments with variants and a control group, and the results of broadcasts and triggers. */
export function broadcastRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Messaging'];

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/broadcasts/{code}', operationId: 'setBroadcast', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Make or change a broadcast to a segment: its variants, control share and time',
      description:
        'It goes to the segment’s members who consented to marketing e-mail, have an address, are not in the global control group and did not mute its topic. ' +
        'Of them, the control share gets nothing; the rest are split evenly over the variants. The split is by md5 of broadcast and member, so it is the same however often it is computed. ' +
        'Only a broadcast that has not gone may change.',
      request: { params: codeParam, ...body(broadcastInput) },
      responses: { 200: json(broadcast, 'the broadcast'), ...problems },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const result = await setBroadcast(deps, c.get('key').programId, c.req.valid('param').code, { ...input, sendAt: input.sendAt ? new Date(input.sendAt) : null }, c.get('key'));
      return result.ok ? c.json(shown(result.value), 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/broadcasts', operationId: 'listBroadcasts', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The broadcasts, latest first',
      responses: { 200: json(z.object({ broadcasts: z.array(broadcast) }), 'the broadcasts'), ...problems },
    }),
    async (c) => c.json({ broadcasts: (await listBroadcasts(deps.db, c.get('key').programId)).map(shown) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/messaging/broadcasts/{code}/cancel', operationId: 'cancelBroadcast', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Call off a broadcast that has not gone',
      request: { params: codeParam },
      responses: { 200: json(broadcast, 'the broadcast, cancelled'), ...problems },
    }),
    async (c) => {
      const result = await cancelBroadcast(deps, c.get('key').programId, c.req.valid('param').code, c.get('key'));
      return result.ok ? c.json(shown(result.value), 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/broadcasts/{code}/results', operationId: 'broadcastResults', tags, security, middleware: [allow('messaging')] as const,
      summary: 'What a broadcast did: each variant’s messages, opens, clicks, unsubscribes and conversion against the control group',
      description:
        'Conversion: a confirmed receipt within the programme’s conversion window after the message was due (the control group from the same moment). ' +
        'Every member of a group counts, reached or not. Lift: the group less the control group, with a 95% interval (Newcombe’s hybrid score method for shares, Welch for revenue per member).',
      request: { params: codeParam },
      responses: { 200: json(results, 'the results'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { code } = c.req.valid('param');
      if (!(await findBroadcast(deps.db, programId, code))) return problem(c, 'not_found', `no broadcast ${code}`);
      return c.json(await originResults(deps, programId, `broadcast:${code}`), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/triggers/{code}/results', operationId: 'triggerResults', tags, security, middleware: [allow('messaging')] as const,
      summary: 'What a trigger’s messages did: sent, opened, clicked, unsubscribed, and the purchases after them',
      request: { params: codeParam },
      responses: { 200: json(results, 'the results'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { code } = c.req.valid('param');
      if (!(await listTriggers(deps.db, programId)).some((t) => t.code === code)) return problem(c, 'not_found', `no trigger ${code}`);
      return c.json(await originResults(deps, programId, `trigger:${code}`), 200);
    },
  );

  return app;
}
