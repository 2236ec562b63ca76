import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectLedgerAgrees, expectRefused, validCardNumber } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

let db: Db;
let p: Programme;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
});
afterAll(() => db.close());

const register = (body: Record<string, unknown>) => p.call('POST', '/v1/members', body, { role: 'pos' });
const sale = (number: string, member: Record<string, unknown>) => receipt(number, [line('MILK', 10000, 2)], { member });

describe('registering and finding members', () => {
  let id: string;
  let cardNumber: string;

  it('stores a phone in local format as E.164 and an e-mail in lower case, with a virtual card', async () => {
    const res = await register({ name: 'Анна', phone: '8 (916) 700-00-01', email: 'Anna.K@Example.RU', externalId: 'crm-1', consents: { email: true, sms: false, push: false } });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ name: 'Анна', phone: '+79167000001', email: 'anna.k@example.ru', externalId: 'crm-1', pointsAvailable: 0 });
    expect(res.body.member.id).toMatch(/^mem_/);
    expect(res.body.cards).toEqual([expect.objectContaining({ kind: 'virtual', status: 'active', memberId: res.body.member.id })]);
    id = res.body.member.id;
    cardNumber = res.body.cards[0].number;
    expect(cardNumber).toMatch(/^7770\d{12}$/);
    expect(validCardNumber(cardNumber.slice(0, -1))).toBe(cardNumber);
  });

  it('finds the member by phone in any format, e-mail in any case, external id and card number', async () => {
    for (const query of ['phone=%2B7%20916%20700%2000%2001', 'phone=89167000001', 'email=ANNA.K%40example.ru', 'externalId=crm-1', `cardNumber=${cardNumber}`]) {
      const found = await p.call('GET', `/v1/members?${query}`, undefined, { role: 'pos' });
      expect({ query, status: found.status, id: found.body.id }).toEqual({ query, status: 200, id });
    }
    const full = await p.call('GET', `/v1/members/${id}`);
    expect(full.body.cards).toEqual([expect.objectContaining({ number: cardNumber })]);
  });

  it('answers 404 for nobody and 400 for an ambiguous search', async () => {
    await expectRefused(p, () => p.call('GET', '/v1/members?phone=%2B79167000099'), { status: 404, code: 'member_not_found', detail: /no member/ });
    await expectRefused(p, () => p.call('GET', '/v1/members?phone=%2B79167000001&email=x%40y.ru'), { status: 400, code: 'validation_failed', detail: /exactly one of/ });
    await expectRefused(p, () => p.call('GET', '/v1/members'), { status: 400, code: 'validation_failed', detail: /exactly one of/ });
  });

  it('refuses a second member with the same phone, e-mail or external id (409 conflict)', async () => {
    const conflict = (field: string) => ({ status: 409, code: 'conflict', detail: new RegExp(`already has this ${field}`) });
    const res = await expectRefused(p, () => register({ name: 'Копия', phone: '+7 916 700 00 01' }), conflict('phone'));
    expect(res.body).toMatchObject({ field: 'phone' });
    expect(res.body).not.toHaveProperty('memberId');
    await expectRefused(p, () => register({ name: 'Копия', email: 'ANNA.K@example.ru' }), conflict('email'));
    await expectRefused(p, () => register({ name: 'Копия', externalId: 'crm-1' }), conflict('externalId'));
    await expectRefused(p, () => register({ name: 'Копия', cardNumber }), { status: 409, code: 'conflict', detail: /card number already belongs/ });
  });

  it('updates the profile, normalising a new phone, and refuses another member’s contacts', async () => {
    const other = (await register({ name: 'Борис', phone: '+79167000002' })).body.member;
    const res = await p.call('PATCH', `/v1/members/${id}`, { name: 'Анна К.', city: 'Казань', phone: '8-916-700-00-03', consents: { email: true, sms: true, push: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Анна К.', city: 'Казань', phone: '+79167000003', email: 'anna.k@example.ru', consents: { email: true, sms: true, push: false } });
    expect((await p.call('GET', '/v1/members?phone=89167000003')).body.id).toBe(id);
    expect((await p.call('GET', '/v1/members?phone=89167000001')).status).toBe(404);
    const taken = await expectRefused(p, () => p.call('PATCH', `/v1/members/${id}`, { phone: '+79167000002' }), { status: 409, code: 'conflict', detail: /already has this phone/ });
    // The refusal says which field, never whose it is.
    expect(JSON.stringify(taken.body)).not.toContain(other.id);
    await expectRefused(p, () => p.call('PATCH', `/v1/members/${other.id}`, { externalId: 'crm-1' }), { status: 409, code: 'conflict', detail: /externalId/ });
    await expectRefused(p, () => p.call('PATCH', '/v1/members/mem_01NOBODY', { name: 'X' }), { status: 404, code: 'member_not_found', detail: /mem_01NOBODY/ });
    // Clearing a field is allowed and frees the phone for someone else.
    expect((await p.call('PATCH', `/v1/members/${other.id}`, { phone: null })).body.phone).toBeNull();
    expect((await register({ name: 'Вика', phone: '+79167000002' })).status).toBe(201);
  });
});

describe('cards', () => {
  it('blocks a lost card with a replacement: the balance stays, the new card works, the old one is refused', async () => {
    const created = (await register({ name: 'Дина', phone: '+79167000010' })).body;
    const id = created.member.id;
    const old = created.cards[0].number;
    await p.call('POST', `/v1/members/${id}/adjustments`, { points: 300, reason: 'welcome bonus' });

    const blocked = await p.call('POST', `/v1/cards/${old}/block`, { reason: 'lost', replace: true }, { role: 'pos' });
    expect(blocked.status).toBe(200);
    const replacement = blocked.body.replacement;
    expect(blocked.body.blocked).toMatchObject({ number: old, status: 'blocked', blockReason: 'lost', replacedBy: replacement.number });
    expect(replacement).toMatchObject({ memberId: id, status: 'active' });
    expect((await p.call('GET', `/v1/members/${id}/balance`)).body).toMatchObject({ available: 300 });

    const onNewCard = await p.call('POST', '/v1/receipts', sale('C-1', { cardNumber: replacement.number }), { role: 'pos' });
    expect(onNewCard.status).toBe(201);
    expect(onNewCard.body).toMatchObject({ memberId: id, cardNumber: replacement.number, pointsEarned: 10, balance: { available: 310 } });

    await expectRefused(p, () => p.call('POST', '/v1/receipts', sale('C-2', { cardNumber: old }), { role: 'pos' }), { status: 422, code: 'card_blocked', detail: /blocked.*replacement/ });
    await expectRefused(p, () => p.call('POST', `/v1/cards/${old}/block`, { reason: 'again' }), { status: 422, code: 'card_blocked', detail: /already blocked/ });
    expect((await p.call('GET', `/v1/cards/${old}`)).body).toMatchObject({ status: 'blocked', replacedBy: replacement.number });
    expect((await p.call('GET', `/v1/members?cardNumber=${replacement.number}`)).body.id).toBe(id);
    await expectLedgerAgrees(p, id);
  });

  it('replaces a blocked card with a physical card number, checking its check digit', async () => {
    const created = (await register({ name: 'Егор' })).body;
    const old = created.cards[0].number;
    const wrong = validCardNumber('260000000001').replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await expectRefused(p, () => p.call('POST', `/v1/cards/${old}/block`, { reason: 'stolen', replaceWith: wrong }), { status: 422, code: 'invalid_card_number', detail: /check digit/ });
    expect((await p.call('GET', `/v1/cards/${old}`)).body.status).toBe('active');
    const physical = validCardNumber('260000000001');
    const res = await p.call('POST', `/v1/cards/${old}/block`, { reason: 'stolen', replaceWith: physical });
    expect(res.body.replacement).toMatchObject({ number: physical, kind: 'physical', status: 'active', memberId: created.member.id });
  });

  it('a receipt naming a new card number with a valid check digit enrols a new member', async () => {
    const number = validCardNumber('260000000100');
    const res = await p.call('POST', '/v1/receipts', sale('C-3', { cardNumber: number }), { role: 'pos' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cardNumber: number, pointsEarned: 10, balance: { available: 10 } });
    const member = await p.call('GET', `/v1/members?cardNumber=${number}`);
    expect(member.body).toMatchObject({ id: res.body.memberId, source: 'first_receipt', pointsAvailable: 10 });
    expect((await p.call('GET', `/v1/cards/${number}`)).body).toMatchObject({ kind: 'physical', status: 'active' });
    // The next receipt on the same card goes to the same member.
    const again = await p.call('POST', '/v1/receipts', sale('C-4', { cardNumber: number }), { role: 'pos' });
    expect(again.body).toMatchObject({ memberId: res.body.memberId, balance: { available: 20 } });
  });

  it('calculating a receipt on an unknown card enrols nobody', async () => {
    const number = validCardNumber('260000000200');
    const res = await p.call('POST', '/v1/receipts/calculate', sale('C-5', { cardNumber: number }), { role: 'pos' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ memberId: null, pointsEarned: 10, available: 0 });
    await expectRefused(p, () => p.call('GET', `/v1/cards/${number}`), { status: 404, code: 'card_not_found', detail: new RegExp(number) });
  });
});

describe('card activation on first purchase', () => {
  let q: Programme;
  beforeAll(async () => {
    q = await newProgramme(db, { pendingDays: 0, cardActivation: 'on_first_purchase' });
  });

  it('a card handed out at registration is inactive until the first confirmed receipt', async () => {
    const physical = validCardNumber('260000000300');
    const created = await q.call('POST', '/v1/members', { name: 'Жанна', cardNumber: physical });
    expect(created.body.cards).toEqual([expect.objectContaining({ number: physical, kind: 'physical', status: 'inactive' })]);

    const priced = await q.call('POST', '/v1/receipts/calculate', sale('A-1', { cardNumber: physical }), { role: 'pos' });
    expect(priced.status).toBe(200);
    expect((await q.call('GET', `/v1/cards/${physical}`)).body.status).toBe('inactive');

    const confirmed = await q.call('POST', '/v1/receipts', sale('A-1', { cardNumber: physical }), { role: 'pos' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.memberId).toBe(created.body.member.id);
    expect((await q.call('GET', `/v1/cards/${physical}`)).body).toMatchObject({ status: 'active', activatedAt: q.now().toISOString() });
  });

  it('a virtual card issued at registration waits for the first purchase too', async () => {
    const created = await q.call('POST', '/v1/members', { name: 'Зоя' });
    const number = created.body.cards[0].number;
    expect(created.body.cards[0].status).toBe('inactive');
    await q.call('POST', '/v1/receipts', sale('A-2', { cardNumber: number }), { role: 'pos' });
    expect((await q.call('GET', `/v1/cards/${number}`)).body.status).toBe('active');
  });
});
