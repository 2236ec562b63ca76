import { DateTime } from 'luxon';
import type { Consents } from '../consents.ts';

// Who a message may reach, and when.

export const messageChannels = ['email'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** Marketing needs the member's consent on its channel; a transactional message (a code, a receipt) does not. */
export type MessageKind = 'marketing' | 'transactional';

export interface QuietHours {
  from: string;
  to: string;
}

/** Whether a message of this kind may go to the member on the channel: marketing only with their consent. */
export const mayReach = (kind: MessageKind, channel: MessageChannel, consents: Consents, erased: boolean): boolean =>
  !erased && (kind === 'transactional' || consents[channel]);

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
