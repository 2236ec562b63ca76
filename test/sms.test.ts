import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeLinks, newLinks } from '../src/flows/links.ts';
import { messagesOnce } from '../src/jobs/messenger.ts';
import { planMessages } from '../src/flows/messaging.ts';
import { sendDueMessages } from '../src/flows/sending.ts';
import type { Db } from '../src/store/db.ts';
import { sequenceEvents } from '../src/store/events.ts';
import { recordDeliveryReport } from '../src/store/sms.ts';
import { expectRefused } from './checks.ts';
import { newProgramme, openTestDb, type Programme } from './harness.ts';
import { freePort } from './ports.ts';
import { startSmppPeer, type SmppPeer } from './smpp-peer.ts';

// SMS through a real SMPP session: the test's SMSC binds the account, takes each part with an id of its own and
// sends a delivery receipt for it on the same session. Long Cyrillic texts go in UCS-2 parts the phone joins.
let db: Db;
let p: Programme;
let smsc: SmppPeer;
const links = newLinks();

beforeAll(async () => {
  db = await openTestDb();
  smsc = await startSmppPeer({ systemId: 'shop', password: 's3cret1' });
  // Noon in Moscow: outside the default quiet hours.
  p = await newProgramme(db, { pendingDays: 0 }, '2026-11-01T09:00:00Z');
});

afterAll(async () => {
  await closeLinks(links);
  await smsc.close();
  await db.close();
});

const channel = () => ({ host: '127.0.0.1', port: smsc.port, tls: false, systemId: 'shop', password: 's3cret1', sourceAddr: 'Kopilka' });
const welcome = {
  channel: 'sms',
  event: 'member.created',
  subject: { ru: 'Добро пожаловать' },
  text: {
    ru: '{{name}}, добро пожаловать в программу «{{programme}}»! Показывайте номер телефона на кассе: за каждую покупку начислим баллы, а ими можно оплатить до половины следующей. Ваш баланс: {{balance}} {{balance|plural:балл,балла,баллов}}.',
    en: 'Welcome, {{name}}! Show your phone number at the till to earn points.',
  },
};
type Logged = { memberId: string; status: string; reason: string | null; to: string | null; parts: number | null; delivery: string | null; deliveredAt: string | null };
const logOf = async () => (await p.call('GET', '/v1/messaging/messages', undefined, { role: 'marketer' })).body.messages as Logged[];
const deliver = async () => {
  while ((await sequenceEvents(db)) > 0);
  await planMessages(p.deps, p.programId);
  return sendDueMessages(p.deps, links, 50, p.programId);
};
/** Receipts the SMSCs of the tests before this one sent. */
let earlier = 0;
/** Waits for every receipt sent to be recorded (they come on the session after each submit's answer), then reads the log. */
const settled = async () => {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from sms_parts where program_id = $1 and state is not null', [p.programId]);
    if (Number(row?.n) >= earlier + smsc.receipted) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return logOf();
};

describe('messages by SMS over SMPP', () => {
  it('set the SMSC only once it takes the bind; the password is kept sealed', async () => {
    const rows = async () => db.query('select settings, secret from message_channels where program_id = $1', [p.programId]);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/sms', { ...channel(), port: 0 }, { role: 'marketer' }), { status: 400, code: 'validation_failed', detail: /port/ }, rows);
    const closed = await freePort();
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/sms', { ...channel(), port: closed }, { role: 'marketer' }), { status: 422, code: 'channel_unreachable', detail: /did not take the bind/ }, rows);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/sms', { ...channel(), password: 'wrong' }, { role: 'marketer' }), { status: 422, code: 'channel_unreachable', detail: /refused the bind \(command status 0x0d\)/ }, rows);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/channels/sms', { ...channel(), sourceAddr: 'Копилка и партнёры' }, { role: 'marketer' }), { status: 400, code: 'validation_failed', detail: /sourceAddr/ }, rows);
    const set = await p.call('PUT', '/v1/messaging/channels/sms', channel(), { role: 'marketer' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ host: '127.0.0.1', systemId: 'shop', sourceAddr: 'Kopilka', password: true });
    expect(JSON.stringify(await rows())).not.toContain('s3cret1');
    expect((await p.call('GET', '/v1/messaging/channels/sms', undefined, { role: 'marketer' })).body).toMatchObject({ systemId: 'shop', password: true });
    // A template by SMS is text: HTML is refused.
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/templates/welcome-sms', { ...welcome, html: { ru: '<p>Привет</p>' } }, { role: 'marketer' }), { status: 422, code: 'invalid_template', detail: /by SMS is text/ });
    expect((await p.call('PUT', '/v1/messaging/templates/welcome-sms', welcome, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/triggers/welcome-sms', { event: 'member.created', template: 'welcome-sms', kind: 'marketing', enabled: true }, { role: 'marketer' })).status).toBe(200);
  });

  it('send a template to a member of staff’s mobile at once, and refuse a number that is not a mobile one', async () => {
    const test = (to: string) => p.call('POST', '/v1/messaging/templates/welcome-sms/test', { to }, { role: 'marketer' });
    const sent = await test('8 (916) 000-11-22');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.to).toBe('+79160001122');
    expect(smsc.texts().find((t) => t.to === '79160001122')?.text).toMatch(/^Анна, добро пожаловать в программу «Test programme»!/);
    await expectRefused(p, () => test('+7 495 123-45-67'), { status: 400, code: 'validation_failed', detail: /not a mobile number/ });
    smsc.refuse.set('79160001123', 0x0b);
    await expectRefused(p, () => test('+79160001123'), { status: 422, code: 'channel_unreachable', detail: /command status 0x0b/ });
    // Its receipts came on a session of its own: none is counted for the members' messages below.
    earlier -= smsc.submitted.filter((s) => s.to === '79160001122').length;
  });

  it('welcome each member who consented, to a mobile number, in concatenated UCS-2 parts; the receipts mark them delivered', async () => {
    const enrol = async (body: Record<string, unknown>) => (await p.call('POST', '/v1/members', body, { role: 'pos' })).body.member.id as string;
    const anna = await enrol({ name: 'Анна', phone: '+7 916 123-45-67', consents: { email: false, sms: true, push: false } });
    const john = await enrol({ name: 'John', phone: '+79161234568', attributes: { language: 'en' }, consents: { email: false, sms: true, push: false } });
    const boris = await enrol({ name: 'Борис', phone: '+79161234569' });
    const landline = await enrol({ name: 'Офис', phone: '+74951234567', consents: { email: false, sms: true, push: false } });
    // Boris gave no consent and the office phone is no mobile: both are skipped when planned, and the sender tries two.
    expect(await deliver()).toBe(2);
    expect(await deliver()).toBe(0);
    const texts = smsc.texts();
    const annaText = texts.find((t) => t.to === '79161234567')?.text;
    expect(annaText).toBe(
      'Анна, добро пожаловать в программу «Test programme»! Показывайте номер телефона на кассе: за каждую покупку начислим баллы, а ими можно оплатить до половины следующей. Ваш баланс: 0 баллов.',
    );
    // 189 characters of Cyrillic: three UCS-2 parts of at most 67, one reference, numbered 1 to 3.
    const annaParts = smsc.submitted.filter((s) => s.to === '79161234567');
    expect(annaParts.map((s) => [s.dataCoding, s.concat?.parts, s.concat?.part, s.text.length])).toEqual([[8, 3, 1, 67], [8, 3, 2, 67], [8, 3, 3, 55]]);
    expect(new Set(annaParts.map((s) => s.concat?.reference)).size).toBe(1);
    expect(annaParts[0]?.from).toBe('Kopilka');
    // English fits one GSM message.
    expect(smsc.submitted.filter((s) => s.to === '79161234568').map((s) => [s.dataCoding, s.concat, s.text])).toEqual([[0, null, 'Welcome, John! Show your phone number at the till to earn points.']]);
    const log = await settled();
    expect(log.find((m) => m.memberId === anna)).toMatchObject({ status: 'sent', to: '+79161234567', parts: 3, delivery: 'delivered', deliveredAt: expect.any(String) });
    expect(log.find((m) => m.memberId === john)).toMatchObject({ status: 'sent', parts: 1, delivery: 'delivered' });
    expect(log.find((m) => m.memberId === boris)).toMatchObject({ status: 'skipped', reason: 'no consent to marketing by sms' });
    expect(log.find((m) => m.memberId === landline)).toMatchObject({ status: 'skipped', reason: 'no mobile number' });
  });

  it('mark a message undelivered when a part is reported lost, and bounce one the SMSC refuses for good', async () => {
    smsc.receipts = () => 'UNDELIV';
    smsc.refuse.set('79161234571', 0x0b);
    const lost = (await p.call('POST', '/v1/members', { name: 'Вера', phone: '+79161234570', consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id;
    const refused = (await p.call('POST', '/v1/members', { name: 'Глеб', phone: '+79161234571', consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id;
    expect(await deliver()).toBe(2);
    const log = await settled();
    expect(log.find((m) => m.memberId === lost)).toMatchObject({ status: 'sent', parts: 3, delivery: 'undelivered', deliveredAt: null });
    expect(log.find((m) => m.memberId === refused)).toMatchObject({ status: 'bounced', reason: /command status 0x0b/, parts: null });
    smsc.receipts = () => 'DELIVRD';
  });

  it('count a message delivered only once every part is', async () => {
    // Receipts for the first two parts only: the third is still on its way.
    smsc.receipts = (part) => (part.concat && part.concat.part < 3 ? 'DELIVRD' : null);
    const member = (await p.call('POST', '/v1/members', { name: 'Ева', phone: '+79161234573', consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id;
    expect(await deliver()).toBe(1);
    expect((await settled()).find((m) => m.memberId === member)).toMatchObject({ status: 'sent', parts: 3, delivery: null, deliveredAt: null });
    // The first part's receipt sent again counts once; the third's completes it.
    const parts = smsc.submitted.filter((s) => s.to === '79161234573');
    await recordDeliveryReport(db, p.programId, { smscId: parts[0]!.id, state: 'DELIVRD' }, p.now());
    expect((await logOf()).find((m) => m.memberId === member)).toMatchObject({ delivery: null });
    await recordDeliveryReport(db, p.programId, { smscId: parts[2]!.id, state: 'DELIVRD' }, p.now());
    earlier += 1;
    expect((await logOf()).find((m) => m.memberId === member)).toMatchObject({ delivery: 'delivered', deliveredAt: p.now().toISOString() });
    smsc.receipts = () => 'DELIVRD';
  });

  it('keep an SMS waiting while the SMSC is down, and send it once when it is back', async () => {
    await smsc.close();
    const waiting = (await p.call('POST', '/v1/members', { name: 'Дина', phone: '+79161234572', consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id;
    expect(await deliver()).toBe(1);
    expect((await logOf()).find((m) => m.memberId === waiting)).toMatchObject({ status: 'queued', reason: expect.stringMatching(/ECONNREFUSED|closed|did not answer/) });
    const before = smsc.submitted.length;
    earlier += smsc.receipted;
    smsc = await startSmppPeer({ systemId: 'shop', password: 's3cret1' });
    // The channel points at the new port; past the retry wait, it goes, once.
    expect((await p.call('PUT', '/v1/messaging/channels/sms', channel(), { role: 'marketer' })).status).toBe(200);
    p.setNow(new Date(p.now().getTime() + 5 * 60_000));
    expect(await deliver()).toBe(1);
    expect(await deliver()).toBe(0);
    expect((await settled()).find((m) => m.memberId === waiting)).toMatchObject({ status: 'sent', parts: 3, delivery: 'delivered' });
    expect(smsc.submitted.filter((s) => s.to === '79161234572').map((s) => s.concat?.part)).toEqual([1, 2, 3]);
    expect(before).toBeGreaterThan(0);
  });

  it('send a broadcast by SMS once to each member of the segment who may get it; its variants share the channel', async () => {
    smsc.refuse.clear();
    const members = (await db.query<{ id: string }>('select id from members where program_id = $1', [p.programId])).map((m) => m.id);
    expect((await p.call('PUT', '/v1/segments/everyone', { name: 'Все', kind: 'static' }, { role: 'marketer' })).status).toBe(200);
    const upload = await p.app.request('/v1/segments/everyone/members', { method: 'PUT', headers: { authorization: `Bearer ${p.keys.marketer}`, 'content-type': 'text/csv' }, body: `id\r\n${members.join('\r\n')}\r\n` });
    expect(upload.status).toBe(200);
    const sale = { event: 'broadcast', subject: { ru: 'Распродажа' }, text: { ru: '{{name}}, скидки до 30% до воскресенья', en: 'Sale: up to 30% off till Sunday' } };
    expect((await p.call('PUT', '/v1/messaging/templates/sale-sms', { ...sale, channel: 'sms' }, { role: 'marketer' })).status).toBe(200);
    expect((await p.call('PUT', '/v1/messaging/templates/sale-mail', { ...sale, channel: 'email' }, { role: 'marketer' })).status).toBe(200);
    const broadcasts = async () => db.query('select * from message_broadcasts where program_id = $1', [p.programId]);
    await expectRefused(p, () => p.call('PUT', '/v1/messaging/broadcasts/sale', { name: 'Распродажа', segment: 'everyone', variants: ['sale-sms', 'sale-mail'], controlPercent: 0 }, { role: 'marketer' }),
      { status: 422, code: 'invalid_broadcast', detail: /variant B: template sale-mail is for email, variant A's for sms/ }, broadcasts);
    expect((await p.call('PUT', '/v1/messaging/broadcasts/sale', { name: 'Распродажа', segment: 'everyone', variants: ['sale-sms'], controlPercent: 0 }, { role: 'marketer' })).status).toBe(200);
    const before = smsc.submitted.length;
    // John's phone is off: his receipt says undelivered.
    smsc.receipts = (part) => (part.to === '79161234568' ? 'UNDELIV' : 'DELIVRD');
    while ((await messagesOnce(p.deps, links, p.programId)) > 0);
    while ((await messagesOnce(p.deps, links, p.programId)) > 0);
    const log = (await settled()).filter((m) => (m as Logged & { origin: string }).origin === 'broadcast:sale');
    // Those with a phone and the consent are written down; the office's landline is skipped when it is sent.
    const consenting = await db.query<{ phone: string }>(`select phone from members where program_id = $1 and phone is not null and (consents->>'sms')::boolean`, [p.programId]);
    expect(log).toHaveLength(consenting.length);
    expect(log.filter((m) => m.status === 'skipped').map((m) => m.reason)).toEqual(['no mobile number']);
    const sent = log.filter((m) => m.status === 'sent');
    expect(sent).toHaveLength(consenting.length - 1);
    const texts = smsc.submitted.slice(before);
    expect(texts.map((t) => `+${t.to}`).sort()).toEqual(sent.map((m) => m.to).sort());
    expect(texts.find((t) => t.to === '79161234567')?.text).toBe('Анна, скидки до 30% до воскресенья');
    expect(texts.find((t) => t.to === '79161234568')?.text).toBe('Sale: up to 30% off till Sunday');
    // Delivered: those whose every part the SMSC reported delivered, all but John.
    expect(log.filter((m) => m.delivery === 'undelivered')).toHaveLength(1);
    const results = (await p.call('GET', '/v1/messaging/broadcasts/sale/results', undefined, { role: 'marketer' })).body.groups;
    expect(results).toMatchObject([{ variant: 'A', sent: sent.length, delivered: sent.length - 1 }]);
    smsc.receipts = () => 'DELIVRD';
  });

  it('keep the channel’s pace: at most so many SMS a second, however many are due at once', async () => {
    expect((await p.call('PATCH', '/v1/program/settings', { messaging: { perSecond: { sms: 2 } } }, { role: 'admin' })).status).toBe(200);
    const paced = [];
    for (let i = 0; i < 5; i++) paced.push((await p.call('POST', '/v1/members', { name: `Темп ${i}`, phone: `+7916555000${i}`, consents: { email: false, sms: true, push: false } }, { role: 'pos' })).body.member.id);
    expect(await deliver()).toBe(5);
    const log = await settled();
    expect(paced.map((id) => log.find((m) => m.memberId === id)?.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    // Each second's slots, counted as they were taken: never more than two, five in all.
    const seconds = await db.query<{ sent: number }>(`select sent from message_counts where program_id = $1 and scope = 'pace:sms'`, [p.programId]);
    expect(seconds.reduce((n, s) => n + Number(s.sent), 0)).toBe(5);
    expect(Math.max(...seconds.map((s) => Number(s.sent)))).toBeLessThanOrEqual(2);
  });
});
