import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { planCalendarMessages } from '../src/flows/calendar-messages.ts';
import { messagesOnce } from '../src/jobs/messenger.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';
import { smtpPeer } from './smtp-peer.ts';

// A trigger's conditions: only the members of its segment and tiers; its channels in order of preference, the next
// one for a member the first cannot reach; and its own frequency.
let db: Db;
let p: Programme;
let smtp: Awaited<ReturnType<typeof smtpPeer>>;
const links = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  smtp = await smtpPeer();
  p = await newProgramme(
    db,
    { pendingDays: 0, tiers: [{ code: 'silver', name: 'Серебро', threshold: 0 }, { code: 'gold', name: 'Золото', threshold: 100_000 }] },
    '2026-03-02T09:00:00Z',
  );
  expect((await p.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
  const template = (channel: string, event: string) => ({ channel, event, subject: { ru: `{{name}}: ${event} (${channel})` }, text: { ru: 'Текст' } });
  for (const [code, channel, event] of [['adjusted-email', 'email', 'points.adjusted'], ['adjusted-inbox', 'inbox', 'points.adjusted'], ['birthday', 'email', 'member.birthday'], ['birthday-inbox', 'inbox', 'member.birthday']] as const)
    expect((await p.call('PUT', `/v1/messaging/templates/${code}`, template(channel, event), { role: 'marketer' })).status).toBe(200);
});

afterAll(async () => {
  await closeLinks(links);
  await smtp.stop();
  await db.close();
});

const loop = async () => {
  while ((await sequenceEvents(db)) > 0);
  while ((await messagesOnce(p.deps, links, p.programId)) > 0);
};
const log = async () =>
  ((await p.call('GET', '/v1/messaging/messages?limit=200', undefined, { role: 'marketer' })).body.messages as { memberId: string; origin: string; channel: string; status: string; reason: string | null }[]).map(
    (m) => [m.memberId, m.origin, m.channel, m.status, m.reason],
  );
const enrol = async (name: string, email: boolean, extra: Record<string, unknown> = {}) =>
  (await p.call('POST', '/v1/members', { name, email: `${name.toLowerCase()}@example.org`, consents: { email, sms: false, push: false }, ...extra }, { role: 'pos' })).body.member.id as string;
const memberNamed = async (name: string) => (await db.query<{ id: string }>('select id from members where program_id = $1 and name = $2', [p.programId, name]))[0]?.id as string;
const adjust = async (member: string, points: number) => expect((await p.call('POST', `/v1/members/${member}/adjustments`, { points, reason: 'тест' }, { role: 'admin' })).status).toBe(201);

describe('the conditions of a trigger', () => {
  it('refuse a segment or tier that does not exist, a fallback of another event or on a channel tried already', async () => {
    const put = (body: Record<string, unknown>) => () => p.call('PUT', '/v1/messaging/triggers/adjusted', { event: 'points.adjusted', template: 'adjusted-email', kind: 'marketing', enabled: true, ...body }, { role: 'marketer' });
    const triggers = async () => (await p.call('GET', '/v1/messaging/triggers', undefined, { role: 'marketer' })).body;
    await expectRefused(p, put({ segment: 'ghosts' }), { status: 422, code: 'invalid_trigger', detail: /no segment ghosts/ }, triggers);
    await expectRefused(p, put({ tiers: ['bronze'] }), { status: 422, code: 'invalid_trigger', detail: /no tier bronze/ }, triggers);
    await expectRefused(p, put({ fallbacks: ['birthday-inbox'] }), { status: 422, code: 'invalid_trigger', detail: /written for member.birthday/ }, triggers);
    await expectRefused(p, put({ fallbacks: ['adjusted-inbox', 'adjusted-email'] }), { status: 422, code: 'invalid_trigger', detail: /a channel the trigger tries already/ }, triggers);
    await expectRefused(p, put({ onceInDays: 0 }), { status: 400, code: 'validation_failed', detail: /onceInDays/ }, triggers);
  });

  it('answer only the members of its segment and tiers, by e-mail or else in the inbox, at most once a week', async () => {
    const [anna, boris, vera, gleb] = [await enrol('Anna', true), await enrol('Boris', false), await enrol('Vera', true), await enrol('Gleb', true)];
    expect((await p.call('PUT', '/v1/segments/regulars', { name: 'regulars', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    const csv = `id\r\n${[anna, boris, gleb].join('\r\n')}\r\n`;
    expect((await p.app.request('/v1/segments/regulars/members', { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: csv })).status).toBe(200);
    // Gleb is gold: the trigger is for silver members.
    expect((await p.call('POST', '/v1/receipts', receipt('G-1', [line('TV', 150_000)], { member: { id: gleb } }), { role: 'pos' })).status).toBe(201);
    const trigger = { event: 'points.adjusted', template: 'adjusted-email', fallbacks: ['adjusted-inbox'], kind: 'marketing', enabled: true, segment: 'regulars', tiers: ['silver'], onceInDays: 7 };
    const set = await p.call('PUT', '/v1/messaging/triggers/adjusted', trigger, { role: 'marketer' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ segment: 'regulars', tiers: ['silver'], fallbacks: ['adjusted-inbox'], onceInDays: 7 });
    for (const m of [anna, boris, vera, gleb]) await adjust(m, 10);
    await adjust(anna, 20);
    await loop();
    const origin = 'trigger:adjusted';
    expect((await log()).filter((m) => m[1] === origin).sort()).toEqual(
      [
        [anna, origin, 'email', 'sent', null],
        [anna, origin, 'email', 'skipped', "the trigger's own frequency: one in 7 days"],
        [boris, origin, 'inbox', 'sent', null],
      ].sort(),
    );
    // Its templates keep their channel and event while it uses them.
    await expectRefused(
      p,
      () => p.call('PUT', '/v1/messaging/templates/adjusted-inbox', { channel: 'sms', event: 'points.adjusted', subject: { ru: 'SMS' }, text: { ru: 'Текст' } }, { role: 'marketer' }),
      { status: 409, code: 'conflict', detail: /template adjusted-inbox keeps its channel and event while trigger "adjusted" uses it/ },
      async () => (await p.call('GET', '/v1/messaging/templates', undefined, { role: 'marketer' })).body,
    );
    // The segment stays while the trigger answers only its members.
    await expectRefused(p, () => p.call('DELETE', '/v1/segments/regulars', undefined, { role: 'marketer' }), { status: 409, code: 'conflict', detail: /trigger "adjusted" answers only its members/ });
    // A week and a day later Anna may hear from it again.
    p.advanceDays(8);
    await adjust(anna, 5);
    await loop();
    expect((await log()).filter((m) => m[0] === anna && m[1] === origin && m[3] === 'sent')).toHaveLength(2);
  });

  it('answer only the members of its segment on a day of the calendar, by e-mail or else in the inbox', async () => {
    // Anna, Boris and Gleb are regulars, Vera is not; all have their birthday on 12 March. Boris gave no consent
    // to e-mail; Gleb withdraws his after the day's messages are planned, before they go.
    const [anna, boris, vera, gleb] = [await memberNamed('Anna'), await memberNamed('Boris'), await memberNamed('Vera'), await memberNamed('Gleb')];
    for (const m of [anna, boris, vera, gleb]) expect((await p.call('PATCH', `/v1/members/${m}`, { birthDate: '1990-03-12' }, { role: 'admin' })).status).toBe(200);
    const birthday = { event: 'member.birthday', template: 'birthday', fallbacks: ['birthday-inbox'], kind: 'marketing', enabled: true, days: 1, segment: 'regulars' };
    expect((await p.call('PUT', '/v1/messaging/triggers/birthday', birthday, { role: 'marketer' })).status).toBe(200);
    p.setNow('2027-03-11T09:00:00Z');
    expect(await planCalendarMessages(p.deps, p.programId)).toBe(3);
    expect((await p.call('PATCH', `/v1/members/${gleb}`, { consents: { email: false, sms: false, push: false } }, { role: 'admin' })).status).toBe(200);
    await loop();
    expect((await log()).filter((m) => m[1] === 'trigger:birthday').sort()).toEqual(
      [
        [anna, 'trigger:birthday', 'email', 'sent', null],
        [boris, 'trigger:birthday', 'inbox', 'sent', null],
        [gleb, 'trigger:birthday', 'inbox', 'sent', null],
      ].sort(),
    );
    const inbox = (await p.call('GET', `/v1/members/${boris}/inbox`, undefined, { role: 'pos' })).body.messages as { subject: string }[];
    expect(inbox.map((m) => m.subject)).toContain('Boris: member.birthday (inbox)');
    // Without a channel that reaches him, a member's message is skipped with the first channel's reason.
    expect((await p.call('PUT', '/v1/messaging/triggers/birthday', { ...birthday, fallbacks: [] }, { role: 'marketer' })).status).toBe(200);
    p.setNow('2028-03-11T09:00:00Z');
    await loop();
    expect((await log()).filter((m) => m[0] === boris && m[1] === 'trigger:birthday' && m[3] === 'skipped')).toEqual([[boris, 'trigger:birthday', 'email', 'skipped', 'no consent to marketing by email']]);
  });

  it('tell a member the next tier and what they still have to spend for it, in the preview and in what goes', async () => {
    const standing = { channel: 'inbox', event: 'points.adjusted', subject: { ru: '{{name}}: до уровня «{{nextTier}}» осталось {{toNextTier|money}}' }, text: { ru: 'Уровень: {{tier}}' } };
    expect((await p.call('PUT', '/v1/messaging/templates/standing', standing, { role: 'marketer' })).status).toBe(200);
    const vera = await memberNamed('Vera');
    // Vera has bought nothing: the whole threshold of gold, 1,000 roubles, is still to go.
    const preview = await p.call('POST', '/v1/messaging/templates/standing/preview', { memberId: vera }, { role: 'marketer' });
    expect(preview.body.subject).toMatch(/^Vera: до уровня «Золото» осталось 1\s000,00\s₽$/);
    expect((await p.call('POST', '/v1/messaging/templates/standing/preview', {}, { role: 'marketer' })).body.subject).toMatch(/^Анна: до уровня «Золото» осталось 2\s500,00\s₽$/);
    expect((await p.call('PUT', '/v1/messaging/triggers/standing', { event: 'points.adjusted', template: 'standing', kind: 'transactional', enabled: true }, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('POST', '/v1/receipts', receipt('V-1', [line('TEA', 40_000)], { member: { id: vera } }), { role: 'pos' })).status).toBe(201);
    await adjust(vera, 1);
    await loop();
    const inbox = (await p.call('GET', `/v1/members/${vera}/inbox`, undefined, { role: 'pos' })).body.messages as { subject: string }[];
    expect(inbox.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Vera: до уровня «Золото» осталось 600,00\s₽$/));
  });

  it('name the member’s personal offers: the campaigns addressed to them and their coupons still to use', async () => {
    const vera = await memberNamed('Vera');
    const gift = { name: 'Подарок', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] };
    for (const [code, body] of [
      ['coffee', { name: 'Кофе ×2', audience: { kind: 'members', members: [vera] }, effects: [{ code: 'points_fixed', args: { points: 10 } }] }],
      ['tea', { name: 'Чай', audience: { kind: 'members', members: [await memberNamed('Anna')] }, effects: [{ code: 'points_fixed', args: { points: 10 } }] }],
      ['gift', gift],
    ] as const)
      expect((await p.call('PUT', `/v1/campaigns/${code}`, body, { role: 'marketer' })).status).toBe(200);
    const coupon = async (body: Record<string, unknown>) => ((await p.call('POST', '/v1/coupons/batches', { campaign: 'gift', count: 1, memberId: vera, ...body }, { role: 'marketer' })).body.codes as string[])[0] as string;
    const kept = await coupon({ validTo: '2028-12-31T20:59:59Z' });
    const used = await coupon({ maxUses: 1 });
    await coupon({ validTo: '2028-01-01T00:00:00Z' });
    expect((await p.call('POST', '/v1/receipts', receipt('V-2', [line('TEA', 10_000)], { member: { id: vera }, coupons: [used] }), { role: 'pos' })).status).toBe(201);
    const offers = { channel: 'inbox', event: 'points.adjusted', subject: { ru: '{{name}}: {{offerCount}} {{offerCount|plural:предложение,предложения,предложений}}' }, text: { ru: '{{offers}}' } };
    expect((await p.call('PUT', '/v1/messaging/templates/offers', offers, { role: 'marketer' })).status).toBe(200);
    const expected = { subject: 'Vera: 2 предложения', text: `«Кофе ×2»; «Подарок»: купон ${kept} до 31 декабря 2028 г.` };
    expect((await p.call('POST', '/v1/messaging/templates/offers/preview', { memberId: vera }, { role: 'marketer' })).body).toMatchObject(expected);
    expect((await p.call('POST', '/v1/messaging/templates/offers/preview', { language: 'en' }, { role: 'marketer' })).body.text).toMatch(/^“Double points on coffee”; “A birthday gift”: coupon KOP-7KQ4-M2XA until /);
    expect((await p.call('PUT', '/v1/messaging/triggers/offers', { event: 'points.adjusted', template: 'offers', kind: 'transactional', enabled: true }, { role: 'marketer' })).status).toBe(200);
    await adjust(vera, 1);
    await loop();
    const inbox = (await p.call('GET', `/v1/members/${vera}/inbox`, undefined, { role: 'pos' })).body.messages as { subject: string; text: string }[];
    expect(inbox).toContainEqual(expect.objectContaining(expected));
  });
});
