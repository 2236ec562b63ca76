import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// Malformed or inconsistent receipt bodies: a 400 that names the field, and nothing written.
let db: Db;
let p: Programme;
let memberId: string;
let receiptId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
  memberId = (await p.call('POST', '/v1/members', { name: 'Вера', phone: '+79165550001' })).body.member.id;
  await p.call('POST', `/v1/members/${memberId}/adjustments`, { points: 500, reason: 'welcome bonus' });
  const first = await p.call('POST', '/v1/receipts', receipt('B-1', [line('MILK', 10000, 2)], { member: { id: memberId } }), { role: 'pos' });
  expect(first.status).toBe(201);
  receiptId = first.body.id;
});
afterAll(() => db.close());

/** What a user would see change: the member's balance and profile, and the stored receipt. */
const observe = async () => ({
  balance: (await p.call('GET', `/v1/members/${memberId}/balance`)).body,
  member: (await p.call('GET', `/v1/members/${memberId}`)).body,
  receipt: (await p.call('GET', `/v1/receipts/${receiptId}`)).body,
});

const post = (body: unknown, path = '/v1/receipts') => () => p.call('POST', path, body, { role: 'pos' });
const invalid = (detail: RegExp) => ({ status: 400, code: 'validation_failed', detail });
const named = (extra: Record<string, unknown> = {}) => ({ member: { id: memberId }, ...extra });

describe('a receipt body that is not what the API expects', () => {
  it('refuses malformed JSON', async () => {
    await expectRefused(p, post('{"storeCode": "S1", "number": "B-2", "lines": ['), { status: 400, code: 'malformed_json', detail: /JSON/ }, observe);
  });

  it('refuses a body that is not JSON at all with 415', async () => {
    const send = async () => {
      const res = await p.app.request('/v1/receipts', {
        method: 'POST',
        headers: { authorization: `Bearer ${p.keys.pos}`, 'content-type': 'text/plain' },
        body: 'storeCode=S1',
      });
      return { status: res.status, body: JSON.parse(await res.text()), contentType: res.headers.get('content-type') ?? '' };
    };
    await expectRefused(p, send, { status: 415, code: 'unsupported_media_type', detail: /application\/json/ }, observe);
  });

  it('refuses wrong types and names each field', async () => {
    const body = { storeCode: 'S1', number: 42, lines: [{ sku: 'MILK', price: '100.00', quantity: '1', amount: 10000 }], total: '10000' };
    const res = await expectRefused(p, post(body), invalid(/number: .*expected string/), observe);
    expect(res.body.detail).toMatch(/lines\.0\.price: .*expected number/);
    expect(res.body.detail).toMatch(/lines\.0\.quantity: .*expected number/);
    expect(res.body.detail).toMatch(/total: .*expected number/);
    expect(res.body.errors).toContainEqual({ path: 'number', message: expect.stringMatching(/expected string/) });
  });

  it('refuses missing fields', async () => {
    const res = await expectRefused(p, post({ storeCode: 'S1', number: 'B-3' }), invalid(/lines: .*expected array/), observe);
    expect(res.body.detail).toMatch(/total: .*expected number/);
    await expectRefused(p, post({ ...receipt('B-3', [line('MILK', 10000)]), storeCode: undefined }), invalid(/storeCode/), observe);
    await expectRefused(p, post(receipt('B-3', [])), invalid(/lines: .*>=1/), observe);
  });

  it('refuses a zero or negative quantity', async () => {
    await expectRefused(p, post(receipt('B-4', [line('MILK', 10000, 0)], named())), invalid(/lines\.0\.quantity: quantity must be above zero/), observe);
    await expectRefused(p, post(receipt('B-4', [line('MILK', 10000, -2)], named())), invalid(/lines\.0\.quantity: quantity must be above zero/), observe);
    await expectRefused(p, post(receipt('B-4', [line('MILK', 10000, 0)], named()), '/v1/receipts/calculate'), invalid(/quantity must be above zero/), observe);
  });

  it('refuses a quantity with more than three decimals', async () => {
    await expectRefused(p, post(receipt('B-4', [line('APPLES', 19900, 0.7565)], named())), invalid(/lines\.0\.quantity: at most three decimals/), observe);
  });

  it('accepts a fractional quantity of weighed goods (0.756 kg)', async () => {
    // 199.00 RUB/kg x 0.756 kg = 150.444 -> 150.44 RUB; 5% -> 7 points (floor)
    const res = await p.call('POST', '/v1/receipts', receipt('B-5', [line('APPLES', 19900, 0.756)], named()), { role: 'pos' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ total: 15044, paid: 15044, pointsEarned: 7 });
    const stored = await p.call('GET', `/v1/receipts/${res.body.id}`);
    expect(stored.body.lines).toEqual([expect.objectContaining({ sku: 'APPLES', quantity: 0.756, price: 19900, amount: 15044, returnedQuantity: 0 })]);
  });

  it('refuses a line amount that is not price x quantity - discount', async () => {
    const wrong = { ...line('MILK', 10000, 2), amount: 15000 };
    await expectRefused(p, post(receipt('B-6', [wrong], named())), invalid(/lines\.0\.amount: must be price x quantity - discount = 20000/), observe);
    const discounted = { ...line('MILK', 10000, 2, { discount: 500 }), amount: 20000 };
    await expectRefused(p, post(receipt('B-6', [line('BREAD', 5000), discounted], named())), invalid(/lines\.1\.amount: .* = 19500/), observe);
  });

  it('refuses a total that is not the sum of the lines', async () => {
    const body = { ...receipt('B-7', [line('MILK', 10000, 2), line('BREAD', 5000)], named()), total: 20000 };
    await expectRefused(p, post(body), invalid(/total: must equal the sum of line amounts = 25000/), observe);
    await expectRefused(p, post(body, '/v1/receipts/calculate'), invalid(/total: must equal the sum of line amounts = 25000/), observe);
  });

  it('refuses numbers past the safe integer range instead of rounding them', async () => {
    const raw = `{"storeCode":"S1","number":"B-8","member":{"id":"${memberId}"},
      "lines":[{"sku":"GOLD","price":9007199254740993,"quantity":1,"amount":9007199254740993}],"total":9007199254740993}`;
    const res = await expectRefused(p, post(raw), invalid(/lines\.0\.price: Too big/), observe);
    expect(res.body.detail).toMatch(/total: Too big/);
    const points = JSON.stringify(receipt('B-8', [line('MILK', 10000)], named())).replace(/}$/, ',"pointsToSpend":1e20}');
    await expectRefused(p, post(points), invalid(/pointsToSpend: Too big/), observe);
  });

  it('refuses a fractional amount of kopecks', async () => {
    await expectRefused(p, post(receipt('B-9', [{ ...line('MILK', 100.5), amount: 100.5 }], named())), invalid(/lines\.0\.price: .*expected int/), observe);
  });

  it('refuses a member named in two ways at once', async () => {
    const body = receipt('B-10', [line('MILK', 10000)], { member: { id: memberId, phone: '+79165550001' } });
    await expectRefused(p, post(body), invalid(/exactly one of id, cardNumber, phone, externalId/), observe);
  });

  it('refuses a bad Idempotency-Key header', async () => {
    const send = () => p.call('POST', '/v1/receipts', receipt('B-11', [line('MILK', 10000)], named()), { role: 'pos', headers: { 'idempotency-key': 'k'.repeat(201) } });
    await expectRefused(p, send, invalid(/idempotency-key/), observe);
  });
});

describe('bad input elsewhere', () => {
  it('refuses a member with an invalid phone or e-mail', async () => {
    await expectRefused(p, () => p.call('POST', '/v1/members', { name: 'X', phone: '12' }), invalid(/phone is not a valid phone number/), observe);
    await expectRefused(p, () => p.call('POST', '/v1/members', { name: 'X', email: 'not-an-email' }), invalid(/email/), observe);
    await expectRefused(p, () => p.call('PATCH', `/v1/members/${memberId}`, { birthDate: '1990-02-31' }), invalid(/birthDate/), observe);
  });

  it('refuses an adjustment of zero points or without a reason', async () => {
    const adjust = (body: unknown) => () => p.call('POST', `/v1/members/${memberId}/adjustments`, body);
    await expectRefused(p, adjust({ points: 0, reason: 'nothing' }), invalid(/points: must not be zero/), observe);
    await expectRefused(p, adjust({ points: 10 }), invalid(/reason: .*expected string/), observe);
    await expectRefused(p, adjust({ points: 10, reason: '   ' }), invalid(/reason/), observe);
    await expectRefused(p, adjust({ points: 1.5, reason: 'half' }), invalid(/points: .*expected int/), observe);
  });

  it('refuses a return with a zero quantity or an unknown field type', async () => {
    const ret = (body: unknown) => () => p.call('POST', `/v1/receipts/${receiptId}/returns`, body, { role: 'pos' });
    await expectRefused(p, ret({ lines: [{ lineNo: 1, quantity: 0 }] }), invalid(/lines\.0\.quantity: quantity must be above zero/), observe);
    await expectRefused(p, ret({ lines: [] }), invalid(/lines: .*>=1/), observe);
    await expectRefused(p, ret({ lines: [{ lineNo: 1, quantity: 1 }, { lineNo: 1, quantity: 1 }] }), invalid(/each line at most once/), observe);
    await expectRefused(p, ret({ lines: [{ lineNo: '1', quantity: 1 }] }), invalid(/lineNo: .*expected number/), observe);
  });

  it('refuses an unknown job and an unknown route as problems', async () => {
    await expectRefused(p, () => p.call('POST', '/v1/jobs/birthday-party/run'), invalid(/name: /), observe);
    await expectRefused(p, () => p.call('GET', '/v1/nothing-here'), { status: 404, code: 'route_not_found', detail: /no route GET \/v1\/nothing-here/ }, observe);
  });
});
