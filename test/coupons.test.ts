import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/store/db.ts';
import { line, newProgramme, openTestDb, receipt, salePaths, type Programme, type SalePath } from './harness.ts';

const settings = { earn: { kind: 'percent', percent: 5 }, pendingDays: 14, expiry: { kind: 'days', days: 365 } };
const promo = { name: 'Промокод', conditions: { code: 'coupon', args: {} }, effects: [{ code: 'discount_percent', args: { percent: 10 } }] };
/** Characters a customer could misread: never in the random part of a code. */
const AMBIGUOUS = /[0O1IL]/;

let db: Db;
let p: Programme;
let anna: string;
let boris: string;
let receipts = 0;

async function newMember(p: Programme, name: string): Promise<string> {
  const created = await p.call('POST', '/v1/members', { name });
  expect(created.status).toBe(201);
  return created.body.member.id;
}

beforeAll(async () => {
  db = await openTestDb();
  p = await newProgramme(db, settings);
  expect((await p.call('PUT', '/v1/stores/S2', { name: 'Store two' })).status).toBe(200);
  expect((await p.call('PUT', '/v1/campaigns/promo', promo)).status).toBe(200);
  expect((await p.call('PUT', '/v1/campaigns/s2only', { ...promo, name: 'Только S2', scope: { stores: ['S2'] } })).status).toBe(200);
  anna = await newMember(p, 'Анна');
  boris = await newMember(p, 'Борис');
});
afterAll(() => db.close());

async function batch(body: Record<string, unknown>) {
  const res = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { batch: string; campaign: string; count: number; codes?: string[] };
}
const oneCoupon = async (body: Record<string, unknown> = {}) => ((await batch({ count: 1, ...body })).codes as string[])[0] as string;

const sale = (code: string | null, o: { memberId?: string; storeCode?: string } = {}) =>
  receipt(`CPN-${++receipts}`, [line('TEA', 10_000)], {
    ...(code === null ? {} : { coupons: [code] }),
    ...(o.memberId ? { member: { id: o.memberId } } : {}),
    ...(o.storeCode ? { storeCode: o.storeCode } : {}),
  });

/** What the till is told about the one coupon presented, with the discount it gave. */
async function calculate(code: string, o: { memberId?: string; storeCode?: string } = {}) {
  const res = await p.call('POST', '/v1/receipts/calculate', sale(code, o), { role: 'pos' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ...res.body.coupons[0], discount: res.body.campaignDiscount };
}

async function confirm(code: string, o: { memberId?: string; storeCode?: string } = {}) {
  const res = await p.call('POST', '/v1/receipts', sale(code, o), { role: 'pos' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const csv = async (query: string, role: 'admin' | 'marketer' = 'marketer') => {
  const res = await p.app.request(`/v1/coupons/export.csv?${query}`, { headers: { authorization: `Bearer ${p.keys[role]}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('generating a batch', () => {
  it('draws the asked number of distinct codes in the default pattern, without look-alike characters', async () => {
    const made = await batch({ count: 200 });
    expect(made).toMatchObject({ campaign: 'promo', count: 200, batch: expect.stringMatching(/^cpb_/) });
    const codes = made.codes as string[];
    expect(codes).toHaveLength(200);
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^KOP-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(code.slice(4), code).not.toMatch(AMBIGUOUS);
    }

    // Listed by batch, a page at a time in code order.
    const first = await p.call('GET', `/v1/coupons?batch=${made.batch}&limit=150`, undefined, { role: 'marketer' });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(150);
    const second = await p.call('GET', `/v1/coupons?batch=${made.batch}&limit=150&after=${first.body.next}`, undefined, { role: 'marketer' });
    expect(second.body.items).toHaveLength(50);
    expect(second.body.next).toBeNull();
    expect([...first.body.items, ...second.body.items].map((c: { code: string }) => c.code)).toEqual([...codes].sort());

    // One coupon, found however the customer typed it.
    const one = await p.call('GET', `/v1/coupons/${(codes[0] as string).toLowerCase()}`, undefined, { role: 'readonly' });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ code: codes[0], campaign: 'promo', batch: made.batch, maxUses: 1, perMember: null, uses: 0, memberId: null, validTo: null });
    const missing = await p.call('GET', '/v1/coupons/KOP-NONE-NONE', undefined, { role: 'readonly' });
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/^application\/problem\+json/);
    expect(missing.body.code).toBe('coupon_not_found');
  });

  it('answers a big batch without the codes and exports every one of them as CSV', async () => {
    const made = await batch({ count: 6000, pattern: 'XXXXXX-XXXXXX' });
    expect(made.count).toBe(6000);
    expect(made.codes).toBeUndefined();
    const res = await csv(`batch=${made.batch}`);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    const rows = res.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('code,campaign,batch,member_id,max_uses,per_member,uses,valid_from,valid_to');
    const codes = rows.slice(1).map((r) => r.split(',')[0] as string);
    expect(codes).toHaveLength(6000);
    expect(new Set(codes).size).toBe(6000);
    expect(codes).toEqual([...codes].sort());
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}-[A-HJKMNP-Z2-9]{6}$/);
  });

  it('exports each coupon with its campaign, member, limits and validity', async () => {
    const made = await batch({ count: 3, pattern: 'VIP-XXXXXX', memberId: anna, maxUses: 2, perMember: 1, validFrom: '2026-01-01T00:00:00+03:00', validTo: '2026-03-01T00:00:00Z' });
    const res = await csv(`batch=${made.batch}`);
    expect(res.text.split('\r\n').slice(1, -1)).toEqual(
      [...(made.codes as string[])].sort().map((code) => `${code},promo,${made.batch},${anna},2,1,0,2025-12-31T21:00:00.000Z,2026-03-01T00:00:00.000Z`),
    );
    expect(res.text.endsWith('\r\n')).toBe(true);
    const listed = await p.call('GET', `/v1/coupons?memberId=${anna}&campaign=promo`, undefined, { role: 'marketer' });
    expect(listed.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(made.codes as string[]));

    const unknown = await csv('batch=cpb_NOPE');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).code).toBe('not_found');
    expect((await csv('')).status).toBe(400);
  });

  it('creates one fixed promo code that many customers may use', async () => {
    const made = await batch({ code: ' summer2026 ', maxUses: null });
    expect(made).toMatchObject({ count: 1, codes: ['SUMMER2026'] });
    const sold = [];
    for (let i = 0; i < 3; i++) {
      sold.push(await confirm('Summer2026'));
      expect(sold[i].coupons).toEqual([{ code: 'SUMMER2026', status: 'applied', campaign: 'promo' }]);
      expect(sold[i].campaignDiscount).toBe(1000);
    }
    expect((await p.call('GET', '/v1/coupons/SUMMER2026')).body).toMatchObject({ maxUses: null, uses: 3 });
    // A cancelled sale no longer counts as a use.
    const cancelled = await p.call('POST', `/v1/receipts/${sold[0].id}/cancel`, undefined, { role: 'pos' });
    expect(cancelled.body.couponsRestored).toEqual(['SUMMER2026']);
    expect((await p.call('GET', '/v1/coupons/SUMMER2026')).body.uses).toBe(2);

    const again = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', code: 'SUMMER2026' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'conflict', detail: 'coupon SUMMER2026 already exists' });
  });
});

describe('presenting a coupon', () => {
  it('applies a valid coupon: the campaign gives its discount', async () => {
    const code = await oneCoupon();
    expect(await calculate(code)).toEqual({ code, status: 'applied', campaign: 'promo', discount: 1000 });
  });

  it('says why a coupon is refused, in a reason the till can show', async () => {
    const expired = await oneCoupon({ validFrom: '2025-12-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' });
    const early = await oneCoupon({ validFrom: '2026-02-01T00:00:00Z' });
    const annas = await oneCoupon({ memberId: anna });
    const s2 = await oneCoupon({ campaign: 's2only' });

    expect(await calculate('KOP-ZZZZ-ZZZZ')).toMatchObject({ status: 'rejected', reason: 'unknown', campaign: null, discount: 0 });
    expect(await calculate(expired)).toMatchObject({ status: 'rejected', reason: 'expired', message: 'expired at 2026-01-01T00:00:00.000Z', discount: 0 });
    expect(await calculate(early)).toMatchObject({ status: 'rejected', reason: 'not_yet_valid', message: 'valid from 2026-02-01T00:00:00.000Z', discount: 0 });
    expect(await calculate(annas, { memberId: boris })).toMatchObject({ status: 'rejected', reason: 'other_member', discount: 0 });
    expect(await calculate(annas, { memberId: anna })).toMatchObject({ status: 'applied', discount: 1000 });
    expect(await calculate(s2)).toMatchObject({ status: 'rejected', reason: 'not_for_this_store', campaign: 's2only', discount: 0 });
    expect(await calculate(s2, { storeCode: 'S2' })).toMatchObject({ status: 'applied', campaign: 's2only', discount: 1000 });
  });

  it('uses a single-use coupon up when the sale is confirmed', async () => {
    const code = await oneCoupon();
    const sold = await confirm(code, { memberId: anna });
    expect(sold.coupons).toEqual([{ code, status: 'applied', campaign: 'promo' }]);
    expect(sold.campaignDiscount).toBe(1000);
    expect(sold.paid).toBe(9000);
    expect((await p.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(1);

    expect(await calculate(code, { memberId: boris })).toMatchObject({ status: 'rejected', reason: 'used_up', discount: 0 });
    const later = await confirm(code);
    expect(later.coupons).toEqual([{ code, status: 'rejected', reason: 'used_up', message: 'already used', campaign: null }]);
    expect(later.campaignDiscount).toBe(0);
    expect((await p.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(1);
  });

  it('limits a shared coupon per member', async () => {
    const code = await oneCoupon({ maxUses: null, perMember: 1 });
    expect((await confirm(code, { memberId: anna })).coupons[0].status).toBe('applied');
    expect(await calculate(code, { memberId: anna })).toMatchObject({ status: 'rejected', reason: 'member_limit', discount: 0 });
    expect(await calculate(code, { memberId: boris })).toMatchObject({ status: 'applied', discount: 1000 });
  });

  it('gives the coupon back when the receipt is cancelled', async () => {
    const code = await oneCoupon();
    const sold = await confirm(code, { memberId: anna });
    expect(sold.coupons[0].status).toBe('applied');
    const cancelled = await p.call('POST', `/v1/receipts/${sold.id}/cancel`, undefined, { role: 'pos' });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body.couponsRestored).toEqual([code]);
    expect((await p.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(0);
    const again = await confirm(code, { memberId: boris });
    expect(again.coupons).toEqual([{ code, status: 'applied', campaign: 'promo' }]);
  });
});

describe('bad input to the batch endpoint', () => {
  const counts = async () => {
    const [row] = await db.query<{ coupons: number; audits: number }>(
      `select (select count(*)::int from coupons where program_id = $1) as coupons,
              (select count(*)::int from audit_log where program_id = $1 and entity = 'coupon_batch') as audits`,
      [p.programId],
    );
    return row;
  };

  it.each([
    ['an unknown campaign', { campaign: 'nope', count: 5 }, 404, 'campaign_not_found', null],
    ['a pattern with too few X', { count: 5, pattern: 'KOP-XXXX' }, 400, 'validation_failed', 'pattern'],
    ['a lower-case pattern', { count: 5, pattern: 'kop-xxxx-xxxx' }, 400, 'validation_failed', 'pattern'],
    ['validTo before validFrom', { count: 5, validFrom: '2026-03-01T00:00:00Z', validTo: '2026-02-01T00:00:00Z' }, 400, 'validation_failed', 'validTo'],
    ['a date without an offset', { count: 5, validTo: '2026-02-01' }, 400, 'validation_failed', 'validTo'],
    ['a negative count', { count: -5 }, 400, 'validation_failed', 'count'],
    ['a count over the batch limit', { count: 100_001 }, 400, 'validation_failed', 'count'],
    ['a fractional count', { count: 2.5 }, 400, 'validation_failed', 'count'],
    ['zero uses', { count: 5, maxUses: 0 }, 400, 'validation_failed', 'maxUses'],
    ['a fixed code for many coupons', { code: 'WINTER', count: 2 }, 400, 'validation_failed', 'count'],
    ['a fixed code and a pattern', { code: 'WINTER', pattern: 'KOP-XXXX-XXXX' }, 400, 'validation_failed', 'code'],
    ['a fixed code with spaces inside', { code: 'WIN TER!' }, 400, 'validation_failed', 'code'],
    ['an unknown field', { count: 5, maxuses: 3 }, 400, 'validation_failed', null],
    ['an unknown member', { count: 5, memberId: 'mem_NOPE' }, 404, 'member_not_found', null],
  ])('refuses %s and creates nothing', async (_what, body, status, code, field) => {
    const before = await counts();
    const res = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses keys that may not change settings', async () => {
    const res = await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 1 }, { role: 'pos' });
    expect(res.status).toBe(403);
    expect((await p.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 1 }, { role: 'marketer' })).status).toBe(201);
  });
});

describe('the audit trail', () => {
  it('records who made a batch and with what parameters', async () => {
    const made = await batch({ count: 7, pattern: 'AUD-XXXXXX', maxUses: 3, validTo: '2026-12-31T21:00:00Z' });
    const audit = await p.call('GET', '/v1/audit?entity=coupon_batch', undefined, { role: 'readonly' });
    expect(audit.status).toBe(200);
    const entry = audit.body.items.find((i: { entityId: string }) => i.entityId === made.batch);
    expect(entry).toMatchObject({
      action: 'create',
      entity: 'coupon_batch',
      actor: expect.stringContaining('admin'),
      before: null,
      after: { campaign: 'promo', pattern: 'AUD-XXXXXX', count: 7, maxUses: 3, perMember: null, validFrom: null, validTo: '2026-12-31T21:00:00.000Z', memberId: null },
    });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('a single-use coupon at many tills at once (PostgreSQL)', () => {
  it.each(Object.keys(salePaths) as SalePath[])('is applied to exactly one receipt on the %s sale path', async (path) => {
    const q = await newProgramme(db, settings);
    expect((await q.call('PUT', '/v1/campaigns/promo', promo)).status).toBe(200);
    const made = await q.call('POST', '/v1/coupons/batches', { campaign: 'promo', count: 1 });
    const code: string = made.body.codes[0];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => salePaths[path](q, receipt(`RACE-${i}`, [line('TEA', 10_000)], { coupons: [code] }))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const applied = results.filter((r) => r.body.coupons[0].status === 'applied');
    expect(applied).toHaveLength(1);
    expect(applied[0]?.body.campaignDiscount).toBe(1000);
    for (const r of results.filter((x) => x.body.coupons[0].status !== 'applied')) {
      expect(r.body.coupons[0]).toMatchObject({ status: 'rejected', reason: 'used_up' });
      expect(r.body.campaignDiscount).toBe(0);
    }
    expect((await q.call('GET', `/v1/coupons/${code}`)).body.uses).toBe(1);
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from coupon_redemptions where program_id = $1 and code = $2', [q.programId, code]);
    expect(row?.n).toBe(1);
  });
});

describe('the batches made by hand', () => {
  it('are listed newest first with their terms, maker and uses, by campaign, a page at a time', async () => {
    const other = await newProgramme(db, settings);
    expect((await other.call('PUT', '/v1/campaigns/promo', promo)).status).toBe(200);
    expect((await other.call('PUT', '/v1/campaigns/gift', { ...promo, name: 'Подарок' })).status).toBe(200);
    const make = async (body: Record<string, unknown>) => {
      const res = await other.call('POST', '/v1/coupons/batches', { campaign: 'promo', ...body }, { role: 'marketer' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const random = await make({ count: 3, pattern: 'TEST-XXXXXX', maxUses: 2 });
    const fixed = await make({ code: 'WINTER2026', maxUses: null });
    const gift = await make({ campaign: 'gift', count: 2 });
    expect((await other.call('POST', '/v1/receipts', sale(random.codes[0]))).body.coupons[0].status).toBe('applied');

    const list = await other.call('GET', '/v1/coupons/batches', undefined, { role: 'marketer' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((b: any) => b.batch)).toEqual([gift.batch, fixed.batch, random.batch]);
    expect(list.body.items[2]).toMatchObject({ campaign: 'promo', count: 3, pattern: 'TEST-XXXXXX', code: null, maxUses: 2, used: 1, uses: 1 });
    expect(list.body.items[2].createdBy).toContain('marketer');
    expect(list.body.items[1]).toMatchObject({ code: 'WINTER2026', pattern: null, count: 1, maxUses: null, used: 0 });
    expect((await other.call('GET', '/v1/coupons/batches?campaign=gift')).body.items.map((b: any) => b.batch)).toEqual([gift.batch]);

    const first = await other.call('GET', '/v1/coupons/batches?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await other.call('GET', `/v1/coupons/batches?limit=2&before=${first.body.next}`);
    expect(second.body.items.map((b: any) => b.batch)).toEqual([random.batch]);
    expect(second.body.next).toBeNull();
    // Another programme's batches are not among them.
    expect((await p.call('GET', '/v1/coupons/batches?limit=200')).body.items.map((b: any) => b.batch)).not.toContain(random.batch);
  });
});
