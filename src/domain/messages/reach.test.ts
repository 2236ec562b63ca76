import { describe, expect, it } from 'vitest';
import { sendingTime, unreachable, type Recipient } from './reach.ts';

const quiet = { from: '21:00', to: '09:00' };
const at = (iso: string) => new Date(iso);

describe('who a message may reach, and when', () => {
  it('sends marketing only with consent on its channel, transactional messages regardless, nothing to an erased member', () => {
    const r: Recipient = { consents: { email: false, sms: true, push: false }, erased: false, address: 'anna@example.ru', mutedTopics: [], heldBack: false };
    expect(unreachable('marketing', 'email', null, r)).toBe('no consent to marketing by email');
    expect(unreachable('marketing', 'email', null, { ...r, consents: { ...r.consents, email: true } })).toBeNull();
    expect(unreachable('transactional', 'email', null, r)).toBeNull();
    expect(unreachable('transactional', 'email', null, { ...r, erased: true })).toBe('the member was erased');
    expect(unreachable('transactional', 'email', null, { ...r, address: null })).toBe('no e-mail address');
  });

  it('keeps marketing from the global control group and from topics the member muted, but not what is transactional', () => {
    const r: Recipient = { consents: { email: true, sms: false, push: false }, erased: false, address: 'anna@example.ru', mutedTopics: ['news'], heldBack: false };
    expect(unreachable('marketing', 'email', 'news', r)).toBe('the member muted the topic news');
    expect(unreachable('marketing', 'email', 'offers', r)).toBeNull();
    expect(unreachable('marketing', 'email', 'offers', { ...r, heldBack: true })).toBe('in the global control group');
    expect(unreachable('transactional', 'email', 'news', { ...r, heldBack: true })).toBeNull();
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
