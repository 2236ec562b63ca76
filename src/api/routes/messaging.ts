import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { occasionTypes, triggerOccasions, variablesOf } from '../../domain/messages/occasions.ts';
import type { Deps } from '../../flows/deps.ts';
import { previewTemplate, setEmailChannel, setPushChannel, setSmsChannel, setSmsGateway, setTemplate, setTrigger } from '../../flows/messaging.ts';
import { messageChannels } from '../../domain/messages/reach.ts';
import { sendTestMessage } from '../../flows/test-send.ts';
import { languages } from '../../domain/messages/template.ts';
import { findChannel, isGateway, listTemplates, listTriggers, messageLog, type SmsGatewaySettings } from '../../store/messages.ts';
import { allow, type Env } from '../auth.ts';
import { body, json, problems, security } from '../openapi.ts';
import { failure } from '../problems.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z.object({ code: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ and -, up to 64') });
const localised = (max: number) => z.object({ ru: text(max), en: text(max).optional() }).strict();
const occasion = z.enum(occasionTypes as [(typeof occasionTypes)[number], ...(typeof occasionTypes)[number][]]).describe('the event it answers, or `broadcast`');
const triggerOccasion = z.enum(triggerOccasions as [(typeof triggerOccasions)[number], ...(typeof triggerOccasions)[number][]]);

const emailSettings = z
  .object({
    host: text(253),
    port: z.number().int().min(1).max(65_535),
    secure: z.boolean().describe('TLS from the first byte (port 465); otherwise STARTTLS when the server offers it'),
    user: text(200).nullable(),
    from: text(300).describe('the sender, e.g. "Копилка <bonus@shop.example.ru>"'),
    replyTo: z.email().nullable(),
    dkim: z
      .object({ domain: text(253), selector: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'a DKIM selector such as kopilka') })
      .nullable()
      .describe('sign mails with DKIM: the domain and the selector its public key is published under in DNS'),
  })
  .openapi('EmailChannel');
const emailInput = emailSettings
  .partial({ user: true, replyTo: true })
  .extend({
    password: z.string().max(500).nullable().optional().describe('kept sealed; left out, the one set before stays'),
    dkim: emailSettings.shape.dkim.unwrap()
      .extend({ privateKey: z.string().max(20_000).optional().describe('the private key in PEM, kept sealed; left out, the one set before stays') })
      .nullable()
      .optional(),
  })
  .strict()
  .openapi('EmailChannelInput');

const smsSettings = z
  .object({
    host: text(253),
    port: z.number().int().min(1).max(65_535).describe('usually 2775, or 3550 over TLS'),
    tls: z.boolean().describe('SMPP over TLS'),
    systemId: text(16).describe('the account’s system_id'),
    sourceAddr: z
      .string()
      .regex(/^(\+?\d{3,15}|[A-Za-z0-9 ._-]{1,11})$/, 'a number, or a name of up to 11 Latin letters, digits, spaces, dots, _ and -')
      .describe('the sender members see: an alphanumeric name registered with the operator, or a number'),
  })
  .openapi('SmsChannel');
const smsInput = smsSettings
  .extend({
    password: z
      .string()
      .regex(/^[\x20-\x7e]{0,8}$/, 'up to 8 Latin letters, digits and signs, as SMPP allows')
      .nullable()
      .optional()
      .describe('the account’s password, kept sealed; left out, the one set before stays'),
  })
  .strict()
  .openapi('SmsChannelInput');

const smsGateway = z
  .object({
    method: z.enum(['GET', 'POST']),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .describe('the gateway’s address, naming where the values go: `{{to}}` (the number, digits), `{{text}}`, `{{from}}` (the sender), `{{id}}` (the message’s id); URL-encoded'),
    body: z.string().max(5_000).nullable().describe('by POST, the body with the same placeholders, encoded as its content type needs'),
    contentType: z.enum(['json', 'form']).describe('of the body: JSON (values escaped as JSON strings) or a form (URL-encoded)'),
    sourceAddr: smsSettings.shape.sourceAddr,
  })
  .openapi('SmsGateway');
const smsGatewayInput = smsGateway
  .extend({
    body: smsGateway.shape.body.default(null),
    contentType: smsGateway.shape.contentType.default('json'),
    header: z.string().max(2_000).nullable().optional().describe('the account’s header line, e.g. `Authorization: Bearer …`, kept sealed; left out, the one set before stays'),
  })
  .strict()
  .openapi('SmsGatewayInput');

const pushSettings = z
  .object({
    subject: z
      .string()
      .max(300)
      .regex(/^(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https:\/\/\S+)$/, 'a mailto: address or an https: URL')
      .describe('who push services may write to about the programme’s pushes: a mailto: address or an https: URL'),
  })
  .strict()
  .openapi('PushChannelInput');
const pushChannel = pushSettings.extend({ publicKey: z.string().describe('the VAPID public key (base64url) browsers subscribe with as `applicationServerKey`') }).openapi('PushChannel');

const template = z
  .object({
    code: z.string(),
    channel: z.enum(messageChannels).describe('`email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML'),
    event: occasion.describe('the event it answers, which decides the variables it may use'),
    subject: localised(300),
    text: localised(20_000),
    html: localised(100_000).nullable(),
    mjml: localised(100_000).nullable().describe('the MJML the HTML was made from, when it was'),
    updatedAt: z.string(),
  })
  .openapi('MessageTemplate');
const templateInput = z
  .object({
    channel: z.enum(messageChannels).describe('`email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML'),
    event: occasion,
    subject: localised(300),
    text: localised(20_000),
    html: localised(100_000).nullable().optional(),
    mjml: localised(100_000).nullable().optional().describe('the HTML written in MJML instead: made into HTML at save, refused with every problem if the validator finds any'),
  })
  .strict()
  .openapi('MessageTemplateInput');

const trigger = z
  .object({
    code: z.string(),
    event: triggerOccasion,
    template: z.string(),
    kind: z.enum(['marketing', 'transactional']).describe('marketing needs the member’s consent on the channel and waits out quiet hours'),
    enabled: z.boolean(),
    delayMinutes: z.number().int().min(0).max(525_600),
    days: z.number().int().min(0).max(730).nullable().describe('of `member.birthday`: days before the birthday (0–60); of `member.lapsed`: days since the last purchase (1–730)'),
    topic: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'lower-case letters, digits, _ and -, up to 32').nullable().describe('what its messages are about; a member who muted the topic does not get them'),
    segment: z.string().max(64).nullable().describe('only members of this segment; null for any'),
    tiers: z.array(z.string().max(64)).max(20).describe('only members of these tiers; empty for any'),
    fallbacks: z
      .array(z.string().max(64))
      .max(3)
      .describe('templates on other channels, in order of preference, for a member the first cannot reach (no consent, no address); what cannot go on one channel when it is sent moves to the next'),
    onceInDays: z.number().int().min(1).max(365).nullable().describe('its own frequency: at most one of its messages to a member in so many days'),
    updatedAt: z.string(),
  })
  .openapi('MessageTrigger');
const triggerInput = trigger
  .omit({ code: true, updatedAt: true })
  .extend({
    event: triggerOccasion,
    delayMinutes: z.number().int().min(0).max(525_600).default(0),
    topic: trigger.shape.topic.default(null),
    days: trigger.shape.days.default(null),
    segment: trigger.shape.segment.default(null),
    tiers: trigger.shape.tiers.default([]),
    fallbacks: trigger.shape.fallbacks.default([]),
    onceInDays: trigger.shape.onceInDays.default(null),
  })
  .strict()
  .openapi('MessageTriggerInput');

const logged = z
  .object({
    id: z.string(),
    memberId: z.string(),
    origin: z.string().describe('`trigger:CODE` or `broadcast:CODE`'),
    channel: z.enum(messageChannels).describe('`email`, `sms` (text only, cut into parts when long), `push` (the subject its title, the text its body), or `inbox`: the in-app inbox the member’s app reads, without HTML'),
    kind: z.enum(['marketing', 'transactional']),
    template: z.string(),
    to: z.string().nullable(),
    subject: z.string().nullable(),
    variant: z.string().nullable().describe('the broadcast’s variant, A to E; null in the control group'),
    status: z.enum(['queued', 'sent', 'failed', 'bounced', 'skipped', 'control']).describe('`control`: held back to measure the broadcast against'),
    reason: z.string().nullable().describe('why it was skipped, failed or bounced, or why the last attempt did not go'),
    attempts: z.number().int(),
    createdAt: z.string(),
    dueAt: z.string().describe('when it goes, or went: after the delay and any quiet hours'),
    sentAt: z.string().nullable(),
    openedAt: z.string().nullable(),
    clickedAt: z.string().nullable(),
    unsubscribedAt: z.string().nullable(),
    parts: z.number().int().nullable().describe('an SMS: the parts it went in'),
    delivery: z.enum(['delivered', 'undelivered']).nullable().describe('an SMS: delivered once the SMSC reported every part delivered, undelivered once it reported one lost; null until then'),
    deliveredAt: z.string().nullable(),
  })
  .openapi('LoggedMessage');

const omitKind = ({ kind: _, ...settings }: SmsGatewaySettings) => settings;

/** The programme's messages to members: channels, templates, triggers, the delivery log. */
export function messagingRoutes(deps: Deps) {
  const app = new OpenAPIHono<Env>();
  const tags = ['Messaging'];

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/channels/email', operationId: 'setEmailChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Set the SMTP server messages go out through; it is tried first, and a server that does not take the connection or the login is refused',
      request: body(emailInput),
      responses: { 200: json(emailSettings.extend({ password: z.boolean().describe('whether a password is set') }), 'the channel, without the password'), ...problems },
    }),
    async (c) => {
      const result = await setEmailChannel(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...result.value.settings, password: result.value.password }, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/channels/email', operationId: 'getEmailChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The SMTP server messages go out through, without the password',
      responses: { 200: json(emailSettings.extend({ password: z.boolean() }).nullable(), 'the channel, or null when none is set'), ...problems },
    }),
    async (c) => {
      const channel = await findChannel(deps.db, c.get('key').programId, 'email');
      return c.json(channel ? { ...channel.settings, password: !!channel.secret } : null, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/channels/sms', operationId: 'setSmsChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Set the SMSC SMS go out through over SMPP 3.4; it is bound to first, and one that does not answer or take the account is refused',
      request: body(smsInput),
      responses: { 200: json(smsSettings.extend({ password: z.boolean().describe('whether a password is set') }), 'the channel, without the password'), ...problems },
    }),
    async (c) => {
      const result = await setSmsChannel(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...result.value.settings, password: result.value.password }, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/channels/sms', operationId: 'getSmsChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The SMSC SMS go out through, without the password (null when they go through an HTTP gateway)',
      responses: { 200: json(smsSettings.extend({ password: z.boolean() }).nullable(), 'the channel, or null when none is set'), ...problems },
    }),
    async (c) => {
      const channel = await findChannel(deps.db, c.get('key').programId, 'sms');
      return c.json(channel && !isGateway(channel.settings) ? { ...channel.settings, password: !!channel.secret } : null, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/channels/sms-gateway', operationId: 'setSmsGateway', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Send SMS through an aggregator’s HTTP API instead of an SMSC: a request from a template of its URL (and body) for each message',
      description: 'The gateway’s server must answer when it is set (nothing is sent). A 2xx answer takes the message; 4xx but 401, 403, 408 and 429 bounce it; anything else is tried again. It replaces an SMSC set before, and an SMSC set after replaces it.',
      request: body(smsGatewayInput),
      responses: { 200: json(smsGateway.extend({ header: z.boolean().describe('whether a header is set') }), 'the gateway, without the header'), ...problems },
    }),
    async (c) => {
      const result = await setSmsGateway(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...omitKind(result.value.settings), header: result.value.header }, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/channels/sms-gateway', operationId: 'getSmsGateway', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The HTTP gateway SMS go out through, without the header',
      responses: { 200: json(smsGateway.extend({ header: z.boolean() }).nullable(), 'the gateway, or null when none is set (or the SMS go through an SMSC)'), ...problems },
    }),
    async (c) => {
      const channel = await findChannel(deps.db, c.get('key').programId, 'sms');
      return c.json(channel && isGateway(channel.settings) ? { ...omitKind(channel.settings), header: !!channel.secret } : null, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/channels/push', operationId: 'setPushChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Set up web push: the VAPID key pair is made the first time and kept after, so browsers that subscribed stay subscribed',
      request: body(pushSettings),
      responses: { 200: json(pushChannel, 'the channel, with the public key'), ...problems },
    }),
    async (c) => {
      const result = await setPushChannel(deps, c.get('key').programId, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/channels/push', operationId: 'getPushChannel', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The web push channel: its contact and VAPID public key',
      responses: { 200: json(pushChannel.nullable(), 'the channel, or null when none is set'), ...problems },
    }),
    async (c) => c.json((await findChannel(deps.db, c.get('key').programId, 'push'))?.settings ?? null, 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/templates/{code}', operationId: 'setMessageTemplate', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Save a message template: subject, text and HTML in Russian and English, with {{variables}} of its event',
      description: `Variables: every template may use ${variablesOf('member.created').map((v) => `\`${v}\``).join(', ')}; ${occasionTypes
        .filter((o) => variablesOf(o).length > variablesOf('member.created').length)
        .map((o) => `\`${o}\` adds ${variablesOf(o).slice(variablesOf('member.created').length).map((v) => `\`${v}\``).join(', ')}`)
        .join('; ')}. Filters: \`{{points|plural:балл,балла,баллов}}\` (Russian one, few, many; English one, other), \`{{expiresAt|date}}\`, \`{{paid|money}}\`. A template naming a variable its event does not give is refused; one a trigger or a broadcast still to go uses keeps its channel and event (409).`,
      request: { params: code, ...body(templateInput) },
      responses: { 200: json(template, 'the template'), ...problems },
    }),
    async (c) => {
      const result = await setTemplate(deps, c.get('key').programId, c.req.valid('param').code, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...result.value, updatedAt: result.value.updatedAt.toISOString() }, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/templates', operationId: 'listMessageTemplates', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The message templates',
      responses: { 200: json(z.object({ templates: z.array(template) }), 'the templates'), ...problems },
    }),
    async (c) => c.json({ templates: (await listTemplates(deps.db, c.get('key').programId)).map((t) => ({ ...t, updatedAt: t.updatedAt.toISOString() })) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/messaging/templates/{code}/preview', operationId: 'previewMessageTemplate', tags, security, middleware: [allow('messaging')] as const,
      summary: 'A template written out as a member would get it: a real member, or a sample one; the event’s variables hold sample values',
      request: { params: code, ...body(z.object({ memberId: z.string().max(64).optional(), language: z.enum(languages).optional().describe('else the member’s own') }).strict()) },
      responses: { 200: json(z.object({ language: z.enum(languages), subject: z.string().nullable(), text: z.string().nullable(), html: z.string().nullable() }).openapi('MessagePreview'), 'the message'), ...problems },
    }),
    async (c) => {
      const result = await previewTemplate(deps, c.get('key').programId, c.req.valid('param').code, c.req.valid('json'));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'post', path: '/v1/messaging/templates/{code}/test', operationId: 'sendTestMessage', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Send a template at once to a member of staff, written out as its preview is: to an e-mail address, a mobile number, or (by push) a member’s subscribed browsers',
      description: 'Nothing is queued or logged as a message to a member. A channel not set up is `409`; one that does not take the message `422 channel_unreachable` with its reason.',
      request: {
        params: code,
        ...body(
          z
            .object({
              to: text(300).describe('by e-mail an address, by SMS a mobile number, by push the id of a member (a member of staff who subscribed)'),
              memberId: z.string().max(64).optional().describe('write it out for this member; else for the sample one'),
              language: z.enum(languages).optional(),
            })
            .strict(),
        ),
      },
      responses: { 200: json(z.object({ to: z.string(), subject: z.string().nullable(), text: z.string().nullable() }).openapi('TestMessage'), 'sent'), ...problems },
    }),
    async (c) => {
      const result = await sendTestMessage(deps, c.get('key').programId, c.req.valid('param').code, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json(result.value, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'put', path: '/v1/messaging/triggers/{code}', operationId: 'setMessageTrigger', tags, security, middleware: [allow('messaging')] as const,
      summary: 'Answer an event with a message: the template, marketing or transactional, on or off, after a delay',
      description: 'A trigger made or switched on answers the events from then on, not those before.',
      request: { params: code, ...body(triggerInput) },
      responses: { 200: json(trigger, 'the trigger'), ...problems },
    }),
    async (c) => {
      const result = await setTrigger(deps, c.get('key').programId, c.req.valid('param').code, c.req.valid('json'), c.get('key'));
      return result.ok ? c.json({ ...result.value, updatedAt: result.value.updatedAt.toISOString() }, 200) : failure(c, result);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/triggers', operationId: 'listMessageTriggers', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The message triggers',
      responses: { 200: json(z.object({ triggers: z.array(trigger) }), 'the triggers'), ...problems },
    }),
    async (c) => c.json({ triggers: (await listTriggers(deps.db, c.get('key').programId)).map(({ sinceSeq: _, ...t }) => ({ ...t, updatedAt: t.updatedAt.toISOString() })) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/v1/messaging/messages', operationId: 'messageLog', tags, security, middleware: [allow('messaging')] as const,
      summary: 'The delivery log, newest first: each message with what became of it; of one member, or of one status',
      request: {
        query: z.object({
          memberId: z.string().max(64).optional(),
          status: logged.shape.status.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: { 200: json(z.object({ messages: z.array(logged) }), 'the messages'), ...problems },
    }),
    async (c) => c.json({ messages: (await messageLog(deps.db, c.get('key').programId, c.req.valid('query'))) as z.infer<typeof logged>[] }, 200),
  );

  return app;
}
