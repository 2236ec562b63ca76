import type { Localised } from '../domain/messages/template.ts';
import type { MessageChannel, MessageKind } from '../domain/messages/reach.ts';
import type { Occasion, TriggerOccasion } from '../domain/messages/occasions.ts';
import type { Queryable } from './db.ts';
import { recordSmsSent } from './sms.ts';

export interface EmailSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  from: string;
  replyTo: string | null;
  /** Signing with DKIM: the domain and the selector its public key is published under; null signs nothing. */
  dkim: { domain: string; selector: string } | null;
}

/** An SMSC over SMPP 3.4: where it listens, the account bound with, and the sender's name or number. */
export interface SmsSettings {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  /** An alphanumeric name (up to 11 characters) or a number. */
  sourceAddr: string;
}

/** An aggregator's HTTP API for SMS instead of an SMSC: the request made for each message, and the sender's name. */
export interface SmsGatewaySettings {
  kind: 'http';
  method: 'GET' | 'POST';
  /** Where `{{to}}`, `{{text}}`, `{{from}}` and `{{id}}` go; by POST, the body too. */
  url: string;
  body: string | null;
  contentType: 'json' | 'form';
  sourceAddr: string;
}

export const isGateway = (s: SmsSettings | SmsGatewaySettings): s is SmsGatewaySettings => 'kind' in s && s.kind === 'http';

/** Web push: who push services may write to about our pushes (a mailto: or https: address), and the VAPID public key browsers subscribe with. */
export interface PushSettings {
  subject: string;
  publicKey: string;
}

/** The settings of each channel that has any. */
export interface ChannelSettings {
  email: EmailSettings;
  /** The SMSC over SMPP, or an HTTP gateway: one of the two. */
  sms: SmsSettings | SmsGatewaySettings;
  push: PushSettings;
}

export interface StoredChannel<C extends keyof ChannelSettings = 'email'> {
  channel: C;
  settings: ChannelSettings[C];
  /** The sealed password (of push, the VAPID private key; of an SMS gateway, its header), if any. */
  secret: string | null;
  /** The sealed DKIM private key, if any. */
  dkimKey: string | null;
  updatedAt: Date;
}

export async function saveChannel<C extends keyof ChannelSettings>(db: Queryable, programId: string, c: StoredChannel<C>): Promise<void> {
  await db.query(
    `insert into message_channels (program_id, channel, settings, secret, dkim_key, updated_at) values ($1, $2, $3, $4, $6, $5)
     on conflict (program_id, channel) do update set settings = excluded.settings, secret = excluded.secret, dkim_key = excluded.dkim_key, updated_at = excluded.updated_at`,
    [programId, c.channel, JSON.stringify(c.settings), c.secret, c.updatedAt, c.dkimKey],
  );
}

export async function findChannel<C extends keyof ChannelSettings>(db: Queryable, programId: string, channel: C): Promise<StoredChannel<C> | null> {
  const [row] = await db.query<{ settings: ChannelSettings[C]; secret: string | null; dkim_key: string | null; updated_at: Date }>(
    'select settings, secret, dkim_key, updated_at from message_channels where program_id = $1 and channel = $2',
    [programId, channel],
  );
  if (!row) return null;
  const settings = channel === 'email' ? { ...row.settings, dkim: (row.settings as EmailSettings).dkim ?? null } : row.settings;
  return { channel, settings: settings as ChannelSettings[C], secret: row.secret, dkimKey: row.dkim_key, updatedAt: new Date(row.updated_at) };
}

export interface Template {
  code: string;
  channel: MessageChannel;
  event: Occasion;
  subject: Localised;
  text: Localised;
  html: Localised | null;
  /** The MJML the HTML was made from, when it was. */
  mjml: Localised | null;
  updatedAt: Date;
}

type TemplateRow = { code: string; channel: MessageChannel; event_type: Occasion; subject: Localised; body: Localised; html: Localised | null; mjml: Localised | null; updated_at: Date };
const toTemplate = (r: TemplateRow): Template => ({
  code: r.code, channel: r.channel, event: r.event_type, subject: r.subject, text: r.body, html: r.html, mjml: r.mjml, updatedAt: new Date(r.updated_at),
});

export async function saveTemplate(db: Queryable, programId: string, t: Template): Promise<void> {
  await db.query(
    `insert into message_templates (program_id, code, channel, event_type, subject, body, html, mjml, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $9, $8)
     on conflict (program_id, code) do update set channel = excluded.channel, event_type = excluded.event_type, subject = excluded.subject,
       body = excluded.body, html = excluded.html, mjml = excluded.mjml, updated_at = excluded.updated_at`,
    [programId, t.code, t.channel, t.event, JSON.stringify(t.subject), JSON.stringify(t.text), t.html && JSON.stringify(t.html), t.updatedAt, t.mjml && JSON.stringify(t.mjml)],
  );
}

export async function listTemplates(db: Queryable, programId: string): Promise<Template[]> {
  return (await db.query<TemplateRow>('select * from message_templates where program_id = $1 order by code', [programId])).map(toTemplate);
}

/** A template; locked `for share` while a trigger or broadcast is saved with it, `for update` while it is changed. */
export async function findTemplate(db: Queryable, programId: string, code: string, lock: 'share' | 'update' | null = null): Promise<Template | null> {
  const [row] = await db.query<TemplateRow>(`select * from message_templates where program_id = $1 and code = $2${lock ? ` for ${lock}` : ''}`, [programId, code]);
  return row ? toTemplate(row) : null;
}

/** What uses a template: the triggers that name it, first or as a fallback, and the broadcasts still to go that do. */
export async function templateUsers(db: Queryable, programId: string, code: string): Promise<string[]> {
  const rows = await db.query<{ what: string }>(
    `select 'trigger "' || code || '"' as what from message_triggers where program_id = $1 and (template = $2 or $2 = any(fallbacks))
     union all
     select 'broadcast "' || code || '"' from message_broadcasts where program_id = $1 and status = 'scheduled' and variants ? $2
     order by 1`,
    [programId, code],
  );
  return rows.map((r) => r.what);
}

export interface Trigger {
  code: string;
  event: TriggerOccasion;
  template: string;
  kind: MessageKind;
  enabled: boolean;
  delayMinutes: number;
  /** The topic its messages belong to, which a member may mute; null for none. */
  topic: string | null;
  /** Of a calendar trigger: days before the birthday, or days since the last purchase. */
  days: number | null;
  /** Only members of this segment; null for any. */
  segment: string | null;
  /** Only members of these tiers; empty for any. */
  tiers: string[];
  /** Templates on other channels, in order of preference, for a member the first cannot reach. */
  fallbacks: string[];
  /** At most one of its messages to a member in so many days; null for no limit of its own. */
  onceInDays: number | null;
  updatedAt: Date;
}

type TriggerRow = {
  code: string; event_type: TriggerOccasion; template: string; kind: MessageKind; enabled: boolean; delay_minutes: number; topic: string | null; days: number | null; since_seq: number; updated_at: Date;
  segment: string | null; tiers: string[]; fallbacks: string[]; once_in_days: number | null;
};
const toTrigger = (r: TriggerRow): Trigger & { sinceSeq: number } => ({
  code: r.code,
  event: r.event_type,
  template: r.template,
  kind: r.kind,
  enabled: r.enabled,
  delayMinutes: r.delay_minutes,
  topic: r.topic,
  days: r.days,
  segment: r.segment,
  tiers: r.tiers,
  fallbacks: r.fallbacks,
  onceInDays: r.once_in_days,
  sinceSeq: Number(r.since_seq),
  updatedAt: new Date(r.updated_at),
});

/**
 * Saves a trigger. One made, or switched on, answers the events from the feed's present position on, not those
 * before it (a new welcome trigger does not greet every member there ever was).
 */
export async function saveTrigger(db: Queryable, programId: string, t: Trigger): Promise<void> {
  await db.query(
    `insert into message_triggers (program_id, code, event_type, template, kind, enabled, delay_minutes, topic, days, since_seq, updated_at, segment, tiers, fallbacks, once_in_days)
     values ($1, $2, $3, $4, $5, $6, $7, $9, $10, coalesce((select seq from event_cursors where program_id = $1), 0), $8, $11, $12, $13, $14)
     on conflict (program_id, code) do update set event_type = excluded.event_type, template = excluded.template, kind = excluded.kind,
       enabled = excluded.enabled, delay_minutes = excluded.delay_minutes, topic = excluded.topic, days = excluded.days, updated_at = excluded.updated_at,
       segment = excluded.segment, tiers = excluded.tiers, fallbacks = excluded.fallbacks, once_in_days = excluded.once_in_days,
       since_seq = case when message_triggers.enabled then message_triggers.since_seq else excluded.since_seq end`,
    [programId, t.code, t.event, t.template, t.kind, t.enabled, t.delayMinutes, t.updatedAt, t.topic, t.days, t.segment, t.tiers, t.fallbacks, t.onceInDays],
  );
}

export async function listTriggers(db: Queryable, programId: string): Promise<(Trigger & { sinceSeq: number })[]> {
  return (await db.query<TriggerRow>('select * from message_triggers where program_id = $1 order by code', [programId])).map(toTrigger);
}

/** The programmes with a trigger switched on (of all, or whether the one given has). */
export async function programmesWithTriggers(db: Queryable, only: string | null = null): Promise<string[]> {
  return (await db.query<{ program_id: string }>('select distinct program_id from message_triggers where enabled and ($1::program is null or program_id = $1) order by 1', [only])).map((r) => r.program_id);
}

/** The triggers that answer only the members of a segment (it may not be removed then). */
export async function triggersFor(db: Queryable, programId: string, segment: string): Promise<string[]> {
  return (await db.query<{ code: string }>('select code from message_triggers where program_id = $1 and segment = $2 order by code', [programId, segment])).map((r) => r.code);
}

export interface NewMessage {
  id: string;
  memberId: string;
  origin: string;
  occurrence: string;
  channel: MessageChannel;
  kind: MessageKind;
  template: string;
  language: string;
  to: string | null;
  topic: string | null;
  variant: string | null;
  occasion: Record<string, string | number | null>;
  status: 'queued' | 'skipped' | 'control';
  reason: string | null;
  createdAt: Date;
  dueAt: Date;
}

/** Queues messages; one already there for the same origin, member and occurrence stays as it is. Returns how many were new. */
export async function queueMessages(db: Queryable, programId: string, messages: NewMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await db.query(
    `insert into messages (program_id, id, member_id, origin, occurrence, channel, kind, template, language, to_address, topic, variant, occasion, status, reason, created_at, due_at)
     select $1, m.id, m.member_id, m.origin, m.occurrence, m.channel, m.kind, m.template, m.language, m.to_address, m.topic, m.variant, coalesce(m.occasion, '{}'), m.status, m.reason, m.created_at, m.due_at
     from jsonb_to_recordset($2::jsonb) as m(id text, member_id text, origin text, occurrence text, channel text, kind text, template text, language text,
       to_address text, topic text, variant text, occasion jsonb, status text, reason text, created_at timestamptz, due_at timestamptz)
     on conflict (program_id, origin, member_id, occurrence) do nothing
     returning 1`,
    [
      programId,
      JSON.stringify(
        messages.map((m) => ({
          id: m.id, member_id: m.memberId, origin: m.origin, occurrence: m.occurrence, channel: m.channel, kind: m.kind, template: m.template, language: m.language,
          to_address: m.to, topic: m.topic, variant: m.variant, occasion: m.occasion, status: m.status, reason: m.reason, created_at: m.createdAt, due_at: m.dueAt,
        })),
      ),
    ],
  );
  return rows.length;
}

export async function messageCursor(db: Queryable, programId: string): Promise<number> {
  const [row] = await db.query<{ seq: number }>('select seq from message_cursors where program_id = $1 for update', [programId]);
  return Number(row?.seq ?? 0);
}

export async function moveMessageCursor(db: Queryable, programId: string, seq: number): Promise<void> {
  await db.query('insert into message_cursors (program_id, seq) values ($1, $2) on conflict (program_id) do update set seq = excluded.seq', [programId, seq]);
}

export interface DueMessage {
  programId: string;
  id: string;
  memberId: string;
  origin: string;
  channel: MessageChannel;
  kind: MessageKind;
  template: string;
  language: string;
  topic: string | null;
  /** The values its occasion gave, written into the template when it goes. */
  occasion: Record<string, string | number | null>;
  attempts: number;
  createdAt: Date;
  dueAt: Date;
}

/** Takes up to `limit` queued messages that are due (of one programme, or all), for `until`; another sender skips them meanwhile. */
export async function leaseDueMessages(db: Queryable, now: Date, until: Date, limit: number, only: string | null = null): Promise<DueMessage[]> {
  const rows = await db.query<{
    program_id: string; id: string; member_id: string; origin: string; channel: MessageChannel; kind: MessageKind; template: string; language: string; topic: string | null;
    occasion: Record<string, string | number | null>; attempts: number; created_at: Date; due_at: Date;
  }>(
    `update messages m set leased_until = $2
     from (select program_id, id from messages
           where status = 'queued' and due_at <= $1 and (leased_until is null or leased_until <= $1) and ($4::program is null or program_id = $4)
           order by due_at limit $3 for update skip locked) d
     where m.program_id = d.program_id and m.id = d.id
     returning m.program_id, m.id, m.member_id, m.origin, m.channel, m.kind, m.template, m.language, m.topic, m.occasion, m.attempts, m.created_at, m.due_at`,
    [now, until, limit, only],
  );
  return rows.map((r) => ({
    programId: r.program_id, id: r.id, memberId: r.member_id, origin: r.origin, channel: r.channel, kind: r.kind, template: r.template, language: r.language, topic: r.topic,
    occasion: r.occasion, attempts: r.attempts, createdAt: new Date(r.created_at), dueAt: new Date(r.due_at),
  }));
}

/**
 * What became of a sending: sent, as written out (an SMS by SMPP with the ids the SMSC gave its parts); waiting until `retryAt` after an attempt that failed (`tried`) or
 * without one (quiet hours, a cap reached, moved `onto` another channel and template); or given up (failed, bounced, skipped) with the reason.
 */
export type Sending =
  | { status: 'sent'; at: Date; to: string; subject: string | null; text: string | null; html: string | null; smscIds?: string[] }
  | { status: 'queued'; retryAt: Date; reason: string; tried: boolean; onto?: { channel: MessageChannel; template: string; to: string | null } }
  | { status: 'failed' | 'bounced' | 'skipped'; reason: string };

export async function recordSending(db: Queryable, programId: string, id: string, outcome: Sending): Promise<void> {
  const sent = outcome.status === 'sent' ? outcome : null;
  if (sent?.smscIds) return recordSmsSent(db, programId, id, sent, sent.smscIds);
  const tried = outcome.status !== 'skipped' && (outcome.status !== 'queued' || outcome.tried);
  await db.query(
    `update messages set status = $3, attempts = attempts + $4, leased_until = null, sent_at = $5, due_at = coalesce($6, due_at), reason = $7,
       to_address = case when $12::text is null then coalesce($8, to_address) else $8 end, subject = coalesce($9, subject), body = coalesce($10, body), html = coalesce($11, html),
       channel = coalesce($12, channel), template = coalesce($13, template)
     where program_id = $1 and id = $2`,
    [
      programId,
      id,
      outcome.status,
      tried ? 1 : 0,
      sent?.at ?? null,
      outcome.status === 'queued' ? outcome.retryAt : null,
      outcome.status === 'sent' ? null : outcome.reason,
      sent?.to ?? (outcome.status === 'queued' ? outcome.onto?.to : null) ?? null,
      sent?.subject ?? null,
      sent?.text ?? null,
      sent?.html ?? null,
      (outcome.status === 'queued' && outcome.onto?.channel) || null,
      (outcome.status === 'queued' && outcome.onto?.template) || null,
    ],
  );
}

/** Marks a message opened, or clicked (which is opened too), the first time; false when there is no such message. */
export async function markMessage(db: Queryable, programId: string, id: string, what: 'opened' | 'clicked' | 'unsubscribed', at: Date): Promise<boolean> {
  const set = what === 'opened' ? 'opened_at = coalesce(opened_at, $3)' : what === 'clicked' ? 'clicked_at = coalesce(clicked_at, $3), opened_at = coalesce(opened_at, $3)' : 'unsubscribed_at = coalesce(unsubscribed_at, $3)';
  return (await db.query(`update messages set ${set} where program_id = $1 and id = $2 returning 1`, [programId, id, at])).length === 1;
}

export interface LoggedMessage {
  id: string;
  memberId: string;
  origin: string;
  channel: MessageChannel;
  kind: MessageKind;
  template: string;
  to: string | null;
  subject: string | null;
  status: string;
  reason: string | null;
  attempts: number;
  createdAt: string;
  dueAt: string;
  sentAt: string | null;
  openedAt: string | null;
  clickedAt: string | null;
  unsubscribedAt: string | null;
  variant: string | null;
  /** SMS: the parts it went in, and what the SMSC's receipts said: delivered, undelivered, or null while none has. */
  parts: number | null;
  delivery: 'delivered' | 'undelivered' | null;
  deliveredAt: string | null;
}

/** The delivery log, newest first: of a member, or of the programme. */
export async function messageLog(db: Queryable, programId: string, q: { memberId?: string | undefined; status?: string | undefined; limit: number }): Promise<LoggedMessage[]> {
  const rows = await db.query<{ id: string; member_id: string; origin: string; channel: MessageChannel; kind: MessageKind; template: string; to_address: string | null; subject: string | null; status: string; reason: string | null; attempts: number; created_at: Date; due_at: Date; sent_at: Date | null;
    opened_at: Date | null; clicked_at: Date | null; unsubscribed_at: Date | null; variant: string | null; parts: number | null; delivery: 'delivered' | 'undelivered' | null; delivered_at: Date | null }>(
    `select id, member_id, origin, channel, kind, template, to_address, subject, status, reason, attempts, created_at, due_at, sent_at, opened_at, clicked_at,
       unsubscribed_at, variant, parts, delivery, delivered_at from messages
     where program_id = $1 and ($2::text is null or member_id = $2) and ($3::text is null or status = $3)
     order by created_at desc, id desc limit $4`,
    [programId, q.memberId ?? null, q.status ?? null, q.limit],
  );
  return rows.map((r) => ({
    id: r.id, memberId: r.member_id, origin: r.origin, channel: r.channel, kind: r.kind, template: r.template, to: r.to_address, subject: r.subject, status: r.status,
    reason: r.reason, attempts: r.attempts, createdAt: new Date(r.created_at).toISOString(), dueAt: new Date(r.due_at).toISOString(), sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    openedAt: r.opened_at ? new Date(r.opened_at).toISOString() : null, clickedAt: r.clicked_at ? new Date(r.clicked_at).toISOString() : null,
    unsubscribedAt: r.unsubscribed_at ? new Date(r.unsubscribed_at).toISOString() : null, variant: r.variant,
    parts: r.parts, delivery: r.delivery, deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
  }));
}

export interface InboxMessage {
  id: string;
  subject: string | null;
  text: string | null;
  sentAt: string;
  readAt: string | null;
}

type InboxRow = { id: string; subject: string | null; body: string | null; sent_at: Date; read_at: Date | null };
const toInbox = (r: InboxRow): InboxMessage => ({ id: r.id, subject: r.subject, text: r.body, sentAt: new Date(r.sent_at).toISOString(), readAt: r.read_at ? new Date(r.read_at).toISOString() : null });

/** The member's in-app inbox, newest first, and how many of its messages are unread. */
export async function inboxOf(db: Queryable, programId: string, memberId: string, limit: number): Promise<{ unread: number; messages: InboxMessage[] }> {
  const where = `program_id = $1 and member_id = $2 and channel = 'inbox' and status = 'sent'`;
  const rows = await db.query<InboxRow>(`select id, subject, body, sent_at, read_at from messages where ${where} order by sent_at desc, id desc limit $3`, [programId, memberId, limit]);
  const [unread] = await db.query<{ n: number }>(`select count(*)::int as n from messages where ${where} and read_at is null`, [programId, memberId]);
  return { unread: unread?.n ?? 0, messages: rows.map(toInbox) };
}

/** Marks a message of the member's inbox read (the first time); null when the inbox has no such message. */
export async function markRead(db: Queryable, programId: string, memberId: string, id: string, at: Date): Promise<InboxMessage | null> {
  const [row] = await db.query<InboxRow>(
    `update messages set read_at = coalesce(read_at, $4) where program_id = $1 and member_id = $2 and id = $3 and channel = 'inbox' and status = 'sent'
     returning id, subject, body, sent_at, read_at`,
    [programId, memberId, id, at],
  );
  return row ? toInbox(row) : null;
}
