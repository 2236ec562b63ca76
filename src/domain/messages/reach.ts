import { DateTime } from 'luxon';
import type { Consents } from '../consents.ts';
import { mobileNumber } from '../contacts.ts';

// Who a message may reach, and when.

/** E-mail over SMTP, SMS over SMPP, web push to the browsers the member subscribed, and the in-app inbox the member's app reads through the API. */
export const messageChannels = ['email', 'sms', 'push', 'inbox'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/**
 * Where a message on the channel reaches the member: their e-mail address, mobile number, or themselves (their
 * inbox, and the browsers they subscribed to push with, which the sender looks up when it goes).
 */
export const addressOn = (channel: MessageChannel, member: { id: string; email: string | null; phone: string | null }): string | null =>
  channel === 'inbox' || channel === 'push' ? member.id : channel === 'sms' ? mobileNumber(member.phone) : member.email;

/** Marketing needs the member's consent on its channel; a transactional message (a code, a receipt) does not. */
export type MessageKind = 'marketing' | 'transactional';

export interface QuietHours {
  from: string;
  to: string;
}

/** What decides whether a message may go to a member. */
export interface Recipient {
  consents: Consents;
  erased: boolean;
  /** Their address on the channel. */
  address: string | null;
  mutedTopics: readonly string[];
  /** In the programme's global control group, which gets no marketing. */
  heldBack: boolean;
}

/**
 * Why a message may not go to the member, or null when it may. Nothing goes to an erased member or without an
 * address; a transactional message (a code, a receipt) goes regardless of the rest; marketing needs consent on its
 * channel (the in-app inbox, which reaches only a member who opens the app, needs none), not to be held back, and a
 * topic the member has not muted.
 */
export function unreachable(kind: MessageKind, channel: MessageChannel, topic: string | null, r: Recipient): string | null {
  if (r.erased) return 'the member was erased';
  if (!r.address) return channel === 'push' ? 'no browser subscribed to push' : `no ${channel === 'email' ? 'e-mail address' : channel === 'sms' ? 'mobile number' : 'address'}`;
  if (kind === 'transactional') return null;
  if (channel !== 'inbox' && !r.consents[channel]) return `no consent to marketing by ${channel}`;
  if (r.heldBack) return 'in the global control group';
  if (topic && r.mutedTopics.includes(topic)) return `the member muted the topic ${topic}`;
  return null;
}

/** When a message planned for `at` is due: on its channel's terms (the inbox does not ring, so it keeps no quiet hours). */
export const dueTime = (at: Date, kind: MessageKind, channel: MessageChannel, quiet: QuietHours | null, zone: string): Date =>
  channel === 'inbox' ? at : sendingTime(at, kind, quiet, zone);

/**
 * The first instant at or after `at` outside the programme-local quiet hours (from `from` to `to`, across midnight
 * when `from` is later): a marketing message waits for it rather than being dropped. A transactional one goes at once.
 */
export function sendingTime(at: Date, kind: MessageKind, quiet: QuietHours | null, zone: string): Date {
  if (kind === 'transactional' || !quiet || quiet.from === quiet.to) return at;
  const local = DateTime.fromJSDate(at, { zone });
  const minutes = local.hour * 60 + local.minute;
  const [from, to] = [quiet.from, quiet.to].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [number, number];
  const quietNow = from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
  if (!quietNow) return at;
  const end = local.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 });
  return (end > local ? end : end.plus({ days: 1 })).toJSDate();
}
