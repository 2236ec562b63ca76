import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectProblem, expectRefused, footprint, validCardNumber } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Who sees members' personal data: admin, marketer and pos keys, and readonly keys with the pii grant. A partner
// key and a readonly key without the grant see what a till needs: id, tier, points.
let db: Db;
let p: Programme;
let memberId: string;
let cardNumber: string;
let readonlyWithPii: string;
const profile = { name: 'Анна Смирнова', phone: '+79161234567', email: 'anna@example.ru', externalId: 'crm-1', birthDate: '1990-05-01', attributes: { pets: 'cat' } };
const summaryKeys = ['id', 'pointsAvailable', 'pointsPending', 'tierCode'];

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { pendingDays: 0, earn: { kind: 'percent', percent: 10 }, tiers: [{ code: 'base', name: 'Base', threshold: 0 }] });
  const created = await p.call('POST', '/v1/members', profile, { role: 'pos' });
  memberId = created.body.member.id;
  cardNumber = created.body.cards[0].number;
  await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 300, reason: 'welcome' }, { role: 'marketer' });
  await p.call('PATCH', `/v1/members/${memberId}`, { email: 'anna.s@example.ru' }, { role: 'pos' });
  readonlyWithPii = (await p.call('POST', '/v1/keys', { name: 'analyst', role: 'readonly', pii: true })).body.secret;
});
afterAll(() => db.close());

const asPartner = (method: string, path: string, body?: unknown) => () => p.call(method, path, body, { role: 'partner' });
const refused = (detail: RegExp) => ({ status: 403, code: 'forbidden', detail });

describe('a partner key', () => {
  it('finds a member by card and gets only id, tier and points', async () => {
    const found = await p.call('GET', `/v1/members?cardNumber=${cardNumber}`, undefined, { role: 'partner' });
    expect(found.status).toBe(200);
    expect(Object.keys(found.body).sort()).toEqual(summaryKeys);
    expect(found.body).toEqual({ id: memberId, tierCode: 'base', pointsAvailable: 300, pointsPending: 0 });
    const card = await p.call('GET', `/v1/cards/${cardNumber}`, undefined, { role: 'partner' });
    expect(card.body).toMatchObject({ number: cardNumber, memberId, status: 'active' });
  });

  it('may not look members up by phone, e-mail or external id, nor read a member by id', async () => {
    for (const query of ['phone=%2B79161234567', 'email=anna.s%40example.ru', 'externalId=crm-1'])
      await expectRefused(p, asPartner('GET', `/v1/members?${query}`), refused(/^a partner key may not (see or search by members' personal data|read members)$/));
    await expectRefused(p, asPartner('GET', `/v1/members/${memberId}`), refused(/a partner key may not read members/));
  });

  it('may not name a member by phone or external id on a receipt, alone or in a batch', async () => {
    const byPhone = receipt('P-PHONE', [line('MILK', 10_000)], { member: { phone: '+79161234567' } });
    await expectRefused(p, asPartner('POST', '/v1/receipts/calculate', byPhone), refused(/name the member by card number or id/));
    await expectRefused(p, asPartner('POST', '/v1/receipts', byPhone), refused(/name the member by card number or id/));
    const byExternalId = receipt('P-EXT', [line('MILK', 10_000)], { member: { externalId: 'crm-1' } });
    const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [byPhone, byExternalId] }, { role: 'partner' });
    expect(batch.body.results.map((r: { status: number; problem?: { code: string } }) => [r.status, r.problem?.code])).toEqual([[403, 'forbidden'], [403, 'forbidden']]);
    const byCard = await p.call('POST', '/v1/receipts', receipt('P-CARD', [line('MILK', 10_000)], { member: { cardNumber } }), { role: 'partner' });
    expect(byCard.status).toBe(201);
    expect(byCard.body.memberId).toBe(memberId);
  });

  it('sees no coupons list and no audit log', async () => {
    for (const path of ['/v1/coupons', '/v1/coupons/export.csv?batch=x', '/v1/coupons/ANY-CODE', '/v1/audit'])
      expectProblem(await p.call('GET', path, undefined, { role: 'partner' }), 403, 'forbidden', /^a partner key may not /);
  });
});

describe('enrolment by a partner key', () => {
  it('is refused, and a receipt with a new card enrols nobody, until the settings let partners enrol', async () => {
    const q = await newProgramme(db, { enrollOnUnknownCard: true });
    const fresh = validCardNumber('777012345678901');
    const sale = receipt('E-1', [line('MILK', 10_000)], { member: { cardNumber: fresh } });
    const enrol = () => q.call('POST', '/v1/members', { name: 'Новый', phone: '+79160000001' }, { role: 'partner' });
    await expectRefused(q, enrol, refused(/a partner key may not enrol members/));
    await expectRefused(q, () => q.call('POST', '/v1/receipts', sale, { role: 'partner' }), { status: 404, code: 'card_not_found', detail: /no card/ });
    const rows = await footprint(q);
    const batch = await q.call('POST', '/v1/receipts/batch', { receipts: [sale] }, { role: 'partner' });
    expect(batch.body.results[0]).toMatchObject({ status: 404, problem: { code: 'card_not_found' } });
    expect(await footprint(q)).toEqual(rows);

    expect((await q.call('PATCH', '/v1/program/settings', { partnersMayEnrol: true }, { role: 'marketer' })).status).toBe(200);
    const enrolled = await enrol();
    expect(enrolled.status).toBe(201);
    expect(Object.keys(enrolled.body.member).sort()).toEqual(summaryKeys);
    const sold = await q.call('POST', '/v1/receipts', sale, { role: 'partner' });
    expect(sold.status).toBe(201);
    expect(sold.body.memberId).toMatch(/^mem_/);
  });
});

describe('a readonly key', () => {
  it('without the pii grant reads members without personal data, and may not search by contacts', async () => {
    const read = await p.call('GET', `/v1/members/${memberId}`, undefined, { role: 'readonly' });
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual([...summaryKeys, 'cards'].sort());
    expect(read.body.cards[0]).toMatchObject({ number: cardNumber, blockReason: null });
    expect(Object.keys((await p.call('GET', '/v1/members?externalId=crm-1', undefined, { role: 'readonly' })).body).sort()).toEqual(summaryKeys);
    expectProblem(await p.call('GET', '/v1/members?phone=%2B79161234567', undefined, { role: 'readonly' }), 403, 'forbidden', /personal data/);
    const byPhone = receipt('SIM', [line('MILK', 100)], { member: { phone: '+79161234567' } });
    expectProblem(await p.call('POST', '/v1/rules/simulate', { receipt: byPhone }, { role: 'readonly' }), 403, 'forbidden', /personal data/);
  });

  it('with the pii grant reads the whole profile and searches by phone', async () => {
    const read = await p.call('GET', `/v1/members/${memberId}`, undefined, { key: readonlyWithPii });
    expect(read.body).toMatchObject({ ...profile, email: 'anna.s@example.ru', id: memberId });
    const found = await p.call('GET', '/v1/members?phone=8%20916%20123-45-67', undefined, { key: readonlyWithPii });
    expect(found.body).toMatchObject({ id: memberId, phone: '+79161234567', name: 'Анна Смирнова' });
  });

  it('reads the audit log without the records of members, unless it has the pii grant', async () => {
    const plain = await p.call('GET', '/v1/audit', undefined, { role: 'readonly' });
    const entities = (res: typeof plain) => new Set(res.body.items.map((i: { entity: string }) => i.entity));
    expect(plain.status).toBe(200);
    expect(entities(plain)).toContain('key');
    expect(entities(plain)).not.toContain('member');
    expect((await p.call('GET', '/v1/audit?entity=member', undefined, { role: 'readonly' })).body.items).toEqual([]);
    const withPii = await p.call('GET', '/v1/audit?entity=member', undefined, { key: readonlyWithPii });
    const change = withPii.body.items.find((i: { action: string }) => i.action === 'change');
    expect(change).toMatchObject({ before: { email: 'anna@example.ru' }, after: { email: 'anna.s@example.ru' } });
  });

  it('may simulate but not backtest', async () => {
    const sale = receipt('SIM-1', [line('MILK', 10_000)], { member: { id: memberId } });
    expect((await p.call('POST', '/v1/rules/simulate', { receipt: sale }, { role: 'readonly' })).status).toBe(200);
    const backtest = { rules: { campaigns: [] }, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    await expectRefused(p, () => p.call('POST', '/v1/rules/backtest', backtest, { role: 'readonly' }), refused(/a readonly key may not backtest rules/));
  });
});

describe('a pos key', () => {
  it('reads members with their personal data, looks a coupon up, but has no audit log, coupon list or export', async () => {
    expect((await p.call('GET', '/v1/members?phone=%2B79161234567', undefined, { role: 'pos' })).body).toMatchObject({ email: 'anna.s@example.ru' });
    expectProblem(await p.call('GET', '/v1/coupons/NO-SUCH', undefined, { role: 'pos' }), 404, 'coupon_not_found', /NO-SUCH/);
    expectProblem(await p.call('GET', '/v1/audit', undefined, { role: 'pos' }), 403, 'forbidden', /a pos key may not read the audit log/);
    expectProblem(await p.call('GET', '/v1/coupons', undefined, { role: 'pos' }), 403, 'forbidden', /a pos key may not list or export coupons/);
    expectProblem(await p.call('GET', '/v1/coupons/export.csv?batch=x', undefined, { role: 'pos' }), 403, 'forbidden', /a pos key may not list or export coupons/);
  });
});

describe('a marketer simulating', () => {
  it('sees a receipt on a new card priced as a newcomer’s, as a till that may enrol would', async () => {
    const newcomer = receipt('SIM-1', [line('MILK', 10000)], { member: { cardNumber: validCardNumber('777000000123') } });
    const simulated = await p.call('POST', '/v1/rules/simulate', { receipt: newcomer }, { role: 'marketer' });
    expect(simulated.status).toBe(200);
    expect(JSON.stringify(simulated.body)).toContain('"pointsEarned":10');
  });
});
