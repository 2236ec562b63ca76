import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planMessages } from '../src/flows/messaging.ts';
import { sendDueMessages } from '../src/flows/sending.ts';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';
import { freePort } from './ports.ts';
import { header, smtpPeer } from './smtp-peer.ts';

// Messages to members through a real SMTP server: a trigger answers an event of the feed, once per member and
// event, to those who may receive it, outside quiet hours; what arrives is parsed as a mail client would.
let db: Db;
let p: Programme;
let smtp: Awaited<ReturnType<typeof smtpPeer>>;
let port: number;
let received: ParsedMail[];
const transports = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  smtp = await smtpPeer();
  ({ port, received } = smtp);
  // Noon in Moscow: outside the default quiet hours (21:00 to 09:00).
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, expiry: { kind: 'days', days: 30 }, expiryNoticeDays: 7 }, '2026-11-01T09:00:00Z');
});

afterAll(async () => {
  await closeLinks(transports);
  await smtp.stop();
  await db.close();
});

const channel = { host: '127.0.0.1', port: 0, secure: false, user: 'shop', password: 'секрет', from: 'Копилка <bonus@shop.example.ru>' };
const template = {
  channel: 'email',
  event: 'points.expiring',
  subject: { ru: '{{name}}, {{points}} {{points|plural:балл,балла,баллов}} сгорят {{expiresAt|date}}', en: '{{name}}, {{points}} {{points|plural:point,points}} expire on {{expiresAt|date}}' },
  text: { ru: 'На счёте {{balance}} {{balance|plural:балл,балла,баллов}}. Отписаться: {{unsubscribeUrl}}', en: 'You hold {{balance}} points. Unsubscribe: {{unsubscribeUrl}}' },
};
const logOf = async () => (await p.call('GET', '/v1/messaging/messages', undefined, { role: 'marketer' })).body.messages as { memberId: string; status: string; reason: string | null; to: string; attempts: number }[];
/** Events placed in the feed, planned into messages (twice: the second finds nothing new), and sent. */
const deliver = async () => {
  while ((await sequenceEvents(db)) > 0);
  await planMessages(p.deps, p.programId);
  await planMessages(p.deps, p.programId);
  return sendDueMessages(p.deps, transports, 50, p.programId);
};

describe('messages by e-mail', () => {
  it('set the SMTP server only once it takes the connection and the login; the password is kept sealed', async () => {
    const settingsRows = async () => db.query('select settings, secret from message_channels where program_id = $1', [p.programId]);
    const closed = await freePort();
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/email', { ...channel, port: closed }, { role: 'marketer' }), { status: 422, code: 'channel_unreachable', detail: /did not take the connection/ }, settingsRows);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/email', { ...channel, port, password: 'wrong' }, { role: 'marketer' }), { status: 422, code: 'channel_unreachable', detail: /Invalid/ }, settingsRows);
    const set = await p.call('PUT', '/v1/messaging/channels/email', { ...channel, port }, { role: 'marketer' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ host: '127.0.0.1', port, user: 'shop', password: true });
    const [row] = await settingsRows();
    expect(JSON.stringify(row)).not.toContain('секрет');
    // Changed without a password: the one set stays.
    expect((await p.call('PUT', '/v1/messaging/channels/email', { ...channel, port, password: undefined, replyTo: 'help@shop.example.ru' }, { role: 'marketer' })).status).toBe(200);
  });

  it('refuse a template naming a variable its event does not give, and a trigger of another event', async () => {
    const templates = async () => (await p.call('GET', '/v1/messaging/templates', undefined, { role: 'marketer' })).body;
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/templates/expiry', { ...template, text: { ru: 'Купон {{couponCode}}' } }, { role: 'marketer' }), { status: 422, code: 'invalid_template', detail: /text\.ru: unknown variable \{\{couponCode\}\}/ }, templates);
    expect((await p.call('PUT', '/v1/messaging/templates/expiry', template, { role: 'marketer' })).status).toBe(200);
    const preview = await p.call('POST', '/v1/messaging/templates/expiry/preview', {}, { role: 'marketer' });
    expect(preview.body).toMatchObject({ language: 'ru', subject: 'Анна, 150 баллов сгорят 8 ноября 2026 г.', text: expect.stringMatching(/^На счёте 1234 балла\. Отписаться: http/) });
    expect((await p.call('POST', '/v1/messaging/templates/expiry/preview', { language: 'en' }, { role: 'marketer' })).body.subject).toBe('Anna, 150 points expire on 8 November 2026');
    await expectRefused(p, () => p.call('POST', '/v1/messaging/templates/none/preview', {}, { role: 'marketer' }), { status: 404, code: 'template_not_found', detail: /none/ });
    const trigger = { event: 'member.created', template: 'expiry', kind: 'marketing', enabled: true };
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/triggers/welcome', trigger, { role: 'marketer' }), { status: 422, code: 'invalid_trigger', detail: /written for points\.expiring/ });
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/triggers/welcome', { ...trigger, template: 'none' }, { role: 'marketer' }), { status: 404, code: 'template_not_found', detail: /none/ });
    expect((await p.call('PUT', '/v1/messaging/triggers/expiry-reminder', { ...trigger, event: 'points.expiring' }, { role: 'marketer' })).status).toBe(200);
  });

  it('send a template to a member of staff at once, as its preview writes it, without a message to any member', async () => {
    const test = (body: Record<string, unknown>) => p.call('POST', '/v1/messaging/templates/expiry/test', body, { role: 'marketer' });
    const before = received.length;
    const sent = await test({ to: 'marketing@shop.example.ru' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ to: 'marketing@shop.example.ru', subject: 'Анна, 150 баллов сгорят 8 ноября 2026 г.' });
    const mail = received.slice(before).find((m) => m.subject === 'Анна, 150 баллов сгорят 8 ноября 2026 г.');
    expect(mail?.to && 'text' in mail.to ? mail.to.text : null).toBe('marketing@shop.example.ru');
    expect(mail?.text).toMatch(/^На счёте 1234 балла/);
    expect((await test({ to: 'help@shop.example.ru', language: 'en' })).body.subject).toBe('Anna, 150 points expire on 8 November 2026');
    await expectRefused(p, () => test({ to: 'marketing at shop' }), { status: 400, code: 'validation_failed', detail: /not an e-mail address/ });
    await expectRefused(p, () => test({ to: 'nobody@shop.example.ru' }), { status: 422, code: 'channel_unreachable', detail: /No such user/ });
    await expectRefused(p, () => p.call('POST', '/v1/messaging/templates/none/test', { to: 'marketing@shop.example.ru' }, { role: 'marketer' }), { status: 404, code: 'template_not_found', detail: /none/ });
    expect(await logOf()).toEqual([]);
    // The tests after this one count the mails members get.
    received.splice(before);
  });

  it('remind of expiring points once per lot, only those who consented, in their language; a refused address bounces', async () => {
    const enrol = async (body: Record<string, unknown>) => (await p.call('POST', '/v1/members', body, { role: 'pos' })).body.member.id as string;
    const anna = await enrol({ name: 'Анна', email: 'anna@example.ru', consents: { email: true, sms: false, push: false } });
    const john = await enrol({ name: 'John', email: 'john@example.com', attributes: { language: 'en' }, consents: { email: true, sms: false, push: false } });
    const boris = await enrol({ name: 'Борис', email: 'boris@example.ru' });
    const nobody = await enrol({ name: 'Никто', email: 'nobody@example.ru', consents: { email: true, sms: false, push: false } });
    let n = 0;
    for (const [member, amount] of [[anna, 21_000], [john, 10_000], [boris, 50_000], [nobody, 30_000]] as const)
      expect((await p.call('POST', '/v1/receipts', receipt(`M-${++n}`, [line('TEA', amount)], { member: { id: member } }), { role: 'pos' })).status).toBe(201);
    // 25 days on, at noon in Moscow: the lots expire within the week's notice.
    p.advanceDays(25);
    expect((await p.call('POST', '/v1/jobs/expiry-notice/run')).status).toBe(200);
    expect(await deliver()).toBe(3);
    expect(await deliver()).toBe(0);
    // A planner that lost its place reads the feed again and queues nothing twice.
    await db.query('delete from message_cursors where program_id = $1', [p.programId]);
    expect(await deliver()).toBe(0);
    const anna1 = received.find((m) => m.to && 'text' in m.to && m.to.text === 'anna@example.ru');
    expect(anna1?.subject).toBe('Анна, 21 балл сгорят 1 декабря 2026 г.');
    expect(anna1?.text).toMatch(/^На счёте 21 балл\. Отписаться: http:\/\/localhost:3000\/u\//);
    expect(anna1?.from?.text).toBe('"Копилка" <bonus@shop.example.ru>');
    expect(anna1?.replyTo?.text).toBe('help@shop.example.ru');
    expect(header(anna1, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header(anna1, 'list-unsubscribe')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/u\/[\w.-]+>$/);
    expect(anna1?.messageId).toMatch(/^<msg_\w+@kopilka>$/);
    expect(received.find((m) => m.subject?.startsWith('John'))?.subject).toBe('John, 10 points expire on 1 December 2026');
    const log = await logOf();
    expect(log.find((m) => m.memberId === boris)).toMatchObject({ status: 'skipped', reason: 'no consent to marketing by email' });
    expect(log.find((m) => m.memberId === nobody)).toMatchObject({ status: 'bounced', reason: expect.stringMatching(/550/) });
    expect(log.filter((m) => m.status === 'sent')).toHaveLength(2);
    expect(received).toHaveLength(2);
  });

  it('let a member unsubscribe with one click, the withdrawal kept with its evidence', async () => {
    const anna = received.find((m) => m.subject?.startsWith('Анна'));
    const path = new URL(/<([^>]+)>/.exec(header(anna, 'list-unsubscribe') ?? '')?.[1] ?? 'http://x/').pathname;
    const member = (await logOf()).find((m) => m.to === 'anna@example.ru')?.memberId;
    expect((await p.app.request(path)).status).toBe(200);
    const done = await p.app.request(path, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Вы отписались');
    const consents = (await p.call('GET', `/v1/members/${member}/consents`, undefined, { role: 'marketer' })).body;
    expect(consents.consents.email).toBe(false);
    expect(consents.records.at(-1)).toMatchObject({ channel: 'email', granted: false, via: 'unsubscribe' });
    expect((await p.app.request(`${path}x`, { method: 'POST' })).status).toBe(404);
  });

  it('wait out quiet hours, skip a member who withdrew meanwhile, and try again later while the SMTP server is down, sending nothing twice', async () => {
    const consenting = { consents: { email: true, sms: false, push: false } };
    const vera = (await p.call('POST', '/v1/members', { name: 'Вера', email: 'vera@example.ru', ...consenting }, { role: 'pos' })).body.member.id;
    const zoya = (await p.call('POST', '/v1/members', { name: 'Зоя', email: 'zoya@example.ru', ...consenting }, { role: 'pos' })).body.member.id;
    expect((await p.call('POST', '/v1/receipts', receipt('Q-1', [line('TEA', 40_000)], { member: { id: vera } }), { role: 'pos' })).status).toBe(201);
    expect((await p.call('POST', '/v1/receipts', receipt('Q-2', [line('TEA', 40_000)], { member: { id: zoya } }), { role: 'pos' })).status).toBe(201);
    // 23 days on, at 22:00 in Moscow: the reminder waits for 09:00.
    p.setNow(new Date(p.now().getTime() + 23 * 86_400_000 + 10 * 3_600_000));
    expect((await p.call('POST', '/v1/jobs/expiry-notice/run')).status).toBe(200);
    const before = received.length;
    expect(await deliver()).toBe(0);
    const queued = (await logOf()).find((m) => m.memberId === vera) as unknown as { status: string; dueAt: string };
    expect(queued.status).toBe('queued');
    expect(new Date(queued.dueAt).toISOString().slice(11, 16)).toBe('06:00');
    // Zoya withdraws in the night; at 09:00 the server is down: Vera's message waits and is tried again.
    expect((await p.call('PATCH', `/v1/members/${zoya}`, { consents: { email: false, sms: false, push: false } }, { role: 'pos' })).status).toBe(200);
    p.setNow(queued.dueAt);
    await smtp.stop();
    expect(await sendDueMessages(p.deps, transports, 50, p.programId)).toBe(2);
    expect((await logOf()).find((m) => m.memberId === zoya)).toMatchObject({ status: 'skipped', reason: 'no consent to marketing by email' });
    expect((await logOf()).find((m) => m.memberId === vera)).toMatchObject({ status: 'queued', attempts: 1, reason: expect.stringMatching(/ECONNREFUSED|connect/) });
    expect(await sendDueMessages(p.deps, transports, 50, p.programId)).toBe(0);
    await smtp.restart();
    p.setNow(new Date(new Date(queued.dueAt).getTime() + 5 * 60_000));
    expect(await sendDueMessages(p.deps, transports, 50, p.programId)).toBe(1);
    expect((await logOf()).find((m) => m.memberId === vera)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received.length).toBe(before + 1);
  });

  it('send a transactional message at once, in quiet hours and without marketing consent, but never to an erased member', async () => {
    const welcome = { channel: 'email', event: 'member.created', subject: { ru: 'Добро пожаловать, {{name}}!' }, text: { ru: 'Ваша карта в программе «{{programme}}» готова.' } };
    expect((await p.call('PUT', '/v1/messaging/templates/welcome', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/triggers/welcome', { event: 'member.created', template: 'welcome', kind: 'transactional', enabled: true }, { role: 'marketer' })).status).toBe(200);
    // 23:00 in Moscow.
    p.setNow(new Date(Date.parse(p.now().toISOString().slice(0, 10)) + 20 * 3_600_000));
    const gleb = (await p.call('POST', '/v1/members', { name: 'Глеб', email: 'gleb@example.ru' }, { role: 'pos' })).body.member.id;
    const erased = (await p.call('POST', '/v1/members', { name: 'Ефим', email: 'efim@example.ru' }, { role: 'pos' })).body.member.id;
    expect((await p.call('POST', `/v1/members/${erased}/erase`)).status).toBe(200);
    const before = received.length;
    await deliver();
    expect(received.slice(before).map((m) => [m.subject, m.text?.trim()])).toEqual([['Добро пожаловать, Глеб!', 'Ваша карта в программе «Test programme» готова.']]);
    const log = await logOf();
    expect(log.find((m) => m.memberId === gleb && m.status === 'sent')).toBeDefined();
    expect(log.find((m) => m.memberId === erased)).toMatchObject({ status: 'skipped', reason: 'the member was erased' });
  });
});
