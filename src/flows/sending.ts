import { DateTime } from 'luxon';
import { addressOn, sendingTime, unreachable, type MessageChannel } from '../domain/messages/reach.ts';
import { inGlobalControl } from '../domain/messages/split.ts';
import { withTracking } from '../domain/messages/tracking.ts';
import type { ProgramSettings } from '../domain/settings.ts';
import { forgetSlots, giveSlotBack, noPreferences, preferencesOf, takeSlot, type MessagePreferences } from '../store/message-preferences.ts';
import { listMembersWhere, type Member } from '../store/members.ts';
import { findChannel, findTemplate, isGateway, leaseDueMessages, listTriggers, recordSending, type DueMessage, type Sending, type SmsGatewaySettings, type StoredChannel, type Template, type Trigger } from '../store/messages.ts';
import { forgetPushSubscriptions, pushSubscriptionsOf, type PushSubscription } from '../store/push.ts';
import { findProgram, loadSettings } from '../store/programs.ts';
import { signed, unseal } from '../store/secrets.ts';
import type { Deps } from './deps.ts';
import { publicUrl, textsOf, unsubscribeUrl, written } from './messaging.ts';
import { memberValues } from './message-values.ts';
import { inParallel } from './in-parallel.ts';
import type { Links } from './links.ts';
import { pushTo } from './push.ts';
import { sendThroughGateway } from './sms-gateway.ts';
import { SmscRefusal, smscFor, submitSms } from './smpp.ts';
import { SENDING_CONNECTIONS, SENDING_MAX_MS, transportFor } from './smtp.ts';

/** The waits between attempts: a minute doubling up to an hour; a message is given up after a day of failures. */
export const retryAfterMs = (attempts: number) => Math.min(60_000 * 2 ** attempts, 3_600_000);
const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** The open-pixel and click addresses of a message: a token the server signed names the message (and the link). */
export const openUrl = (programId: string, messageId: string) => `${publicUrl()}/o/${signed(`${programId}:${messageId}`)}`;
export const clickUrl = (programId: string, messageId: string, url: string) => `${publicUrl()}/c/${signed(`${programId}:${messageId}:${url}`)}`;

/** What one round of sending reads once per programme and template. */
interface Round {
  programmes: Map<string, Promise<{ programme: string; settings: ProgramSettings }>>;
  templates: Map<string, Promise<Template | null>>;
  /** Each programme's SMTP connections and SMSC session, looked up once a round however many messages go at once. */
  transports: Map<string, Promise<Awaited<ReturnType<typeof transportFor>>>>;
  smscs: Map<string, Promise<Awaited<ReturnType<typeof smsLinkFor>>>>;
  pushes: Map<string, Promise<StoredChannel<'push'> | null>>;
  triggers: Map<string, Promise<Trigger[]>>;
  /** Each programme's channels whose pace this round keeps, their past seconds forgotten. */
  paces: Map<string, Promise<void>>;
  /** The members the round's messages go to, and their preferences, read for all of them at once as the round starts. */
  members: Map<string, Member>;
  preferences: Map<string, MessagePreferences>;
}

/**
 * Sends the messages that are due, up to `limit`: each leased for a while so that other senders skip it, written
 * out from its template with the member as they are now, and its outcome logged. See `send` for the rules. Of
 * every programme, or of the one given.
 */
export async function sendDueMessages(deps: Deps, links: Links, limit = 50, only: string | null = null): Promise<number> {
  const now = deps.now();
  // Leased for as long as sending them a few at a time may take, each up to its timeouts: another sender takes one
  // over only if this one died.
  const due = await leaseDueMessages(deps.db, now, new Date(now.getTime() + Math.ceil(limit / SENDING_CONNECTIONS) * SENDING_MAX_MS), limit, only);
  const round: Round = { programmes: new Map(), templates: new Map(), transports: new Map(), smscs: new Map(), pushes: new Map(), triggers: new Map(), paces: new Map(), members: new Map(), preferences: new Map() };
  for (const programId of new Set(due.map((m) => m.programId))) {
    const memberIds = [...new Set(due.filter((m) => m.programId === programId).map((m) => m.memberId))];
    for (const member of await listMembersWhere(deps.db, 'program_id = $1 and id = any($2::text[])', [programId, memberIds])) round.members.set(`${programId}:${member.id}`, member);
    for (const [memberId, p] of await preferencesOf(deps.db, programId, memberIds)) round.preferences.set(`${programId}:${memberId}`, p);
  }
  await inParallel(due, SENDING_CONNECTIONS, async (message) => recordSending(deps.db, message.programId, message.id, await send(deps, links, round, message)));
  return due.length;
}

/** What a round reads once however many of its messages go at once: the first to need it reads it, the rest wait for that. */
function once<T>(held: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  if (!held.has(key)) held.set(key, read());
  return held.get(key) as Promise<T>;
}

const programmeOf = (deps: Deps, round: Round, programId: string) =>
  once(round.programmes, programId, async () => ({ programme: (await findProgram(deps.db, programId))?.name ?? '', settings: (await loadSettings(deps.db, programId)).settings }));

const templateOf = (deps: Deps, round: Round, programId: string, code: string) => once(round.templates, `${programId}:${code}`, () => findTemplate(deps.db, programId, code));

/**
 * One message, by the rules that hold however it was planned: the member is read again as the round starts (a
 * consent withdrawn, a topic muted or an erasure since planning skips it); a message to the in-app inbox is delivered there at once;
 * marketing by e-mail, SMS or push waits out quiet hours, takes a slot of the member's week (none left: skipped) and of
 * the channel's day (none left: it waits for the next day), then goes. A refusal for good (an SMTP 5xx, an SMSC's
 * error but throttling) is a bounce; anything else is tried again later, for a day, and gives its slots back. A
 * sender killed between sending and logging sends that message again when its lease runs out (a mail with the
 * same Message-ID).
 */
async function send(deps: Deps, links: Links, round: Round, m: DueMessage): Promise<Sending> {
  const { programme, settings } = await programmeOf(deps, round, m.programId);
  const member = round.members.get(`${m.programId}:${m.memberId}`);
  if (!member) return { status: 'skipped', reason: 'no such member' };
  const preferences = round.preferences.get(`${m.programId}:${m.memberId}`) ?? noPreferences;
  // The browsers the member subscribed to push with are their address on that channel, looked up only if it is tried.
  let subscribed: Promise<PushSubscription[]> | null = null;
  const browsersOf = () => (subscribed ??= pushSubscriptionsOf(deps.db, m.programId, m.memberId));
  const reachOn = async (channel: MessageChannel) =>
    unreachable(m.kind, channel, m.topic, {
      consents: member.consents,
      erased: !!member.erasedAt,
      address: channel === 'push' ? ((await browsersOf()).length ? member.id : null) : addressOn(channel, member),
      mutedTopics: preferences.mutedTopics,
      heldBack: inGlobalControl(m.programId, m.memberId, settings.messaging.globalControlPercent),
    });
  const reason = await reachOn(m.channel);
  if (reason) return (await fallbackOf(deps, round, m, member, reachOn, reason)) ?? { status: 'skipped', reason };
  const address = addressOn(m.channel, member);
  const now = deps.now();
  const template = await templateOf(deps, round, m.programId, m.template);
  if (!template) return { status: 'failed', reason: `no template ${m.template}` };
  // Written out only once it goes: what costs queries to know of the member is read then, and only if named.
  const writtenOut = async () => {
    const values = await memberValues(deps.db, m.programId, settings, member, textsOf(template), m.language === 'en' ? 'en' : 'ru', now);
    return written(template, { programId: m.programId, programme, settings }, { ...member, attributes: { ...member.attributes, language: m.language } }, { ...m.occasion, ...values }, m.id);
  };
  // The inbox takes a message as soon as it is written out: the member reads it when they open the app.
  if (m.channel === 'inbox') {
    const { subject, text } = await writtenOut();
    return { status: 'sent', at: now, to: member.id, subject, text, html: null };
  }
  const quietUntil = sendingTime(now, m.kind, settings.quietHours, settings.timezone);
  if (quietUntil > now) return { status: 'queued', retryAt: quietUntil, reason: 'quiet hours', tried: false };
  const link = m.channel === 'sms'
    ? await once(round.smscs, m.programId, () => smsLinkFor(deps, links, m.programId)).catch((error: unknown) => error as Error)
    : m.channel === 'push'
      ? await once(round.pushes, m.programId, () => findChannel(deps.db, m.programId, 'push'))
      : await once(round.transports, m.programId, () => transportFor(deps.db, links.email, m.programId));
  if (!link) return retry(deps, m, `the ${{ email: 'e-mail', sms: 'SMS', push: 'push' }[m.channel]} channel is not set up`);
  if (link instanceof Error) return retry(deps, m, link.message);
  const browsers = m.channel === 'push' ? await browsersOf() : [];

  const local = DateTime.fromJSDate(now, { zone: settings.timezone });
  const slots: [string, string][] = [];
  if (m.kind === 'marketing') {
    if (preferences.weeklyMax !== null) {
      const week: [string, string] = [m.memberId, local.toFormat("kkkk-'W'WW")];
      if (!(await takeSlot(deps.db, m.programId, ...week, preferences.weeklyMax))) return { status: 'skipped', reason: `the member's maximum of ${preferences.weeklyMax} a week reached` };
      slots.push(week);
    }
    const cap = settings.messaging.dailyCaps[m.channel];
    if (cap !== null) {
      const day: [string, string] = [m.channel, local.toISODate() ?? ''];
      if (!(await takeSlot(deps.db, m.programId, ...day, cap))) {
        for (const slot of slots) await giveSlotBack(deps.db, m.programId, ...slot);
        const tomorrow = sendingTime(local.plus({ days: 1 }).startOf('day').toJSDate(), m.kind, settings.quietHours, settings.timezone);
        return { status: 'queued', retryAt: tomorrow, reason: `the programme's cap of ${cap} ${m.channel} messages a day reached`, tried: false };
      }
      slots.push(day);
    }
  }

  const pace = settings.messaging.perSecond[m.channel];
  if (pace !== null) await paced(deps, round, m.programId, m.channel, pace);
  const outcome = 'transport' in link
    ? await sendMail(deps, link, m, address ?? '', await writtenOut(), settings.messaging.tracking)
    : 'session' in link
      ? await sendSms(deps, link, m, address ?? '', (await writtenOut()).text ?? '')
      : 'gateway' in link
        ? await sendSmsThroughGateway(deps, link, m, address ?? '', (await writtenOut()).text ?? '')
        : await sendPush(deps, link, m, browsers, await writtenOut());
  if (outcome.status !== 'sent') for (const slot of slots) await giveSlotBack(deps.db, m.programId, ...slot);
  return outcome;
}

/**
 * Waits for one of the channel's `pace` slots of a second, by the wall clock (an SMSC or a relay counts real
 * seconds, whatever the programme's clock says), taken in one statement so that senders together keep the pace.
 * The seconds gone by are forgotten once a round.
 */
async function paced(deps: Deps, round: Round, programId: string, channel: MessageChannel, pace: number): Promise<void> {
  const scope = `pace:${channel}`;
  // Seconds since 1970, ten digits until 2286: their text sorts as their numbers do.
  const second = () => String(Math.floor(Date.now() / 1000));
  await once(round.paces, `${programId}:${channel}`, () => forgetSlots(deps.db, programId, scope, second()));
  while (!(await takeSlot(deps.db, programId, scope, second(), pace))) await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
}

/**
 * A trigger's message that cannot reach the member on its channel moves to the trigger's next template, in its order
 * of preference, whose channel does (at once: it waits there on that channel's terms); null when none does.
 */
async function fallbackOf(deps: Deps, round: Round, m: DueMessage, member: Member, reachOn: (channel: MessageChannel) => Promise<string | null>, reason: string): Promise<Sending | null> {
  if (!m.origin.startsWith('trigger:')) return null;
  const trigger = (await once(round.triggers, m.programId, () => listTriggers(deps.db, m.programId))).find((t) => `trigger:${t.code}` === m.origin);
  const order = trigger ? [trigger.template, ...trigger.fallbacks] : [];
  // The templates after the message's own; none when the trigger no longer names it.
  const at = order.indexOf(m.template);
  for (const code of at < 0 ? [] : order.slice(at + 1)) {
    const template = await templateOf(deps, round, m.programId, code);
    if (!template || (await reachOn(template.channel))) continue;
    const to = template.channel === 'inbox' ? null : addressOn(template.channel, member);
    return { status: 'queued', retryAt: deps.now(), reason: `${reason}: moved to ${template.channel}`, tried: false, onto: { channel: template.channel, template: code, to } };
  }
  return null;
}

type Written = ReturnType<typeof written>;

/** A mail over the programme's SMTP connection, with tracking where the programme keeps it. */
async function sendMail(deps: Deps, held: NonNullable<Awaited<ReturnType<typeof transportFor>>>, m: DueMessage, to: string, { subject, text, html }: Written, tracking: boolean): Promise<Sending> {
  const tracked = html && tracking && m.kind === 'marketing'
    ? withTracking(html, openUrl(m.programId, m.id), (url) => (url.startsWith(`${publicUrl()}/u/`) ? null : clickUrl(m.programId, m.id, url)))
    : html;
  try {
    await held.transport.sendMail({
      from: held.settings.from,
      ...(held.settings.replyTo ? { replyTo: held.settings.replyTo } : {}),
      to,
      subject: subject ?? '',
      text: text ?? '',
      ...(tracked ? { html: tracked } : {}),
      messageId: `<${m.id}@kopilka>`,
      ...(m.kind === 'marketing' ? { list: { unsubscribe: unsubscribeUrl(m.programId, m.memberId, 'email', m.id) }, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : {}),
    });
    return { status: 'sent', at: deps.now(), to, subject, text, html: tracked };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const reason = (error as Error).message;
    if (code && code >= 500) return { status: 'bounced', reason };
    return retry(deps, m, reason);
  }
}

/**
 * A text over the programme's SMSC session, in parts if long; the parts' ids are kept, with its sending, for the delivery receipts.
 * A refusal after some parts went is a failure, not tried again: the member would get those parts twice.
 */
async function sendSms(deps: Deps, held: NonNullable<Awaited<ReturnType<typeof smscFor>>>, m: DueMessage, to: string, text: string): Promise<Sending> {
  try {
    const smscIds = await submitSms(held.session, held.settings, to, text, referenceOf(m.id));
    return { status: 'sent', at: deps.now(), to, subject: null, text, html: null, smscIds };
  } catch (error) {
    const reason = (error as Error).message;
    if (error instanceof SmscRefusal && (error.accepted > 0 || !error.later)) return { status: error.accepted > 0 ? 'failed' : 'bounced', reason };
    return retry(deps, m, reason);
  }
}

/** The programme's SMS channel: its HTTP gateway, or its bound SMSC session; null when it has neither. */
async function smsLinkFor(deps: Deps, links: Links, programId: string) {
  const channel = await findChannel(deps.db, programId, 'sms');
  if (channel && isGateway(channel.settings)) return { gateway: channel.settings, header: channel.secret ? unseal(channel.secret) : null };
  return channel ? smscFor(deps.db, links.sms, programId, channel, deps.now) : null;
}

/** A text through the programme's HTTP gateway, whole (the gateway cuts it into parts); it keeps no delivery receipts. */
async function sendSmsThroughGateway(deps: Deps, link: { gateway: SmsGatewaySettings; header: string | null }, m: DueMessage, to: string, text: string): Promise<Sending> {
  const answer = await sendThroughGateway(link.gateway, link.header, { to, text, id: m.id });
  if (answer.taken) return { status: 'sent', at: deps.now(), to, subject: null, text, html: null };
  return answer.later ? retry(deps, m, answer.reason) : { status: 'bounced', reason: answer.reason };
}

/**
 * A push to each browser the member subscribed with: its title the template's subject. Sent once any push service
 * took it (the others are not tried again: those browsers would show it twice); browsers gone for good are
 * forgotten; tried again later only when none took it and one may yet.
 */
async function sendPush(deps: Deps, channel: StoredChannel<'push'>, m: DueMessage, browsers: PushSubscription[], { subject, text }: Written): Promise<Sending> {
  const pushed = await pushTo(browsers, channel.settings, unseal(channel.secret ?? ''), JSON.stringify({ title: subject ?? '', body: text ?? '', tag: m.id }));
  if (pushed.gone.length) await forgetPushSubscriptions(deps.db, m.programId, m.memberId, pushed.gone);
  if (pushed.taken.length) return { status: 'sent', at: deps.now(), to: [...new Set(pushed.taken.map((e) => new URL(e).host))].join(', '), subject, text, html: null };
  if (pushed.later) return retry(deps, m, pushed.later);
  return { status: 'bounced', reason: pushed.refused ?? 'every browser the member subscribed with has unsubscribed' };
}

/** The concatenation reference of a message's parts: a byte of its id's hash, the same on every attempt. */
const referenceOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) & 0xff;

const retry = (deps: Deps, m: DueMessage, reason: string): Sending => {
  const at = deps.now();
  return at.getTime() - m.createdAt.getTime() > GIVE_UP_AFTER_MS
    ? { status: 'failed', reason }
    : { status: 'queued', retryAt: new Date(at.getTime() + retryAfterMs(m.attempts)), reason, tried: true };
};
