import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inGlobalControl } from '../src/domain/messages/split.ts';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { messagesOnce } from '../src/jobs/messenger.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { newProgramme, openTestDb } from './harness.ts';
import { startSmppPeer, type SmppPeer } from './smpp-peer.ts';
import { smtpPeer } from './smtp-peer.ts';

// For random members (consents to e-mail and SMS, muted topics, weekly maxima), random programme caps per channel and
// a global control group, a welcome trigger by e-mail falling back to SMS and random broadcasts by e-mail or SMS
// over a simulated week and a half, with consents withdrawn along the way: no marketing message goes without
// consent on its channel at the time, in quiet hours, over a channel's cap or the member's weekly maximum, on a
// muted topic or to the global control group, and none goes twice.
let db: Db;
let smtp: Awaited<ReturnType<typeof smtpPeer>>;
let smsc: SmppPeer;
const transports = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  smtp = await smtpPeer();
  smsc = await startSmppPeer({ systemId: 'shop', password: 's3cret1' });
});
afterAll(async () => {
  await closeLinks(transports);
  await smtp.stop();
  await smsc.close();
  await db.close();
});

const topics = ['offers', 'news'] as const;
const memberArb = fc.record({
  // Most consent, as most members of a programme that asks at the till do.
  email: fc.constantFrom(true, true, true, false),
  sms: fc.constantFrom(true, true, false),
  weeklyMax: fc.oneof(fc.constant(null), fc.constant(null), fc.integer({ min: 0, max: 3 })),
  muted: fc.constantFrom<string[]>([], [], ['news'], ['offers'], ['news', 'offers']),
  withdraw: fc.option(fc.record({ hour: fc.integer({ min: 0, max: 240 }), channel: fc.constantFrom('email', 'sms') }), { nil: null }),
});
const channels = ['email', 'sms'] as const;
const scenarioArb = fc.record({
  members: fc.array(memberArb, { minLength: 4, maxLength: 8 }),
  caps: fc.record({ email: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), sms: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }) }),
  globalControl: fc.constantFrom(0, 0, 20),
  broadcasts: fc.array(
    fc.record({ atHour: fc.integer({ min: 0, max: 230 }), topic: fc.constantFrom(...topics), control: fc.constantFrom(0, 25), channel: fc.constantFrom(...channels) }),
    { minLength: 1, maxLength: 4 },
  ),
});

describe('the rules of marketing messages, over simulated weeks', () => {
  it('hold for every e-mail and SMS sent: consent at the time, quiet hours, caps, weekly maxima, muted topics, control groups, once', async () => {
    let run = 0;
    const tally = { email: 0, sms: 0, fallbacks: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        run += 1;
        const start = '2026-11-02T05:00:00Z';
        const p = await newProgramme(db, { pendingDays: 0, messaging: { dailyCaps: s.caps, globalControlPercent: s.globalControl } }, start);
        expect((await p.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
        const sms = { host: '127.0.0.1', port: smsc.port, tls: false, systemId: 'shop', password: 's3cret1', sourceAddr: 'Kopilka' };
        expect((await p.call('PUT', '/v1/messaging/channels/sms', sms, { role: 'marketer' })).status).toBe(200);
        const template = (channel: string, event: string) => ({ channel, event, subject: { ru: `Письмо ${run}` }, text: { ru: `Текст ${run}` } });
        for (const [code, channel, event] of [['welcome', 'email', 'member.created'], ['welcome-sms', 'sms', 'member.created'], ['news', 'email', 'broadcast'], ['news-sms', 'sms', 'broadcast']])
          expect((await p.call('PUT', `/v1/messaging/templates/${code}`, template(channel!, event!), { role: 'marketer' })).status).toBe(200);
        const welcome = { event: 'member.created', template: 'welcome', fallbacks: ['welcome-sms'], kind: 'marketing', enabled: true, topic: 'news', delayMinutes: 600 };
        expect((await p.call('PUT', '/v1/messaging/triggers/welcome', welcome, { role: 'marketer' })).status).toBe(200);
        const ids: string[] = [];
        for (const [i, m] of s.members.entries()) {
          const contacts = { email: `r${run}m${i}@example.ru`, phone: `+7916${String(run).padStart(3, '0')}${String(i).padStart(4, '0')}` };
          const made = await p.call('POST', '/v1/members', { name: `У${i}`, ...contacts, consents: { email: m.email, sms: m.sms, push: false } }, { role: 'pos' });
          ids.push(made.body.member.id);
          expect((await p.call('PUT', `/v1/members/${made.body.member.id}/message-preferences`, { mutedTopics: m.muted, weeklyMax: m.weeklyMax }, { role: 'pos' })).status).toBe(200);
        }
        expect((await p.call('PUT', '/v1/segments/all', { name: 'all', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
        await p.app.request('/v1/segments/all/members', { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${ids.join('\r\n')}\r\n` });
        const at = (hour: number) => new Date(Date.parse(start) + hour * 3_600_000).toISOString();
        for (const [i, b] of s.broadcasts.entries())
          expect((await p.call('PUT', `/v1/messaging/broadcasts/b${i}`, { name: `B${i}`, segment: 'all', topic: b.topic, variants: [b.channel === 'sms' ? 'news-sms' : 'news'], controlPercent: b.control, sendAt: at(b.atHour) }, { role: 'marketer' })).status).toBe(200);

        // Ten days, hour by hour: withdrawals when their hour comes, then a round of the messenger.
        for (let hour = 0; hour <= 240; hour += 1) {
          p.setNow(at(hour));
          for (const [i, m] of s.members.entries())
            if (m.withdraw?.hour === hour) {
              const consents = { email: m.email && m.withdraw.channel !== 'email', sms: m.sms && m.withdraw.channel !== 'sms', push: false };
              expect((await p.call('PATCH', `/v1/members/${ids[i]}`, { consents }, { role: 'pos' })).status).toBe(200);
            }
          while ((await sequenceEvents(db)) > 0);
          while ((await messagesOnce(p.deps, transports, p.programId)) > 0);
        }

        const sent = await db.query<{ id: string; member_id: string; origin: string; occurrence: string; topic: string | null; sent_at: Date; channel: 'email' | 'sms'; to_address: string }>(
          `select id, member_id, origin, occurrence, topic, sent_at, channel, to_address from messages where program_id = $1 and status = 'sent'`,
          [p.programId],
        );
        for (const m of sent) tally[m.channel] += 1;
        tally.fallbacks += sent.filter((m) => m.origin === 'trigger:welcome' && m.channel === 'sms').length;
        const consents = await db.query<{ member_id: string; channel: string; granted: boolean; at: Date }>(`select member_id, channel, granted, at from consent_records where program_id = $1 order by at`, [p.programId]);
        const consentedAt = (member: string, channel: string, when: Date) => consents.filter((c) => c.member_id === member && c.channel === channel && c.at <= when).at(-1)?.granted ?? false;
        const days = new Map<string, number>();
        const weeks = new Map<string, number>();
        for (const m of sent) {
          const when = new Date(m.sent_at);
          const local = DateTime.fromJSDate(when, { zone: 'Europe/Moscow' });
          const i = ids.indexOf(m.member_id);
          expect(consentedAt(m.member_id, m.channel, when)).toBe(true);
          expect(local.hour >= 9 && local.hour < 21).toBe(true);
          expect(s.members[i]?.muted).not.toContain(m.topic);
          expect(inGlobalControl(p.programId, m.member_id, s.globalControl)).toBe(false);
          const day = `${m.channel}:${local.toISODate()}`;
          days.set(day, (days.get(day) ?? 0) + 1);
          const week = `${m.member_id}:${local.toFormat("kkkk-'W'WW")}`;
          weeks.set(week, (weeks.get(week) ?? 0) + 1);
          const max = s.members[i]?.weeklyMax;
          if (max !== null && max !== undefined) expect(weeks.get(week)).toBeLessThanOrEqual(max);
        }
        for (const [day, n] of days) {
          const cap = s.caps[day.startsWith('sms') ? 'sms' : 'email'];
          if (cap !== null) expect(n).toBeLessThanOrEqual(cap);
        }
        // Once: one message per origin, member and occurrence, and each arrived once.
        expect(new Set(sent.map((m) => `${m.origin}:${m.member_id}:${m.occurrence}`)).size).toBe(sent.length);
        const arrived = smtp.received.filter((mail) => mail.subject === `Письмо ${run}`).map((mail) => mail.messageId);
        expect(arrived.sort()).toEqual(sent.filter((m) => m.channel === 'email').map((m) => `<${m.id}@kopilka>`).sort());
        const texts = smsc.texts().filter((t) => t.text === `Текст ${run}`).map((t) => t.to);
        expect(texts.sort()).toEqual(sent.filter((m) => m.channel === 'sms').map((m) => m.to_address.replace('+', '')).sort());
        // No one held back by a broadcast's control group got that broadcast.
        const control = await db.query<{ n: number }>(`select count(*)::int as n from messages a join messages b using (program_id, origin, member_id) where a.program_id = $1 and a.status = 'control' and b.status = 'sent'`, [p.programId]);
        expect(control[0]?.n).toBe(0);
      }),
      { numRuns: 8, seed: 20261205 },
    );
    // The scenarios sent both: the rules above were tried, not passed for want of anything to try them on.
    console.log(`the rules of marketing messages held for ${tally.email} e-mails and ${tally.sms} SMS (${tally.fallbacks} welcomes by SMS for want of e-mail)`);
    expect(tally.email).toBeGreaterThan(15);
    expect(tally.sms).toBeGreaterThan(10);
    expect(tally.fallbacks).toBeGreaterThan(0);
  }, 600_000);
});
