import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDueBroadcasts } from '../src/flows/broadcasts.ts';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { planMessages } from '../src/flows/messaging.ts';
import { sendDueMessages } from '../src/flows/sending.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectProblem, expectRefused } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';
import { startPushService, type PushService } from './push-service.ts';

// Web push through a push service over HTTPS, as a browser vendor runs one: it takes a push only with a VAPID token
// signed by the key the browser subscribed with, and the test reads the payload as the browser would, decrypting
// it with the browser's own keys.
let db: Db;
let p: Programme;
let service: PushService;
const links = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  service = await startPushService();
  // Noon in Moscow: outside the default quiet hours.
  p = await newProgramme(db, { pendingDays: 0 }, '2026-11-01T09:00:00Z');
});

afterAll(async () => {
  await closeLinks(links);
  await service.close();
  await db.close();
});

const welcome = {
  channel: 'push',
  event: 'member.created',
  subject: { ru: 'Добро пожаловать, {{name}}!', en: 'Welcome, {{name}}!' },
  text: { ru: 'На вашем счёте {{balance}} {{balance|plural:балл,балла,баллов}}.', en: 'You have {{balance}} {{balance|plural:point,points}}.' },
};
type Logged = { memberId: string; status: string; reason: string | null; to: string | null };
const logOf = async () => (await p.call('GET', '/v1/messaging/messages', undefined, { role: 'marketer' })).body.messages as Logged[];
const deliver = async () => {
  while ((await sequenceEvents(db)) > 0);
  await planMessages(p.deps, p.programId);
  return sendDueMessages(p.deps, links, 50, p.programId);
};
const enrol = async (name: string, push: boolean, extra: Record<string, unknown> = {}) =>
  (await p.call('POST', '/v1/members', { name, consents: { email: false, sms: false, push }, ...extra }, { role: 'pos' })).body.member.id as string;
const subscribe = (member: string, subscription: unknown) => p.call('POST', `/v1/members/${member}/push-subscriptions`, subscription, { role: 'pos' });
let publicKey = '';

describe('messages by web push', () => {
  it('subscribe a browser only once the programme has its VAPID key, and only with keys a browser gives', async () => {
    const member = await enrol('Ира', true);
    const rows = () => db.query('select endpoint from push_subscriptions where program_id = $1', [p.programId]);
    await expectRefused(p, () => subscribe(member, service.subscribe('none yet')), { status: 409, code: 'conflict', detail: /no push channel/ }, rows);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/push', { subject: 'shop@example.ru' }, { role: 'marketer' }), { status: 400, code: 'validation_failed', detail: /mailto/ });
    const set = await p.call('PUT', '/v1/messaging/channels/push', { subject: 'mailto:bonus@shop.example.ru' }, { role: 'marketer' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    publicKey = set.body.publicKey;
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    // Set again, the key stays: browsers subscribed with it stay subscribed. The private key is kept sealed.
    expect((await p.call('PUT', '/v1/messaging/channels/push', { subject: 'https://shop.example.ru/contact' }, { role: 'marketer' })).body).toEqual({ subject: 'https://shop.example.ru/contact', publicKey });
    const [row] = await db.query<{ secret: string }>(`select secret from message_channels where program_id = $1 and channel = 'push'`, [p.programId]);
    expect(row?.secret).toMatch(/^v1\./);

    const good = service.subscribe(publicKey);
    await expectRefused(p, () => subscribe(member, { ...good, endpoint: good.endpoint.replace('https:', 'http:') }), { status: 400, code: 'validation_failed', detail: /endpoint/ }, rows);
    await expectRefused(p, () => subscribe(member, { ...good, keys: { ...good.keys, p256dh: good.keys.auth } }), { status: 400, code: 'validation_failed', detail: /P-256 public key/ }, rows);
    await expectRefused(p, () => subscribe(member, { ...good, keys: { ...good.keys, auth: 'short' } }), { status: 400, code: 'validation_failed', detail: /auth secret/ }, rows);
    expectProblem(await subscribe('mem_nobody', good), 404, 'member_not_found', /no member mem_nobody/);
    expect((await subscribe(member, { ...good, expirationTime: null })).status).toBe(201);
    expect((await p.call('GET', `/v1/members/${member}/push-subscriptions`, undefined, { role: 'pos' })).body).toEqual({ publicKey, subscriptions: [{ endpoint: good.endpoint, createdAt: expect.any(String) }] });
    expect((await p.call('DELETE', `/v1/members/${member}/push-subscriptions?endpoint=${encodeURIComponent(good.endpoint)}`, undefined, { role: 'pos' })).body).toEqual({ forgotten: true });
    expect(await rows()).toEqual([]);
  });

  it('push a welcome to each browser of each member who consented, signed and encrypted as push services and browsers demand', async () => {
    const html = { ...welcome, html: { ru: '<p>Привет</p>' } };
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/templates/welcome-push', html, { role: 'marketer' }), { status: 422, code: 'invalid_template', detail: /by push is text/ });
    expect((await p.call('PUT', '/v1/messaging/templates/welcome-push', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/triggers/welcome-push', { event: 'member.created', template: 'welcome-push', kind: 'marketing', enabled: true }, { role: 'marketer' })).status).toBe(200);

    const anna = await enrol('Анна', true);
    const john = await enrol('John', true, { attributes: { language: 'en' } });
    const boris = await enrol('Борис', false);
    const vera = await enrol('Вера', true);
    // Anna reads on a phone and a laptop; Boris subscribed but gave no consent to marketing pushes; Vera has no browser.
    const [phone, laptop, johns, boriss] = [service.subscribe(publicKey), service.subscribe(publicKey), service.subscribe(publicKey), service.subscribe(publicKey)];
    for (const [member, s] of [[anna, phone], [anna, laptop], [john, johns], [boris, boriss]] as const) expect((await subscribe(member, s)).status).toBe(201);
    // Boris is skipped when planned; Vera when her message goes and finds no browser.
    expect(await deliver()).toBe(4);
    expect(await deliver()).toBe(0);

    expect(service.refused).toEqual([]);
    const to = (s: { endpoint: string }) => service.pushed.filter((x) => x.browser === Number(s.endpoint.split('/').pop())).map((x) => x.payload);
    expect(to(phone)).toEqual([{ title: 'Добро пожаловать, Анна!', body: 'На вашем счёте 0 баллов.', tag: expect.stringMatching(/^msg_/) }]);
    expect(to(laptop)).toEqual(to(phone));
    expect(to(johns)).toEqual([{ title: 'Welcome, John!', body: 'You have 0 points.', tag: expect.any(String) }]);
    expect(to(boriss)).toEqual([]);
    // The token names the push service and the programme's contact, and expires within a day; the push is kept a day for a browser offline.
    expect(service.pushed[0]).toMatchObject({ ttl: 86_400, claims: { aud: new URL(phone.endpoint).origin, sub: 'https://shop.example.ru/contact' } });

    const log = await logOf();
    expect(log.find((m) => m.memberId === anna)).toMatchObject({ status: 'sent', to: new URL(phone.endpoint).host });
    expect(log.find((m) => m.memberId === boris)).toMatchObject({ status: 'skipped', reason: 'no consent to marketing by push' });
    expect(log.find((m) => m.memberId === vera)).toMatchObject({ status: 'skipped', reason: 'no browser subscribed to push' });

    // A test send goes to the browsers of a member (here Anna stands in for staff), written out for the sample member.
    const test = (to: string) => p.call('POST', '/v1/messaging/templates/welcome-push/test', { to, language: 'en' }, { role: 'marketer' });
    expect((await test(anna)).status).toBe(200);
    expect(to(phone).at(-1)).toEqual({ title: 'Welcome, Anna!', body: 'You have 1234 points.', tag: 'test' });
    expect(to(laptop).at(-1)).toEqual(to(phone).at(-1));
    await expectRefused(p, () => test(vera), { status: 400, code: 'validation_failed', detail: /has no browser subscribed to push/ });
    expect(await logOf()).toEqual(log);
  });

  it('forget a browser its push service reports gone, and bounce a push none of the member’s browsers takes', async () => {
    const gleb = await enrol('Глеб', true);
    const dina = await enrol('Дина', true);
    const [old, current, only] = [service.subscribe(publicKey), service.subscribe(publicKey), service.subscribe(publicKey)];
    for (const [member, s] of [[gleb, old], [gleb, current], [dina, only]] as const) expect((await subscribe(member, s)).status).toBe(201);
    service.gone.add(Number(old.endpoint.split('/').pop()));
    service.gone.add(Number(only.endpoint.split('/').pop()));
    expect(await deliver()).toBe(2);
    const log = await logOf();
    expect(log.find((m) => m.memberId === gleb)).toMatchObject({ status: 'sent' });
    expect(log.find((m) => m.memberId === dina)).toMatchObject({ status: 'bounced', reason: /unsubscribed/ });
    expect((await db.query<{ member_id: string }>('select member_id from push_subscriptions where program_id = $1 and endpoint = any($2::text[])', [p.programId, [old.endpoint, current.endpoint, only.endpoint]])).map((r) => r.member_id)).toEqual([gleb]);
  });

  it('keep a push waiting while the push service is down, and push it once when it is back', async () => {
    const eva = await enrol('Ева', true);
    const browser = service.subscribe(publicKey);
    expect((await subscribe(eva, browser)).status).toBe(201);
    service.down = true;
    expect(await deliver()).toBe(1);
    expect((await logOf()).find((m) => m.memberId === eva)).toMatchObject({ status: 'queued', reason: /answered 503/ });
    service.down = false;
    p.advanceDays(2 / 1440);
    expect(await sendDueMessages(p.deps, links, 50, p.programId)).toBe(1);
    expect(await sendDueMessages(p.deps, links, 50, p.programId)).toBe(0);
    expect((await logOf()).find((m) => m.memberId === eva)).toMatchObject({ status: 'sent' });
    expect(service.pushed.filter((x) => x.browser === Number(browser.endpoint.split('/').pop()))).toHaveLength(1);
    // Erased at her request, Eva's browsers are forgotten with the rest of her personal data.
    expect((await p.call('POST', `/v1/members/${eva}/erase`, {}, { role: 'admin' })).status).toBe(200);
    expect(await db.query('select 1 from push_subscriptions where program_id = $1 and member_id = $2', [p.programId, eva])).toEqual([]);
  });

  it('broadcast by push to the members of a segment who consented and subscribed a browser', async () => {
    const [subscribed, unsubscribed, withoutConsent] = [await enrol('Олег', true), await enrol('Пётр', true), await enrol('Роман', false)];
    expect((await subscribe(subscribed, service.subscribe(publicKey))).status).toBe(201);
    expect((await subscribe(withoutConsent, service.subscribe(publicKey))).status).toBe(201);
    expect((await p.call('PUT', '/v1/segments/trio', { name: 'trio', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    const csv = `id\r\n${[subscribed, unsubscribed, withoutConsent].join('\r\n')}\r\n`;
    expect((await p.app.request('/v1/segments/trio/members', { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: csv })).status).toBe(200);
    const news = { channel: 'push', event: 'broadcast', subject: { ru: 'Двойные баллы' }, text: { ru: 'Только в выходные.' } };
    expect((await p.call('PUT', '/v1/messaging/templates/news-push', news, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/broadcasts/weekend', { name: 'Выходные', segment: 'trio', variants: ['news-push'], controlPercent: 0 }, { role: 'marketer' })).status).toBe(200);
    expect(await planDueBroadcasts(p.deps, p.programId)).toBe(1);
    const planned = await db.query<{ member_id: string }>(`select member_id from messages where program_id = $1 and origin = 'broadcast:weekend'`, [p.programId]);
    expect(planned.map((r) => r.member_id)).toEqual([subscribed]);
    expect(await sendDueMessages(p.deps, links, 50, p.programId)).toBe(1);
    expect(service.pushed.at(-1)?.payload).toMatchObject({ title: 'Двойные баллы', body: 'Только в выходные.' });
  });
});
