import { randomInt } from 'node:crypto';
import { actorOf, type Principal } from '../domain/access.ts';
import { mobileNumber, normalisePhone } from '../domain/contacts.ts';
import type { Language } from '../domain/messages/template.ts';
import { newId } from '../store/ids.ts';
import { findChannel, findTemplate, isGateway } from '../store/messages.ts';
import { forgetPushSubscriptions, pushSubscriptionsOf } from '../store/push.ts';
import { recordAudit } from '../store/rules.ts';
import { unseal } from '../store/secrets.ts';
import type { Deps } from './deps.ts';
import { previewTemplate } from './messaging.ts';
import { fail, ok, type Outcome } from './outcome.ts';
import { pushTo } from './push.ts';
import { sendThroughGateway } from './sms-gateway.ts';
import { bindSmsc, submitSms } from './smpp.ts';
import { transportOf } from './smtp.ts';

export interface TestSend {
  /** An e-mail address, a phone, or (by push) the member whose browsers get it. */
  to: string;
  memberId?: string | undefined;
  language?: Language | undefined;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const sealed = (secret: string | null) => (secret ? unseal(secret) : null);
const NOT_SET = Symbol('the channel is not set up');
const NO_BROWSER = Symbol('no browser subscribed');
/** What a test send came to: sent (null), the reason it was not taken, or one of two refusals. */
type Tried = string | null | typeof NOT_SET | typeof NO_BROWSER;

/**
 * Sends a template, written out as its preview is (for a real member or the sample one), at once through the
 * programme's channel to a member of staff: an e-mail address, a mobile number, or the browsers a member (staff
 * who subscribed) has subscribed to push with. Nothing is queued or logged as a message to a member; the test send
 * is audited. A channel that is not set up, or that does not take the message, is refused with its reason.
 */
export async function sendTestMessage(deps: Deps, programId: string, code: string, input: TestSend, by: Principal): Promise<Outcome<{ to: string; subject: string | null; text: string | null }>> {
  const template = await findTemplate(deps.db, programId, code);
  if (!template) return fail('template_not_found', `no template ${code}`);
  if (template.channel === 'inbox') return fail('validation_failed', 'a message to the inbox reaches only a member’s app: preview it instead', { field: 'to' });
  const to = template.channel === 'email' ? (EMAIL.test(input.to.trim()) ? input.to.trim() : null) : template.channel === 'sms' ? mobileNumber(normalisePhone(input.to)) : input.to;
  if (!to) return fail('validation_failed', template.channel === 'email' ? `${input.to} is not an e-mail address` : `${input.to} is not a mobile number`, { field: 'to' });
  const written = await previewTemplate(deps, programId, code, { memberId: input.memberId, language: input.language });
  if (!written.ok) return written;
  const { subject, text } = written.value;
  const sent = template.channel === 'email'
    ? await testMail(deps, programId, to, written.value)
    : template.channel === 'sms'
      ? await testSms(deps, programId, to, text ?? '')
      : await testPush(deps, programId, to, { subject, text });
  if (sent === NOT_SET) return fail('conflict', `the ${{ email: 'e-mail', sms: 'SMS', push: 'push' }[template.channel]} channel is not set up`);
  if (sent === NO_BROWSER) return fail('validation_failed', `member ${to} has no browser subscribed to push`, { field: 'to' });
  if (sent) return fail('channel_unreachable', sent, { field: 'to' });
  await recordAudit(deps.db, programId, { id: newId('aud'), actor: actorOf(by), at: deps.now(), action: 'test send', entity: 'messaging', entityId: code, before: null, after: { channel: template.channel, to } });
  return ok({ to, subject, text });
}

async function testMail(deps: Deps, programId: string, to: string, { subject, text, html }: { subject: string | null; text: string | null; html: string | null }): Promise<Tried> {
  const channel = await findChannel(deps.db, programId, 'email');
  if (!channel) return NOT_SET;
  const { settings } = channel;
  const transport = transportOf(settings, sealed(channel.secret), sealed(channel.dkimKey));
  try {
    await transport.sendMail({ from: settings.from, ...(settings.replyTo ? { replyTo: settings.replyTo } : {}), to, subject: subject ?? '', text: text ?? '', ...(html ? { html } : {}) });
    return null;
  } catch (error) {
    return `the SMTP server did not take it: ${(error as Error).message}`;
  } finally {
    transport.close();
  }
}

async function testSms(deps: Deps, programId: string, to: string, text: string): Promise<Tried> {
  const channel = await findChannel(deps.db, programId, 'sms');
  if (!channel) return NOT_SET;
  const { settings } = channel;
  if (isGateway(settings)) {
    const answer = await sendThroughGateway(settings, sealed(channel.secret), { to, text, id: newId('msg') });
    return answer.taken ? null : answer.reason;
  }
  try {
    const session = await bindSmsc(settings, sealed(channel.secret));
    try {
      await submitSms(session, settings, to, text, randomInt(256));
    } finally {
      session.close();
    }
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

async function testPush(deps: Deps, programId: string, memberId: string, { subject, text }: { subject: string | null; text: string | null }): Promise<Tried> {
  const channel = await findChannel(deps.db, programId, 'push');
  if (!channel) return NOT_SET;
  const browsers = await pushSubscriptionsOf(deps.db, programId, memberId);
  if (browsers.length === 0) return NO_BROWSER;
  const pushed = await pushTo(browsers, channel.settings, sealed(channel.secret) ?? '', JSON.stringify({ title: subject ?? '', body: text ?? '', tag: 'test' }));
  if (pushed.gone.length) await forgetPushSubscriptions(deps.db, programId, memberId, pushed.gone);
  return pushed.taken.length ? null : (pushed.later ?? pushed.refused ?? 'every browser of the member has unsubscribed');
}
