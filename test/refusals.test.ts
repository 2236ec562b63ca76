import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused, footprint } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Well-formed requests the programme refuses: unknown references, limits, conflicts, keys and roles.
let db: Db;
let p: Programme;
let memberId: string;
let receiptId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0, enrollOnUnknownCard: false, minRedemption: 10, maxRedemptionPercent: 50 });
  memberId = (await p.call('POST', '/v1/members', { name: 'Глеб', phone: '+79165550002' })).body.member.id;
  await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 500, reason: 'welcome bonus' });
  const first = await p.call('POST', '/v1/receipts', receipt('F-1', [line('MILK', 10000, 2)], { member: { id: memberId } }), { role: 'pos' });
  expect(first.status).toBe(201);
  receiptId = first.body.id;
});
afterAll(() => db.close());

const observe = async () => ({
  balance: (await p.call('GET', `/v1/members/${memberId}/balance`)).body,
  receipt: (await p.call('GET', `/v1/receipts/${receiptId}`)).body,
  program: (await p.call('GET', '/v1/program')).body,
});
const post = (body: unknown, options: Parameters<Programme['call']>[3] = { role: 'pos' }) => () => p.call('POST', '/v1/receipts', body, options);
const calculate = (body: unknown) => () => p.call('POST', '/v1/receipts/calculate', body, { role: 'pos' });
const sale = (number: string, extra: Record<string, unknown> = {}) => receipt(number, [line('MILK', 10000, 2)], { member: { id: memberId }, ...extra });

describe('references the programme does not know', () => {
  it('an unknown member id is 404 member_not_found', async () => {
    await expectRefused(p, post(sale('F-2', { member: { id: 'mem_01NOSUCHMEMBER' } })), { status: 404, code: 'member_not_found', detail: /no member/ }, observe);
    await expectRefused(p, post(sale('F-2', { member: { externalId: 'crm-404' } })), { status: 404, code: 'member_not_found', detail: /no member/ }, observe);
    await expectRefused(p, () => p.call('GET', '/v1/members/mem_01NOSUCHMEMBER/balance'), { status: 404, code: 'member_not_found', detail: /mem_01NOSUCHMEMBER|no member/ }, observe);
  });

  it('an unknown card is 404 card_not_found when the programme does not enrol on unknown cards', async () => {
    await expectRefused(p, post(sale('F-3', { member: { cardNumber: '4111111111111111' } })), { status: 404, code: 'card_not_found', detail: /no card 4111111111111111/ }, observe);
    await expectRefused(p, calculate(sale('F-3', { member: { cardNumber: '4111111111111111' } })), { status: 404, code: 'card_not_found', detail: /4111111111111111/ }, observe);
  });

  it('a card number with a wrong check digit is 422 invalid_card_number', async () => {
    await expectRefused(p, post(sale('F-4', { member: { cardNumber: '4111111111111112' } })), { status: 422, code: 'invalid_card_number', detail: /check digit/ }, observe);
  });

  it('an unknown store is 404 store_not_found', async () => {
    await expectRefused(p, post(sale('F-5', { storeCode: 'NOPE' })), { status: 404, code: 'store_not_found', detail: /no store NOPE/ }, observe);
  });

  it('an unknown currency code is 400 and another real currency is 422 currency_mismatch', async () => {
    await expectRefused(p, post(sale('F-6', { currency: 'XXQ' })), { status: 400, code: 'validation_failed', detail: /currency: unknown currency/ }, observe);
    await expectRefused(p, post(sale('F-6', { currency: 'rub' })), { status: 400, code: 'validation_failed', detail: /currency: ISO 4217/ }, observe);
    await expectRefused(p, post(sale('F-6', { currency: 'USD' })), { status: 422, code: 'currency_mismatch', detail: /works in RUB.*in USD/ }, observe);
    const ok = await p.call('POST', '/v1/receipts/calculate', sale('F-6', { currency: 'RUB' }), { role: 'pos' });
    expect(ok.status).toBe(200);
  });
});

describe('spending points', () => {
  it('refuses more than the receipt allows (50% of 200 RUB = 100 points)', async () => {
    const res = await expectRefused(p, post(sale('F-7', { pointsToSpend: 101 })), { status: 422, code: 'redemption_limit_exceeded', detail: /at most 100 points/ }, observe);
    expect(res.body.maxPoints).toBe(100);
    await expectRefused(p, calculate(sale('F-7', { pointsToSpend: 101 })), { status: 422, code: 'redemption_limit_exceeded', detail: /at most 100 points/ }, observe);
  });

  it('refuses more than the member has', async () => {
    const big = receipt('F-8', [line('TV', 5_000_000)], { member: { id: memberId }, pointsToSpend: 600 });
    const res = await expectRefused(p, post(big), { status: 422, code: 'insufficient_points', detail: /has 510 points available/ }, observe);
    expect(res.body.maxPoints).toBe(510);
  });

  it('refuses less than the minimum redemption', async () => {
    await expectRefused(p, post(sale('F-9', { pointsToSpend: 9 })), { status: 422, code: 'below_minimum_redemption', detail: /at least 10 points/ }, observe);
    const ten = await p.call('POST', '/v1/receipts/calculate', sale('F-9', { pointsToSpend: 10 }), { role: 'pos' });
    expect(ten.status).toBe(200);
    expect(ten.body.pointsDiscount).toBe(1000);
  });

  it('refuses points on an anonymous receipt', async () => {
    await expectRefused(p, post(receipt('F-10', [line('MILK', 10000)], { pointsToSpend: 10 })), { status: 422, code: 'member_required', detail: /anonymous/ }, observe);
  });

  it('refuses a debit adjustment larger than the balance', async () => {
    const send = () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: -100_000, reason: 'typo' });
    await expectRefused(p, send, { status: 422, code: 'insufficient_points', detail: /510 points available/ }, observe);
  });
});

describe('conflicts with earlier requests', () => {
  it('a receipt number reused with another body is 409 receipt_conflict, the first receipt unchanged', async () => {
    const changed = receipt('F-1', [line('MILK', 10000, 3)], { member: { id: memberId } });
    await expectRefused(p, post(changed), { status: 409, code: 'receipt_conflict', detail: /receipt F-1 of store S1/ }, observe);
    const same = await p.call('POST', '/v1/receipts', sale('F-1'), { role: 'pos' });
    expect(same.status).toBe(201);
    expect(same.body.id).toBe(receiptId);
  });

  it('an Idempotency-Key reused with another body is 409 idempotency_key_reused', async () => {
    const headers = { 'idempotency-key': 'till-7-op-1' };
    const first = await p.call('POST', '/v1/receipts', sale('F-11'), { role: 'pos', headers });
    expect(first.status).toBe(201);
    const retry = await p.call('POST', '/v1/receipts', sale('F-11'), { role: 'pos', headers });
    expect(retry.body).toEqual(first.body);
    await expectRefused(p, post(sale('F-12'), { role: 'pos', headers }), { status: 409, code: 'idempotency_key_reused', detail: /Idempotency-Key was already used/ }, observe);
    const adjust = () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 5, reason: 'same key' }, { headers });
    await expectRefused(p, adjust, { status: 409, code: 'idempotency_key_reused', detail: /Idempotency-Key/ }, observe);
  });

  it('a failed request does not use up its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'till-7-op-2' };
    await expectRefused(p, post(sale('F-13', { pointsToSpend: 5 }), { role: 'pos', headers }), { status: 422, code: 'below_minimum_redemption', detail: /at least 10/ }, observe);
    const fixed = await p.call('POST', '/v1/receipts', sale('F-13', { pointsToSpend: 10 }), { role: 'pos', headers });
    expect(fixed.status).toBe(201);
    expect(fixed.body.pointsSpent).toBe(10);
  });
});

describe('keys and roles', () => {
  it('a missing, unknown or malformed API key is 401', async () => {
    const unauthorized = { status: 401, code: 'unauthorized', detail: /Authorization: Bearer/ };
    await expectRefused(p, post(sale('F-20'), { key: '' }), unauthorized, observe);
    await expectRefused(p, post(sale('F-20'), { key: 'kop_not-a-real-key' }), unauthorized, observe);
    const basic = () => p.call('POST', '/v1/receipts', sale('F-20'), { headers: { authorization: `Basic ${p.keys.pos}` } });
    await expectRefused(p, basic, unauthorized, observe);
    await expectRefused(p, () => p.call('GET', `/v1/members/${memberId}`, undefined, { key: 'nope' }), unauthorized, observe);
  });

  it('a pos key cannot change settings (403) and the settings version stays', async () => {
    const before = (await p.call('GET', '/v1/program')).body.version;
    await expectRefused(p, () => p.call('PATCH', '/v1/program/settings', { pendingDays: 3 }, { role: 'pos' }), { status: 403, code: 'forbidden', detail: /^a pos key may not change settings/ }, observe);
    await expectRefused(p, () => p.call('PUT', '/v1/stores/S9', { name: 'Shadow store' }, { role: 'pos' }), { status: 403, code: 'forbidden', detail: /pos key/ }, observe);
    await expectRefused(p, () => p.call('POST', '/v1/jobs/expiry/run', undefined, { role: 'pos' }), { status: 403, code: 'forbidden', detail: /pos key/ }, observe);
    expect((await p.call('GET', '/v1/program')).body.version).toBe(before);
  });

  it('a readonly key can read but not write (403)', async () => {
    const forbidden = { status: 403, code: 'forbidden', detail: /^a readonly key may not / };
    const readonly = { role: 'readonly' as const };
    expect((await p.call('GET', `/v1/members/${memberId}/balance`, undefined, readonly)).status).toBe(200);
    await expectRefused(p, post(sale('F-21'), readonly), forbidden, observe);
    await expectRefused(p, () => p.call('POST', '/v1/receipts/calculate', sale('F-21'), readonly), forbidden, observe);
    await expectRefused(p, () => p.call('POST', '/v1/members', { name: 'Someone' }, readonly), forbidden, observe);
    await expectRefused(p, () => p.call('PATCH', `/v1/members/${memberId}`, { name: 'Renamed' }, readonly), forbidden, observe);
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 5, reason: 'x' }, readonly), forbidden, observe);
    await expectRefused(p, () => p.call('POST', `/v1/receipts/${receiptId}/cancel`, undefined, readonly), forbidden, observe);
    await expectRefused(p, () => p.call('PATCH', '/v1/program/settings', { pendingDays: 3 }, readonly), forbidden, observe);
  });

  it('other roles stay within their grants', async () => {
    await expectRefused(p, post(sale('F-22'), { role: 'marketer' }), { status: 403, code: 'forbidden', detail: /^a marketer key may not price, confirm, return or cancel receipts/ }, observe);
    await expectRefused(p, () => p.call('POST', '/v1/members', { name: 'Partner guest' }, { role: 'partner' }), { status: 403, code: 'forbidden', detail: /partner key/ }, observe);
    await expectRefused(p, () => p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 5, reason: 'x' }, { role: 'pos' }), { status: 403, code: 'forbidden', detail: /^a pos key may not adjust points by hand/ }, observe);
    const rows = await footprint(p);
    const partnerSale = await p.call('POST', '/v1/receipts', sale('F-22'), { role: 'partner' });
    expect(partnerSale.status).toBe(201);
    expect((await footprint(p)).receipts).toBe(rows.receipts + 1);
  });
});
