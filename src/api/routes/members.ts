import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { actorOf, may, namingNeeds } from '../../domain/access.ts';
import { adjustPoints } from '../../flows/adjustments.ts';
import type { Deps } from '../../flows/deps.ts';
import { addCard, blockMemberCard, eraseMember, lookupMember, registerMember, updateMember } from '../../flows/members.ts';
import { cardFor, memberFor } from '../../flows/personal-data.ts';
import { findCard, memberCards } from '../../store/cards.ts';
import { history, memberLots } from '../../store/ledger.ts';
import { currentBalance } from '../../flows/balance.ts';
import { membersByName, nameWords, tierHistory, type MemberKey } from '../../store/members.ts';
import { consentRecords } from '../../store/consents.ts';
import { allow, forbidden, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';
import { adjustmentInput, balance, card, consentRecord, historyItem, idempotencyHeader, member, memberInput, memberPatch, memberSummary, tierChange, visibleMember } from '../schemas.ts';

const memberId = z.object({ id: z.string().max(64) });
const pageCursor = z.object({ word: z.string().max(300), id: z.string().max(64) }).strict();
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const cardNumber = z.object({ number: z.string().regex(/^\d{8,19}$/, '8-19 digits') });
const cards = z.array(card);

export function memberRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Members'];
  const load = async (programId: string, key: MemberKey) => lookupMember(deps.db, programId, key);

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members', operationId: 'enrolMember', tags, security, middleware: [allow('members:enrol', { settingsFrom: deps.db })] as const,
      summary: 'Register a member with a virtual card, or with the physical card number given (a partner key only if the settings let partners enrol)',
      request: { ...body(memberInput), headers: idempotencyHeader },
      responses: { 201: json(z.object({ member: visibleMember, cards: z.array(card) }), 'the new member and card'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await registerMember(deps, key.programId, c.req.valid('json'), key, c.req.header('idempotency-key'));
      return result.ok ? c.json({ ...result.value, member: memberFor(key, result.value.member) } as never, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members', operationId: 'findMembers', tags, security, middleware: [allow('members:lookup')] as const,
      summary: 'Find a member by exactly one of phone, email, externalId or cardNumber (partner keys: by card only, and see no personal data)',
      request: {
        query: z
          .object({ phone: z.string().optional(), email: z.string().optional(), externalId: z.string().optional(), cardNumber: z.string().optional() })
          .refine((q) => Object.values(q).filter(Boolean).length === 1, 'give exactly one of phone, email, externalId, cardNumber'),
      },
      responses: { 200: json(visibleMember, 'the member'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const [field, value] = Object.entries(c.req.valid('query')).find(([, v]) => v) as [keyof typeof namingNeeds, string];
      if (!may(key, namingNeeds[field])) return forbidden(c, namingNeeds[field]);
      const result = await load(key.programId, { [field]: value } as MemberKey);
      return result.ok ? c.json(memberFor(key, result.value) as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/search', operationId: 'searchMembers', tags, security, middleware: [allow('members:pii')] as const,
      summary: 'Members with a word of the name beginning with each word of the text (case and ё aside), in order of the matched word, a page at a time',
      request: {
        query: z.object({
          name: z.string().trim().max(100).refine((text) => nameWords(text).some((w) => w.length >= 2), 'at least one word of 2 letters or more'),
          cursor: z
            .string()
            .max(400)
            .optional()
            .describe('the `next` of an earlier page')
            .transform((c, ctx) => {
              if (c === undefined) return null;
              const parsed = pageCursor.safeParse(safeJson(Buffer.from(c, 'base64url').toString('utf8')));
              if (parsed.success) return parsed.data;
              ctx.addIssue({ code: 'custom', message: 'the `next` of an earlier page' });
              return z.NEVER;
            }),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(member), next: z.string().nullable() }), 'one page'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const { name, cursor, limit } = c.req.valid('query');
      const page = await membersByName(deps.db, key.programId, name, cursor, limit + 1);
      const items = page.slice(0, limit);
      const last = items[items.length - 1];
      const next = page.length > limit && last ? Buffer.from(JSON.stringify({ word: last.matchedWord, id: last.member.id })).toString('base64url') : null;
      return c.json({ items: items.map((found) => memberFor(key, found.member)), next } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}', operationId: 'getMember', tags, security, middleware: [allow('members:read')] as const,
      summary: 'A member with their cards (without personal data for a readonly key without the pii grant)', request: { params: memberId },
      responses: { 200: json(z.union([member.extend({ cards }), memberSummary.extend({ cards })]), 'the member with their cards'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await load(key.programId, { id: c.req.valid('param').id });
      if (!result.ok) return failure(c, result);
      const cards = (await memberCards(deps.db, key.programId, result.value.id)).map((card) => cardFor(key, card));
      return c.json({ ...memberFor(key, result.value), cards } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch', path: '/v1/members/{id}', operationId: 'updateMember', tags, security, middleware: [allow('members:edit')] as const,
      summary: 'Change a member’s profile, contacts or consents; what changed is recorded in the audit trail with the key',
      request: { params: memberId, ...body(memberPatch) },
      responses: { 200: json(visibleMember, 'the member'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await updateMember(deps, key.programId, c.req.valid('param').id, c.req.valid('json'), key);
      return result.ok ? c.json(memberFor(key, result.value) as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/consents', operationId: 'getConsents', tags, security, middleware: [allow('members:pii')] as const,
      summary: 'A member’s consents to marketing by channel, and every grant and withdrawal with its evidence, oldest first',
      description:
        'Each change of `consents` (at enrolment, by `PATCH /v1/members/{id}`, at erasure) is kept with when, where (`via`, `storeCode`), the wording version shown, the member’s IP address as the caller gave it, and the key that recorded it: the proof of prior consent an advertiser must be able to show (38-FZ art. 18). Erasure withdraws every consent and clears the IP addresses; the records stay.',
      request: { params: memberId },
      responses: { 200: json(z.object({ consents: member.shape.consents, records: z.array(consentRecord) }), 'the consents and their records'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const found = await load(key.programId, { id: c.req.valid('param').id });
      if (!found.ok) return failure(c, found);
      const records = await consentRecords(deps.db, key.programId, found.value.id);
      return c.json({ consents: found.value.consents, records: records.map(({ memberId: _, at, ...r }) => ({ ...r, at: at.toISOString() })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members/{id}/erase', operationId: 'eraseMember', tags, security, middleware: [allow('members:erase')] as const,
      summary: 'Erase a member’s personal data at their request: profile, contacts and consents go, cards are blocked; points, receipts and the ledger stay without a name',
      description:
        'After it, the member answers `410 member_erased` to receipts, actions, adjustments, profile changes and new cards; returns of their earlier receipts still work. The audit trail keeps which fields changed and when, without the values.',
      request: { params: memberId },
      responses: { 200: json(member, 'the member as they are now'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await eraseMember(deps, key.programId, c.req.valid('param').id, key);
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/balance', operationId: 'getBalance', tags, security, middleware: [allow('members:read')] as const,
      summary: 'Available, pending and soon-expiring points', request: { params: memberId },
      responses: { 200: json(balance, 'the balance'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const result = await currentBalance(deps, programId, c.req.valid('param').id);
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  const lot = z
    .object({
      id: z.string(),
      state: z.enum(['pending', 'active', 'expired']),
      amount: z.number().int().describe('points the lot was earned with'),
      remaining: z.number().int().describe('points still in it'),
      activatesAt: z.string(),
      expiresAt: z.string().nullable(),
      createdAt: z.string(),
      source: z.string().describe('how the points came: receipt, adjustment, action, referral...'),
      receiptId: z.string().nullable(),
      reason: z.string().nullable(),
    })
    .openapi('Lot');
  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/lots', operationId: 'listLots', tags, security, middleware: [allow('members:read')] as const,
      summary: 'The lots the member still holds (pending or active), soonest to expire first, with how each was earned',
      request: { params: memberId },
      responses: { 200: json(z.object({ items: z.array(lot) }), 'the open lots'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const found = await load(programId, { id: c.req.valid('param').id });
      if (!found.ok) return failure(c, found);
      const items = (await memberLots(deps.db, programId, found.value.id)).map((l) => ({
        ...l,
        activatesAt: l.activatesAt.toISOString(),
        expiresAt: l.expiresAt?.toISOString() ?? null,
        createdAt: l.createdAt.toISOString(),
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/history', operationId: 'getHistory', tags, security, middleware: [allow('members:read')] as const,
      summary: 'Points history, newest first; pass `next` from a page as `cursor` for the following one',
      request: { params: memberId, query: z.object({ cursor: z.string().regex(/^ent_[0-9A-HJKMNP-TV-Z]{26}$/, 'the `next` value of an earlier page').optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ items: z.array(historyItem), next: z.string().nullable() }), 'one page'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const found = await load(programId, { id: c.req.valid('param').id });
      if (!found.ok) return failure(c, found);
      const { cursor, limit } = c.req.valid('query');
      const page = await history(deps.db, programId, found.value.id, cursor ?? null, limit + 1);
      const items = page.slice(0, limit);
      return c.json({ items, next: page.length > limit ? (items[items.length - 1]?.id ?? null) : null } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members/{id}/adjustments', operationId: 'adjustPoints', tags, security, middleware: [allow('adjust')] as const,
      summary: 'Credit or debit points by hand, with a mandatory reason; the key is recorded as the actor',
      request: { params: memberId, ...body(adjustmentInput), headers: idempotencyHeader },
      responses: { 201: json(z.object({ entryId: z.string(), points: z.number().int(), balance }), 'the adjustment'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await adjustPoints(deps, key.programId, c.req.valid('param').id, c.req.valid('json'), actorOf(key), c.req.header('idempotency-key'));
      return result.ok ? c.json(result.value as never, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/tier-history', operationId: 'getTierHistory', tags, security, middleware: [allow('members:read')] as const,
      summary: 'Tier upgrades and downgrades, newest first', request: { params: memberId },
      responses: { 200: json(z.object({ items: z.array(tierChange) }), 'the changes'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const found = await load(programId, { id: c.req.valid('param').id });
      if (!found.ok) return failure(c, found);
      return c.json({ items: await tierHistory(deps.db, programId, found.value.id) } as never, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members/{id}/cards', operationId: 'issueCard', tags: ['Cards'], security, middleware: [allow('cards')] as const,
      summary: 'Issue another card: virtual, or a physical number', request: { params: memberId, ...body(z.object({ number: cardNumber.shape.number.optional() })) },
      responses: { 201: json(card, 'the card'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await addCard(deps, key.programId, c.req.valid('param').id, c.req.valid('json').number, key);
      return result.ok ? c.json(result.value as never, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/cards/{number}', operationId: 'getCard', tags: ['Cards'], security, middleware: [allow('members:lookup')] as const,
      summary: 'A card and its status', request: { params: cardNumber },
      responses: { 200: json(card, 'the card'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const found = await findCard(deps.db, key.programId, c.req.valid('param').number);
      return found ? c.json(cardFor(key, found) as never, 200) : problem(c, 'card_not_found', `no card ${c.req.valid('param').number}`);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/cards/{number}/block', operationId: 'blockCard', tags: ['Cards'], security, middleware: [allow('cards')] as const,
      summary: 'Block a lost card, optionally replacing it; the balance stays with the member',
      request: {
        params: cardNumber,
        ...body(z.object({ reason: z.string().trim().min(1).max(500), replace: z.boolean().default(false), replaceWith: cardNumber.shape.number.optional() })),
      },
      responses: { 200: json(z.object({ blocked: card, replacement: card.nullable() }), 'the blocked card and its replacement'), ...problems },
    }),
    async (c) => {
      const key = c.get('key');
      const result = await blockMemberCard(deps, key.programId, c.req.valid('param').number, c.req.valid('json'), key);
      return result.ok ? c.json(result.value as never, 200) : failure(c, result);
    },
  );

  return app;
}
