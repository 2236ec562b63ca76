import { describe, expect, it } from 'vitest';
import { mayReach, sendingTime } from './reach.ts';

const quiet = { from: '21:00', to: '09:00' };
const at = (iso: string) => new Date(iso);

describe('who a message may reach, and when', () => {
  it('sends marketing only with consent on its channel, transactional messages regardless, nothing to an erased member', () => {
    const consents = { email: false, sms: true, push: false };
    expect(mayReach('marketing', 'email', consents, false)).toBe(false);
    expect(mayReach('marketing', 'email', { ...consents, email: true }, false)).toBe(true);
    expect(mayReach('transactional', 'email', consents, false)).toBe(true);
    expect(mayReach('transactional', 'email', consents, true)).toBe(false);
  });

  it('defers marketing in quiet hours to their end in the programme’s zone, across midnight', () => {
    // 22:30 and 02:00 in Moscow (UTC+3) wait for 09:00 Moscow, 06:00 UTC.
    expect(sendingTime(at('2026-12-05T19:30:00Z'), 'marketing', quiet, 'Europe/Moscow')).toEqual(at('2026-12-06T06:00:00Z'));
    expect(sendingTime(at('2026-12-05T23:00:00Z'), 'marketing', quiet, 'Europe/Moscow')).toEqual(at('2026-12-06T06:00:00Z'));
    // 12:00 Moscow is outside them; 21:00 sharp is inside, 09:00 sharp outside.
    expect(sendingTime(at('2026-12-05T09:00:00Z'), 'marketing', quiet, 'Europe/Moscow')).toEqual(at('2026-12-05T09:00:00Z'));
    expect(sendingTime(at('2026-12-05T18:00:00Z'), 'marketing', quiet, 'Europe/Moscow')).toEqual(at('2026-12-06T06:00:00Z'));
    expect(sendingTime(at('2026-12-05T06:00:00Z'), 'marketing', quiet, 'Europe/Moscow')).toEqual(at('2026-12-05T06:00:00Z'));
    // Quiet hours within one day: 13:00 to 14:00.
    expect(sendingTime(at('2026-12-05T10:30:00Z'), 'marketing', { from: '13:00', to: '14:00' }, 'Europe/Moscow')).toEqual(at('2026-12-05T11:00:00Z'));
    expect(sendingTime(at('2026-12-05T19:30:00Z'), 'transactional', quiet, 'Europe/Moscow')).toEqual(at('2026-12-05T19:30:00Z'));
    expect(sendingTime(at('2026-12-05T19:30:00Z'), 'marketing', null, 'Europe/Moscow')).toEqual(at('2026-12-05T19:30:00Z'));
  });
});
