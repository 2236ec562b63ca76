import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { eventTypes } from '../../domain/events.ts';
import type { Deps } from '../../flows/deps.ts';
import { fail } from '../../flows/outcome.ts';
import { checkWebhookUrl, createWebhook } from '../../flows/webhooks.ts';
import { deleteWebhook, deliveryLog, findWebhook, listWebhooks, replayDeliveries, updateWebhook, type Webhook } from '../../store/webhooks.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';

const webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    eventTypes: z.array(z.enum(eventTypes)).describe('the types sent; empty: every type'),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().describe('why deliveries stopped, when they did'),
    createdAt: z.string(),
  })
  .openapi('Webhook');
const types = z.array(z.enum(eventTypes)).max(eventTypes.length);
const url = z.string().trim().min(1).max(2000);
const webhookInput = z
  .object({
    url,
    eventTypes: types.default([]),
    secret: z.string().max(200).optional().describe('whsec_ and the base64 of 24-64 random bytes; made for you when left out'),
  })
  .strict()
  .openapi('WebhookInput');
const delivery = z
  .object({
    eventId: z.string(),
    seq: z.number().int(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    lastAttemptAt: z.string().nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastResponse: z.string().nullable().describe("the first 500 characters of the receiver's answer"),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');
const id = z.object({ id: z.string().max(64) });
const view = (w: Webhook) => ({ ...w, eventTypes: w.eventTypes as (typeof eventTypes)[number][], createdAt: w.createdAt.toISOString() });
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Webhook subscriptions of the programme: the events, signed, to a URL of the integrator's. */
export function webhookRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Webhooks'];
  const missing = (webhookId: string) => fail('webhook_not_found', `no webhook ${webhookId}`);

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/webhooks', operationId: 'createWebhook', tags, security, middleware: [allow('webhooks')] as const,
      summary: 'Subscribe a URL to the events from now on, signed per Standard Webhooks; the secret is in this answer only',
      request: body(webhookInput),
      responses: { 201: json(webhook.extend({ secret: z.string() }), 'the subscription and its secret'), ...problems },
    }),
    async (c) => {
      const made = await createWebhook(deps, c.get('key').programId, c.req.valid('json'), new URL(c.req.url).origin, c.get('key'));
      if (!made.ok) return failure(c, made);
      return c.json({ ...view(made.value), secret: made.value.secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/webhooks', operationId: 'listWebhooks', tags, security, middleware: [allow('webhooks')] as const,
      summary: "The programme's webhook subscriptions (never their secrets)",
      responses: { 200: json(z.object({ items: z.array(webhook) }), 'the subscriptions'), ...problems },
    }),
    async (c) => c.json({ items: (await listWebhooks(deps.db, c.get('key').programId)).map(view) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/webhooks/{id}', operationId: 'updateWebhook', tags, security, middleware: [allow('webhooks')] as const,
      summary: 'Change the URL or the event types, or disable and enable the subscription again',
      request: { params: id, ...body(z.object({ url: url.optional(), eventTypes: types.optional(), enabled: z.boolean().optional() }).strict().openapi('WebhookChange')) },
      responses: { 200: json(webhook, 'the subscription'), ...problems },
    }),
    async (c) => {
      const change = c.req.valid('json');
      if (change.url) {
        const checked = await checkWebhookUrl(change.url, new URL(c.req.url).origin);
        if (!checked.ok) return failure(c, checked);
      }
      const updated = await updateWebhook(deps.db, c.get('key').programId, c.req.valid('param').id, change, deps.now());
      if (!updated) return failure(c, missing(c.req.valid('param').id));
      return c.json(view(updated), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/webhooks/{id}', operationId: 'deleteWebhook', tags, security, middleware: [allow('webhooks')] as const,
      summary: 'Remove the subscription and its delivery log',
      request: { params: id },
      responses: { 204: { description: 'removed' }, ...problems },
    }),
    async (c) => ((await deleteWebhook(deps.db, c.get('key').programId, c.req.valid('param').id)) ? c.body(null, 204) : failure(c, missing(c.req.valid('param').id))),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/webhooks/{id}/deliveries', operationId: 'listDeliveries', tags, security, middleware: [allow('webhooks')] as const,
      summary: 'The delivery log, newest first: attempts, the last status, latency and an excerpt of the answer',
      request: { params: id, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
      responses: { 200: json(z.object({ items: z.array(delivery) }), 'the deliveries'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      if (!(await findWebhook(deps.db, programId, c.req.valid('param').id))) return failure(c, missing(c.req.valid('param').id));
      const items = (await deliveryLog(deps.db, programId, c.req.valid('param').id, c.req.valid('query').limit)).map((d) => ({
        ...d,
        status: d.status as 'pending' | 'delivered' | 'dead',
        lastAttemptAt: iso(d.lastAttemptAt),
        deliveredAt: iso(d.deliveredAt),
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/webhooks/{id}/replay', operationId: 'replayEvents', tags, security, middleware: [allow('webhooks')] as const,
      summary: 'Send again the events of a range of feed positions (one event: from = to)',
      request: { params: id, ...body(z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).strict().openapi('WebhookReplay')) },
      responses: { 200: json(z.object({ queued: z.number().int() }), 'how many events will be sent again'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const range = c.req.valid('json');
      if (range.to < range.from) return problem(c, 'validation_failed', 'to: before from', { errors: [{ path: 'to', message: 'at least from' }] });
      if (!(await findWebhook(deps.db, programId, c.req.valid('param').id))) return failure(c, missing(c.req.valid('param').id));
      const queued = await replayDeliveries(deps.db, programId, c.req.valid('param').id, range, deps.now());
      return c.json({ queued }, 200);
    },
  );

  return app;
}
