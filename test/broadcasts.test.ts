import { generateKeyPairSync } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareLift } from '../src/domain/messages/lift.ts';
import { groupOf } from '../src/domain/messages/split.ts';
import { planDueBroadcasts } from '../src/flows/broadcasts.ts';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { messagesOnce } from '../src/jobs/messenger.ts';
import { findBroadcast, planBroadcast } from '../src/store/broadcasts.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectProblem, expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';
import { header, smtpPeer } from './smtp-peer.ts';

// Broadcasts to a segment through a real SMTP server: each member who may get marketing e-mail gets exactly one
// variant, or is held back in the control group by the hash the domain computes; opens, clicks and unsubscribes
// come back through the links; purchases after it become results against the control group.
let db: Db;
let p: Programme;
let smtp: Awaited<ReturnType<typeof smtpPeer>>;
let received: (ParsedMail & { raw: Buffer })[];
const transports = newLinks();
const ids: Record<string, string> = {};
const consenting = { consents: { email: true, sms: false, push: false } };

beforeAll(async () => {
  db = await openTestDb();
  smtp = await smtpPeer();
  received = smtp.received;
  // Noon in Moscow: outside the default quiet hours (21:00 to 09:00).
  p = await newProgramme(db, { pendingDays: 0 }, '2026-11-02T09:00:00Z');
  expect((await p.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Копилка <bonus@shop.example.ru>' }, { role: 'marketer' })).status).toBe(200);
  for (let i = 0; i < 60; i += 1) {
    const res = await p.call('POST', '/v1/members', { name: `Участник ${i}`, email: `m${i}@example.ru`, ...(i === 0 ? { attributes: { language: 'en' } } : {}), ...consenting }, { role: 'pos' });
    ids[`m${i}`] = res.body.member.id;
  }
  ids.silent = (await p.call('POST', '/v1/members', { name: 'Без согласия', email: 'silent@example.ru' }, { role: 'pos' })).body.member.id;
  ids.muted = (await p.call('POST', '/v1/members', { name: 'Без акций', email: 'muted@example.ru', ...consenting }, { role: 'pos' })).body.member.id;
  ids.erased = (await p.call('POST', '/v1/members', { name: 'Стёртый', email: 'erased@example.ru', ...consenting }, { role: 'pos' })).body.member.id;
  expect((await p.call('PUT', `/v1/members/${ids.muted}/message-preferences`, { mutedTopics: ['offers'], weeklyMax: null }, { role: 'pos' })).status).toBe(200);
  expect((await p.call('POST', `/v1/members/${ids.erased}/erase`)).status).toBe(200);
  const everyone = Object.values(ids);
  for (const [code, members] of [['everyone', everyone], ['nobody', []]] as const) {
    expect((await p.call('PUT', `/v1/segments/${code}`, { name: code, kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    if (members.length)
      expect((await p.app.request(`/v1/segments/${code}/members`, { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${members.join('\r\n')}\r\n` })).status).toBe(200);
  }
  for (const [code, subject] of [['spring-a', 'Весна: скидки до 30%'], ['spring-b', '{{name}}, у вас {{balance}} {{balance|plural:балл,балла,баллов}}']]) {
    const template = { channel: 'email', event: 'broadcast', subject: { ru: subject, en: 'Spring sale' }, text: { ru: 'Смотрите https://shop.example.ru/spring' }, html: { ru: '<p><a href="https://shop.example.ru/spring?from=mail">Весна</a></p>', en: '<p><a href="https://shop.example.ru/spring">Spring</a></p>' } };
    expect((await p.call('PUT', `/v1/messaging/templates/${code}`, template, { role: 'marketer' })).status).toBe(200);
  }
  const reminder = { channel: 'email', event: 'points.expiring', subject: { ru: 'Баллы сгорают' }, text: { ru: '{{points}}' } };
  expect((await p.call('PUT', '/v1/messaging/templates/reminder', reminder, { role: 'marketer' })).status).toBe(200);
});
afterAll(async () => {
  await closeLinks(transports);
  await smtp.stop();
  await db.close();
});

const spring = { name: 'Весенняя распродажа', segment: 'everyone', variants: ['spring-a', 'spring-b'], controlPercent: 20 };
const rows = (code: string) => async () => db.query('select * from message_broadcasts where program_id = $1 and code = $2', [p.programId, code]);
const run = async () => {
  while ((await messagesOnce(p.deps, transports, p.programId)) > 0);
};
type Logged = { id: string; memberId: string; status: string; variant: string | null; reason: string | null; to: string; openedAt: string | null; clickedAt: string | null; unsubscribedAt: string | null };
const logOf = async (memberId?: string) =>
  (await p.call('GET', `/v1/messaging/messages?limit=500${memberId ? `&memberId=${memberId}` : ''}`, undefined, { role: 'marketer' })).body.messages as Logged[];

describe('a broadcast', () => {
  it('is refused with a clear reason for a segment that does not exist or is empty, too many variants, a control share over 50% or a template of another kind', async () => {
    const put = (body: unknown) => () => p.call('PUT', '/v1/messaging/broadcasts/bad', body, { role: 'marketer' });
    await expectRefused(p, put({ ...spring, segment: 'ghosts' }), { status: 422, code: 'invalid_broadcast', detail: /no segment ghosts/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, segment: 'nobody' }), { status: 422, code: 'invalid_broadcast', detail: /segment nobody has no members/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, variants: ['spring-a', 'spring-b', 'spring-a', 'spring-b', 'spring-a', 'spring-b'] }), { status: 400, code: 'validation_failed', detail: /variants/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, controlPercent: 60 }), { status: 400, code: 'validation_failed', detail: /controlPercent/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, controlPercent: -1 }), { status: 400, code: 'validation_failed', detail: /controlPercent/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, variants: ['spring-a', 'reminder'] }), { status: 422, code: 'invalid_broadcast', detail: /variant B: template reminder is written for points.expiring/ }, rows('bad'));
    await expectRefused(p, put({ ...spring, variants: ['spring-c'] }), { status: 422, code: 'invalid_broadcast', detail: /variant A: no template spring-c/ }, rows('bad'));
    expectProblem(await p.call('GET', '/v1/messaging/broadcasts/bad/results', undefined, { role: 'marketer' }), 404, 'not_found', /no broadcast bad/);
  });

  it('goes once to each member who may get it, by variant, holding the control group back by the same hash the domain computes', async () => {
    expect((await p.call('PUT', '/v1/messaging/broadcasts/spring', spring, { role: 'marketer' })).status).toBe(200);
    // A segment a broadcast is to go to stays.
    expectProblem(await p.call('DELETE', '/v1/segments/everyone', undefined, { role: 'marketer' }), 409, 'conflict', /broadcast "spring" is to go to it/);
    // Its templates keep their channel (and event) until it went; their words may change.
    const templateB = async () => (await p.call('GET', '/v1/messaging/templates', undefined, { role: 'marketer' })).body.templates.find((t: { code: string }) => t.code === 'spring-b');
    const { code: _, updatedAt: __, ...wordsB } = await templateB();
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/templates/spring-b', { ...wordsB, channel: 'inbox', html: null, mjml: null }, { role: 'marketer' }), { status: 409, code: 'conflict', detail: /template spring-b keeps its channel and event while broadcast "spring" uses it/ }, templateB);
    expect((await p.call('PUT', '/v1/messaging/templates/spring-b', wordsB, { role: 'marketer' })).status).toBe(200);
    await run();
    const log = await logOf();
    const reachable = Array.from({ length: 60 }, (_, i) => ids[`m${i}`]!);
    // Those who may not get it are not written down at all: no consent, a muted topic, erased.
    expect(log.map((m) => m.memberId).sort()).toEqual([...reachable].sort());
    for (const m of log) {
      const group = groupOf('spring', m.memberId, 20, 2);
      expect(m.variant).toBe(group === 'control' ? null : 'AB'[group]);
      expect(m.status).toBe(group === 'control' ? 'control' : 'sent');
    }
    const sent = log.filter((m) => m.status === 'sent');
    expect(sent.length).toBeGreaterThan(30);
    expect(log.filter((m) => m.status === 'control').length).toBeGreaterThan(3);
    expect(new Set(sent.map((m) => m.variant))).toEqual(new Set(['A', 'B']));
    // Exactly one mail per member sent, to them, none to the control group.
    expect(received.map((m) => m.to && 'text' in m.to ? m.to.text : '').sort()).toEqual(sent.map((m) => m.to).sort());
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);
    // Each in its variant and the member's language, with tracked links and the one-click unsubscribe.
    const b = received.find((m) => m.messageId === `<${sent.find((s) => s.variant === 'B' && s.memberId !== ids.m0)!.id}@kopilka>`)!;
    expect(b.subject).toMatch(/^Участник \d+, у вас 0 баллов$/);
    expect(b.html).toMatch(/href="http:\/\/localhost:3000\/c\/[\w.-]+"/);
    expect(b.html).toMatch(/<img src="http:\/\/localhost:3000\/o\/[\w.-]+"/);
    expect(b.html).not.toContain('href="https://shop.example.ru');
    expect(header(b, 'list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/u\/[\w.-]+>$/);
    const english = log.find((m) => m.memberId === ids.m0)!;
    if (english.status === 'sent') expect(received.find((m) => m.messageId === `<${english.id}@kopilka>`)?.subject).toBe('Spring sale');
    const broadcast = (await p.call('GET', '/v1/messaging/broadcasts', undefined, { role: 'marketer' })).body.broadcasts[0];
    expect(broadcast).toMatchObject({ code: 'spring', status: 'planned', audience: 62 });
  });

  it('plans nothing twice, and may no longer change or be called off once gone', async () => {
    const broadcast = (await findBroadcast(db, p.programId, 'spring'))!;
    expect(await planBroadcast(db, p.programId, broadcast, { now: p.now(), dueAt: p.now(), globalControlPercent: 0, channel: 'email' })).toMatchObject({ written: 0 });
    expect(await planDueBroadcasts(p.deps, p.programId)).toBe(0);
    expectProblem(await p.call('PUT', '/v1/messaging/broadcasts/spring', spring, { role: 'marketer' }), 409, 'conflict', /spring is planned: make a new one/);
    expectProblem(await p.call('POST', '/v1/messaging/broadcasts/spring/cancel', undefined, { role: 'marketer' }), 409, 'conflict', /planned already/);
  });

  it('learns of opens, clicks and unsubscribes through the links, and forwards a click only where the server signed it to', async () => {
    const sent = (await logOf()).filter((m) => m.status === 'sent');
    const [first, second] = sent.map((s) => received.find((m) => m.messageId === `<${s.id}@kopilka>`)!);
    const pixel = new URL(/<img src="([^"]+)"/.exec(String(first!.html))![1]!).pathname;
    const image = await p.app.request(pixel);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/gif');
    const click = new URL(/href="([^"]+)"/.exec(String(second!.html))![1]!).pathname;
    const forwarded = await p.app.request(click);
    expect(forwarded.status).toBe(302);
    expect(forwarded.headers.get('location')).toMatch(/^https:\/\/shop\.example\.ru\/spring/);
    expect((await p.app.request(`${click.slice(0, -3)}xyz`)).status).toBe(404);
    const unsubscribe = new URL(/<([^>]+)>/.exec(header(second, 'list-unsubscribe') ?? '')![1]!).pathname;
    expect((await p.app.request(unsubscribe, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    const [a, b] = [await logOf(sent[0]!.memberId), await logOf(sent[1]!.memberId)];
    expect(a[0]).toMatchObject({ openedAt: expect.any(String), clickedAt: null });
    expect(b[0]).toMatchObject({ openedAt: expect.any(String), clickedAt: expect.any(String), unsubscribedAt: expect.any(String) });
  });

  it('reads its results: each variant against the control group, purchases within the conversion window', async () => {
    const log = await logOf();
    const inGroup = (variant: string | null) => log.filter((m) => m.variant === variant).map((m) => m.memberId);
    const [a, control] = [inGroup('A'), inGroup(null)];
    // Three of A buy within the week (one twice), one of the control group; one of A buys too late to count.
    let n = 0;
    const buy = async (member: string, amount: number) =>
      expect((await p.call('POST', '/v1/receipts', receipt(`B-${(n += 1)}`, [line('TEA', amount)], { member: { id: member } }), { role: 'pos' })).status).toBe(201);
    p.advanceDays(2);
    await buy(a[0]!, 100_000);
    await buy(a[0]!, 50_000);
    await buy(a[1]!, 30_000);
    await buy(a[2]!, 20_000);
    await buy(control[0]!, 40_000);
    p.advanceDays(6);
    await buy(a[3]!, 99_000);
    const results = (await p.call('GET', '/v1/messaging/broadcasts/spring/results', undefined, { role: 'marketer' })).body;
    expect(results.conversionDays).toBe(7);
    const groupA = results.groups.find((g: { variant: string | null }) => g.variant === 'A');
    const groupControl = results.groups.find((g: { variant: string | null }) => g.variant === null);
    expect(groupA).toMatchObject({ members: a.length, sent: a.length, converted: 3, revenue: 200_000, revenueSquares: 150_000 ** 2 + 30_000 ** 2 + 20_000 ** 2 });
    expect(groupControl).toMatchObject({ members: control.length, sent: 0, converted: 1, revenue: 40_000, conversionLift: null });
    expect(groupA.conversionLift.difference).toBeCloseTo(3 / a.length - 1 / control.length, 10);
    expect(groupA.conversionLift).toEqual(shareLift(3, a.length, 1, control.length));
    expect(groupA.revenueLift.difference).toBeCloseTo(200_000 / a.length - 40_000 / control.length, 6);
  });
});

describe('the in-app inbox', () => {
  it('takes a trigger’s message at once, without an address or consent to e-mail; the member’s app reads it and marks it read', async () => {
    const b = await newProgramme(db, { pendingDays: 0 }, '2026-11-02T19:00:00Z');
    const welcome = { channel: 'inbox', event: 'member.created', subject: { ru: 'Добро пожаловать, {{name}}!' }, text: { ru: 'На счёте {{balance}} {{balance|plural:балл,балла,баллов}}.' } };
    expectProblem(await b.call('PUT', '/v1/messaging/templates/welcome', { ...welcome, html: { ru: '<p>x</p>' } }, { role: 'marketer' }), 422, 'invalid_template', /no HTML/);
    expect((await b.call('PUT', '/v1/messaging/templates/welcome', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await b.call('PUT', '/v1/messaging/triggers/welcome', { event: 'member.created', template: 'welcome', kind: 'marketing', enabled: true }, { role: 'marketer' })).status).toBe(200);
    const [ivan, olga] = [
      (await b.call('POST', '/v1/members', { name: 'Иван' }, { role: 'pos' })).body.member.id as string,
      (await b.call('POST', '/v1/members', { name: 'Ольга', phone: '+79161112233' }, { role: 'pos' })).body.member.id as string,
    ];
    while ((await sequenceEvents(db)) > 0);
    // 22:00 in Moscow: an inbox has no quiet hours, it does not ring.
    while ((await messagesOnce(b.deps, transports, b.programId)) > 0);
    const inbox = (await b.call('GET', `/v1/members/${ivan}/inbox`, undefined, { role: 'pos' })).body;
    expect(inbox).toMatchObject({ unread: 1, messages: [{ subject: 'Добро пожаловать, Иван!', text: 'На счёте 0 баллов.', readAt: null }] });
    const id = inbox.messages[0].id as string;
    expectProblem(await b.call('POST', `/v1/members/${olga}/inbox/${id}/read`, undefined, { role: 'pos' }), 404, 'not_found', /no message/);
    const read = await b.call('POST', `/v1/members/${ivan}/inbox/${id}/read`, undefined, { role: 'pos' });
    expect(read.body.readAt).toBe('2026-11-02T19:00:00.000Z');
    b.advanceDays(1);
    expect((await b.call('POST', `/v1/members/${ivan}/inbox/${id}/read`, undefined, { role: 'pos' })).body.readAt).toBe('2026-11-02T19:00:00.000Z');
    expect((await b.call('GET', `/v1/members/${ivan}/inbox`, undefined, { role: 'pos' })).body.unread).toBe(0);
    expect((await b.call('GET', `/v1/members/${olga}/inbox`, undefined, { role: 'pos' })).body.unread).toBe(1);
    // An inbox template is no broadcast's variant: broadcasts go by e-mail.
    expect((await b.call('PUT', '/v1/messaging/templates/news', { ...welcome, event: 'broadcast', subject: { ru: 'Новости' } }, { role: 'marketer' })).status).toBe(200);
    expect((await b.call('PUT', '/v1/segments/all', { name: 'all', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    await b.app.request('/v1/segments/all/members', { method: 'PUT', headers: { authorization: `Bearer ${b.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${ivan}\r\n` });
    expectProblem(await b.call('PUT', '/v1/messaging/broadcasts/news', { name: 'News', segment: 'all', variants: ['news'] }, { role: 'marketer' }), 422, 'invalid_broadcast', /for the inbox; broadcasts go by e-mail/);
  });
});

describe('DKIM', () => {
  it('signs each mail with the programme’s key when set, so the receiving side verifies it against the DNS record', async () => {
    const d = await newProgramme(db, { pendingDays: 0, quietHours: null }, '2026-11-02T09:00:00Z');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const record = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
    const channel = { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Копилка <bonus@shop.example.ru>' };
    expectProblem(await d.call('PUT', '/v1/messaging/channels/email', { ...channel, dkim: { domain: 'shop.example.ru', selector: 'kopilka', privateKey: 'not a key' } }, { role: 'marketer' }), 400, 'validation_failed', /not a private key/);
    const set = await d.call('PUT', '/v1/messaging/channels/email', { ...channel, dkim: { domain: 'shop.example.ru', selector: 'kopilka', privateKey: pem } }, { role: 'marketer' });
    expect(set.status).toBe(200);
    expect(set.body.dkim).toEqual({ domain: 'shop.example.ru', selector: 'kopilka' });
    expect(JSON.stringify((await db.query('select * from message_channels where program_id = $1', [d.programId]))[0])).not.toContain('PRIVATE KEY');
    const welcome = { channel: 'email', event: 'member.created', subject: { ru: 'Добро пожаловать, {{name}}!' }, text: { ru: 'Карта готова.' } };
    expect((await d.call('PUT', '/v1/messaging/templates/welcome', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await d.call('PUT', '/v1/messaging/triggers/welcome', { event: 'member.created', template: 'welcome', kind: 'transactional', enabled: true }, { role: 'marketer' })).status).toBe(200);
    expect((await d.call('POST', '/v1/members', { name: 'Дина', email: 'dina@example.ru' }, { role: 'pos' })).status).toBe(201);
    while ((await sequenceEvents(db)) > 0);
    while ((await messagesOnce(d.deps, transports, d.programId)) > 0);
    const mail = received.find((m) => m.subject === 'Добро пожаловать, Дина!')!;
    const resolver = async (name: string, type: string) => {
      if (name === 'kopilka._domainkey.shop.example.ru' && type === 'TXT') return [[record]];
      throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
    };
    const verified = await dkimVerify(mail.raw, { resolver });
    expect(verified.results.map((r: { status: { result: string } }) => r.status.result)).toEqual(['pass']);
    // The same mail changed on the way fails.
    const tampered = Buffer.from(mail.raw.toString('utf8').replace('dina@example.ru', 'dino@example.ru'));
    expect(tampered.equals(mail.raw)).toBe(false);
    expect((await dkimVerify(tampered, { resolver })).results.map((r: { status: { result: string } }) => r.status.result)).toEqual(['fail']);
  });
});

describe('a template written in MJML', () => {
  it('is made into HTML at save and previewed filled in; broken MJML is refused with every problem and changes nothing', async () => {
    const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>{{name}}, у вас {{balance}} {{balance|plural:балл,балла,баллов}}</mj-text><mj-button href="https://shop.example.ru">В магазин</mj-button></mj-column></mj-section></mj-body></mjml>';
    const saved = await p.call('PUT', '/v1/messaging/templates/mjml', { channel: 'email', event: 'broadcast', subject: { ru: 'Весна' }, text: { ru: 'Весна' }, mjml: { ru: mjml } }, { role: 'marketer' });
    expect(saved.status).toBe(200);
    expect(saved.body.mjml.ru).toBe(mjml);
    expect(saved.body.html.ru).toMatch(/^<!doctype html>/i);
    const preview = await p.call('POST', '/v1/messaging/templates/mjml/preview', {}, { role: 'marketer' });
    expect(preview.body.html).toContain('Анна, у вас 1234 балла');
    const templates = async () => db.query('select * from message_templates where program_id = $1 order by code', [p.programId]);
    const put = (body: unknown) => () => p.call('PUT', '/v1/messaging/templates/mjml', body, { role: 'marketer' });
    await expectRefused(p, put({ channel: 'email', event: 'broadcast', subject: { ru: 'Весна' }, text: { ru: 'Весна' }, mjml: { ru: '<mjml><mj-body><mj-sektion></mj-sektion></mj-body></mjml>' } }), { status: 422, code: 'invalid_template', detail: /mjml\.ru: Line 1 \(mj-sektion\) — Element mj-sektion doesn't exist/ }, templates);
    await expectRefused(p, put({ channel: 'email', event: 'broadcast', subject: { ru: 'Весна' }, text: { ru: 'Весна' }, mjml: { ru: mjml.replace('{{balance}}', '{{points}}') } }), { status: 422, code: 'invalid_template', detail: /mjml\.ru: .*points/ }, templates);
    await expectRefused(p, put({ channel: 'email', event: 'broadcast', subject: { ru: 'Весна' }, text: { ru: 'Весна' }, html: { ru: '<p>x</p>' }, mjml: { ru: mjml } }), { status: 422, code: 'invalid_template', detail: /not both/ }, templates);
  });
});

describe('the rules every marketing message keeps', () => {
  it('waits out quiet hours, then sends within the programme’s daily cap and the member’s weekly maximum', async () => {
    const q = await newProgramme(db, { pendingDays: 0, messaging: { dailyCaps: { email: 4 } } }, '2026-11-02T18:30:00Z');
    expect((await q.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    const members: string[] = [];
    for (let i = 0; i < 6; i += 1) members.push((await q.call('POST', '/v1/members', { name: `Ж${i}`, email: `q${i}@example.ru`, ...consenting }, { role: 'pos' })).body.member.id);
    expect((await q.call('PUT', `/v1/members/${members[0]}/message-preferences`, { mutedTopics: [], weeklyMax: 1 }, { role: 'pos' })).status).toBe(200);
    expect((await q.call('PUT', '/v1/segments/all', { name: 'all', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    await q.app.request('/v1/segments/all/members', { method: 'PUT', headers: { authorization: `Bearer ${q.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${members.join('\r\n')}\r\n` });
    const template = { channel: 'email', event: 'broadcast', subject: { ru: 'Новости' }, text: { ru: 'Текст' } };
    expect((await q.call('PUT', '/v1/messaging/templates/news', template, { role: 'marketer' })).status).toBe(200);
    const loop = async () => {
      while ((await messagesOnce(q.deps, transports, q.programId)) > 0);
    };
    const log = async () => (await q.call('GET', '/v1/messaging/messages?limit=100', undefined, { role: 'marketer' })).body.messages as (Logged & { dueAt: string; sentAt: string | null })[];
    // 21:30 in Moscow: the broadcast waits for 09:00.
    expect((await q.call('PUT', '/v1/messaging/broadcasts/one', { name: 'One', segment: 'all', variants: ['news'], controlPercent: 0 }, { role: 'marketer' })).status).toBe(200);
    const before = received.length;
    await loop();
    expect(received.length).toBe(before);
    expect(new Set((await log()).map((m) => m.dueAt))).toEqual(new Set(['2026-11-03T06:00:00.000Z']));
    // At 09:00 four go (the cap), two wait for the next day.
    q.setNow('2026-11-03T06:00:00Z');
    await loop();
    expect((await log()).filter((m) => m.status === 'sent')).toHaveLength(4);
    const waiting = (await log()).filter((m) => m.status === 'queued');
    expect(waiting).toHaveLength(2);
    expect(waiting[0]).toMatchObject({ reason: "the programme's cap of 4 email messages a day reached", dueAt: '2026-11-04T06:00:00.000Z' });
    expect((await q.call('GET', '/v1/messaging/broadcasts/one/results', undefined, { role: 'marketer' })).body.groups).toMatchObject([{ variant: 'A', members: 6, queued: 2, sent: 4 }]);
    // A second broadcast that day: the cap is spent, it waits too; the member with a maximum of one a week who got the first skips it.
    expect((await q.call('PUT', '/v1/messaging/broadcasts/two', { name: 'Two', segment: 'all', variants: ['news'], controlPercent: 0 }, { role: 'marketer' })).status).toBe(200);
    await loop();
    expect((await log()).filter((m) => m.status === 'sent')).toHaveLength(4);
    q.setNow('2026-11-04T06:00:00Z');
    await loop();
    q.setNow('2026-11-05T06:00:00Z');
    await loop();
    const after = await log();
    const days = after.flatMap((m) => (m.sentAt ? [m.sentAt.slice(0, 10)] : []));
    expect(['2026-11-03', '2026-11-04', '2026-11-05'].map((d) => days.filter((x) => x === d).length)).toEqual([4, 4, 3]);
    const first = members[0]!;
    const firsts = after.filter((m) => m.memberId === first);
    expect(firsts.filter((m) => m.status === 'sent')).toHaveLength(1);
    expect(firsts.find((m) => m.status === 'skipped')?.reason).toBe("the member's maximum of 1 a week reached");
    expect(received.length - before).toBe(11);
  });
});

describe('triggers of the calendar', () => {
  it('greet a member N days before their birthday and call back one N days after their last purchase, once each', async () => {
    const c = await newProgramme(db, { pendingDays: 0 }, '2026-03-01T09:00:00Z');
    expect((await c.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    const enrol = async (name: string, birthDate: string | null) =>
      (await c.call('POST', '/v1/members', { name, email: `${name.toLowerCase()}@example.org`, birthDate, ...consenting }, { role: 'pos' })).body.member.id as string;
    const [olga, pavel, rita] = [await enrol('Olga', '1990-03-04'), await enrol('Pavel', '1985-03-05'), await enrol('Rita', null)];
    const templates = {
      birthday: { channel: 'email', event: 'member.birthday', subject: { ru: '{{name}}, с наступающим {{birthday|date}}!' }, text: { ru: 'Подарок ждёт' } },
      missed: { channel: 'email', event: 'member.lapsed', subject: { ru: '{{name}}, мы скучаем {{days}} {{days|plural:день,дня,дней}}' }, text: { ru: 'С {{lastPurchase|date}}' } },
    };
    for (const [code, t] of Object.entries(templates)) expect((await c.call('PUT', `/v1/messaging/templates/${code}`, t, { role: 'marketer' })).status).toBe(200);
    expectProblem(await c.call('PUT', '/v1/messaging/triggers/birthday', { event: 'member.birthday', template: 'birthday', kind: 'marketing', enabled: true }, { role: 'marketer' }), 422, 'invalid_trigger', /needs days: 0 to 60/);
    expectProblem(await c.call('PUT', '/v1/messaging/triggers/welcome', { event: 'member.created', template: 'birthday', kind: 'marketing', enabled: true, days: 3 }, { role: 'marketer' }), 422, 'invalid_trigger', /takes no days/);
    expect((await c.call('PUT', '/v1/messaging/triggers/birthday', { event: 'member.birthday', template: 'birthday', kind: 'marketing', enabled: true, days: 3 }, { role: 'marketer' })).status).toBe(200);
    expect((await c.call('PUT', '/v1/messaging/triggers/missed', { event: 'member.lapsed', template: 'missed', kind: 'marketing', enabled: true, days: 21 }, { role: 'marketer' })).status).toBe(200);
    // Rita bought on 1 March; Pavel too, and again on the 10th.
    expect((await c.call('POST', '/v1/receipts', receipt('C-1', [line('TEA', 10_000)], { member: { id: rita } }), { role: 'pos' })).status).toBe(201);
    expect((await c.call('POST', '/v1/receipts', receipt('C-2', [line('TEA', 10_000)], { member: { id: pavel } }), { role: 'pos' })).status).toBe(201);
    const subjects = async () => ((await c.call('GET', '/v1/messaging/messages?limit=100', undefined, { role: 'marketer' })).body.messages as { memberId: string; subject: string | null; status: string }[]);
    const loop = async () => {
      while ((await messagesOnce(c.deps, transports, c.programId)) > 0);
    };
    await loop();
    await loop();
    expect((await subjects()).map((m) => [m.memberId, m.subject])).toEqual([[olga, 'Olga, с наступающим 4 марта 2026 г.!']]);
    c.setNow('2026-03-02T09:00:00Z');
    await loop();
    expect((await subjects()).filter((m) => m.memberId === pavel).map((m) => m.subject)).toEqual(['Pavel, с наступающим 5 марта 2026 г.!']);
    c.setNow('2026-03-10T09:00:00Z');
    expect((await c.call('POST', '/v1/receipts', receipt('C-3', [line('TEA', 10_000)], { member: { id: pavel } }), { role: 'pos' })).status).toBe(201);
    // Three weeks after 1 March, once the day's buying is folded into the members' totals: Rita, not Pavel.
    c.setNow('2026-03-22T09:00:00Z');
    expect((await c.call('POST', '/v1/jobs/daily-totals/run')).status).toBe(200);
    await loop();
    await loop();
    const missed = (await subjects()).filter((m) => m.subject?.includes('скучаем'));
    expect(missed.map((m) => [m.memberId, m.subject, m.status])).toEqual([[rita, 'Rita, мы скучаем 21 день', 'sent']]);
  });

  it('remind a member to buy again once their usual interval between purchases has passed, once per last purchase', async () => {
    const c = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } }, '2026-03-01T09:00:00Z');
    expect((await c.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    const enrol = async (name: string) => (await c.call('POST', '/v1/members', { name, email: `${name.toLowerCase()}@example.org`, ...consenting }, { role: 'pos' })).body.member.id as string;
    const [sara, tom, uma] = [await enrol('Sara'), await enrol('Tom'), await enrol('Uma')];
    const templates = {
      again: { channel: 'email', event: 'purchase.due', subject: { ru: '{{name}}, пора за покупками: обычно вы заходите раз в {{usualDays}} {{usualDays|plural:день,дня,дней}}' }, text: { ru: 'Последняя покупка {{lastPurchase|date}}' } },
      earned: { channel: 'email', event: 'receipt.confirmed', subject: { ru: '+{{points}} {{points|plural:балл,балла,баллов}} за покупку на {{paid|money}}' }, text: { ru: 'Магазин {{storeCode}}' } },
    };
    for (const [code, t] of Object.entries(templates)) expect((await c.call('PUT', `/v1/messaging/templates/${code}`, t, { role: 'marketer' })).status).toBe(200);
    expectProblem(await c.call('PUT', '/v1/messaging/triggers/again', { event: 'purchase.due', template: 'again', kind: 'marketing', enabled: true, days: 91 }, { role: 'marketer' }), 422, 'invalid_trigger', /0 to 90 days past/);
    expect((await c.call('PUT', '/v1/messaging/triggers/again', { event: 'purchase.due', template: 'again', kind: 'marketing', enabled: true, days: 2 }, { role: 'marketer' })).status).toBe(200);
    expect((await c.call('PUT', '/v1/messaging/triggers/earned', { event: 'receipt.confirmed', template: 'earned', kind: 'transactional', enabled: true }, { role: 'marketer' })).status).toBe(200);
    // Sara and Uma buy every week from 1 March, Tom twice only; Uma comes back on the 23rd.
    const buy = async (at: string, member: string, n: string) => {
      c.setNow(at);
      expect((await c.call('POST', '/v1/receipts', receipt(n, [line('TEA', 10_000)], { member: { id: member } }), { role: 'pos' })).status).toBe(201);
    };
    for (const [day, who] of [['01', [sara, tom, uma]], ['08', [sara, tom, uma]], ['15', [sara, uma]]] as const) for (const m of who) await buy(`2026-03-${day}T09:00:00Z`, m, `R-${day}-${m}`);
    const loop = async () => {
      while ((await sequenceEvents(db)) > 0);
      while ((await messagesOnce(c.deps, transports, c.programId)) > 0);
    };
    const subjects = async () => ((await c.call('GET', '/v1/messaging/messages?limit=100', undefined, { role: 'marketer' })).body.messages as { memberId: string; subject: string | null; status: string }[]);
    await loop();
    expect((await subjects()).filter((m) => m.memberId === sara).map((m) => m.subject)).toEqual(Array(3).fill(expect.stringMatching(/^\+10 баллов за покупку на 100,00\s₽$/)));
    await buy('2026-03-23T09:00:00Z', uma, 'R-23');
    // On the 24th, nine days after the 15th: a week's interval passed by two days; not the day before, nor again after.
    const dueOn = async (day: string) => {
      c.setNow(day);
      expect((await c.call('POST', '/v1/jobs/daily-totals/run')).status).toBe(200);
      await loop();
      return (await subjects()).filter((m) => m.subject?.includes('пора')).map((m) => [m.memberId, m.subject, m.status]);
    };
    expect(await dueOn('2026-03-23T09:00:00Z')).toEqual([]);
    const sent = [[sara, 'Sara, пора за покупками: обычно вы заходите раз в 7 дней', 'sent']];
    expect(await dueOn('2026-03-24T09:00:00Z')).toEqual(sent);
    expect(await dueOn('2026-03-25T09:00:00Z')).toEqual(sent);
    expect(received.find((m) => m.subject?.startsWith('Sara, пора'))?.text).toMatch(/^Последняя покупка 15 марта 2026 г\./);
  });

  it('warn a member a week before the review would take their tier away, once', async () => {
    const c = await newProgramme(
      db,
      { pendingDays: 0, tierQualification: { metric: 'amount_spent', windowDays: 30 }, tiers: [{ code: 'silver', name: 'Серебро', threshold: 0 }, { code: 'gold', name: 'Золото', threshold: 100_000 }] },
      '2026-03-01T09:00:00Z',
    );
    expect((await c.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    const enrol = async (name: string) => (await c.call('POST', '/v1/members', { name, email: `${name.toLowerCase()}@example.org`, ...consenting }, { role: 'pos' })).body.member.id as string;
    const [vika, yan] = [await enrol('Vika'), await enrol('Yan')];
    const risk = { channel: 'email', event: 'tier.at_risk', subject: { ru: '{{name}}, уровень «{{tier}}» сохранится, если до {{dropsOn|date}} купить ещё на {{missing|money}}' }, text: { ru: '…' } };
    expect((await c.call('PUT', '/v1/messaging/templates/risk', risk, { role: 'marketer' })).status).toBe(200);
    expectProblem(await c.call('PUT', '/v1/messaging/triggers/risk', { event: 'tier.at_risk', template: 'risk', kind: 'marketing', enabled: true }, { role: 'marketer' }), 422, 'invalid_trigger', /1 to 90 days before the review/);
    expect((await c.call('PUT', '/v1/messaging/triggers/risk', { event: 'tier.at_risk', template: 'risk', kind: 'marketing', enabled: true, days: 7 }, { role: 'marketer' })).status).toBe(200);
    // Both reach gold on 1 March; Yan buys again on the 10th and keeps it past the month.
    expect((await c.call('POST', '/v1/receipts', receipt('T-1', [line('TV', 150_000)], { member: { id: vika } }), { role: 'pos' })).status).toBe(201);
    expect((await c.call('POST', '/v1/receipts', receipt('T-2', [line('TV', 150_000)], { member: { id: yan } }), { role: 'pos' })).status).toBe(201);
    c.setNow('2026-03-10T09:00:00Z');
    expect((await c.call('POST', '/v1/receipts', receipt('T-3', [line('TV', 120_000)], { member: { id: yan } }), { role: 'pos' })).status).toBe(201);
    const warned = async (day: string) => {
      c.setNow(day);
      while ((await messagesOnce(c.deps, transports, c.programId)) > 0);
      return ((await c.call('GET', '/v1/messaging/messages?limit=100', undefined, { role: 'marketer' })).body.messages as { memberId: string; subject: string | null }[]).map((m) => [m.memberId, m.subject]);
    };
    expect(await warned('2026-03-23T09:00:00Z')).toEqual([]);
    // The review of 31 March reads back to 1 March: Vika's purchase is out of it; she misses the whole threshold.
    const vikaWarned = [[vika, expect.stringMatching(/^Vika, уровень «Золото» сохранится, если до 31 марта 2026 г\. купить ещё на 1\s000,00\s₽$/)]];
    expect(await warned('2026-03-24T09:00:00Z')).toEqual(vikaWarned);
    expect(await warned('2026-03-25T09:00:00Z')).toEqual(vikaWarned);
  });

  it('sum up the points of the week in one digest a member, every seventh day', async () => {
    const c = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 } }, '2026-03-02T09:00:00Z');
    expect((await c.call('PUT', '/v1/messaging/channels/email', { host: '127.0.0.1', port: smtp.port, secure: false, from: 'bonus@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
    const enrol = async (name: string) => (await c.call('POST', '/v1/members', { name, email: `${name.toLowerCase()}@example.org`, ...consenting }, { role: 'pos' })).body.member.id as string;
    const zoe = await enrol('Zoe');
    await enrol('Ivo');
    const digest = { channel: 'email', event: 'points.digest', subject: { ru: '{{name}}: за {{days}} дней +{{points}} {{points|plural:балл,балла,баллов}} за {{receipts}} {{receipts|plural:покупку,покупки,покупок}}' }, text: { ru: '…' } };
    expect((await c.call('PUT', '/v1/messaging/templates/digest', digest, { role: 'marketer' })).status).toBe(200);
    expectProblem(await c.call('PUT', '/v1/messaging/triggers/digest', { event: 'points.digest', template: 'digest', kind: 'marketing', enabled: true, days: 0 }, { role: 'marketer' }), 422, 'invalid_trigger', /every 1 to 31 days/);
    expect((await c.call('PUT', '/v1/messaging/triggers/digest', { event: 'points.digest', template: 'digest', kind: 'marketing', enabled: true, days: 7 }, { role: 'marketer' })).status).toBe(200);
    // Zoe buys twice in the week to 7 March (a day the count of days from 2000 divides by seven); Ivo not at all.
    for (const [at, n, amount] of [['2026-03-02T09:00:00Z', 'D-1', 10_000], ['2026-03-05T09:00:00Z', 'D-2', 25_000]] as const) {
      c.setNow(at);
      expect((await c.call('POST', '/v1/receipts', receipt(n, [line('TEA', amount)], { member: { id: zoe } }), { role: 'pos' })).status).toBe(201);
    }
    const digests = async (day: string) => {
      c.setNow(day);
      while ((await messagesOnce(c.deps, transports, c.programId)) > 0);
      return ((await c.call('GET', '/v1/messaging/messages?limit=100', undefined, { role: 'marketer' })).body.messages as { memberId: string; subject: string | null }[]).map((m) => [m.memberId, m.subject]);
    };
    expect(await digests('2026-03-06T09:00:00Z')).toEqual([]);
    const sent = [[zoe, 'Zoe: за 7 дней +35 баллов за 2 покупки']];
    expect(await digests('2026-03-07T09:00:00Z')).toEqual(sent);
    expect(await digests('2026-03-08T09:00:00Z')).toEqual(sent);
  });
});
