import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { consentChannels } from '../../domain/consents.ts';
import type { Deps } from '../../flows/deps.ts';
import { withdrawConsent } from '../../flows/members.ts';
import { setMessagePreferences, subscribeToPush, unsubscribeFromPush } from '../../flows/preferences.ts';
import { findPreferences } from '../../store/message-preferences.ts';
import { findMember } from '../../store/members.ts';
import { findChannel, inboxOf, markMessage, markRead } from '../../store/messages.ts';
import { pushSubscriptionsOf } from '../../store/push.ts';
import { verified } from '../../store/secrets.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure, problem } from '../problems.ts';

const preferences = z
  .object({
    mutedTopics: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'a topic code')).max(50).describe('topics of broadcasts and triggers the member wants nothing about'),
    weeklyMax: z.number().int().min(0).max(100).nullable().describe('at most this many marketing messages a week (Monday to Sunday); null for no limit of their own'),
  })
  .strict()
  .openapi('MessagePreferences');

const page = (title: string, lines: string[], form?: string) =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2328}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><main><h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}${form ?? ''}</main></body></html>`;

/** A 1×1 transparent GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * The member's side of messages: their preferences through the API, and the links in what they receive, which
 * carry a token the server signed: unsubscribe (a page and the one-click POST of RFC 8058), the open pixel, and
 * the click redirect.
 */
export function memberMessageRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Messaging'];

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/message-preferences', operationId: 'getMessagePreferences', tags, security, middleware: [allow('members:read')] as const,
      summary: 'The member’s own choice of topics and weekly maximum (their consents per channel are on the member)',
      request: { params: z.object({ id: z.string().max(64) }) },
      responses: { 200: json(preferences, 'the preferences'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { id } = c.req.valid('param');
      if (!(await findMember(deps.db, programId, { id }))) return problem(c, 'member_not_found', `no member ${id}`);
      return c.json(await findPreferences(deps.db, programId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/members/{id}/message-preferences', operationId: 'setMessagePreferences', tags, security, middleware: [allow('members:edit')] as const,
      summary: 'Set the member’s own choice: topics they want nothing about, and at most how many marketing messages a week',
      description: 'Transactional messages (codes, receipts) are not counted or held back. Over the weekly maximum a marketing message is skipped, not put off.',
      request: { params: z.object({ id: z.string().max(64) }), ...body(preferences) },
      responses: { 200: json(preferences, 'the preferences'), ...problems },
    }),
    async (c) => {
      const result = await setMessagePreferences(deps, c.get('key').programId, c.req.valid('param').id, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  const inboxMessage = z
    .object({ id: z.string(), subject: z.string().nullable(), text: z.string().nullable(), sentAt: z.string(), readAt: z.string().nullable() })
    .openapi('InboxMessage');
  const memberParam = z.object({ id: z.string().max(64) });

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/inbox', operationId: 'memberInbox', tags, security, middleware: [allow('members:read')] as const,
      summary: 'The member’s in-app inbox, newest first, with how many are unread: what the member’s app shows',
      request: { params: memberParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ unread: z.number().int(), messages: z.array(inboxMessage) }), 'the inbox'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { id } = c.req.valid('param');
      if (!(await findMember(deps.db, programId, { id }))) return problem(c, 'member_not_found', `no member ${id}`);
      return c.json(await inboxOf(deps.db, programId, id, c.req.valid('query').limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members/{id}/inbox/{messageId}/read', operationId: 'markInboxMessageRead', tags, security, middleware: [allow('members:edit')] as const,
      summary: 'Mark a message of the member’s inbox read, as their app does when it is opened (again: it stays read from the first time)',
      request: { params: memberParam.extend({ messageId: z.string().max(64) }) },
      responses: { 200: json(inboxMessage, 'the message, read'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { id, messageId } = c.req.valid('param');
      const read = await markRead(deps.db, programId, id, messageId, deps.now());
      return read ? c.json(read, 200) : problem(c, 'not_found', `no message ${messageId} in the inbox of member ${id}`);
    },
  );

  const base64url = (bytes: number, what: string) =>
    z.string().max(200).refine((v) => /^[A-Za-z0-9_-]+={0,2}$/.test(v) && Buffer.from(v, 'base64url').length === bytes, `${what}: ${bytes} bytes in base64url`);
  const subscription = z
    .object({
      endpoint: z.url({ protocol: /^https$/ }).max(2_000).describe('the push service’s address for this browser (https)'),
      keys: z
        .object({
          p256dh: base64url(65, 'the browser’s P-256 public key').refine((v) => Buffer.from(v, 'base64url')[0] === 4, 'the browser’s P-256 public key, uncompressed'),
          auth: base64url(16, 'the auth secret'),
        })
        .strict(),
      expirationTime: z.number().nullable().optional().describe('as the browser gives it; not used'),
    })
    .strict()
    .openapi('PushSubscription');
  const subscribed = z.object({ endpoint: z.string(), createdAt: z.string() }).openapi('PushSubscribed');

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/members/{id}/push-subscriptions', operationId: 'memberPushSubscriptions', tags, security, middleware: [allow('members:read')] as const,
      summary: 'The browsers the member subscribed to web push with, and the VAPID public key a browser subscribes with (`applicationServerKey`)',
      request: { params: memberParam },
      responses: { 200: json(z.object({ publicKey: z.string().nullable().describe('null while the programme has no push channel'), subscriptions: z.array(subscribed) }), 'the subscriptions'), ...problems },
    }),
    async (c) => {
      const { programId } = c.get('key');
      const { id } = c.req.valid('param');
      if (!(await findMember(deps.db, programId, { id }))) return problem(c, 'member_not_found', `no member ${id}`);
      const channel = await findChannel(deps.db, programId, 'push');
      const subscriptions = (await pushSubscriptionsOf(deps.db, programId, id)).map((s) => ({ endpoint: s.endpoint, createdAt: s.createdAt.toISOString() }));
      return c.json({ publicKey: channel?.settings.publicKey ?? null, subscriptions }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/members/{id}/push-subscriptions', operationId: 'subscribeMemberToPush', tags, security, middleware: [allow('members:edit')] as const,
      summary: 'Keep a browser’s push subscription (`PushSubscription.toJSON()`): the member’s pushes go to it; the same endpoint again takes the new keys',
      description: 'Marketing pushes also need the member’s consent to `push`.',
      request: { params: memberParam, ...body(subscription) },
      responses: { 201: json(subscribed, 'kept'), ...problems },
    }),
    async (c) => {
      const { endpoint, keys } = c.req.valid('json');
      const result = await subscribeToPush(deps, c.get('key').programId, c.req.valid('param').id, { endpoint, keys });
      return result.ok ? c.json(result.value, 201) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete', path: '/v1/members/{id}/push-subscriptions', operationId: 'unsubscribeMemberFromPush', tags, security, middleware: [allow('members:edit')] as const,
      summary: 'Forget a browser of the member’s (`endpoint`), or every one when none is named',
      request: { params: memberParam, query: z.object({ endpoint: z.string().max(2_000).optional() }) },
      responses: { 200: json(z.object({ forgotten: z.boolean().describe('whether any was kept') }), 'forgotten'), ...problems },
    }),
    async (c) => {
      const result = await unsubscribeFromPush(deps, c.get('key').programId, c.req.valid('param').id, c.req.valid('query').endpoint ?? null);
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  const notValid = page('Ссылка не действует', ['Ссылка для отписки повреждена.', 'This unsubscribe link is not valid.']);
  const target = (token: string) => {
    const [programId, memberId, channel, messageId] = (verified(token) ?? '').split(':');
    return programId && memberId && (consentChannels as readonly string[]).includes(channel ?? '')
      ? { programId, memberId, channel: channel as (typeof consentChannels)[number], messageId: messageId ?? null }
      : null;
  };
  app.get('/u/:token', (c) => {
    if (!target(c.req.param('token'))) return c.html(notValid, 404);
    return c.html(
      page('Отписаться от рассылки?', ['Вы больше не будете получать рекламные письма программы. Unsubscribe from the programme’s marketing e-mails?'], '<form method="post"><button type="submit">Отписаться / Unsubscribe</button></form>'),
    );
  });
  app.post('/u/:token', async (c) => {
    const found = target(c.req.param('token'));
    if (!found) return c.html(notValid, 404);
    const done = await withdrawConsent(deps, found.programId, found.memberId, found.channel, { via: 'unsubscribe' }, { id: 'unsubscribe', name: 'unsubscribe', role: 'admin', pii: false });
    if (!done.ok && done.code !== 'member_erased') return c.html(page('Ссылка не действует', ['Участник не найден.', 'No such member.']), 404);
    if (found.messageId) await markMessage(deps.db, found.programId, found.messageId, 'unsubscribed', deps.now());
    return c.html(page('Вы отписались', ['Рекламные письма больше не придут. You will get no more marketing e-mails.']));
  });

  // The open pixel: marks the message opened and answers the image whatever the token (a mail client shows nothing either way).
  app.get('/o/:token', async (c) => {
    const [programId, messageId] = (verified(c.req.param('token')) ?? '').split(':');
    if (programId && messageId) await markMessage(deps.db, programId, messageId, 'opened', deps.now());
    return c.body(PIXEL, 200, { 'content-type': 'image/gif', 'cache-control': 'no-store' });
  });

  // The click redirect: only to the address the server signed into the link, so it forwards nowhere else.
  app.get('/c/:token', async (c) => {
    const text = verified(c.req.param('token')) ?? '';
    const [programId, messageId] = text.split(':');
    const url = text.split(':').slice(2).join(':');
    if (!programId || !messageId || !/^https?:\/\//.test(url)) return c.html(page('Ссылка не действует', ['Ссылка повреждена.', 'This link is not valid.']), 404);
    await markMessage(deps.db, programId, messageId, 'clicked', deps.now());
    return c.redirect(url, 302);
  });

  return app;
}
