import { createPrivateKey } from 'node:crypto';
import { actorOf, type Principal } from '../domain/access.ts';
import type { ConsentChannel } from '../domain/consents.ts';
import { isCalendarOccasion, occasionValues, variablesOf, type Occasion, type TriggerOccasion } from '../domain/messages/occasions.ts';
import { addressOn, dueTime, unreachable, type MessageChannel, type MessageKind } from '../domain/messages/reach.ts';
import { offersText } from '../domain/messages/offers.ts';
import { inGlobalControl } from '../domain/messages/split.ts';
import { findPreferences } from '../store/message-preferences.ts';
import { htmlFromMjml } from '../domain/messages/mjml.ts';
import { checkText, inLanguage, render, type Language, type Localised, type Values } from '../domain/messages/template.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import type { Queryable } from '../store/db.ts';
import { newId } from '../store/ids.ts';
import { findMember, type Member } from '../store/members.ts';
import {
  isGateway,
  findChannel,
  findTemplate,
  templateUsers,
  listTriggers,
  messageCursor,
  moveMessageCursor,
  queueMessages,
  saveChannel,
  saveTemplate,
  saveTrigger,
  type EmailSettings,
  type NewMessage,
  type PushSettings,
  type SmsGatewaySettings,
  type SmsSettings,
  type Template,
  type Trigger,
} from '../store/messages.ts';
import { findProgram, loadSettings } from '../store/programs.ts';
import { getSegment } from '../store/segments.ts';
import { recordAudit } from '../store/rules.ts';
import { seal, signed, unseal } from '../store/secrets.ts';
import { newVapidKeys } from './push.ts';
import { checkGateway, gatewayPlaceholders, headerOf, unknownPlaceholders } from './sms-gateway.ts';
import { lockSegments } from './segments.ts';
import { checkSmsc } from './smpp.ts';
import { memberValues } from './message-values.ts';
import { transportOf } from './smtp.ts';
import type { Deps } from './deps.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { inTransaction } from './transaction.ts';

/** Where members' links (unsubscribe) point: the server as the world reaches it. */
export const publicUrl = () => (process.env.KOPILKA_PUBLIC_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');

/** The one-click unsubscribe link of a member's channel (RFC 8058), naming the message it came in when there is one. */
export const unsubscribeUrl = (programId: string, memberId: string, channel: ConsentChannel, messageId?: string) =>
  `${publicUrl()}/u/${signed([programId, memberId, channel, ...(messageId ? [messageId] : [])].join(':'))}`;

const audit = (tx: Queryable, programId: string, by: Principal, now: Date, entityId: string, action: string, after: unknown) =>
  recordAudit(tx, programId, { id: newId('aud'), actor: actorOf(by), at: now, action, entity: 'messaging', entityId, before: null, after });

export interface EmailChannelInput extends Omit<EmailSettings, 'user' | 'replyTo' | 'dkim'> {
  user?: string | null | undefined;
  password?: string | null | undefined;
  replyTo?: string | null | undefined;
  /** The private key in PEM; left out, the one set before stays. */
  dkim?: { domain: string; selector: string; privateKey?: string | undefined } | null | undefined;
}

const isPrivateKey = (pem: string) => {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
};

/**
 * Sets the programme's e-mail channel after checking that the SMTP server answers and takes the credentials; the
 * password is kept sealed, and a change without one keeps the one set before.
 */
export async function setEmailChannel(deps: Deps, programId: string, input: EmailChannelInput, by: Principal): Promise<Outcome<{ settings: EmailSettings; password: boolean }>> {
  const dkim = input.dkim ? { domain: input.dkim.domain, selector: input.dkim.selector } : null;
  const settings: EmailSettings = { host: input.host, port: input.port, secure: input.secure, user: input.user ?? null, from: input.from, replyTo: input.replyTo ?? null, dkim };
  const before = await findChannel(deps.db, programId, 'email');
  const password = input.password !== undefined ? input.password : before?.secret ? unseal(before.secret) : null;
  const dkimKey = !input.dkim ? null : input.dkim.privateKey !== undefined ? input.dkim.privateKey : before?.dkimKey ? unseal(before.dkimKey) : null;
  if (input.dkim && !dkimKey) return fail('validation_failed', 'DKIM needs the private key', { field: 'dkim.privateKey' });
  if (dkimKey && !isPrivateKey(dkimKey)) return fail('validation_failed', 'the DKIM private key is not a private key in PEM', { field: 'dkim.privateKey' });
  const transport = transportOf(settings, password);
  try {
    await transport.verify();
  } catch (error) {
    return fail('channel_unreachable', `the SMTP server ${settings.host}:${settings.port} did not take the connection: ${(error as Error).message}`, { field: 'host' });
  } finally {
    transport.close();
  }
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    await saveChannel(tx, programId, { channel: 'email', settings, secret: password ? seal(password) : null, dkimKey: dkimKey ? seal(dkimKey) : null, updatedAt: now });
    await audit(tx, programId, by, now, 'email', 'set channel', { ...settings, password: password ? 'set' : null });
    return ok({ settings, password: !!password });
  });
}

export interface SmsChannelInput extends SmsSettings {
  password?: string | null | undefined;
}

/**
 * Sets the programme's SMSC after binding to it with the account given; the password is kept sealed, and a change
 * without one keeps the one set before.
 */
export async function setSmsChannel(deps: Deps, programId: string, input: SmsChannelInput, by: Principal): Promise<Outcome<{ settings: SmsSettings; password: boolean }>> {
  const settings: SmsSettings = { host: input.host, port: input.port, tls: input.tls, systemId: input.systemId, sourceAddr: input.sourceAddr };
  const before = await findChannel(deps.db, programId, 'sms');
  // An SMSC in place of a gateway takes nothing of the gateway's: its secret is a header, not a password.
  const password = input.password !== undefined ? input.password : before?.secret && !isGateway(before.settings) ? unseal(before.secret) : null;
  const refused = await checkSmsc(settings, password);
  if (refused) return fail('channel_unreachable', `the SMSC ${settings.host}:${settings.port} did not take the bind: ${refused}`, { field: 'host' });
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    await saveChannel(tx, programId, { channel: 'sms', settings, secret: password ? seal(password) : null, dkimKey: null, updatedAt: now });
    await audit(tx, programId, by, now, 'sms', 'set channel', { ...settings, password: password ? 'set' : null });
    return ok({ settings, password: !!password });
  });
}

/**
 * Sets the programme's web push channel: the contact push services may write to. The VAPID key pair is made the
 * first time and kept after (browsers subscribed with its public key would have to subscribe again); the private
 * key is kept sealed.
 */
export async function setPushChannel(deps: Deps, programId: string, input: { subject: string }, by: Principal): Promise<Outcome<PushSettings>> {
  return inTransaction(deps.db, async (tx) => {
    const before = await findChannel(tx, programId, 'push');
    const keys = before?.secret ? { publicKey: before.settings.publicKey, privateKey: unseal(before.secret) } : newVapidKeys();
    const settings: PushSettings = { subject: input.subject, publicKey: keys.publicKey };
    const now = deps.now();
    await saveChannel(tx, programId, { channel: 'push', settings, secret: seal(keys.privateKey), dkimKey: null, updatedAt: now });
    await audit(tx, programId, by, now, 'push', 'set channel', settings);
    return ok(settings);
  });
}

export interface SmsGatewayInput extends Omit<SmsGatewaySettings, 'kind'> {
  /** The account's header line, e.g. `Authorization: Bearer …`, kept sealed; left out, the one set before stays. */
  header?: string | null | undefined;
}

/**
 * Sets an aggregator's HTTP API as the programme's SMS channel, in place of an SMSC: the URL and body may name only
 * the values a message gives, the header must be one, and the gateway's server must answer (nothing is sent).
 */
export async function setSmsGateway(deps: Deps, programId: string, input: SmsGatewayInput, by: Principal): Promise<Outcome<{ settings: SmsGatewaySettings; header: boolean }>> {
  const settings: SmsGatewaySettings = { kind: 'http', method: input.method, url: input.url, body: input.method === 'POST' ? input.body : null, contentType: input.contentType, sourceAddr: input.sourceAddr };
  for (const [field, template] of [['url', settings.url], ['body', settings.body ?? '']] as const) {
    const unknown = unknownPlaceholders(template);
    if (unknown.length) return fail('validation_failed', `${field} names ${unknown.map((u) => `{{${u}}}`).join(', ')}: a gateway's request may name only ${gatewayPlaceholders.map((p) => `{{${p}}}`).join(', ')}`, { field });
  }
  if (!/\{\{\s*text\s*\}\}/.test(settings.url + (settings.body ?? ''))) return fail('validation_failed', 'the request must carry the text: name {{text}} in the URL or the body', { field: settings.method === 'POST' ? 'body' : 'url' });
  if (!/\{\{\s*to\s*\}\}/.test(settings.url + (settings.body ?? ''))) return fail('validation_failed', 'the request must carry the number: name {{to}} in the URL or the body', { field: settings.method === 'POST' ? 'body' : 'url' });
  const before = await findChannel(deps.db, programId, 'sms');
  const header = input.header !== undefined ? input.header : before?.secret && isGateway(before.settings) ? unseal(before.secret) : null;
  if (header && !headerOf(header)) return fail('validation_failed', 'the header is a line such as "Authorization: Bearer …"', { field: 'header' });
  const unreachable = await checkGateway(settings);
  if (unreachable) return fail('channel_unreachable', `the SMS gateway ${new URL(settings.url.replace(/\{\{[^}]*\}\}/g, 'x')).host} did not answer: ${unreachable}`, { field: 'url' });
  return inTransaction(deps.db, async (tx) => {
    const now = deps.now();
    await saveChannel(tx, programId, { channel: 'sms', settings, secret: header ? seal(header) : null, dkimKey: null, updatedAt: now });
    await audit(tx, programId, by, now, 'sms', 'set SMS gateway', { ...settings, header: header ? 'set' : null });
    return ok({ settings, header: !!header });
  });
}

export interface TemplateInput {
  channel: MessageChannel;
  event: Occasion;
  subject: Localised;
  text: Localised;
  html?: Localised | null | undefined;
  /** The HTML written in MJML instead, made into HTML at save. */
  mjml?: Localised | null | undefined;
}

/**
 * Saves a template once every text in it refers only to the variables its occasion gives; HTML written in MJML is
 * made into HTML first, and MJML the validator refuses is refused with its every problem.
 */
export async function setTemplate(deps: Deps, programId: string, code: string, input: TemplateInput, by: Principal): Promise<Outcome<Template>> {
  if (input.html && input.mjml) return fail('invalid_template', 'give the HTML or the MJML it is made from, not both', { field: 'mjml' });
  if (input.channel !== 'email' && (input.html || input.mjml)) return fail('invalid_template', `a message ${{ sms: 'by SMS', push: 'by push', inbox: 'to the inbox' }[input.channel]} is text: it has no HTML`, { field: input.html ? 'html' : 'mjml' });
  const made = input.mjml ? await htmlFromMjml(input.mjml) : null;
  if (made && !made.ok) return fail('invalid_template', made.problems.join('; '), { problems: made.problems });
  const html = made?.ok ? made.html : (input.html ?? null);
  const known = variablesOf(input.event);
  const parts = { subject: input.subject, text: input.text, [input.mjml ? 'mjml' : 'html']: input.mjml ?? html };
  const texts = Object.entries(parts).flatMap(([part, text]) => (['ru', 'en'] as const).map((l): [string, string | undefined] => [`${part}.${l}`, text?.[l]]));
  const problems = texts.flatMap(([where, text]) => (text ? checkText(text, known).map((p) => `${where}: ${p}`) : []));
  if (problems.length) return fail('invalid_template', problems.join('; '), { problems });
  return inTransaction(deps.db, async (tx) => {
    const before = await findTemplate(tx, programId, code, 'update');
    if (before && (before.channel !== input.channel || before.event !== input.event)) {
      const users = await templateUsers(tx, programId, code);
      if (users.length) return fail('conflict', `template ${code} keeps its channel and event while ${users.join(', ')} use${users.length === 1 ? 's' : ''} it`, { field: before.channel !== input.channel ? 'channel' : 'event' });
    }
    const now = deps.now();
    const template: Template = { code, channel: input.channel, event: input.event, subject: input.subject, text: input.text, html, mjml: input.mjml ?? null, updatedAt: now };
    await saveTemplate(tx, programId, template);
    await audit(tx, programId, by, now, code, 'set template', template);
    return ok(template);
  });
}

export interface TriggerInput {
  event: TriggerOccasion;
  template: string;
  kind: MessageKind;
  enabled: boolean;
  delayMinutes: number;
  topic?: string | null | undefined;
  /** Of a calendar trigger: days before the birthday (0–60), since the last purchase (1–730), or past the member's usual interval (0–90). */
  days?: number | null | undefined;
  segment?: string | null | undefined;
  tiers?: string[] | undefined;
  fallbacks?: string[] | undefined;
  onceInDays?: number | null | undefined;
}

/**
 * Saves a trigger of an event or of the calendar, whose template must be one for that occasion, as must each
 * template to fall back on, each on a channel of its own; its segment and tiers must exist.
 */
export async function setTrigger(deps: Deps, programId: string, code: string, input: TriggerInput, by: Principal): Promise<Outcome<Trigger>> {
  const days = input.days ?? null;
  if (input.event === 'member.birthday' && (days === null || days < 0 || days > 60)) return fail('invalid_trigger', 'a birthday trigger needs days: 0 to 60 days before the birthday', { field: 'days' });
  if (input.event === 'member.lapsed' && (days === null || days < 1 || days > 730)) return fail('invalid_trigger', 'a win-back trigger needs days: 1 to 730 days since the last purchase', { field: 'days' });
  if (input.event === 'tier.at_risk' && (days === null || days < 1 || days > 90)) return fail('invalid_trigger', 'a tier-at-risk trigger needs days: 1 to 90 days before the review would take the tier away', { field: 'days' });
  if (input.event === 'points.digest' && (days === null || days < 1 || days > 31)) return fail('invalid_trigger', 'a points digest needs days: every 1 to 31 days', { field: 'days' });
  if (input.event === 'purchase.due' && (days === null || days < 0 || days > 90)) return fail('invalid_trigger', 'a time-to-buy-again trigger needs days: 0 to 90 days past the member’s usual interval between purchases', { field: 'days' });
  if (!isCalendarOccasion(input.event) && days !== null) return fail('invalid_trigger', `a trigger of ${input.event} takes no days`, { field: 'days' });
  return inTransaction(deps.db, async (tx) => {
    const template = await findTemplate(tx, programId, input.template, 'share');
    if (!template) return fail('template_not_found', `no template ${input.template}`, { field: 'template' });
    if (template.event !== input.event) return fail('invalid_trigger', `template ${input.template} is written for ${template.event}, not ${input.event}`, { field: 'template' });
    const channels = [template.channel];
    for (const [i, fallback] of (input.fallbacks ?? []).entries()) {
      const other = await findTemplate(tx, programId, fallback, 'share');
      if (!other) return fail('template_not_found', `no template ${fallback}`, { field: `fallbacks.${i}` });
      if (other.event !== input.event) return fail('invalid_trigger', `template ${fallback} is written for ${other.event}, not ${input.event}`, { field: `fallbacks.${i}` });
      if (channels.includes(other.channel)) return fail('invalid_trigger', `template ${fallback} is for ${other.channel}, a channel the trigger tries already: each fallback is on a channel of its own`, { field: `fallbacks.${i}` });
      channels.push(other.channel);
    }
    if (input.segment) {
      // A segment is not removed while a trigger of it is being saved (its removal takes the same lock).
      await lockSegments(tx, programId);
      if (!(await getSegment(tx, programId, input.segment))) return fail('invalid_trigger', `no segment ${input.segment}`, { field: 'segment' });
    }
    const { settings } = await loadSettings(tx, programId);
    const unknownTier = (input.tiers ?? []).find((t) => !settings.tiers.some((x) => x.code === t));
    if (unknownTier) return fail('invalid_trigger', `no tier ${unknownTier}`, { field: 'tiers' });
    const now = deps.now();
    const trigger: Trigger = {
      code, ...input, topic: input.topic ?? null, days, segment: input.segment ?? null, tiers: [...new Set(input.tiers ?? [])], fallbacks: input.fallbacks ?? [], onceInDays: input.onceInDays ?? null, updatedAt: now,
    };
    await saveTrigger(tx, programId, trigger);
    await audit(tx, programId, by, now, code, 'set trigger', trigger);
    return ok(trigger);
  });
}

/** The member's language: the attribute `language` when it is English, else Russian. */
export const languageOf = (member: Pick<Member, 'attributes'>): Language => (member.attributes.language === 'en' ? 'en' : 'ru');

/** A template written out for a member: in their language, with their values and the occasion's; for a message, its id in the unsubscribe link. */
export function written(
  template: Template,
  programme: { programId: string; programme: string; settings: ProgramSettings },
  member: Pick<Member, 'id' | 'name' | 'pointsAvailable' | 'tierCode' | 'attributes'>,
  occasion: Values,
  messageId?: string,
) {
  const language = languageOf(member);
  const values: Values = {
    name: member.name,
    balance: member.pointsAvailable,
    tier: programme.settings.tiers.find((t) => t.code === member.tierCode)?.name ?? member.tierCode,
    programme: programme.programme,
    // The inbox is read in the member's own app, where their choices are set: it carries no unsubscribe link.
    unsubscribeUrl: template.channel === 'inbox' ? '' : unsubscribeUrl(programme.programId, member.id, template.channel, messageId),
    ...occasion,
  };
  const fill = (text: Localised | null) => (text ? render(inLanguage(text, language), values, language, programme.settings.timezone) : null);
  return { language, subject: fill(template.subject), text: fill(template.text), html: fill(template.html) };
}

/** Every text of a template, in both languages. */
export const textsOf = (t: Template) => [t.subject, t.text, t.html].flatMap((x) => (x ? [x.ru, x.en] : []));

/** What each occasion's variables hold in a preview without a real event. */
const sampleOccasion = (now: Date): Values => ({
  points: 150,
  expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  newTier: 'Золото',
  couponCode: 'KOP-7KQ4-M2XA',
  validTo: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
  birthday: new Date(now.getTime() + 3 * 86_400_000).toISOString(),
  lastPurchase: new Date(now.getTime() - 60 * 86_400_000).toISOString(),
  days: 60,
  usualDays: 14,
  receipts: 3,
  dropsOn: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  missing: 1_500_000,
  paid: 245_000,
  storeCode: 'msk-01',
});

/** What the sample member's costly variables hold: the next tier and what is missing to it, two personal offers. */
const sampleMember = (now: Date, language: Language, timezone: string): Values => {
  const offers = [
    { name: language === 'en' ? 'Double points on coffee' : 'Двойные баллы на кофе', coupon: null, validTo: null },
    { name: language === 'en' ? 'A birthday gift' : 'Подарок ко дню рождения', coupon: 'KOP-7KQ4-M2XA', validTo: new Date(now.getTime() + 30 * 86_400_000) },
  ];
  return { nextTier: 'Золото', toNextTier: 250_000, offers: offersText(offers, language, timezone), offerCount: offers.length };
};

/**
 * A template written out as a member would get it: a real member of the programme, or a sample one (Анна, 1,234
 * points), in the language asked for; the event's variables hold sample values.
 */
export async function previewTemplate(deps: Deps, programId: string, code: string, q: { memberId?: string | undefined; language?: Language | undefined }) {
  const template = await findTemplate(deps.db, programId, code);
  if (!template) return fail('template_not_found', `no template ${code}`);
  const member = q.memberId ? await findMember(deps.db, programId, { id: q.memberId }) : null;
  if (q.memberId && !member) return fail('member_not_found', `no member ${q.memberId}`);
  const { settings } = await loadSettings(deps.db, programId);
  const programme = (await findProgram(deps.db, programId))?.name ?? '';
  const sample = { id: 'mem_sample', name: q.language === 'en' ? 'Anna' : 'Анна', pointsAvailable: 1234, tierCode: settings.tiers[0]?.code ?? null, attributes: {} };
  const who = member ?? sample;
  const chosen = q.language ? { ...who, attributes: { ...who.attributes, language: q.language } } : who;
  const values = member ? await memberValues(deps.db, programId, settings, member, textsOf(template), languageOf(chosen), deps.now()) : sampleMember(deps.now(), languageOf(chosen), settings.timezone);
  const { language, subject, text, html } = written(template, { programId, programme, settings }, chosen, { ...sampleOccasion(deps.now()), ...values });
  return ok({ language, subject, text, html });
}

/** Whether the member is the trigger's audience: in its segment and of its tiers, where it names them. */
async function meetsConditions(tx: Queryable, programId: string, trigger: Trigger, member: Member): Promise<boolean> {
  if (trigger.tiers.length && !trigger.tiers.includes(member.tierCode ?? '')) return false;
  if (!trigger.segment) return true;
  return (await tx.query('select 1 from segment_members where program_id = $1 and segment = $2 and member_id = $3', [programId, trigger.segment, member.id])).length > 0;
}

/** Whether the trigger queued or sent the member a message in its last `onceInDays` days. */
async function sentWithin(tx: Queryable, programId: string, trigger: Trigger, memberId: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `select 1 from messages where program_id = $1 and member_id = $2 and origin = $3 and status in ('queued', 'sent') and created_at > $4 limit 1`,
    [programId, memberId, `trigger:${trigger.code}`, new Date(now.getTime() - (trigger.onceInDays ?? 0) * 86_400_000)],
  );
  return rows.length > 0;
}

/** How many events of the feed one planning reads. */
const PLAN_AT_ONCE = 500;

/**
 * Turns the programme's next events of the feed into the messages its triggers answer them with, and moves its
 * place in the feed, in one transaction: each (trigger, member, event) becomes one message whatever runs twice.
 * A trigger answers only the members of its segment and tiers, where it names them, on the first of its templates'
 * channels that reaches the member; a message within its own frequency of the last is skipped.
 * A message that may not go (no consent for marketing, no address, an erased member, a muted topic, the global
 * control group) is logged as skipped with the reason; the rest are written out when they go. Returns how many
 * events it read.
 */
export async function planMessages(deps: Deps, programId: string): Promise<number> {
  const planned = await inTransaction(deps.db, async (tx) => {
    const triggers = (await listTriggers(tx, programId)).filter((t) => t.enabled);
    if (triggers.length === 0) return ok(0);
    // Events before the earliest trigger started are no trigger's to answer: a first planning starts there.
    const after = Math.max(await messageCursor(tx, programId), Math.min(...triggers.map((t) => t.sinceSeq)));
    const events = await tx.query<{ seq: number; id: string; type: Occasion; member_id: string | null; occurred_at: Date; payload: Record<string, unknown> }>(
      `select seq, id, type, member_id, occurred_at, payload::jsonb as payload from events
       where program_id = $1 and seq > $2 and seq <= coalesce((select seq from event_cursors where program_id = $1), 0)
       order by seq limit ${PLAN_AT_ONCE}`,
      [programId, after],
    );
    if (events.length === 0) return ok(0);
    const { settings } = await loadSettings(tx, programId);
    const templates = new Map<string, Template | null>();
    const messages: NewMessage[] = [];
    // Of the triggers with a frequency of their own: who this planning has queued a message for already.
    const queuedNow = new Set<string>();
    for (const event of events) {
      if (!event.member_id) continue;
      for (const trigger of triggers.filter((t) => t.event === event.type && Number(event.seq) > t.sinceSeq)) {
        const member = await findMember(tx, programId, { id: event.member_id });
        if (!member || !(await meetsConditions(tx, programId, trigger, member))) continue;
        const options: Template[] = [];
        for (const code of [trigger.template, ...trigger.fallbacks]) {
          if (!templates.has(code)) templates.set(code, await findTemplate(tx, programId, code));
          const template = templates.get(code);
          if (template) options.push(template);
        }
        if (options.length === 0) continue;
        const preferences = await findPreferences(tx, programId, member.id);
        const reasons = options.map((template) =>
          unreachable(trigger.kind, template.channel, trigger.topic, {
            consents: member.consents,
            erased: !!member.erasedAt,
            address: addressOn(template.channel, member),
            mutedTopics: preferences.mutedTopics,
            heldBack: inGlobalControl(programId, member.id, settings.messaging.globalControlPercent),
          }),
        );
        // The first channel that reaches the member, in the trigger's order; none reaching them, the first's reason.
        const chosen = Math.max(0, reasons.indexOf(null));
        const template = options[chosen] as Template;
        const once = `${trigger.code}:${member.id}`;
        const tooSoon = trigger.onceInDays !== null && (queuedNow.has(once) || (await sentWithin(tx, programId, trigger, member.id, deps.now())));
        const reason = reasons[chosen] ?? (tooSoon ? `the trigger's own frequency: one in ${trigger.onceInDays} days` : null);
        if (!reason) queuedNow.add(once);
        const at = new Date(new Date(event.occurred_at).getTime() + trigger.delayMinutes * 60_000);
        messages.push({
          id: newId('msg'),
          memberId: member.id,
          origin: `trigger:${trigger.code}`,
          occurrence: event.id,
          channel: template.channel,
          kind: trigger.kind,
          template: template.code,
          language: languageOf(member),
          to: template.channel === 'inbox' ? null : addressOn(template.channel, member),
          topic: trigger.topic,
          variant: 'A',
          occasion: occasionValues(trigger.event, event.payload),
          status: reason ? 'skipped' : 'queued',
          reason,
          createdAt: deps.now(),
          dueAt: dueTime(at, trigger.kind, template.channel, settings.quietHours, settings.timezone),
        });
      }
    }
    await queueMessages(tx, programId, messages);
    await moveMessageCursor(tx, programId, Number(events[events.length - 1]?.seq));
    return ok(events.length);
  });
  return planned.ok ? planned.value : 0;
}
