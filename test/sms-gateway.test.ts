import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { planMessages } from '../src/flows/messaging.ts';
import { sendDueMessages } from '../src/flows/sending.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { expectRefused } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';
import { freePort } from './ports.ts';

// SMS through an aggregator's HTTP API: the test's gateway is an HTTP server that takes the account's token,
// answers as it is told, and keeps each request as it came.
let db: Db;
let p: Programme;
let gateway: Server;
let url = '';
const requests: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
/** The gateway's answer to a request: its status, by default 200. */
let answer: (body: string) => number = () => 200;
const links = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'HEAD') return res.writeHead(404).end();
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.headers.authorization !== 'Bearer t0ken') return res.writeHead(401).end('{"error": "bad token"}');
      const status = answer(body);
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"id": "42"}' : '{"error": "invalid phone"}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  // Noon in Moscow: outside the default quiet hours.
  p = await newProgramme(db, { pendingDays: 0 }, '2026-11-01T09:00:00Z');
});

afterAll(async () => {
  await closeLinks(links);
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
  await db.close();
});

const json = () => ({
  method: 'POST',
  url: `${url}/api/v2/send`,
  body: '{"phone": "{{to}}", "text": "{{text}}", "sender": "{{from}}", "clientId": "{{id}}"}',
  contentType: 'json',
  sourceAddr: 'Kopilka',
  header: 'Authorization: Bearer t0ken',
});
type Logged = { memberId: string; status: string; reason: string | null; to: string | null };
const logOf = async () => (await p.call('GET', '/v1/messaging/messages', undefined, { role: 'marketer' })).body.messages as Logged[];
const deliver = async () => {
  while ((await sequenceEvents(db)) > 0);
  await planMessages(p.deps, p.programId);
  return sendDueMessages(p.deps, links, 50, p.programId);
};
const enrol = async (name: string, phone: string) => (await p.call('POST', '/v1/members', { name, phone, consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id as string;

describe('SMS through an HTTP gateway', () => {
  it('is set only with the values a message gives, a header that is one, and a server that answers; the header is kept sealed', async () => {
    const rows = () => db.query('select settings, secret from message_channels where program_id = $1', [p.programId]);
    const put = (body: Record<string, unknown>) => () => p.call('PUT', '/v1/messaging/channels/sms-gateway', body, { role: 'marketer' });
    await expectRefused(p, put({ ...json(), body: '{"phone": "{{to}}", "text": "{{message}}"}' }), { status: 400, code: 'validation_failed', detail: /body names \{\{message\}\}/ }, rows);
    await expectRefused(p, put({ ...json(), body: '{"phone": "{{to}}"}' }), { status: 400, code: 'validation_failed', detail: /must carry the text/ }, rows);
    await expectRefused(p, put({ ...json(), header: 'Bearer t0ken' }), { status: 400, code: 'validation_failed', detail: /header is a line/ }, rows);
    await expectRefused(p, put({ ...json(), url: 'ftp://gw.example.ru/send' }), { status: 400, code: 'validation_failed', detail: /url/ }, rows);
    await expectRefused(p, put({ ...json(), url: `http://127.0.0.1:${await freePort()}/send` }), { status: 422, code: 'channel_unreachable', detail: /did not answer/ }, rows);
    const set = await put(json())();
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ method: 'POST', url: `${url}/api/v2/send`, body: json().body, contentType: 'json', sourceAddr: 'Kopilka', header: true });
    expect(JSON.stringify(await rows())).not.toContain('t0ken');
    expect((await p.call('GET', '/v1/messaging/channels/sms-gateway', undefined, { role: 'marketer' })).body).toMatchObject({ url: `${url}/api/v2/send`, header: true });
    expect((await p.call('GET', '/v1/messaging/channels/sms', undefined, { role: 'marketer' })).body).toBeNull();
    expect(requests).toEqual([]);
  });

  it('send each SMS as one request, the Cyrillic text whole, with the account’s header; a refused number bounces', async () => {
    const welcome = { channel: 'sms', event: 'member.created', subject: { ru: 'Привет' }, text: { ru: '{{name}}, добро пожаловать! «Кавычки», \\ и "кавычки" тоже.' } };
    expect((await p.call('PUT', '/v1/messaging/templates/welcome', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/triggers/welcome', { event: 'member.created', template: 'welcome', kind: 'marketing', enabled: true }, { role: 'marketer' })).status).toBe(200);
    answer = (body) => (body.includes('79161110002') ? 400 : 200);
    const anna = await enrol('Анна', '+7 916 111-00-01');
    const refused = await enrol('Борис', '+7 916 111-00-02');
    expect(await deliver()).toBe(2);
    const toAnna = requests.find((r) => r.body.includes('79161110001'));
    expect(toAnna).toMatchObject({ method: 'POST', url: '/api/v2/send', headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json; charset=utf-8' } });
    const sent = JSON.parse(toAnna?.body ?? '{}');
    expect(sent).toEqual({ phone: '79161110001', text: 'Анна, добро пожаловать! «Кавычки», \\ и "кавычки" тоже.', sender: 'Kopilka', clientId: expect.stringMatching(/^msg_/) });
    const log = await logOf();
    expect(log.find((m) => m.memberId === anna)).toMatchObject({ status: 'sent', to: '+79161110001' });
    expect(log.find((m) => m.memberId === refused)).toMatchObject({ status: 'bounced', reason: /answered 400: \{"error": "invalid phone"\}/ });
  });

  it('keep an SMS waiting while the gateway fails or refuses the token, and send it once when it takes it', async () => {
    answer = () => 503;
    const vera = await enrol('Вера', '+7 916 111-00-03');
    expect(await deliver()).toBe(1);
    expect((await logOf()).find((m) => m.memberId === vera)).toMatchObject({ status: 'queued', reason: /answered 503/ });
    answer = () => 200;
    p.advanceDays(2 / 1440);
    expect(await sendDueMessages(p.deps, links, 50, p.programId)).toBe(1);
    expect(await sendDueMessages(p.deps, links, 50, p.programId)).toBe(0);
    expect((await logOf()).find((m) => m.memberId === vera)).toMatchObject({ status: 'sent' });
    expect(requests.filter((r) => r.body.includes('79161110003') && r.headers.authorization === 'Bearer t0ken')).toHaveLength(2);

    // A gateway by GET, the values in the URL; the header set before stays. A wrong token is tried again, not bounced.
    const get = { method: 'GET', url: `${url}/sms?to={{to}}&msg={{text}}&from={{from}}`, sourceAddr: 'Kopilka' };
    expect((await p.call('PUT', '/v1/messaging/channels/sms-gateway', get, { role: 'marketer' })).body).toMatchObject({ body: null, header: true });
    const test = await p.call('POST', '/v1/messaging/templates/welcome/test', { to: '+7 916 111-00-04' }, { role: 'marketer' });
    expect(test.status, JSON.stringify(test.body)).toBe(200);
    const query = new URL(requests.at(-1)?.url ?? '', url).searchParams;
    expect([requests.at(-1)?.method, query.get('to'), query.get('msg'), query.get('from')]).toEqual(['GET', '79161110004', 'Анна, добро пожаловать! «Кавычки», \\ и "кавычки" тоже.', 'Kopilka']);
    expect((await p.call('PUT', '/v1/messaging/channels/sms-gateway', { ...get, header: 'Authorization: Bearer wrong' }, { role: 'marketer' })).status).toBe(200);
    const gleb = await enrol('Глеб', '+7 916 111-00-05');
    expect(await deliver()).toBe(1);
    expect((await logOf()).find((m) => m.memberId === gleb)).toMatchObject({ status: 'queued', reason: /answered 401/ });
  });
});
