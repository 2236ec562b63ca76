import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toInput } from '../src/api/routes/receipts.ts';
import { receiptInput } from '../src/api/schemas.ts';
import { systemPrincipal } from '../src/domain/access.ts';
import { confirmMany } from '../src/flows/batch.ts';
import type { Db } from '../src/store/db.ts';
import { expectRefused } from './checks.ts';
import { line, newProgramme, openTestDb, receipt, type Programme } from './harness.ts';

// One input rule for every route: bounded bodies, text the database can store, numbers that stay finite.
let db: Db;
let p: Programme;
let memberId: string;
let receiptId: string;

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, { earn: { kind: 'percent', percent: 5 }, pendingDays: 0 });
  memberId = (await p.call('POST', '/v1/members', { name: 'Ида', phone: '+79165550101' })).body.member.id;
  const first = await p.call('POST', '/v1/receipts', receipt('I-1', [line('MILK', 10000, 2)], { member: { id: memberId } }), { role: 'pos' });
  expect(first.status).toBe(201);
  receiptId = first.body.id;
});
afterAll(() => db.close());

/** What a refused write could have changed beyond the row counts: the member, campaigns, categories. */
const observe = async () => ({
  member: (await p.call('GET', `/v1/members/${memberId}`)).body,
  campaigns: (await p.call('GET', '/v1/campaigns')).body,
  categories: (await p.call('GET', '/v1/categories')).body,
  receipt: (await p.call('GET', `/v1/receipts/${receiptId}`)).body,
});
const invalid = (detail: RegExp) => ({ status: 400, code: 'validation_failed', detail });
const send = (method: string, path: string, body: unknown) => () => p.call(method, path, body, { role: 'admin' });
const named = () => ({ member: { id: memberId } });
const loneSurrogate = '\ud800';

describe('text the database cannot store', () => {
  const cases: [string, string, string, () => unknown, RegExp][] = [
    ['a receipt number', 'POST', '/v1/receipts', () => receipt(`N${loneSurrogate}`, [line('MILK', 100)]), /number: text must be well-formed Unicode/],
    ['a coupon code', 'POST', '/v1/receipts/calculate', () => receipt('N-2', [line('MILK', 100)], { coupons: [`C${loneSurrogate}`] }), /coupons\.0: .*well-formed/],
    ['a return number', 'POST', `/v1/receipts/{receipt}/returns`, () => ({ number: `R${loneSurrogate}`, lines: [{ lineNo: 1, quantity: 1 }] }), /number: .*well-formed/],
    ['an action id', 'POST', '/v1/events', () => ({ id: `E${loneSurrogate}`, memberId, type: 'review' }), /id: .*well-formed/],
    ['a campaign name', 'PUT', '/v1/campaigns/c1', () => ({ name: `X${loneSurrogate}`, effects: [{ code: 'points_fixed', args: { points: 1 } }] }), /name: .*well-formed/],
    ['a category name', 'PUT', '/v1/categories/dairy', () => ({ name: `Молоко${loneSurrogate}` }), /name: .*well-formed/],
    ['a member attribute', 'PATCH', '/v1/members/{member}', () => ({ attributes: { pet: `cat${loneSurrogate}` } }), /attributes\.pet: .*well-formed/],
    ['an attribute name', 'PATCH', '/v1/members/{member}', () => ({ attributes: { [`p${loneSurrogate}`]: 1 } }), /the key: .*well-formed/],
    ['a NUL in a receipt number', 'POST', '/v1/receipts', () => receipt('N\u0000', [line('MILK', 100)]), /number: text must not contain the NUL/],
    ['a NUL in a batch receipt', 'POST', '/v1/receipts/batch', () => ({ receipts: [receipt('N-3', [line('MILK', 100)]), receipt('N-4\u0000', [line('MILK', 100)])] }), /receipts\.1\.number: .*NUL/],
  ];
  it.each(cases)('refuses a lone surrogate or NUL in %s, naming the field', async (_name, method, path, body, detail) => {
    const url = path.replace('{receipt}', receiptId).replace('{member}', memberId);
    await expectRefused(p, send(method, url, body()), invalid(detail), observe);
  });

  it('refuses them in the query string too', async () => {
    await expectRefused(p, () => p.call('GET', '/v1/members?phone=%00'), invalid(/phone: .*NUL/), observe);
  });
});

describe('numbers and nesting past what a field can hold', () => {
  it.each([1e308, -1e308])('refuses a quantity of %s on every receipt route', async (quantity) => {
    const body = receipt('Q-1', [{ sku: 'MILK', price: 100, quantity, amount: 100 }], named());
    for (const path of ['/v1/receipts/calculate', '/v1/receipts'])
      await expectRefused(p, send('POST', path, body), invalid(/lines\.0\.quantity/), observe);
    await expectRefused(p, send('POST', '/v1/rules/simulate', { receipt: body }), invalid(/quantity/), observe);
    const batch = await p.call('POST', '/v1/receipts/batch', { receipts: [body] }, { role: 'pos' });
    expect(batch.body.results[0]).toMatchObject({ status: 400, problem: { code: 'validation_failed', detail: expect.stringMatching(/lines\.0\.quantity/) } });
  });

  it('refuses a number JSON reads as infinity', async () => {
    const raw = JSON.stringify(receipt('Q-2', [line('MILK', 100)], named())).replace('"total":100', '"total":1e400');
    await expectRefused(p, send('POST', '/v1/receipts', raw), invalid(/total: a number too large/), observe);
  });

  it('refuses a whole number in attributes that would be stored rounded', async () => {
    const raw = `{"attributes":{"visits":9007199254740993}}`;
    await expectRefused(p, send('PATCH', `/v1/members/${memberId}`, raw), invalid(/attributes: whole numbers within/), observe);
    expect((await p.call('PATCH', `/v1/members/${memberId}`, { attributes: { visits: 12, ratio: 0.25 } })).status).toBe(200);
  });

  it('refuses a receipt that would earn past what a points field holds, instead of a 500 or a rounded balance', async () => {
    const q = await newProgramme(db, { earn: { kind: 'per_amount', points: 1_000_000, per: 1 }, tiers: [{ code: 'top', name: 'Top', threshold: 0, earnMultiplier: 10 }] });
    const member = (await q.call('POST', '/v1/members', { name: 'Богач' })).body.member.id;
    const gold = receipt('E1', [line('GOLD', 1_000_000_000_000)], { member: { id: member } });
    await expectRefused(q, () => q.call('POST', '/v1/receipts', gold, { role: 'pos' }), { status: 422, code: 'earning_out_of_range', detail: /more than 1000000000000 points/ });
    await expectRefused(q, () => q.call('POST', '/v1/receipts/calculate', gold, { role: 'pos' }), { status: 422, code: 'earning_out_of_range', detail: /points/ });
  });

  it('refuses attributes nested 5,000 levels deep, too many or too large', async () => {
    const deep = `{"attributes":{"deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    await expectRefused(p, send('PATCH', `/v1/members/${memberId}`, deep), invalid(/nested deeper than 32 levels/), observe);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
    await expectRefused(p, send('PATCH', `/v1/members/${memberId}`, { attributes: many }), invalid(/attributes: at most 100 attributes/), observe);
    await expectRefused(p, send('PATCH', `/v1/members/${memberId}`, { attributes: { note: 'x'.repeat(20_000) } }), invalid(/attributes: at most 16 KB/), observe);
  });
});

describe('bodies past their limit', () => {
  const tooLarge = { status: 413, code: 'payload_too_large', detail: /larger than 1048576 bytes/ };
  const big = () => ({ ...receipt('L-1', [line('MILK', 100)], named()), comment: 'x'.repeat(2 << 20) });

  it('refuses a body over 1 MB with 413 before reading it', async () => {
    await expectRefused(p, send('POST', '/v1/receipts/calculate', big()), tooLarge, observe);
    await expectRefused(p, send('PATCH', `/v1/members/${memberId}`, { attributes: { note: 'x'.repeat(10 << 20) } }), tooLarge, observe);
  });

  it('refuses a streamed body (no Content-Length) once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 << 10));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const sendStream = async () => {
      const res = await p.app.request('/v1/receipts/calculate', {
        method: 'POST',
        headers: { authorization: `Bearer ${p.keys.pos}`, 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      return { status: res.status, body: JSON.parse(await res.text()), contentType: res.headers.get('content-type') ?? '' };
    };
    await expectRefused(p, sendStream, tooLarge, observe);
    expect(sent).toBeLessThan(40);
  });

  it('lets a batch be larger, up to its own limit and 20,000 lines in all', async () => {
    const receipts = Array.from({ length: 1000 }, (_, i) => receipt(`BL-${i}`, Array.from({ length: 21 }, (_, k) => line(`SKU${k}`, 100))));
    await expectRefused(p, send('POST', '/v1/receipts/batch', { receipts }), invalid(/at most 20000 lines/), observe);
    const padded = { receipts: [receipt('BL-X', [line('MILK', 100, 1, { name: 'x'.repeat(150) })])], note: 'x'.repeat(3 << 20) };
    expect((await p.call('POST', '/v1/receipts/batch', padded, { role: 'pos' })).status).toBe(200);
    await expectRefused(p, send('POST', '/v1/receipts/batch', { ...padded, note: 'x'.repeat(9 << 20) }), { ...tooLarge, detail: /larger than 8388608 bytes/ }, observe);
  });
});

describe('a batch answers per receipt', () => {
  it('stores the others and refuses only the receipt the database refuses', async () => {
    // Past the API's input rule (as an import would be): the group fails on the database and goes one by one.
    const inputs = ['PB-1', 'PB-2\u0000', 'PB-3'].map((number) => toInput(receiptInput.parse(receipt(number, [line('MILK', 100)]))));
    const answers = await confirmMany(p.deps, p.programId, inputs, systemPrincipal('import'));
    expect(answers.map((a) => (a.ok ? 'ok' : a.code))).toEqual(['ok', 'validation_failed', 'ok']);
    const stored = await db.query<{ number: string }>('select number from receipts where program_id = $1 and number like $2 order by number', [p.programId, 'PB-%']);
    expect(stored.map((r) => r.number)).toEqual(['PB-1', 'PB-3']);
  });
});
