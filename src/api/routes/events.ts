import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { eventTypes } from '../../domain/events.ts';
import { eventPayloads } from '../event-payloads.ts';
import type { Deps } from '../../flows/deps.ts';
import { eventFeed, sequenceEvents } from '../../store/events.ts';
import { allow, type Env } from '../auth.ts';
import { json, problems, security } from '../openapi.ts';
import { problem } from '../problems.ts';

const eventFields = {
  seq: z.number().int().describe("the event's place in the programme's feed: pass the last one seen as `after`"),
  id: z.string().describe('unique; a consumer that has seen it may skip it'),
  version: z.number().int().describe('of the payload: fields are only added within a version'),
  memberId: z.string().nullable(),
  occurredAt: z.string(),
};
const eventName = (type: string) => `Event${type.replace(/(^|\.)(\w)/g, (_, __, c: string) => c.toUpperCase())}`;
/** One schema per event type, told apart by `type`: generated clients get a typed payload for each. */
const feedEvent = z
  .discriminatedUnion(
    'type',
    eventTypes.map((type) => z.object({ ...eventFields, type: z.literal(type), payload: eventPayloads[type] }).openapi(eventName(type))) as unknown as [
      z.ZodObject<typeof eventFields & { type: z.ZodLiteral<(typeof eventTypes)[number]>; payload: z.ZodType }>,
    ],
  )
  .openapi('Event');

/** What happened in the programme, in order: a feed integrators read from where they left off. */
export function eventRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/events/feed', operationId: 'readEventFeed', tags: ['Events'], security, middleware: [allow('events:feed')] as const,
      summary: "The programme's events after a feed position, oldest first: receipts, points, members, cards, tiers, campaigns, actions",
      request: {
        query: z.object({
          after: z.coerce.number().int().min(0).default(0).describe('the `seq` of the last event seen (0: from the start)'),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(feedEvent), last: z.number().int().describe('the newest position in the feed') }), 'the events'), ...problems },
    }),
    async (c) => {
      const { after, limit } = c.req.valid('query');
      await sequenceEvents(deps.db);
      const feed = await eventFeed(deps.db, c.get('key').programId, after, limit);
      if (after > feed.last) return problem(c, 'validation_failed', `after: the feed has ${feed.last} events; ${after} is past its end`, { errors: [{ path: 'after', message: `at most ${feed.last}` }] });
      const items = feed.events.map((e) => ({ ...e, type: e.type as (typeof eventTypes)[number], occurredAt: e.occurredAt.toISOString(), payload: e.payload as Record<string, unknown> }));
      return c.json({ items, last: feed.last }, 200);
    },
  );
  return app;
}
